import Foundation
import Testing
import GRUTestSupport

/// `run --step` on a real (pseudo-)terminal: Scripts/step_pty.py starts the built binary on a
/// pty, presses Enter, b, →, Space, End and Home, reads the prompts, ends the session one of four
/// ways and checks that the terminal settings are exactly as before. On a 60×30 terminal
/// (narrow-en, narrow-zh) it checks that every screen, wrapped as a terminal wraps it, fits in 30
/// rows with the prompt on one, that the first screen gives the narrow-terminal hint, and that
/// a resize redraws at once. In zh and en at 100×30 and 80×24 (rules-…) it checks the step-mode
/// rules on every screen of lesson1: headings stay with their tables, a continued table repeats its
/// header row, no screen holds only a table's last row, prose fits the width, and ↑ goes back a
/// screen and b a page. As a shell's job (ctrl-z), Ctrl-Z stops it with the settings put
/// back and SIGCONT (fg) brings single keys and the screen back. Needs python3 (its pty and
/// termios modules); skipped without it.
@Suite struct PseudoTerminalTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/step_pty.py").path

    @Test(.enabled(if: python != nil, "python3 is not installed: the pseudo-terminal test of --step is skipped"),
          arguments: ["q", "ctrl-d", "sigint", "ctrl-c", "narrow-en", "narrow-zh", "ctrl-z",
                      "rules-zh-100x30", "rules-en-100x30", "rules-zh-80x24", "rules-en-80x24"])
    func stepModeOnAPseudoTerminal(mode: String) async throws {
        let binary = try #require(builtBinary(), "the gru-explain binary is not built; run 'swift build' first")
        // The session mostly waits for the program's screens: a slot of the waiting kind.
        let r = try await ChildProcess.run(URL(fileURLWithPath: Self.python!), [Self.script, binary.path, mode],
                                           mergingStandardError: true, kind: .waiting)
        let text = r.stdoutText
        #expect(r.status == 0, "\(text)")
        #expect(text.hasPrefix("OK \(mode)"), "\(text)")
    }
}
