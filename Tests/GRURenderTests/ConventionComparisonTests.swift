import Testing
import GRUCore
import GRULessons
@testable import GRURender

/// `compare`: one lesson under the four conventions.
@Suite struct ConventionComparisonTests {
    static let lesson1 = try! LessonLibrary.load("lesson1")
    static let lesson2 = try! LessonLibrary.load("lesson2")
    static let all = ConventionPreset.all

    /// The report's paragraphs, unwrapped, one a line.
    static func paragraphs(_ comparison: ConventionComparison, _ language: Language) -> String {
        ComparisonReport.blocks(comparison, sequence: 1, options: RenderOptions(language: language))
            .compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
            .joined(separator: "\n")
    }

    @Test func presetsAreParsedByNameAndAlias() throws {
        func names(_ list: String) -> [String]? { try? ConventionPreset.parse(list).get().map(\.name) }
        #expect(names("all") == ["seed", "pytorch", "chung", "candidate-after"])
        #expect(names("keras,d2l") == ["pytorch", "seed"])
        #expect(names("seed, d2l ,SEED") == ["seed"])            // one pair named three times
        #expect(names("wikipedia,all") == ["chung", "seed", "pytorch", "candidate-after"])
        #expect(throws: ConventionPreset.UnknownName(name: "pytroch")) { try ConventionPreset.parse("seed,pytroch").get() }
        let pairs = ConventionPreset.all.map { "\($0.update.rawValue)+\($0.reset.rawValue)" }
        #expect(pairs == ["z_times_previous+before_matmul", "z_times_previous+after_matmul",
                          "z_times_candidate+before_matmul", "z_times_candidate+after_matmul"])
    }

    /// Each run is the engine's own trace under that convention, with the lesson's parameters.
    @Test func eachRunIsTheLessonUnderThatConvention() throws {
        let comparison = ConventionComparison(lesson: Self.lesson2, presets: Self.all)
        for run in comparison.runs {
            var problem = Self.lesson2.problem
            problem.config.update = run.preset.update
            problem.config.reset = run.preset.reset
            #expect(run.trace == (try Trace.record(problem)))
            #expect(run.divergence == nil)
        }
        // pytorch is lesson2's own convention: issue 2's PyTorch loss.
        let loss = try #require(comparison.runs[1].trace?.loss)
        #expect(abs(loss - 9.782658710274607) <= 1e-12 * 9.782658710274607)
    }

    /// lesson1 has bhn = 0 and h0 = 0, and its two units are copies, so every component of r is
    /// equal: the reset placement changes nothing in the detailed pass. The update rule parts the
    /// conventions at h₁; seed and pytorch part only in training (bhn learns under after_matmul).
    @Test func lesson1FirstDivergesAtH1AndSeedMeetsPytorchUntilTraining() throws {
        let comparison = ConventionComparison(lesson: Self.lesson1, presets: Self.all)
        #expect(comparison.firstDivergence?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(0, 1)?.name == "train.loss[2]")
        #expect(comparison.firstDivergence(0, 2)?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(0, 3)?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(1, 3)?.name == "t1.h[1]")
        // The seed's numbers: h₁ = 0.1855 under seed, and z₁ = 0.5987 in every convention.
        let h1 = try #require(comparison.values.first { $0.name == "t1.h[1]" })
        #expect((h1.values[0] * 10_000).rounded() == 1855)
        let z1 = try #require(comparison.values.first { $0.name == "t1.z[1]" })
        #expect(!z1.differs && (z1.values[0] * 10_000).rounded() == 5987)
    }

    /// lesson2 has bhn ≠ 0, so the reset placement matters from a_h at timestep 1.
    @Test func lesson2FirstDivergesAtTheCandidatePreActivation() {
        let comparison = ConventionComparison(lesson: Self.lesson2, presets: Self.all)
        #expect(comparison.firstDivergence?.name == "t1.a_h[1]")
        #expect(comparison.firstDivergence(0, 1)?.name == "t1.a_h[1]")
        #expect(comparison.firstDivergence(0, 2)?.name == "t1.h[1]")
    }

    /// candidate-after differs from the course text in both respects. The report says where the
    /// respect that is not the reason on its own first makes a difference: the first divergence
    /// between the course text and the convention that differs from it in that respect only, the
    /// values the tests above assert (seed against pytorch, seed against chung).
    @Test func whereTheOtherRespectOnItsOwnFirstMakesADifference() {
        let lesson1 = ConventionComparison(lesson: Self.lesson1, presets: Self.all)
        // lesson1: the reset placement alone (pytorch) changes nothing until training, train.loss[2].
        let en1 = Self.paragraphs(lesson1, .en)
        #expect(en1.contains("Their reset gate differs too; on its own (pytorch against seed) it first makes a "
                             + "difference at train.loss[2]."))
        #expect(!en1.contains("adds to the difference"))
        let zh1 = Self.paragraphs(lesson1, .zh)
        #expect(zh1.contains("两者的重置门位置也不同；只差这一点时（pytorch 与 seed），从 train.loss[2] 开始不同。"))
        // lesson2: bhn ≠ 0, so the pair parts at t1.a_h[1] for the reset placement; the update
        // rule alone (chung) parts at t1.h[1].
        let lesson2 = ConventionComparison(lesson: Self.lesson2, presets: Self.all)
        #expect(lesson2.firstDivergence(0, 3)?.name == "t1.a_h[1]")
        let en2 = Self.paragraphs(lesson2, .en)
        #expect(en2.contains("Their update rule differs too; on its own (chung against seed) it first makes a "
                             + "difference at t1.h[1]."))
        let zh2 = Self.paragraphs(lesson2, .zh)
        #expect(zh2.contains("两者的更新规则也不同；只差这一点时（chung 与 seed），从 t1.h[1] 开始不同。"))
        // The convention that differs in one respect need not be compared: it is run on its own.
        let two = ConventionComparison(lesson: Self.lesson1, presets: [Self.all[0], Self.all[3]])
        #expect(two.firstDivergence(0, Self.all[1])?.name == "train.loss[2]")
        #expect(Self.paragraphs(two, .en)
            .contains("on its own (pytorch against seed) it first makes a difference at train.loss[2]."))
    }

    @Test func theReportShowsFourConventionsTheirFormulasAndWhy() {
        let comparison = ConventionComparison(lesson: Self.lesson1, presets: Self.all)
        let en = ComparisonReport.text(comparison, options: RenderOptions(language: .en))
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
            let all = Self.paragraphs(ConventionComparison(lesson: lesson, presets: Self.all), .en)
            for sentence in all.split(separator: "\n").flatMap({ $0.components(separatedBy: ". ") }) {
                #expect(sentence.first?.isLowercase != true, "\(lesson.id): \(sentence)")
            }
        }
        let zh = ComparisonReport.text(comparison, options: RenderOptions(language: .zh))
        #expect(zh.contains("第一个不同的值是 t1.h[1]"))
        #expect(zh.contains("│ 与 seed 相比"))
        #expect(zh.contains("pytorch 与 seed：从 train.loss[2] 开始不同。"))
        #expect(!zh.contains("。 "))   // Chinese sentences are joined without a space
        let markdown = ComparisonReport.markdown(comparison, options: RenderOptions(language: .en))
        #expect(markdown.contains("| Quantity |"))
        for language in Language.allCases {
            let ascii = ComparisonReport.text(comparison, options: RenderOptions(language: language, ascii: true))
            #expect(!ascii.contains("?"))
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII || DisplayWidth.isWide($0.value) })
        }
    }

    /// Every convention is labelled with the name `--conventions` takes for it, `seed` too (issue
    /// 14: it was "course text"/课程原文, which the option does not take); its aliases stand beside
    /// it in the conventions table.
    @Test func everyConventionIsLabelledWithItsOptionName() {
        let comparison = ConventionComparison(lesson: Self.lesson1, presets: Self.all)
        for language in Language.allCases {
            let text = ComparisonReport.text(comparison, options: RenderOptions(language: language))
            #expect(text.contains("seed (d2l)"), "\(language)")
            #expect(text.contains(" seed │ pytorch │"), "\(language)")
            #expect(!text.contains("课程原文") && !text.contains("course text"), "\(language)")
        }
    }
}
