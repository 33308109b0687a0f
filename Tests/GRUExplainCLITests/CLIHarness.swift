import Foundation
import Testing
import GRUExplainCLI
import GRULessons
import GRUTestSupport

/// Runs gru-explain in-process and captures what it writes.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// False when the process was killed by a signal (a trap is SIGILL or SIGTRAP); then
    /// `status` is the signal's number. Always true in-process.
    var exitedNormally = true
}

func runCLI(_ arguments: [String], environment: [String: String] = [:], terminal: Bool = false) -> CLIResult {
    final class Box: @unchecked Sendable { var out = ""; var err = "" }
    let box = Box()
    let context = Context(environment: environment, stdoutIsTerminal: terminal,
                          writeOut: { box.out += $0 }, writeErr: { box.err += $0 })
    let status = GRUExplain.main(arguments, context: context)
    return CLIResult(status: status, stdout: box.out, stderr: box.err)
}

/// The checkout this file is in (Tests/GRUExplainCLITests/CLIHarness.swift → the package root).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `gru-explain` binary, next to the test bundle in .build/<configuration>/.
func builtBinary() -> URL? {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("gru-explain")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    // Fall back to the package layout: Tests/GRUExplainCLITests/<this file> → .build/debug.
    for configuration in ["debug", "release"] {
        let candidate = repository.appendingPathComponent(".build/\(configuration)/gru-explain")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}

/// Runs the built binary as a separate process, from `directory`, with no standard input (or
/// the file `standardInput`). The test suspends while it runs (`ChildProcess`).
func runBinary(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
               standardInput: String? = nil) async throws -> CLIResult {
    guard let binary = builtBinary() else {
        throw NSError(domain: "gru-explain tests", code: 1,
                      userInfo: [NSLocalizedDescriptionKey: "the gru-explain binary is not built; run 'swift build' first"])
    }
    var env = ["PATH": "/usr/bin:/bin"]
    env.merge(environment) { $1 }
    return try await runProcess(binary, arguments, in: directory, environment: env, standardInput: standardInput, kind: .brief)
}

/// Runs `executable` with no standard input (or the file `standardInput`) and captures what it
/// writes. Without `environment` it inherits this process's.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                environment: [String: String]? = nil, standardInput: String? = nil,
                kind: ChildProcess.Kind = .working) async throws -> CLIResult {
    let output = try await ChildProcess.run(executable, arguments, in: directory, environment: environment,
                                            standardInput: standardInput, kind: kind)
    return CLIResult(status: output.status, stdout: output.stdoutText, stderr: output.stderrText, exitedNormally: output.exitedNormally)
}

/// Each `(arguments, fragment)` is a usage error: status 2, nothing on stdout, and one line on
/// stderr that contains `fragment`.
func expectUsageErrors(_ cases: [([String], String)], sourceLocation: SourceLocation = #_sourceLocation) {
    for (arguments, fragment) in cases {
        let r = runCLI(arguments)
        #expect(r.status == 2, "\(arguments)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)", sourceLocation: sourceLocation)
    }
}

/// A new, empty folder under the temporary directory, named `prefix-<UUID>`.
func scratchFolder(_ prefix: String) -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// lessons/lesson1.json (the bundled text) with each `(old, new)` replaced; every `old` must occur.
func lesson1Text(_ replacements: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) -> String {
    var text = LessonLibrary.bundledFiles.first { $0.id == "lesson1" }?.json ?? ""
    for (old, new) in replacements {
        #expect(text.contains(old), "lesson1 has no \(old)", sourceLocation: sourceLocation)
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}
