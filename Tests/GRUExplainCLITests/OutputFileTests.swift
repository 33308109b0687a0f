import Foundation
import Testing
import GRULessons
@testable import GRUExplainCLI

/// `-o FILE` is written atomically, a failed run leaves an existing file as it was, and no
/// command modifies a file it reads (docs/robustness.md).
@Suite final class OutputFileTests {
    let dir = scratchFolder("gru-explain-output")
    deinit { try? FileManager.default.removeItem(at: dir) }

    /// Writes `text` to `name` in `dir` with a modification date an hour ago, so that a rewrite
    /// within the test would show.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: url.path)
        return url.path
    }

    /// The bytes and the modification date of a file.
    func snapshot(_ path: String) throws -> (Data, Date?) {
        (try Data(contentsOf: URL(fileURLWithPath: path)),
         try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    static let formats = ["text", "markdown", "json", "tsv", "html"]

    @Test func aFailedRunLeavesTheExistingOutputFileAsItWas() throws {
        let keep = try file("keep.txt", "an earlier result\n")
        let before = try snapshot(keep)
        let broken = try file("broken.json", "{\"format\": \"gru-explain.lesson/1\",\n  \"id\": \"x\",,\n}")
        let diverging = try file("diverging.json", lesson1Text([("\"learning_rate\": 0.05", "\"learning_rate\": 1e300")]))
        let badSheet = try file("bad.txt", "t1.z[1] = zero\n")
        var runs: [([String], Int32)] = []
        for format in Self.formats {
            runs.append((["run", broken, "--format", format, "-o", keep], 2))
            runs.append((["run", diverging, "--format", format, "-o", keep], 3))
            runs.append((["run", "lesson1", "--format", format, "--digits", "99", "-o", keep], 2))
        }
        runs.append((["worksheet", broken, "-o", keep], 2))
        runs.append((["check", "lesson1", badSheet, "-o", keep], 2))
        // A worksheet is marked without training (as `worksheet` makes it), so the lesson's
        // diverging training does not stop it: the bad sheet is the error.
        runs.append((["check", diverging, badSheet, "-o", keep], 2))
        for (arguments, status) in runs {
            let r = runCLI(arguments)
            #expect(r.status == status, "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
            let after = try snapshot(keep)
            #expect(after.0 == before.0 && after.1 == before.1, "\(arguments) changed the output file")
        }
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["bad.txt", "broken.json", "diverging.json", "keep.txt"])
    }

    @Test func aMissingDirectoryOrADirectoryIsOneLineAndStatus2() throws {
        let missing = dir.appendingPathComponent("no/such/dir/trace.json").path
        let r = runCLI(["run", "lesson1", "--format", "json", "-o", missing])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(missing): cannot write the output file: the directory \(dir.path)/no/such/dir does not exist\n")
        for arguments in [["run", "lesson1", "-o", dir.path], ["worksheet", "lesson1", "-o", dir.path]] {
            let d = runCLI(arguments)
            #expect(d.status == 2 && d.stdout.isEmpty)
            #expect(d.stderr == "gru-explain: \(dir.path): cannot write the output file: it is a directory; give a file name, e.g. \(dir.path)/out.txt\n", "\(d.stderr)")
        }
    }

    @Test func theOutputIsCompleteOnSuccessAndReplacesAnOldOne() throws {
        for format in Self.formats {
            let out = try file("out.\(format)", "old\n")
            let written = runCLI(["run", "lesson1", "--format", format, "--lang", "zh", "-o", out])
            #expect(written.status == 0 && written.stdout.isEmpty && written.stderr.isEmpty, "\(format): \(written.stderr)")
            let shown = runCLI(["run", "lesson1", "--format", format, "--lang", "zh"])
            #expect(try String(contentsOfFile: out, encoding: .utf8) == shown.stdout, "\(format)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// The replacement keeps the replaced file's permissions: a private file stays private.
    @Test func aReplacedFileKeepsItsMode() throws {
        for mode in [0o600, 0o640, 0o755] {
            let out = try file("mode-\(mode).txt", "old\n")
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: out)
            #expect(runCLI(["run", "lesson1", "--only", "model", "-o", out]).status == 0)
            let after = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(after == mode, "mode \(String(mode, radix: 8)) became \(after.map { String($0, radix: 8) } ?? "nil")")
            #expect(try String(contentsOfFile: out, encoding: .utf8) != "old\n")
        }
    }

    /// Every command on a lesson file and an answers file, then the files byte for byte and their
    /// modification dates; `-o` naming an input, directly or through a link, is refused.
    @Test func noCommandModifiesAnInputFile() throws {
        let lesson = try file("my-lesson.json", lesson1Text([]))
        let sheet = try file("answers.txt", "t1.z[1] = 0.5987\nt1.h[1] = 0.1855\n")
        let inputs = [lesson, sheet]
        let before = try inputs.map(snapshot)
        var commands: [[String]] = Self.formats.map { ["run", lesson, "--format", $0] }
        commands += [["worksheet", lesson], ["check", lesson, sheet], ["check", lesson, sheet, "--format", "json"],
                     ["compare", lesson], ["gradcheck", lesson], ["export", lesson, "--to", "pytorch"],
                     ["run", lesson, "-o", dir.appendingPathComponent("out.txt").path]]
        for arguments in commands {
            let r = runCLI(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        // -o onto an input: refused before anything runs.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path, withDestinationPath: sheet)
        let refusals: [([String], String, String)] = [
            (["run", lesson, "-o", lesson], lesson, lesson),
            (["run", lesson, "--format", "json", "--output=\(lesson)"], lesson, lesson),
            (["check", lesson, sheet, "-o", dir.appendingPathComponent("link.txt").path], dir.appendingPathComponent("link.txt").path, sheet),
            (["export", lesson, "--to", "pytorch", "-o", lesson], lesson, lesson),
        ]
        for (arguments, output, input) in refusals {
            let r = runCLI(arguments)
            #expect(r.status == 2 && r.stdout.isEmpty, "\(arguments)")
            #expect(r.stderr == "gru-explain: \(output): is also an input of this command (\(input)); write the output to another file, so that the input is kept\n", "\(r.stderr)")
        }
        let after = try inputs.map(snapshot)
        for (a, b) in zip(before, after) {
            #expect(a.0 == b.0 && a.1 == b.1)
        }
    }

    /// The same through the built binary: a run into a file is whole, and a failed one leaves
    /// the file as it was.
    @Test func theBuiltBinaryWritesWholeFilesOrNone() async throws {
        let keep = try file("keep.json", "{}\n")
        let diverging = try file("diverging.json", lesson1Text([("\"learning_rate\": 0.05", "\"learning_rate\": 1e300")]))
        let failed = try await runBinary(["run", diverging, "--format", "json", "-o", keep], in: dir)
        #expect(failed.exitedNormally && failed.status == 3)
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == "{}\n")
        let done = try await runBinary(["run", "lesson1", "--format", "json", "-o", keep], in: dir)
        #expect(done.exitedNormally && done.status == 0 && done.stdout.isEmpty)
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == runCLI(["run", "lesson1", "--format", "json"]).stdout)
    }

    /// `-o -` is standard output, as in most Unix tools: no file named "-" appears.
    @Test func dashIsStandardOutput() async throws {
        let r = try await runBinary(["run", "lesson1", "--only", "forward", "-o", "-"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == runCLI(["run", "lesson1", "--only", "forward"]).stdout)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    }

    /// A run stopped by SIGTERM or SIGINT while it writes -o leaves no temporary file behind, the
    /// file it was replacing as it was, and ends as the signal ends a process.
    @Test(arguments: [SIGTERM, SIGINT])
    func anInterruptedRunLeavesNoTemporaryFile(_ sig: Int32) throws {
        guard let binary = builtBinary() else { Issue.record("the gru-explain binary is not built"); return }
        // H 16, T 2000, 10 epochs: a JSON trace of about 50 MB, streamed into the file for
        // seconds (a debug build; the training before it, about a second).
        let lesson = try LimitsTests.lesson(H: 16, T: 2000, epochs: 10)
        defer { try? FileManager.default.removeItem(atPath: lesson) }
        let target = try file("trace-\(sig).json", "old\n")
        // Through python3, which unblocks the signals first: the test runner's threads block them,
        // and a spawned process inherits that mask (a shell's children do not).
        let unblock = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}); os.execv(sys.argv[1], sys.argv[1:])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", unblock, binary.path, "run", lesson, "--format", "json", "-o", target]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (up to 60 s) until the temporary file has grown, so the signal lands mid-write.
        let temporaries = { () -> [String] in
            ((try? FileManager.default.contentsOfDirectory(atPath: self.dir.path)) ?? []).filter { $0.hasSuffix(".tmp") }
        }
        let deadline = Date(timeIntervalSinceNow: 60)
        while Date() < deadline, process.isRunning {
            if let name = temporaries().first,
               let size = try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.size] as? Int,
               size > 0 { break }
            usleep(5_000)
        }
        #expect(process.isRunning, "the run ended before it could be interrupted")
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == sig)
        #expect(temporaries().isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
    }

    /// A link is followed (its file is replaced, the link stays); a device is written to, never
    /// replaced by a file; a device that fails (/dev/full) is one line and status 2.
    @Test func linksAndDevices() throws {
        let real = try file("real.txt", "old\n")
        let link = dir.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(runCLI(["run", "lesson1", "--format", "tsv", "-o", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == runCLI(["run", "lesson1", "--format", "tsv"]).stdout)

        func isCharacterDevice(_ path: String) -> Bool {
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeCharacterSpecial
        }
        #expect(isCharacterDevice("/dev/null"))
        for format in Self.formats {
            let r = runCLI(["run", "lesson1", "--format", format, "-o", "/dev/null"])
            #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty, "\(format): \(r.stderr)")
        }
        #expect(isCharacterDevice("/dev/null"))
        guard isCharacterDevice("/dev/full") else { return }   // Linux
        for format in ["text", "json"] {
            let r = runCLI(["run", "lesson1", "--format", format, "-o", "/dev/full"])
            #expect(r.status == 2 && r.stdout.isEmpty, "\(format)")
            #expect(r.stderr == "gru-explain: /dev/full: cannot write the output file (No space left on device)\n", "\(r.stderr)")
        }
        #expect(isCharacterDevice("/dev/full"))
    }

    /// Standard output on a full disk: one line and status 2, not a trap in FileHandle.write.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full is Linux's"))
    func aFullStandardOutputIsOneLineAndStatus2() throws {
        let binary = try #require(builtBinary())
        for format in ["text", "json"] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "lesson1", "--format", format]
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe()
            process.standardError = err
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(format): \(stderr)")
            #expect(stderr == "gru-explain: cannot write to standard output (No space left on device)\n")
        }
    }
}
