import Foundation
import Testing
import GRUJSON

/// Runs the built binary as a user would, from a directory that is not the checkout.
@Suite struct EndToEndTests {
    let elsewhere = FileManager.default.temporaryDirectory

    @Test func runsLesson1FromAnyDirectory() throws {
        let r = try runBinary(["run", "lesson1", "--format", "json"], in: elsewhere)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(throws: Never.self) { try JSONParser.parse(r.stdout) }
        #expect(r.stdout.contains("\"format\": \"gru-explain.trace/1\""))
    }

    @Test func badLessonFileGivesOneLineAndStatus2() throws {
        let dir = elsewhere.appendingPathComponent("gru-explain-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.json")
        let text = "{\"format\": \"gru-explain.lesson/1\",\n  \"id\": \"x\",,\n}"
        try Data(text.utf8).write(to: file)
        let r = try runBinary(["run", "broken.json"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("gru-explain: broken.json: invalid JSON at line 2, column 13:"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        // The user's file is never modified.
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = elsewhere.appendingPathComponent("gru-explain-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runBinary(["run", "lesson1", "--format", "json", "-o", "trace.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: dir.appendingPathComponent("trace.json"), encoding: .utf8)
        let direct = try runBinary(["run", "lesson1", "--format", "json"], in: dir).stdout
        #expect(written == direct)   // two runs give identical bytes
    }
}
