import Foundation
import Testing
import GRUJSON
import GRULessons
import GRURender

extension LessonError {
    /// The lines printed for an English user, joined by line breaks.
    var english: String { lines(.en).joined(separator: "\n") }
}

/// Every file in Malformed/ is a small lesson with a mistake, named for the mistake (a few, such as
/// many-problems.json, have several). Malformed/expected.tsv gives, for each file, the exact lines
/// gru-explain must print, a row each, in order
/// (`file name <TAB> message`); the message names the file as `LessonDecoder.decode` is told it.
@Suite struct MalformedLessonsTests {
    static let folder = Bundle.module.url(forResource: "Malformed", withExtension: nil)

    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var expected: String
        var testDescription: String { file }
    }

    /// A file with several problems has several rows, one per line, in the order printed.
    static func cases(_ table: String = "expected.tsv") throws -> [Case] {
        guard let folder else { return [] }
        let table = try String(contentsOf: folder.appendingPathComponent(table), encoding: .utf8)
        var cases: [Case] = []
        for line in table.split(separator: "\n") {
            let columns = line.split(separator: "\t", maxSplits: 1)
            let file = String(columns[0]), expected = columns.count > 1 ? String(columns[1]) : ""
            if let last = cases.last, last.file == file {
                cases[cases.count - 1].expected += "\n" + expected
            } else {
                cases.append(Case(file: file, expected: expected))
            }
        }
        return cases
    }

    @Test(arguments: try cases())
    func malformedLessonGetsItsOneLineError(_ c: Case) throws {
        let url = try #require(Self.folder).appendingPathComponent(c.file)
        let bytes = [UInt8](try Data(contentsOf: url))
        let error = #expect(throws: LessonError.self) {
            try LessonDecoder.decode(bytes, file: c.file, source: url.path)
        }
        #expect(error?.english == c.expected)
    }

    /// The same problems for a Chinese user (`--lang zh`, or a zh* locale): expected.zh.tsv. The
    /// paths, names and quoted values are as in English; the words come from the catalogue.
    /// (The JSON parser's own reasons, after "JSON 格式错误，第 … 行第 … 列：", are still English.)
    @Test(arguments: try cases("expected.zh.tsv"))
    func malformedLessonGetsItsLinesInChinese(_ c: Case) throws {
        let url = try #require(Self.folder).appendingPathComponent(c.file)
        let error = #expect(throws: LessonError.self) {
            try LessonDecoder.decode([UInt8](try Data(contentsOf: url)), file: c.file, source: url.path)
        }
        #expect(error?.lines(.zh).joined(separator: "\n") == c.expected)
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
            #expect(error?.english == c.expected, "\(encoding)")
        }
    }

    @Test func everyFileHasOneExpectedLineAndThereAreAtLeastForty() throws {
        let folder = try #require(Self.folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        let listed = try Self.cases().map(\.file)
        #expect(Set(files) == Set(listed))
        #expect(Set(files) == Set(try Self.cases("expected.zh.tsv").map(\.file)))
        #expect(listed.count == Set(listed).count, "a file is listed twice in expected.tsv")
        #expect(files.count >= 40)
        // Each expected line names its file first.
        for c in try Self.cases() {
            for line in c.expected.split(separator: "\n") {
                #expect(line.hasPrefix(c.file + ": "), "\(c.file)")
            }
        }
    }
}
