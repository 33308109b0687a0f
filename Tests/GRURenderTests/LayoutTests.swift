import Foundation
import Testing
import GRUCore
import GRULessons
@testable import GRURender
import GRUTestSupport

/// Tables line up in display columns (汉字 count two), lines fit 100 columns, colour never
/// changes the layout, and the options choose what is shown.
@Suite struct LayoutTests {

    static let variants: [RenderOptions] = Language.allCases.flatMap { language in
        [RenderOptions(language: language), RenderOptions(language: language, ascii: true)]
    }

    @Test(arguments: variants) func everyTableLinesUp(options: RenderOptions) {
        let text = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        let tables = RenderedText(text).tables
        #expect(tables.count >= 15)
        for table in tables {
            let widths = Set(table.lines.map(DisplayWidth.of))
            #expect(widths.count == 1, "a table in '\(table.section)' \(table.block) has lines of widths \(widths.sorted())")
        }
        if options.language == .zh {
            #expect(tables.contains { $0.lines.contains(where: DisplayWidth.containsCJK) }, "no table with Chinese text was checked")
        }
    }

    @Test(arguments: variants) func lesson1FitsInOneHundredColumns(options: RenderOptions) {
        let text = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        for line in text.split(separator: "\n").map(String.init) {
            #expect(DisplayWidth.of(line) <= TextRenderer.width, "\(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    /// compare and gradcheck too, for every bundled lesson: their tables of formulas break at +.
    /// Not under --ascii: spelt out (h_(t-1) for hₜ₋₁), compare's conventions table cannot break
    /// below 111 columns, and its values table takes 102.
    @Test(arguments: ["lesson1", "lesson2", "lesson3"])
    func compareAndGradcheckFitInOneHundredColumns(id: String) throws {
        let lesson = try LessonLibrary.load(id)
        let comparison = ConventionComparison(lesson.problem, presets: ConventionPreset.all)
        let report = GradientCheckReport(lesson.problem)
        for options in Self.variants where !options.ascii {
            for (what, text) in [("compare", ComparisonReport.text(comparison, lessonID: lesson.id, inputScale: lesson.inputScale, options: options)),
                                 ("gradcheck", report.text(lesson: lesson, options: options))] {
                for line in text.split(separator: "\n").map(String.init) where DisplayWidth.of(line) > TextRenderer.width {
                    Issue.record("\(what) \(id) \(options.language)\(options.ascii ? " --ascii" : ""): \(DisplayWidth.of(line)) columns: \(line)")
                }
            }
        }
    }

    /// Worksheets too, in every variant (--ascii included): long comments wrap, and the check
    /// command stays on a line of its own, whole.
    @Test(arguments: ["lesson1", "lesson2", "lesson3"])
    func worksheetsFitInOneHundredColumns(id: String) throws {
        let (lesson, trace) = (Bundled.lesson(id), Bundled.trace(id))
        for options in Self.variants {
            let sheet = WorksheetRenderer.render(trace, lesson: lesson, options: options)
            for line in sheet.split(separator: "\n").map(String.init) where DisplayWidth.of(line) > TextRenderer.width {
                Issue.record("worksheet \(id) \(options.language): \(DisplayWidth.of(line)) columns: \(line)")
            }
            let command = "gru-explain check \(id) " + (options.language == .zh ? "这个文件" : "this-file")
            #expect(sheet.contains(command + "\n"), "\(id) \(options.language): the check command is not whole on one line")
        }
    }

    @Test func colourWrapsTextWithoutMovingIt() {
        let plain = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh))
        let coloured = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1m"))
        #expect(Self.withoutEscapes(coloured) == plain)
        let markdown = MarkdownRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(color: true))
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test func onlyTheChosenSectionsAreShown() {
        let options = RenderOptions(language: .en, sections: [.loss, .update])
        let text = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("━━ ") }.map { String($0.dropFirst(3).prefix(8)) }
        #expect(headings == ["3 · Loss", "6 · Para"])
        #expect(!text.contains(Lesson1.lesson.description.en))
    }

    @Test(arguments: [false, true]) func oneTimestepLimitsForwardAndBPTT(markdown: Bool) {
        let options = RenderOptions(language: .en, sections: [.forward, .bptt], timestep: 2)
        let text = markdown ? MarkdownRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
                            : TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        #expect(text.components(separatedBy: "Timestep 2\n").count - 1 == 2)
        #expect(!text.contains("Timestep 1\n") && !text.contains("Timestep 3\n"))
        let beyond = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson,
                                         options: RenderOptions(language: .zh, sections: [.forward], timestep: 9))
        #expect(beyond.contains("没有时间步 9：这个序列只有 3 个时间步。"))
    }

    /// With --timestep 2 the table of timestep 3 is not shown, so the part of ∂L/∂h₂ that arrives
    /// from timestep 3 must not send the reader to "the last rows of timestep 3".
    @Test(arguments: Language.allCases) func oneTimestepNamesWhereAHiddenValueComesFrom(language: Language) {
        let options = RenderOptions(language: language, sections: [.bptt], timestep: 2)
        let text = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        #expect(!text.contains("see the last rows of timestep 3") && !text.contains("见时间步 3 的最后一项"))
        #expect(text.contains(language == .en ? "from timestep 3 (not shown; --timestep 3 shows it)"
                                              : "由时间步 3 传回（这里没有列出，用 --timestep 3 查看）"))
        let whole = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: language, sections: [.bptt]))
        #expect(whole.contains(language == .en ? "see the last rows of timestep 3" : "见时间步 3 的最后一项"))
    }

    @Test func markdownTablesAreWellFormed() {
        let text = MarkdownRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh))
        var columns: Int? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("| ") else { columns = nil; continue }
            // Unescaped pipes separate cells; every row of a table has as many as its header.
            let cells = line.replacing("\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
        #expect(text.contains("```text\n"))                       // the loss curve is fenced
        #expect(text.contains("| 更新门 | `z₁ = σ(Wz·x₁ + Uz·h₀ + bz)` |  |"))
    }

    /// Other conventions, two sequences, a hidden size above 4 and two outputs: everything renders,
    /// tables line up, blocks are labelled by sequence and long substitutions are shortened.
    @Test(arguments: Language.allCases) func otherShapesAndConventions(language: Language) throws {
        let config = ModelConfig(inputSize: 2, hiddenSize: 5, outputSize: 2, update: .zTimesCandidate,
                                 reset: .afterMatmul, loss: .squared, reduction: .mean, sequenceReduction: .mean)
        var parameters = Parameters(zerosFor: config)
        for (k, name) in ParameterName.allCases.enumerated() {
            parameters[name] = parameters[name].indices.map { Double(($0 * 7 + k * 3) % 11) / 20 - 0.25 }
        }
        let sequences = [
            TrainingSequence(inputs: [[1, 0], [0, 1]], targets: [[0.5, -0.5], [1, 0]]),
            TrainingSequence(inputs: [[0.5, 0.5], [1, 1], [-1, 0]], targets: [[0, 0], [0.2, 0.1], [-0.3, 0.4]]),
        ]
        let problem = Problem(config: config, parameters: parameters, h0: [0, 0, 0, 0, 0], sequences: sequences,
                              learningRate: 0.1, epochs: 30, applyInputs: [[2, 2]], applyExpected: [[0.1, 0.1]])
        let trace = try Trace.record(problem)
        let lesson = Lesson(id: "shapes", title: LocalizedText(zh: "形状", en: "Shapes"),
                            description: LocalizedText(zh: "测试", en: "Test"), problem: problem, source: "test")
        let text = TextRenderer.render(trace, lesson: lesson, options: RenderOptions(language: language))
        for table in RenderedText(text).tables {
            #expect(Set(table.lines.map(DisplayWidth.of)).count == 1, "\(table.section) \(table.block)")
        }
        let sequence2 = language == .zh ? "序列 2 · 时间步 3" : "Sequence 2 · Timestep 3"
        #expect(text.contains(sequence2))
        #expect(text.contains("n_h"))                               // after_matmul
        #expect(text.contains("(1 − z₁)⊙h₀ + z₁⊙h̃₁"))              // z_times_candidate
        #expect(text.contains("(1/2)·(1/2)·‖y₁ − "))               // squared, mean over T = 2 and over 2 sequences
        // With 5 hidden units, Uz·h is shown by its value rather than five products.
        #expect(!text.contains("·0.0000 + ") || text.components(separatedBy: "·0.0000 + ").count < 40)
        let markdown = MarkdownRenderer.render(trace, lesson: lesson, options: RenderOptions(language: language, ascii: true))
        #expect(!markdown.contains("?"))
    }

    static func withoutEscapes(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for ch in s {
            if ch == "\u{1B}" { inEscape = true; continue }
            if inEscape { if ch == "m" { inEscape = false }; continue }
            out.append(ch)
        }
        return out
    }
}

