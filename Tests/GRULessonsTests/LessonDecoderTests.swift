import Foundation
import Testing
import GRUCore
import GRULessons

/// A small valid lesson: hidden size 2, scalar input and output, every optional field left out.
/// Malformed/ holds the same lesson with one mistake per file.
let tinyLesson = """
    {
      "format": "gru-explain.lesson/1",
      "id": "tiny",
      "title": {"zh": "小例子", "en": "A tiny example"},
      "description": {"zh": "一个很小的 GRU。", "en": "A very small GRU."},
      "model": {"input_size": 1, "hidden_size": 2, "output_size": 1},
      "parameters": {
        "Wz": [[0.3], [0.3]], "Uz": [[0.05, 0.05], [0.05, 0.05]], "bz": [0.1, 0.1],
        "Wr": [[0.25], [0.25]], "Ur": [[0.3, 0.3], [0.3, 0.3]], "br": [0.2, 0.2],
        "Wh": [[0.5], [0.5]], "Uh": [[0.5, 0.5], [0.5, 0.5]], "bh": [0, 0],
        "Why": [[0.5, 0.5]], "by": [0.1]
      },
      "sequences": [{"inputs": [1, 2, 3], "targets": [2, 3, 4]}],
      "training": {"learning_rate": 0.05, "epochs": 10}
    }
    """

