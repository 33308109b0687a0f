import Testing
import GRUCore
import GRURender
import GRULessons

/// A variant's title: the lesson keeps its own, and the catalogue's `variantTitle` names the
/// variant wherever the title is shown (the words were in GRULessons before).
@Suite struct VariantTitleTests {
    @Test func variant17OfLesson1() throws {
        let v = try Lesson1.lesson.variant(17)
        #expect(v.title == Lesson1.lesson.title)
        #expect(v.shownTitle(.zh) == "GRU 如何学会“加 1”：逐个数字看参数学习（第 17 号变体）")
        #expect(v.shownTitle(.en) == #"How a GRU learns "add 1": parameter learning, number by number (variant 17)"#)
        #expect(Lesson1.lesson.shownTitle(.en) == #"How a GRU learns "add 1": parameter learning, number by number"#)
        // The worksheet's header and the walkthrough's title line show it.
        let trace = try Trace.record(v.problem)
        #expect(WorksheetRenderer.render(trace, lesson: v, options: RenderOptions(language: .en)).contains("number\n#   by number (variant 17)\n"))
        #expect(TextRenderer.render(trace, lesson: v, options: RenderOptions(language: .zh)).contains("GRU 如何学会“加 1”：逐个数字看参数学习（第 17 号变体）"))
    }

    @Test func aTitleWithBracesStaysAsWritten() throws {
        var lesson = Lesson1.lesson
        lesson.title = LocalizedText(zh: nil, en: "Sum {0} and {1}")
        lesson.variantNumber = 3
        #expect(lesson.shownTitle(.en) == "Sum {0} and {1} (variant 3)")
        #expect(lesson.shownTitle(.zh) == "Sum {0} and {1}（第 3 号变体）")
    }
}
