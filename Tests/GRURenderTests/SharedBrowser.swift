import Foundation
import GRUTestSupport

/// One headless Chromium for the whole test run's browser scripts (Scripts/browser.py), started
/// by the first script that needs it. Each script opens its page in a window of its own there,
/// with a profile of its own (cdp.py). A browser of its own cost every script about 1.5 s of CPU
/// to start, and the browser tests run about thirty scripts.
///
/// The browser ends when this test process does, in any way: browser.py waits for its standard
/// input, whose other end only this process holds, to end.
///
/// GRU_EXPLAIN_SHARED_BROWSER=0 gives every script a browser of its own again (cdp.py starts one
/// when GRU_EXPLAIN_CDP_BROWSER is not set).
enum SharedBrowser {
    static let disabled = ProcessInfo.processInfo.environment["GRU_EXPLAIN_SHARED_BROWSER"] == "0"

    /// The environment for a script: this process's, with GRU_EXPLAIN_CDP_BROWSER naming the
    /// shared browser ("PORT PATH").
    static func environment(chromium: String, python: String) async throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GRU_EXPLAIN_CDP_BROWSER"] = disabled ? nil : try await started(chromium: chromium, python: python).value
        return environment
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var start: Task<String, Error>?
    /// browser.py and the writing end of its standard input, kept open while this process runs.
    nonisolated(unsafe) private static var kept: (Process, Pipe)?

    private static func started(chromium: String, python: String) -> Task<String, Error> {
        lock.withLock {
            if let start { return start }
            let task = Task { try await ChildProcess.onItsOwnThread { try launch(chromium: chromium, python: python) } }
            start = task
            return task
        }
    }

    /// Starts browser.py and reads the line it prints once the browser listens.
    private static func launch(chromium: String, python: String) throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/browser.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, chromium]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        lock.withLock { kept = (process, input) }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = text.split(separator: " ").first, Int(port) != nil else {
            throw NSError(domain: "SharedBrowser", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "the shared browser did not start (Scripts/browser.py printed \(text.prefix(200).debugDescription))"])
        }
        return text
    }
}
