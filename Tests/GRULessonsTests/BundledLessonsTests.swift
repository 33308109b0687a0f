import Foundation
import Testing
import GRULessons

/// The generator and the guard of Sources/GRULessons/BundledLessons.generated.swift, which
/// compiles every lessons/*.json file into gru-explain so that `gru-explain run lesson1` works
/// from any directory.
///
/// Normally the test checks that every embedded text equals its lessons/*.json file byte for byte
/// and that the generated file is exactly what the generator writes now. With the environment
/// variable `GRU_EXPLAIN_RECORD=1` it rewrites the generated file instead:
///
///     GRU_EXPLAIN_RECORD=1 swift test --filter BundledLessonsTests
///
/// After adding or changing a lesson, run that once, then `swift test` again to compile the new
/// text and check it. The repository is found through `#filePath`.
@Suite struct BundledLessonsTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let generatedFile = repository.appendingPathComponent("Sources/GRULessons/BundledLessons.generated.swift")

    /// lessons/*.json as (id, text), in file-name order with numbers compared as numbers.
    static func lessonFiles() throws -> [(id: String, text: String)] {
        let folder = repository.appendingPathComponent("lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        return try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return (String(name.dropLast(".json".count)), String(decoding: data, as: UTF8.self))
        }
    }

    /// The Swift source that embeds `files`, each as a raw multi-line string literal. The number
    /// of `#` is chosen so that nothing in the text ends the literal or starts an escape; a
    /// carriage return, which a literal would turn into a line feed, is written as an escape.
    static func generatedSource(_ files: [(id: String, text: String)]) -> String {
        var out = """
            // Generated from lessons/*.json by Tests/GRULessonsTests/BundledLessonsTests.swift.
            // Do not edit: change the lesson file, then run
            //     GRU_EXPLAIN_RECORD=1 swift test --filter BundledLessonsTests

            extension LessonLibrary {
                /// The text of every lessons/*.json file, keyed by lesson id (the file name without
                /// `.json`), in file-name order.
                public static let bundledFiles: [(id: String, json: String)] = [

            """
        for file in files {
            var hashes = "#"
            while file.text.contains("\\" + hashes) || file.text.contains("\"\"\"" + hashes) { hashes += "#" }
            let body = file.text.replacingOccurrences(of: "\r", with: "\\\(hashes)r")
            out += "        (\"\(file.id)\", \(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func generatedFileEmbedsEveryLessonByteForByte() throws {
        let files = try Self.lessonFiles()
        let source = Self.generatedSource(files)
        if ProcessInfo.processInfo.environment["GRU_EXPLAIN_RECORD"] == "1" {
            try source.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            let compiled = LessonLibrary.bundledFiles.map { "\($0.id)\n\($0.json)" }
            if compiled != files.map({ "\($0.id)\n\($0.text)" }) {
                Issue.record("Rewrote \(Self.generatedFile.path); run `swift test` again to compile and check it.")
            }
            return
        }
        #expect(!files.isEmpty)
        #expect(LessonLibrary.bundledIDs == files.map(\.id),
                "lessons/ and the generated file disagree; run GRU_EXPLAIN_RECORD=1 swift test --filter BundledLessonsTests")
        for (embedded, file) in zip(LessonLibrary.bundledFiles, files) {
            #expect(Array(embedded.json.utf8) == Array(file.text.utf8), "lessons/\(file.id).json differs from its embedded copy")
        }
        let onDisk = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(onDisk == source, "BundledLessons.generated.swift is stale; run GRU_EXPLAIN_RECORD=1 swift test --filter BundledLessonsTests")
    }

    @Test func generatorChoosesDelimitersThatTheTextCannotEnd() {
        let source = Self.generatedSource([("x", "a\"\"\"#b\\#c\r\nd")])
        // `"""#` and `\#` occur in the text, so the literal needs ##; the CR becomes an escape.
        #expect(source.contains("(\"x\", ##\"\"\"\na\"\"\"#b\\#c\\##r\nd\n\"\"\"##),"))
    }

    @Test func everyBundledLessonDecodesAndItsIdIsItsFileName() throws {
        let lessons = try LessonLibrary.bundled
        #expect(lessons.map(\.id) == LessonLibrary.bundledIDs)
        #expect(lessons.first?.id == "lesson1")
        #expect(lessons.allSatisfy { $0.source == "bundled" })
    }

    /// A note is shown after the label "About this lesson:" / "本课说明：", so it must not open with
    /// a label of its own ("Where the numbers come from: …" read as a double label). A short
    /// opening without numbers or formulas that ends in a colon is such a label.
    @Test func noNoteOpensWithALabelOfItsOwn() throws {
        for lesson in try LessonLibrary.bundled {
            for (section, note) in lesson.notes {
                for text in [note.en, note.zh] {
                    guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
                    let opening = text[..<colon]
                    let isLabel = opening.count <= 30 && !opening.contains(where: { $0.isNumber || $0 == "=" || $0 == "." || $0 == "。" })
                    #expect(!isLabel, "\(lesson.id) notes.\(section.rawValue) opens with the label '\(opening)'")
                }
            }
        }
    }
}
