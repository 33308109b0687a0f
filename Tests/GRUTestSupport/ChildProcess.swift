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
/// own takes a slot, runs the child, waits for it and gives the slot back, and the test suspends,
/// so the pool goes on with other tests.
///
/// Children that work (`.working`: Chromium, the built binary) take one of as many slots as there
/// are cores (at least 2), so that the run does not start dozens of them at once, each slower for the others,
/// and a slow one (lesson3's slides in Chromium) does not time out. Children that mostly wait
/// (`.waiting`: the pseudo-terminal sessions, which pause for the program's screens) have 3 slots
/// of their own: the sessions wait for each screen at most 30 s, and the binary they run works too.
///
/// The slot is given back by the child's thread as the child ends, not by the test when it
/// resumes: while tests that compute hold both of the pool's threads, a test cannot resume, and
/// slots given back on resuming stayed taken by children long finished (the first 30 s of a
/// whole run, measured: every child of that time "ended" at once when the pool came free).
public enum ChildProcess {
    public enum Kind: Sendable {
        case working, waiting
        /// A child that ends within about a second (the built binary on a lesson): as many slots
        /// of its own as working children have, so that a test that runs one after another (the
        /// fuzz test's hundred damaged files) does not queue behind minutes of Chromium each time.
        case brief
        /// Takes every working slot: no other working child runs beside it. For a script whose
        /// browser must keep up with real input (the workbook's reload), which failed in about a
        /// third of the whole runs once dozens of children ran beside it.
        case alone
    }

    static let workingSlots = Slots(max(2, ProcessInfo.processInfo.activeProcessorCount))
    static let waitingSlots = Slots(3)
    static let briefSlots = Slots(max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// Runs `executable` to its end and returns what it wrote. Without `environment` it inherits
    /// this process's; without `standardInput` (a file's path, which must open) it reads nothing. With
    /// `mergingStandardError` its stderr goes to the same pipe as stdout. A child still running
    /// after `stopAfter` seconds is terminated (SIGTERM).
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, standardInput: String? = nil,
                           mergingStandardError: Bool = false, stopAfter seconds: Int? = nil,
                           kind: Kind = .working) async throws -> ProcessOutput {
        let (slots, count): (Slots, Int)
        switch kind {
        case .working: (slots, count) = (workingSlots, 1)
        case .waiting: (slots, count) = (waitingSlots, 1)
        case .brief: (slots, count) = (briefSlots, 1)
        case .alone: (slots, count) = (workingSlots, workingSlots.size)
        }
        return try await onItsOwnThread {
            slots.take(count)
            defer { slots.give(count) }
            let start = Date()
            defer { log(start: start, kind: kind, executable, arguments) }
            return try runBlocking(executable, arguments, in: directory, environment: environment, standardInput: standardInput,
                                   mergingStandardError: mergingStandardError, stopAfter: seconds)
        }
    }

    /// With GRU_EXPLAIN_CHILD_LOG=FILE (an existing file), one line per child is added to FILE as
    /// it ends: its start and end (seconds since 1970), its kind, its program and first arguments.
    /// docs/performance.md shows how to read where a test run's time went from it.
    static let childLog = ProcessInfo.processInfo.environment["GRU_EXPLAIN_CHILD_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
    static let childLogLock = NSLock()
    static func log(start: Date, kind: Kind, _ executable: URL, _ arguments: [String]) {
        guard let childLog else { return }
        let command = ([executable.lastPathComponent] + arguments.prefix(4)).joined(separator: " ").prefix(160)
        let line = "\(start.timeIntervalSince1970) \(Date().timeIntervalSince1970) \(kind) \(command)\n"
        childLogLock.withLock {
            childLog.seekToEndOfFile()
            childLog.write(Data(line.utf8))
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
        process.standardInput = FileHandle.nullDevice
        if let standardInput {
            // A name that does not open is the test's mistake, not an empty input (theScriptCompiles
            // once passed a script's text here and compiled nothing).
            guard let input = FileHandle(forReadingAtPath: standardInput) else {
                throw NSError(domain: "ChildProcess", code: 1, userInfo: [NSLocalizedDescriptionKey:
                    "standard input for \(executable.lastPathComponent): cannot open the file \(standardInput.prefix(80).debugDescription)"])
            }
            process.standardInput = input
        }
        try process.run()
        // The deadline is kept by a thread of its own too: a global dispatch queue runs on the pool.
        let ended = DispatchSemaphore(value: 0)
        if let seconds {
            Thread {
                if ended.wait(timeout: .now() + .seconds(seconds)) == .timedOut, process.isRunning { process.terminate() }
            }.start()
        }
        defer { ended.signal() }
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

    /// A counting semaphore for threads (the children's own, never the pool's): `take` blocks
    /// until `count` slots are free. Takers are served in turn, so one that takes them all is not
    /// passed over.
    final class Slots: @unchecked Sendable {
        let size: Int
        private var free: Int
        private var nextTicket = 0, serving = 0
        private let condition = NSCondition()
        init(_ size: Int) { self.size = size; free = size }

        func take(_ count: Int) {
            condition.lock()
            let ticket = nextTicket
            nextTicket += 1
            while ticket != serving || free < count { condition.wait() }
            free -= count
            serving += 1
            condition.broadcast()            // the next in turn may fit as well
            condition.unlock()
        }

        func give(_ count: Int) {
            condition.lock()
            free += count
            condition.broadcast()
            condition.unlock()
        }
    }
}