/// `tinyLesson` with each `(old, new)` replaced; `old` must occur exactly once.
func tiny(_ replacements: (String, String)...) -> String {
    var text = tinyLesson
    for (old, new) in replacements {
        precondition(text.components(separatedBy: old).count == 2, "\(old) must occur once")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

func decode(_ text: String, file: String = "test.json") throws(LessonError) -> Lesson {
    try LessonDecoder.decode(Array(text.utf8), file: file, source: file)
}

/// The one-line error that decoding `text` raises, or nil if it decodes.
func errorLine(_ text: String) -> String? {
    do {
        _ = try decode(text)
        return nil
    } catch {
        return error.english
    }
}

@Suite struct LessonDecoderTests {
    @Test func defaultsFillEveryOptionalField() throws {
        let lesson = try decode(tinyLesson)
        let p = lesson.problem
        #expect(p.config == ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1, update: .zTimesPrevious,
                                        reset: .beforeMatmul, loss: .halfSquared, reduction: .sum, sequenceReduction: .sum))
        #expect(p.h0 == [0, 0])
        #expect(p.parameters.bhn == [0, 0])
        #expect(p.applyInputs == nil && p.applyExpected == nil)
        #expect(lesson.notes.isEmpty)
        #expect(lesson.source == "test.json")
    }

    @Test func everyConventionIsRead() throws {
        let lesson = try decode(tiny(
            (#""output_size": 1}"#, #""output_size": 1, "update": "z_times_candidate", "loss": "squared", "reduction": "mean", "sequence_reduction": "mean"}"#),
            (#""sequences": ["#, #""h0": [0.5, -0.25],"# + "\n  " + #""sequences": ["#),
            (#""epochs": 10}"#, #""epochs": 10},"# + "\n  " + #""apply": {"inputs": [4, 5]}"#)))
        let p = lesson.problem
        #expect(p.config == ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1, update: .zTimesCandidate,
                                        reset: .beforeMatmul, loss: .squared, reduction: .mean, sequenceReduction: .mean))
        #expect(p.h0 == [0.5, -0.25])
        #expect(p.applyInputs == [[4], [5]])
        #expect(p.applyExpected == nil)
    }

    @Test func plainNumbersAndOneVectorsDecodeIdentically() throws {
        let short = try decode(tinyLesson)
        let full = try decode(tiny(("\"inputs\": [1, 2, 3], \"targets\": [2, 3, 4]",
                                    "\"inputs\": [[1], [2], [3]], \"targets\": [[2], [3], [4]]")))
        let mixed = try decode(tiny(("\"inputs\": [1, 2, 3]", "\"inputs\": [1, [2], 3]")))
        #expect(full.problem == short.problem)
        #expect(mixed.problem == short.problem)
        #expect(short.problem.sequences[0].inputs == [[1], [2], [3]])
    }

    /// The PyTorch cross-check model of issue 2: reset after_matmul with its bhn.
    @Test func afterMatmulLessonReadsBhn() throws {
        let lesson = try decode("""
            {
              "format": "gru-explain.lesson/1", "id": "pytorch-check",
              "title": {"zh": "与 PyTorch 对照", "en": "Checked against PyTorch"},
              "description": {"zh": "after_matmul 约定。", "en": "The after_matmul convention."},
              "model": {"input_size": 1, "hidden_size": 2, "output_size": 1, "reset": "after_matmul"},
              "parameters": {
                "Wz": [[0.3], [-0.2]], "Uz": [[0.1, 0.4], [-0.3, 0.2]], "bz": [0.1, -0.1],
                "Wr": [[0.25], [0.5]], "Ur": [[0.2, -0.1], [0.3, 0.1]], "br": [0.2, 0.0],
                "Wh": [[0.5], [-0.4]], "Uh": [[0.5, -0.3], [0.2, 0.6]], "bh": [0.0, 0.1], "bhn": [0.05, -0.05],
                "Why": [[0.6, -0.4]], "by": [0.1]
              },
              "sequences": [{"inputs": [[1], [2], [3]], "targets": [[2], [3], [4]]}],
              "training": {"learning_rate": 0.1, "epochs": 1}
            }
            """)
        let p = lesson.problem
        #expect(p.config.reset == .afterMatmul)
        #expect(p.parameters.bhn == [0.05, -0.05])
        #expect(p.parameters.Uh == Matrix([[0.5, -0.3], [0.2, 0.6]]))
        #expect(p.parameters.Why == Matrix([[0.6, -0.4]]))
        // The issue's PyTorch loss for these parameters: L = 9.782658710274607.
        let loss = Training.pass(p.parameters, p).loss
        #expect(abs(loss - 9.782658710274607) <= 1e-12 * 9.782658710274607)
    }

    @Test func wholeNumbersMayBeWrittenWithAFractionOrAnExponent() throws {
        let p = try decode(tiny(("\"hidden_size\": 2", "\"hidden_size\": 2.0"), ("\"epochs\": 10", "\"epochs\": 1e2"))).problem
        #expect(p.config.hiddenSize == 2)
        #expect(p.epochs == 100)
    }

    @Test func vectorInputsOfWidthTwo() throws {
        let p = try decode(tiny(
            ("\"input_size\": 1", "\"input_size\": 2"),
            ("\"Wz\": [[0.3], [0.3]]", "\"Wz\": [[0.3, 1], [0.3, 2]]"),
            ("\"Wr\": [[0.25], [0.25]]", "\"Wr\": [[0.25, 3], [0.25, 4]]"),
            ("\"Wh\": [[0.5], [0.5]]", "\"Wh\": [[0.5, 5], [0.5, 6]]"),
            ("\"inputs\": [1, 2, 3]", "\"inputs\": [[1, -1], [2, -2], [3, -3]]"))).problem
        #expect(p.parameters.Wz == Matrix(rows: 2, cols: 2, values: [0.3, 1, 0.3, 2]))
        #expect(p.parameters.Wh[1, 1] == 6)
        #expect(p.sequences[0].inputs == [[1, -1], [2, -2], [3, -3]])
    }

    @Test func limitsAreNamedInTheirMessages() {
        let long = String(repeating: "a", count: LessonLimits.maxIDLength + 1)
        #expect(errorLine(tiny(("\"id\": \"tiny\"", "\"id\": \"\(long)\""))) ==
                "test.json: id: expected an id of at most 64 characters, found 65")
        let steps = Array(repeating: "0", count: LessonLimits.maxSequenceLength + 1).joined(separator: ",")
        #expect(errorLine(tiny(("\"inputs\": [1, 2, 3]", "\"inputs\": [\(steps)]"))) ==
                "test.json: sequences[0].inputs: expected at most 1000000 timesteps (the limit for a sequence), found 1000001")
        #expect(errorLine(tiny(("\"epochs\": 10", "\"epochs\": 10000001"))) ==
                "test.json: training.epochs: expected a whole number of epochs from 1 to 10000000, found the number 10000001")
        #expect(errorLine(tiny(("\"epochs\": 10", "\"epochs\": 10000000"))) == nil)
        #expect(errorLine(tiny(("\"epochs\": 10", "\"epochs\": 1e300"))) ==
                "test.json: training.epochs: expected a whole number of epochs from 1 to 10000000, found the number 1e300")
    }

    @Test func nearestNameSuggestionsIgnoreCaseAndStayClose() {
        #expect(errorLine(tiny(("\"Why\"", "\"WHY\""))) == "test.json: parameters.WHY: unknown field; did you mean Why?")
        #expect(errorLine(tiny(("\"hidden_size\"", "\"hiden_size\""))) == "test.json: model.hiden_size: unknown field; did you mean hidden_size?")
        #expect(errorLine(tiny(("\"bz\"", "\"bzz\""))) == "test.json: parameters.bzz: unknown field; did you mean bz?")
        // Too far from every known name: the message lists them instead.
        #expect(errorLine(tiny(("\"epochs\": 10", "\"epochs\": 10, \"momentum\": 0.9"))) ==
                "test.json: training.momentum: unknown field; the known fields are learning_rate, epochs")
        // A huge unknown name is answered at once, and the path quotes only its first 40 characters.
        let huge = String(repeating: "x", count: 1_000_000)
        #expect(errorLine(tiny(("\"epochs\": 10", "\"epochs\": 10, \"\(huge)\": 1"))) ==
                "test.json: training.\(huge.prefix(40))…: unknown field; the known fields are learning_rate, epochs")
    }

    @Test func errorsAreOneLineEvenForStrangeNames() {
        let e = LessonError(file: "my\nfile.json", path: "a", message: "tab\there")
        #expect(e.english == #"my\u000Afile.json: a: tab\u0009here"#)
        #expect(errorLine(tiny(("\"epochs\": 10", "\"epochs\": 10, \"a\\nb\": 1"))) ==
                #"test.json: training["a\nb"]: unknown field; the known fields are learning_rate, epochs"#)
    }

    /// Windows Notepad's "Unicode" is UTF-16LE with a byte order mark. lessons/lesson1.json saved
    /// so, or in UTF-16BE or UTF-32, is the same lesson; a JSON error in such a file is at the
    /// same line and column as in the UTF-8 file, counted in characters (🙂 is two UTF-16 code
    /// units and four UTF-8 bytes, but one column).
    @Test func unicodeWithAByteOrderMarkIsTheSameLesson() throws {
        /// `text` as a file in each encoding a byte order mark names; Foundation encodes.
        func files(_ text: String) -> [(String, [UInt8])] {
            [("UTF-8", [], .utf8), ("UTF-8 with a mark", [0xEF, 0xBB, 0xBF], .utf8),
             ("UTF-16LE", [0xFF, 0xFE], .utf16LittleEndian), ("UTF-16BE", [0xFE, 0xFF], .utf16BigEndian),
             ("UTF-32LE", [0xFF, 0xFE, 0, 0], .utf32LittleEndian), ("UTF-32BE", [0, 0, 0xFE, 0xFF], .utf32BigEndian)]
                .map { (name: String, mark: [UInt8], encoding: String.Encoding) in (name, mark + Array(text.data(using: encoding)!)) }
        }
        let lesson1 = try #require(LessonLibrary.bundledFiles.first { $0.id == "lesson1" }).json
        let expected = try decode(lesson1, file: "lesson1.json")
        for (name, bytes) in files(lesson1) {
            #expect(try LessonDecoder.decode(bytes, file: "lesson1.json", source: "lesson1.json") == expected, "\(name)")
        }
        let broken = tiny(("\"小例子\", \"en\"", "\"小例子 🙂\" \"en\"")).replacingOccurrences(of: "\n", with: "\r\n")
        for (name, bytes) in files(broken) {
            let error = #expect(throws: LessonError.self, "\(name)") {
                try LessonDecoder.decode(bytes, file: "test.json", source: "test.json")
            }
            #expect(error?.english == #"test.json: invalid JSON at line 4, column 27: expected ',' or '}' after the value of "zh", found '"en":'"#, "\(name)")
        }
        // A mark and nothing else is an empty file, whatever the encoding; a second mark is not
        // blank space.
        for mark: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] {
            let e = #expect(throws: LessonError.self) {
                try LessonDecoder.decode(mark, file: "test.json", source: "test.json")
            }
            #expect(e?.english == "test.json: the file is empty; expected a lesson, a JSON object that starts with \"format\": \"gru-explain.lesson/1\"")
        }
        let e = #expect(throws: LessonError.self) {
            try LessonDecoder.decode([0xFF, 0xFE, 0xFF, 0xFE], file: "test.json", source: "test.json")
        }
        #expect(e?.english == #"test.json: invalid JSON at line 1, column 1: expected a value, found '\uFEFF'"#)
    }

    /// Whatever the bytes, decoding returns a lesson or a LessonError of one line per problem; it never traps.
    /// Inputs: every prefix of a lesson, and 3000 copies with random bytes overwritten (SplitMix64,
    /// seed 2); then the same for the lesson in UTF-16LE with a byte order mark.
    @Test func neverCrashesOnDamagedInput() {
        func check(_ b: [UInt8]) {
            do {
                _ = try LessonDecoder.decode(b, file: "damaged.json", source: "damaged.json")
            } catch {
                // A line per problem, at most 20 and one for the rest, each naming the file.
                let lines = error.lines(.en)
                #expect(!lines.isEmpty && lines.count <= LessonError.maxProblems + 1)
                #expect(lines.allSatisfy { $0.hasPrefix("damaged.json: ") && !$0.contains("\n") })
            }
        }
        let utf16: [UInt8] = [0xFF, 0xFE] + tinyLesson.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for bytes: [UInt8] in [Array(tinyLesson.utf8), utf16] {
            for n in 0..<bytes.count { check(Array(bytes[..<n])) }
            var rng = SplitMix64(seed: 2)
            let alphabet = Array("{}[]\",:0123456789.eE-+ntfaxNI\\/ \n\u{00}é".utf8)
            for _ in 0..<3000 {
                var b = bytes
                for _ in 0..<3 {
                    let at = Int(rng.next() % UInt64(b.count))
                    b[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                }
                check(b)
            }
        }
    }
}

/// docs/lesson-format.md stays true: every JSON example in it is a valid lesson: first the
/// English-only one, then the Chinese-only one, then the annotated bilingual one.
@Test func theFormatDocumentsExamplesDecode() throws {
    let url = BundledLessonsTests.repository.appendingPathComponent("docs/lesson-format.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    var lessons: [Lesson] = []
    var from = text.startIndex
    while let start = text.range(of: "```json\n", range: from..<text.endIndex) {
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        lessons.append(try LessonDecoder.decode(Array(text[start.upperBound..<end.lowerBound].utf8),
                                                file: "lesson-format.md", source: "docs"))
        from = end.upperBound
    }
    try #require(lessons.count == 3)
    #expect(lessons[0].id == "add-one" && lessons[0].title.writtenZh == "Adding one, by hand" && lessons[0].description.isEmpty)
    #expect(lessons[0].notes[.forward]?.en == "Watch z.\n\nThen watch h.")
    #expect(lessons[1].id == "jia-yi" && lessons[1].title.en == "学会加一")
    #expect(lessons[2].id == "tiny")
    #expect(Array(lessons[2].notes.keys) == [.apply])
    #expect(lessons[2].problem.applyExpected == [[5], [6], [7]])
}
