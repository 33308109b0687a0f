import Testing
import GRURender
import GRULessons
import GRUCheck

/// Chinese messages use Chinese punctuation (issue 16): 、 between the items of a list and ：
/// after a file name or a JSON path, as the rest of the zh catalogue does; English keeps ", " and
/// ": ". The lists are typed (`LessonMessage.list`), so that the catalogue joins them.
@Suite struct ChinesePunctuationTests {
    @Test func unknownLesson() {
        let error = #expect(throws: LessonError.self) { try LessonLibrary.load("lessn1") }
        #expect(error?.lines(.zh) == ["lessn1：没有这节课：是不是想写 lesson1？内置课程有 lesson1、lesson2、lesson3；要运行自己的课程，请给出 .json 文件的路径"])
        #expect(error?.lines(.en) == ["lessn1: unknown lesson: did you mean lesson1? the bundled lessons are lesson1, lesson2, lesson3; to run your own lesson, give the path of a .json file"])
    }

    @Test func aFieldWithAListOfChoices() {
        let text = #"{"format": "gru-explain.lesson/1", "id": "a", "title": "t", "model": {"input_size": 1, "hidden_size": 1, "output_size": 1, "loss": "mse"}}"#
        let error = #expect(throws: LessonError.self) { try LessonDecoder.decode(Array(text.utf8), file: "m.json", source: "m.json") }
        #expect(error?.lines(.zh).first == #"m.json：model.loss：应为以下之一："half_squared"、"squared"，实际是字符串 "mse""#)
        #expect(error?.lines(.en).first == #"m.json: model.loss: expected one of "half_squared", "squared", found the string "mse""#)
    }

    @Test func aSheetWithoutALineNumber() {
        // A place in a file (`a.txt:3: `) stays as an editor reads it; a file alone is labelled.
        let empty = SheetError(line: nil, .empty)
        #expect(empty.message(file: "a.txt", language: .zh) == "a.txt：没有找到“键 = 值”这样的行（空白的工作表可以用 'gru-explain worksheet' 生成）")
        #expect(empty.message(file: "a.txt", language: .en).hasPrefix("a.txt: "))
        let errors = SheetErrors(errors: (1...12).map { SheetError(line: $0, .notKeyValue(found: "x")) })
        #expect(errors.messages(file: "a.txt", language: .zh).last == "a.txt：… 还有 2 个类似的问题")
        #expect(errors.messages(file: "a.txt", language: .zh).first?.hasPrefix("a.txt:1: ") == true)
    }
}