extension RenderOptions: CustomTestStringConvertible {
    public var testDescription: String { "\(language.rawValue)\(ascii ? " ascii" : "")" }
}

/// Unusual but valid inputs render without trouble.
@Suite struct EdgeCaseTests {
    @Test(arguments: [0, 1, 17]) func anyDigits(digits: Int) {
        for language in Language.allCases {
            let text = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson,
                                           options: RenderOptions(language: language, digits: digits))
            for table in RenderedText(text).tables {
                #expect(Set(table.lines.map(DisplayWidth.of)).count == 1)
            }
        }
    }

    @Test func oneEpochNoApplicationAndNoNotes() throws {
        var problem = Lesson1.lesson.problem
        problem.epochs = 1
        problem.applyInputs = nil
        problem.applyExpected = nil
        let trace = try Trace.record(problem)
        let lesson = Lesson(id: "bare", title: LocalizedText(zh: "最简", en: "Bare"),
                            description: LocalizedText(zh: "无", en: "None"), problem: problem, source: "test")
        let text = TextRenderer.render(trace, lesson: lesson, options: RenderOptions(language: .en))
        #expect(text.contains("This lesson gives no new input to apply the model to."))
        #expect(!text.contains("About this lesson"))
        #expect(text.contains("0 └─"))                       // a one-epoch curve on a linear axis
    }

    @Test func predictionsThatMatchAreCalledRight() throws {
        var problem = Lesson1.lesson.problem
        problem.applyInputs = [[1], [2], [3]]                 // the training input
        let applied = try Trace.record(problem)
        problem.applyExpected = applied.apply?.steps.map { $0.y.map { $0 + 0.01 } }
        let trace = try Trace.record(problem)
        let text = TextRenderer.render(trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh, sections: [.apply]))
        #expect(text.contains("预测和期望值最多相差 0.0100，模型答对了。"))
        #expect(!text.contains("原因可以算出来"))             // no ceiling argument when nothing needs explaining
    }

    @Test func aStartOutsideTheTanhRangeWidensTheCeiling() throws {
        var problem = Lesson1.lesson.problem
        problem.h0 = [2, -1.5]
        let trace = try Trace.record(problem)
        let text = TextRenderer.render(trace, lesson: Lesson1.lesson, options: RenderOptions(language: .en, sections: [.apply]))
        let trained = trace.training.parameters
        let bound = 2 * (abs(trained.Why[0, 0]) + abs(trained.Why[0, 1])) + abs(trained.by[0])
        #expect(text.contains("Σ|Why|·max(1, |h₀|) + |by| = 2.0000·("))
        #expect(text.contains("= " + NumberFormat(digits: 4).value(bound)))
    }

    // MARK: Wrapped labels keep their values on their row

    /// A label too long for its column: the values stay on the line of the key they belong to,
    /// and the label's second line runs on into the next row of the group, whose label is empty.
    @Test func aWrappedLabelLeavesItsValuesOnTheirRow() {
        let table = Table(columns: [Table.Column(title: "Quantity"), Table.Column(title: ""), Table.Column(title: "a", alignRight: true),
                                    Table.Column(title: "b", alignRight: true)],
                          groups: [[[Table.Cell(text: "candidate hidden state"), .math("h̃₁[1]"), .result("0.4621"), .result("0.4621")],
                                    ["", .math("h̃₁[2]"), .result("0.4621"), .result("0.4621")]],
                                   [[Table.Cell(text: "loss of this step"), .math("L₁"), .result("1.4698"), .result("1.3176")]]])
        let lines = TableLayout(table: table, maxWidth: 40, ascii: false, painter: Painter(enabled: false)).lines()
        let cells = lines.map { $0.split(separator: "│", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        let body = cells.filter { $0.count == 6 && $0[1] != "Quantity" }
        // Every line with a value has its key (h̃₁[1], h̃₁[2], L₁) beside it.
        for row in body where !row[3].isEmpty { #expect(!row[2].isEmpty, "a value without its key: \(row)") }
        #expect(body.first?[2] == "h̃₁[1]" && body.first?[3] == "0.4621")
        #expect(body.contains { $0[1] != "" && $0[1] != "candidate hidden state" && $0[2] == "h̃₁[2]" },
                "the label's second line should sit beside h̃₁[2]: \(lines.joined(separator: "\n"))")
    }

    /// lesson3's parameter table: a Role that wraps ("candidate hidden state · recurrent weights")
    /// leaves no blank line inside the matrix; its rows stay one under the other.
    @Test(arguments: Language.allCases) func matrixRowsStayTogetherUnderAWrappedRole(language: Language) throws {
        // The model section shows the starting parameters, the same in a detailed trace as in the
        // one `--only model` records (detailed: false); the shared trace saves training lesson3 again.
        let (lesson, trace) = (Bundled.lesson3, Bundled.lesson3Trace)
        let text = TextRenderer.render(trace, lesson: lesson, options: RenderOptions(language: language, sections: [.model]))
        let lines = text.split(separator: "\n").map(String.init)
        guard let uh = lines.firstIndex(where: { $0.hasPrefix("│ Uh ") }) else { Issue.record("no row for Uh"); return }
        let values = lines[uh..<(uh + 4)].map { $0.split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        #expect(values.allSatisfy { $0.hasPrefix("[") }, "Uh's four rows are not contiguous: \(lines[uh..<(uh + 5)])")
    }
}

