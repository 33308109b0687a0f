import Testing
import GRUCore
import GRULessons
@testable import GRURender
import GRUTestSupport

/// A lesson with `init` and `input_scale` (lesson3) says so in the walkthrough, in both languages;
/// one without them (lesson1) does not.
@Suite struct SeededAndScaledLessonTests {
    static var lesson3: Lesson { Bundled.lesson3 }
    static var lesson3Trace: Trace { Bundled.lesson3Trace }

    @Test func theModelSectionNamesTheSeedAndTheInputScale() {
        let en = TextRenderer.render(Self.lesson3Trace, lesson: Self.lesson3, options: RenderOptions(language: .en, sections: [.model]))
        let zh = TextRenderer.render(Self.lesson3Trace, lesson: Self.lesson3, options: RenderOptions(language: .zh, sections: [.model]))
        #expect(en.contains("init with seed 7 and scale 0.5"))
        #expect(en.contains("input_scale = 0.1"))
        #expect(zh.contains("种子为 7"))
        #expect(zh.contains("input_scale = 0.1"))
        let lesson1 = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .en))
        #expect(!lesson1.contains("input_scale") && !lesson1.contains("init with seed"))
    }

    /// lesson3 averages over its 7 sequences (sequence_reduction mean); the conventions table
    /// says so beside the reduction over timesteps. lesson1, with one sequence, has no such row.
    @Test func theConventionsTableNamesTheReductionOverSequences() {
        let en = TextRenderer.render(Self.lesson3Trace, lesson: Self.lesson3, options: RenderOptions(language: .en, sections: [.model]))
        let zh = TextRenderer.render(Self.lesson3Trace, lesson: Self.lesson3, options: RenderOptions(language: .zh, sections: [.model]))
        #expect(en.contains("│ over sequences │ mean             │ the total loss is the mean of the 7 sequence losses"))
        #expect(zh.contains("│ 序列汇总   │ mean             │ 总损失是 7 个序列损失的平均值"))
        let lesson1 = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .en, sections: [.model]))
        #expect(lesson1.contains("over timesteps") && !lesson1.contains("over sequences"))
    }

    @Test func theApplySectionShowsScaledInputs() {
        let en = TextRenderer.render(Self.lesson3Trace, lesson: Self.lesson3, options: RenderOptions(language: .en, sections: [.apply]))
        #expect(en.contains("x = 0.1 × input"))
        let table = RenderedText(en).tables.first { $0.section.hasSuffix("Applying the trained model") }
        #expect(table?.rows.first?[1] == "0.4")
    }
}
