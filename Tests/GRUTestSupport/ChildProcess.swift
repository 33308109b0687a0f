import Foundation

/// What a child process wrote and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    /// False when a signal ended the process; then `status` is the signal's number.
    public var exitedNormally: Bool

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Child processes (the built binary, Chromium, python3's scripts, poppler), run to their end
/// without holding one of the test run's threads.
///
/// Swift Testing runs the tests on Swift's concurrency pool, which has as many threads as the
/// machine has cores (2 here). A test that waits for a child with `waitUntilExit` or
/// `readDataToEndOfFile` holds its thread all the while: measured on this machine, the
/// pseudo-terminal tests (65 s of waiting, 2 s of CPU) and the fuzz tests (30 s of CPU) took 96 s
/// together, their sum, because the waiting tests took both threads in turn. Here a thread of its
/// own waits for the child, and the test suspends, so the pool goes on with other tests.
///
/// Children that work (`.working`: Chromium, the built binary) take one of as many slots as there
/// are cores (at least 2), so that the run does not start dozens of them at once, each slower for the others,
/// and a slow one (lesson3's slides in Chromium) does not time out. Children that mostly wait
/// (`.waiting`: the pseudo-terminal sessions, which pause for the program's screens) have 3 slots
/// of their own: the sessions wait for each screen at most 30 s, and the binary they run works too.
public enum ChildProcess {
    public enum Kind: Sendable {
        case working, waiting
        /// Takes every working slot: no other working child runs beside it. For a script whose
        /// browser must keep up with real input (the workbook's reload), which failed in about a
        /// third of the whole runs once dozens of children ran beside it.
        case alone
    }

    static let workingSlots = Slots(max(2, ProcessInfo.processInfo.activeProcessorCount))
    static let waitingSlots = Slots(3)

    /// Runs `executable` to its end and returns what it wrote. Without `environment` it inherits
    /// this process's; without `standardInput` (a file's path) it reads nothing. With
    /// `mergingStandardError` its stderr goes to the same pipe as stdout. A child still running
    /// after `stopAfter` seconds is terminated (SIGTERM).
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, standardInput: String? = nil,
                           mergingStandardError: Bool = false, stopAfter seconds: Int? = nil,
                           kind: Kind = .working) async throws -> ProcessOutput {
        let slots = kind == .waiting ? waitingSlots : workingSlots
        let count = kind == .alone ? workingSlots.size : 1
        await slots.take(count)
        do {
            let output = try await onItsOwnThread {
                try runBlocking(executable, arguments, in: directory, environment: environment, standardInput: standardInput,
                                mergingStandardError: mergingStandardError, stopAfter: seconds)
            }
            await slots.give(count)
            return output
        } catch {
            await slots.give(count)
            throw error
        }
    }

    /// Runs blocking `work` on a new thread (not one of the pool's) and suspends until it ends.
    public static func onItsOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// `run`, holding the calling thread until the child ends: only for a static initializer,
    /// which cannot suspend, and only for a child that ends at once (`python3 -c pass`).
    public static func runBlocking(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                                   environment: [String: String]? = nil, standardInput: String? = nil,
                                   mergingStandardError: Bool = false, stopAfter seconds: Int? = nil) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = mergingStandardError ? out : Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = standardInput.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
        try process.run()
        if let seconds {
            DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds)) { if process.isRunning { process.terminate() } }
        }
        // stderr is read on a thread of its own: a child that fills one pipe while this one waits
        // on the other would never finish.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let errRead = DispatchSemaphore(value: 0)
        if mergingStandardError {
            errRead.signal()
        } else {
            Thread {
                errBox.data = err.fileHandleForReading.readDataToEndOfFile()
                errRead.signal()
            }.start()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, stdout: outData, stderr: errBox.data,
                             exitedNormally: process.terminationReason == .exit)
    }

    /// A counting semaphore for tasks: `take` suspends (it does not block a thread) until `count`
    /// slots are free. Takers are served in turn, so one that takes them all is not passed over.
    actor Slots {
        nonisolated let size: Int
        var free: Int
        var waiting: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        init(_ size: Int) { self.size = size; free = size }

        func take(_ count: Int) async {
            if waiting.isEmpty && free >= count { free -= count; return }
            await withCheckedContinuation { waiting.append((count, $0)) }
        }

        func give(_ count: Int) {
            free += count
            while let first = waiting.first, first.count <= free {
                free -= first.count
                waiting.removeFirst()
                first.continuation.resume()
            }
        }
    }
}
