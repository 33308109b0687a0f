import Foundation
import Testing
import GRULessons

/// Every file in Malformed/ is a small lesson with one mistake, named for the mistake.
/// Malformed/expected.tsv gives, for each file, the exact one line gru-explain must print
/// (`file name <TAB> message`); the message names the file as `LessonDecoder.decode` is told it.
@Suite struct MalformedLessonsTests {
    static let folder = Bundle.module.url(forResource: "Malformed", withExtension: nil)

    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var expected: String
        var testDescription: String { file }
    }

    static func cases() throws -> [Case] {
        guard let folder else { return [] }
        let table = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return table.split(separator: "\n").map { line in
            let columns = line.split(separator: "\t", maxSplits: 1)
            return Case(file: String(columns[0]), expected: columns.count > 1 ? String(columns[1]) : "")
        }
    }

    @Test(arguments: try cases())
    func malformedLessonGetsItsOneLineError(_ c: Case) throws {
        let url = try #require(Self.folder).appendingPathComponent(c.file)
        let bytes = [UInt8](try Data(contentsOf: url))
        let error = #expect(throws: LessonError.self) {
            try LessonDecoder.decode(bytes, file: c.file, source: url.path)
        }
        #expect(error?.description == c.expected)
    }

    @Test func everyFileHasOneExpectedLineAndThereAreAtLeastForty() throws {
        let folder = try #require(Self.folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        let listed = try Self.cases().map(\.file)
        #expect(Set(files) == Set(listed))
        #expect(listed.count == Set(listed).count, "a file is listed twice in expected.tsv")
        #expect(files.count >= 40)
        // Each expected line names its file first, and is one line.
        for c in try Self.cases() {
            #expect(c.expected.hasPrefix(c.file + ": "), "\(c.file)")
        }
    }
}
