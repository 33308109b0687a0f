import Foundation
import Testing
import GRUJSON

/// Runs the built binary as a user would, from a directory that is not the checkout.
@Suite struct EndToEndTests {
    let elsewhere = FileManager.default.temporaryDirectory

    @Test func runsLesson1FromAnyDirectory() async throws {
        let r = try await runBinary(["run", "lesson1", "--format", "json"], in: elsewhere)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(throws: Never.self) { try JSONParser.parse(r.stdout) }
        #expect(r.stdout.contains("\"format\": \"gru-explain.trace/1\""))
    }

    @Test func badLessonFileGivesOneLineAndStatus2() async throws {
        let dir = elsewhere.appendingPathComponent("gru-explain-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.json")
        let text = "{\"format\": \"gru-explain.lesson/1\",\n  \"id\": \"x\",,\n}"
        try Data(text.utf8).write(to: file)
        let r = try await runBinary(["run", "broken.json"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("gru-explain: broken.json: invalid JSON at line 2, column 13:"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        // The user's file is never modified.
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func outputFileIsWrittenWhole() async throws {
        let dir = elsewhere.appendingPathComponent("gru-explain-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await runBinary(["run", "lesson1", "--format", "json", "-o", "trace.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: dir.appendingPathComponent("trace.json"), encoding: .utf8)
        let direct = try await runBinary(["run", "lesson1", "--format", "json"], in: dir).stdout
        #expect(written == direct)   // two runs give identical bytes
    }

    /// lessons/lesson1.json saved as Windows Notepad's "Unicode" (UTF-16LE with a byte order
    /// mark), or as UTF-16BE with one, runs as the same lesson: the same JSON trace and the same
    /// zh text, byte for byte, as the UTF-8 file of the same name.
    @Test func aLessonInUTF16WithAByteOrderMarkGivesTheSameTrace() async throws {
        let lesson1 = try String(contentsOf: repository.appendingPathComponent("lessons/lesson1.json"), encoding: .utf8)
        var outputs: [String: [String]] = [:]
        for (name, mark, encoding) in [("UTF-8", [], .utf8), ("UTF-16LE", [0xFF, 0xFE], .utf16LittleEndian),
                                       ("UTF-16BE", [0xFE, 0xFF], .utf16BigEndian)] as [(String, [UInt8], String.Encoding)] {
            // Each in its own folder under the same name: the trace names its file.
            let dir = scratchFolder("gru-explain-utf16")
            defer { try? FileManager.default.removeItem(at: dir) }
            try Data(mark + Array(try #require(lesson1.data(using: encoding)))).write(to: dir.appendingPathComponent("lesson1.json"))
            for options in [["--format", "json"], ["--lang", "zh"]] {
                let r = try await runBinary(["run", "lesson1.json"] + options, in: dir)
                #expect(r.status == 0 && r.stderr.isEmpty, "\(name) \(options): \(r.stderr)")
                outputs[name, default: []].append(r.stdout)
            }
        }
        let utf8 = try #require(outputs["UTF-8"])
        #expect(utf8[0].contains("\"format\": \"gru-explain.trace/1\"") && utf8[1].contains("更新门"))
        #expect(outputs["UTF-16LE"] == utf8)
        #expect(outputs["UTF-16BE"] == utf8)
    }

    /// A lesson saved as GBK, as UTF-16 without a byte order mark, or a PNG image given as a
    /// lesson: status 2, and on stderr the one line of Malformed/expected.tsv, which says what the
    /// file probably is.
    @Test func aLessonInAnotherEncodingGetsOneLineSayingWhatItIs() async throws {
        let folder = repository.appendingPathComponent("Tests/GRULessonsTests/Malformed")
        let table = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var expected: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let columns = line.split(separator: "\t", maxSplits: 1).map(String.init)
            expected[columns[0]] = columns[1]
        }
        for file in ["encoding-gbk.json", "encoding-utf16le-without-bom.json", "binary-png.json"] {
            let r = try await runBinary(["run", file], in: folder)
            #expect(r.status == 2, "\(file)")
            #expect(r.stdout.isEmpty, "\(file)")
            #expect(r.stderr == "gru-explain: \(try #require(expected[file]))\n")
        }
    }
}
