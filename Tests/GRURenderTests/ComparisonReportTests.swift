import Testing
import GRUCore
import GRULessons
@testable import GRURender

/// `compare`'s report: one lesson under the four conventions, in words and tables. (Where the
/// conventions part is GRUCoreTests' ConventionComparisonTests.)
@Suite struct ComparisonReportTests {
    static let lesson1 = try! LessonLibrary.load("lesson1")
    static let lesson2 = try! LessonLibrary.load("lesson2")
    static let all = ConventionPreset.all

    /// The report's paragraphs, unwrapped, one a line (lessons 1 and 2 have input_scale 1).
    static func paragraphs(_ comparison: ConventionComparison, _ language: Language) -> String {
        ComparisonReport.blocks(comparison, lessonID: "lesson", inputScale: 1, sequence: 1, options: RenderOptions(language: language))
            .compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
            .joined(separator: "\n")
    }

    /// candidate-after differs from the course text in both respects. The report says where the
    /// respect that is not the reason on its own first makes a difference: the first divergence
    /// between the course text and the convention that differs from it in that respect only, the
    /// values GRUCoreTests' ConventionComparisonTests asserts (seed against pytorch, seed against chung).
    @Test func whereTheOtherRespectOnItsOwnFirstMakesADifference() {
        let lesson1 = ConventionComparison(Self.lesson1.problem, presets: Self.all)
        // lesson1: the reset placement alone (pytorch) changes nothing until training, train.loss[2].
        let en1 = Self.paragraphs(lesson1, .en)
        #expect(en1.contains("Their reset gate differs too; on its own (pytorch against seed) it first makes a "
                             + "difference at train.loss[2]."))
        #expect(!en1.contains("adds to the difference"))
        let zh1 = Self.paragraphs(lesson1, .zh)
        #expect(zh1.contains("两者的重置门位置也不同；只差这一点时（pytorch 与 seed），从 train.loss[2] 开始不同。"))
        // lesson2: bhn ≠ 0, so the pair parts at t1.a_h[1] for the reset placement; the update
        // rule alone (chung) parts at t1.h[1].
        let lesson2 = ConventionComparison(Self.lesson2.problem, presets: Self.all)
        #expect(lesson2.firstDivergence(0, 3)?.name == "t1.a_h[1]")
        let en2 = Self.paragraphs(lesson2, .en)
        #expect(en2.contains("Their update rule differs too; on its own (chung against seed) it first makes a "
                             + "difference at t1.h[1]."))
        let zh2 = Self.paragraphs(lesson2, .zh)
        #expect(zh2.contains("两者的更新规则也不同；只差这一点时（chung 与 seed），从 t1.h[1] 开始不同。"))
        // The convention that differs in one respect need not be compared: it is run on its own.
        let two = ConventionComparison(Self.lesson1.problem, presets: [Self.all[0], Self.all[3]])
        #expect(two.firstDivergence(0, Self.all[1])?.name == "train.loss[2]")
        #expect(Self.paragraphs(two, .en)
            .contains("on its own (pytorch against seed) it first makes a difference at train.loss[2]."))
    }

    @Test func theReportShowsFourConventionsTheirFormulasAndWhy() {
        let comparison = ConventionComparison(Self.lesson1.problem, presets: Self.all)
        let en = ComparisonReport.text(comparison, lessonID: "lesson1", inputScale: 1, options: RenderOptions(language: .en))
        for name in ["seed (d2l)", "pytorch (keras)", "chung", "candidate-after"] { #expect(en.contains(name)) }
        // The two update rules, each broken at its + to keep the table within 100 columns.
        #expect(en.contains("│ hₜ = zₜ⊙hₜ₋₁       │") && en.contains("│      + (1 − zₜ)⊙h̃ₜ │"))
        #expect(en.contains("│ hₜ = (1 − zₜ)⊙hₜ₋₁ │") && en.contains("│      + zₜ⊙h̃ₜ       │"))
        #expect(en.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= TextRenderer.width })
        #expect(en.contains("Uh·(rₜ⊙hₜ₋₁)") && en.contains("rₜ⊙n_hₜ"))
        #expect(en.contains("is t1.h[1]"))
        #expect(en.contains("≠ ← first difference"))
        // The column of ≠ marks says against which column they are: the first convention's.
        #expect(en.contains("│ candidate-after │ vs seed              │"))
        #expect(en.contains("Against seed, pytorch first differs at train.loss[2]."))
        #expect(en.contains("all components of r are equal"))
        // Update rule alone: at timestep 1 the gates and the candidate agree (z₁ is the same in all
        // four, asserted above); h₁ = z₁⊙h₀ + (1 − z₁)⊙h̃₁ against (1 − z₁)⊙h₀ + z₁⊙h̃₁ differ by
        // (2z₁ − 1)⊙(h₀ − h̃₁). At timestep 2 z₂ already differs, so the sentence names timestep 1.
        let paragraphs = Self.paragraphs(comparison, .en)
        #expect(paragraphs.contains("So z₁, r₁ and h̃₁ are the same in both, and h₁ differs unless z₁ = ½ or h̃₁ = h₀."))
        #expect(comparison.values.first { $0.name == "t2.z[1]" }?.differs == true)
        // rₜ⊙n_hₜ in the conventions table, and n_hₜ said once below it.
        #expect(paragraphs.contains("Under after_matmul, n_hₜ = Uh·hₜ₋₁ + bhn is the recurrent term"))
        #expect(Self.paragraphs(comparison, .zh).contains("after_matmul 先算出整个循环项 n_hₜ = Uh·hₜ₋₁ + bhn，再用重置门 r 缩放它。"))
        // No English sentence starts with a lowercase word ("course text computes", "chung against").
        for lesson in [Self.lesson1, Self.lesson2] {
            let all = Self.paragraphs(ConventionComparison(lesson.problem, presets: Self.all), .en)
            for sentence in all.split(separator: "\n").flatMap({ $0.components(separatedBy: ". ") }) {
                #expect(sentence.first?.isLowercase != true, "\(lesson.id): \(sentence)")
            }
        }
        let zh = ComparisonReport.text(comparison, lessonID: "lesson1", inputScale: 1, options: RenderOptions(language: .zh))
        #expect(zh.contains("第一个不同的值是 t1.h[1]"))
        #expect(zh.contains("│ 与 seed 相比"))
        #expect(zh.contains("pytorch 与 seed：从 train.loss[2] 开始不同。"))
        #expect(!zh.contains("。 "))   // Chinese sentences are joined without a space
        let markdown = ComparisonReport.markdown(comparison, lessonID: "lesson1", inputScale: 1, options: RenderOptions(language: .en))
        #expect(markdown.contains("| Quantity |"))
        for language in Language.allCases {
            let ascii = ComparisonReport.text(comparison, lessonID: "lesson1", inputScale: 1, options: RenderOptions(language: language, ascii: true))
            #expect(!ascii.contains("?"))
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII || DisplayWidth.isWide($0.value) })
        }
    }

    /// Every convention is labelled with the name `--conventions` takes for it, `seed` too (issue
    /// 14: it was "course text"/课程原文, which the option does not take); its aliases stand beside
    /// it in the conventions table.
    @Test func everyConventionIsLabelledWithItsOptionName() {
        let comparison = ConventionComparison(Self.lesson1.problem, presets: Self.all)
        for language in Language.allCases {
            let text = ComparisonReport.text(comparison, lessonID: "lesson1", inputScale: 1, options: RenderOptions(language: language))
            #expect(text.contains("seed (d2l)"), "\(language)")
            #expect(text.contains(" seed │ pytorch │"), "\(language)")
            #expect(!text.contains("课程原文") && !text.contains("course text"), "\(language)")
        }
    }
}
