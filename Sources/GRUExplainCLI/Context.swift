import GRURender
import Foundation
import GRUJSON

/// Everything a command touches outside itself, so that tests can run commands in-process.
public struct Context {
    public var environment: [String: String]
    /// Whether standard output is a terminal (decides `--color auto`).
    public var stdoutIsTerminal: Bool
    /// Whether standard input is a terminal too: `run --step` reads its keys there, and behaves as
    /// a plain `run` unless both are terminals.
    public var stdinIsTerminal: Bool
    /// The width of the terminal on standard output, in columns (TIOCGWINSZ); nil when standard
    /// output is not a terminal or does not say. `$COLUMNS` is the fallback (see `OutputOptions.warnIfNarrow`).
    public var terminalColumns: Int?
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    /// The language of error messages (`GRUExplain.messageLanguage`), set before a command runs.
    public var messageLanguage: Language = .en

    public init(environment: [String: String], stdoutIsTerminal: Bool, stdinIsTerminal: Bool = false, terminalColumns: Int? = nil,
                writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void) {
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stdinIsTerminal = stdinIsTerminal
        self.terminalColumns = terminalColumns
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// The real process: stdout, stderr, the environment, isatty(1), isatty(0) and the width of
    /// the terminal on stdout.
    ///
    /// Standard output that cannot be written (a full disk, `> /dev/full`, a closed pipe when
    /// SIGPIPE is ignored) ends the process with one line on stderr and exit status 2, rather
    /// than the trap of `FileHandle.write(_: Data)`; there is nothing more a command can do.
    public static func process() -> Context {
        Context(environment: ProcessInfo.processInfo.environment,
                stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
                stdinIsTerminal: isatty(STDIN_FILENO) == 1,
                terminalColumns: Terminal.outputColumns(),
                writeOut: { text in
                    do {
                        try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
                    } catch {
                        let reason = JSONWriter.oneLine(writeErrorReason(error))
                        try? FileHandle.standardError.write(contentsOf: Data("gru-explain: cannot write to standard output (\(reason))\n".utf8))
                        exit(ExitStatus.badInput)
                    }
                },
                writeErr: { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) })
    }

    /// Prints one error line on stderr: `gru-explain: <message>`. A control character or a line
    /// separator in the message (from a file name, say) is shown as a `\u` escape, so that it is
    /// always exactly one line.
    func fail(_ message: String) {
        writeErr("gru-explain: \(TerminalText.escaped(message))\n")
    }
}

/// Exit statuses, the same for every command.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// `check` found a wrong answer; `gradcheck` found a gradient over the tolerance.
    public static let failure: Int32 = 1
    /// Bad input: a usage error, a lesson or answer file that cannot be used.
    public static let badInput: Int32 = 2
    /// The computation diverged: the loss or a gradient stopped being finite.
    public static let diverged: Int32 = 3
}
