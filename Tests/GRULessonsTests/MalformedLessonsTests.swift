import Foundation
import Testing
import GRUJSON
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

    /// Each file that is UTF-8 text, saved as UTF-16LE and as UTF-16BE with a byte order mark
    /// (Foundation encodes), gets the same line: JSON errors at the same line and column.
    @Test(arguments: try cases())
    func theSameFileInUTF16GetsTheSameLine(_ c: Case) throws {
        let url = try #require(Self.folder).appendingPathComponent(c.file)
        // The files that are not UTF-8 text have nothing to compare; a UTF-8 mark is not text.
        guard let text = try? UTF8Text.decode([UInt8](try Data(contentsOf: url))) else { return }
        let string = String(decoding: text, as: UTF8.self)
        for (mark, encoding) in [([0xFF, 0xFE], .utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] as [([UInt8], String.Encoding)] {
            let bytes = mark + [UInt8](try #require(string.data(using: encoding)))
            let error = #expect(throws: LessonError.self, "\(encoding)") {
                try LessonDecoder.decode(bytes, file: c.file, source: url.path)
            }
            #expect(error?.description == c.expected, "\(encoding)")
        }
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
