import GRUJSON
import GRUCore
import GRULessons

/// Decides what the annotated walkthrough says, section by section, as renderer-neutral blocks.
///
/// Every number is formatted from the trace's Double at the moment it is shown; nothing computed
/// here feeds back into the trace. Values the lesson gives (parameters, inputs, targets, h₀) are
/// shown as written; computed values with `options.digits` decimals.
struct Walkthrough {
    let trace: Trace
    let lesson: Lesson
    let options: RenderOptions
    let format: NumberFormat

    init(trace: Trace, lesson: Lesson, options: RenderOptions) {
        self.trace = trace
        self.lesson = lesson
        self.options = options
        self.format = NumberFormat(digits: options.digits)
    }

    var language: Language { options.language }
    var config: ModelConfig { trace.config }

    /// The whole walkthrough, in the ASCII fallback when `options.ascii`.
    func blocks() -> [Block] {
        pages().flatMap(\.blocks)
    }

    /// The walkthrough cut into pages (see `Page`): a section starts a page, and so does each
    /// timestep after the section's first.
    func pages() -> [Page] {
        var lead: [Block] = [.title(TerminalText.escapedKeepingLineBreaks(lesson.shownTitle(language)))]
        // A description is optional, and may have several paragraphs.
        if options.shows(.model) { lead += LocalizedText.paragraphs(localized(lesson.description)).map(Block.paragraph) }
        var out: [Page] = []
        for section in LessonSection.allCases where options.shows(section) {
            let heading = heading(section)
            var blocks = [Block.heading(heading)] + body(section)
            if let note = lesson.notes[section] {
                // Paragraphs of a note are kept apart by a blank line (`\n\n`), which every renderer shows.
                let text = LocalizedText.paragraphs(localized(note)).joined(separator: "\n\n")
                blocks.append(.note(label: Message.lessonNote.text(language), text: text))
            }
            let shownHeading = options.ascii ? Notation.ascii(heading) : heading
            var page = Page(section: section, heading: shownHeading, blocks: [])
            var seenSubheading = false
            for block in lead + blocks {
                if case .subheading = block {
                    if seenSubheading { out.append(page); page = Page(section: section, heading: shownHeading, blocks: []) }
                    seenSubheading = true
                }
                page.blocks.append(options.ascii ? block.mapText(Notation.ascii) : block)
            }
            out.append(page)
            lead = []
        }
        return out
    }

    private func body(_ section: LessonSection) -> [Block] {
        switch section {
        case .model: return modelSection()
        case .forward: return forwardSection()
        case .loss: return lossSection()
        case .bptt: return bpttSection()
        case .accumulation: return accumulationSection()
        case .update: return updateSection()
        case .training: return trainingSection()
        case .apply: return applySection()
        }
    }

    /// The numbered heading of a section: "2 · 前向传播".
    func heading(_ section: LessonSection) -> String {
        let number = (LessonSection.allCases.firstIndex(of: section) ?? 0) + 1
        return "\(number) · " + Self.title(section).text(language)
    }

    static func title(_ section: LessonSection) -> Message {
        switch section {
        case .model: return .sectionModel
        case .forward: return .sectionForward
        case .loss: return .sectionLoss
        case .bptt: return .sectionBPTT
        case .accumulation: return .sectionAccumulation
        case .update: return .sectionUpdate
        case .training: return .sectionTraining
        case .apply: return .sectionApply
        }
    }

    // MARK: - Shared helpers

    /// The author's text in the language shown, else in the other one; control characters
    /// escaped (the decoder refuses them, a lesson built in code might not).
    func localized(_ text: LocalizedText) -> String {
        TerminalText.escapedKeepingLineBreaks(text.text(language))
    }

    func text(_ m: Message, _ args: String...) -> String {
        m.text(language, args)
    }

    /// Formulas for sequence `s` (its length decides the 1/T of the mean reduction).
    /// Formulas for sequence `s`. Lengths come from the lesson, not from `trace.sequences`,
    /// which is empty when only training was run (`--only training`, `--only model`).
    func context(sequence s: Int = 0) -> FormulaContext {
        let sequences = lesson.problem.sequences
        return FormulaContext(config: config, length: sequences.indices.contains(s) ? sequences[s].inputs.count : nil,
                              sequences: sequences.count, language: language, ascii: false)
    }

    /// Display width as the reader will see it, after the ASCII fallback if that is on.
    func width(_ s: String) -> Int {
        DisplayWidth.of(options.ascii ? Notation.ascii(s) : s)
    }

    /// "时间步 2", or "序列 1 · 时间步 2" when the lesson has several sequences.
    func stepLabel(sequence s: Int, t: Int) -> String {
        let step = text(.timestep, String(t))
        return trace.sequences.count > 1 ? text(.sequence, String(s + 1)) + " · " + step : step
    }

    /// The sequences (0-based) whose forward pass, loss terms and BPTT the walkthrough details:
    /// `options.sequence` or all.
    var detailSequences: [Int] {
        guard let k = options.sequence, trace.sequences.indices.contains(k - 1) else { return Array(trace.sequences.indices) }
        return [k - 1]
    }

    /// "Here is sequence 2 of 7 in detail; --sequence K shows another", when `options.sequence`
    /// chose one of several: in the first of the forward pass, the loss and BPTT that is shown.
    func oneSequenceNote(in section: LessonSection) -> [Block] {
        guard let k = options.sequence, trace.sequences.count > 1, detailSequences == [k - 1],
              [LessonSection.forward, .loss, .bptt].first(where: options.shows) == section else { return [] }
        return [.paragraph(text(.oneSequenceShown, String(k), String(trace.sequences.count)))]
    }

    /// The timesteps of sequence `s` that the detail sections show (`options.timestep` or all).
    func detailSteps(sequence s: Int) -> [Int] {
        let T = trace.sequences[s].forward.count
        guard let only = options.timestep else { return Array(1...T) }
        return (1...T).contains(only) ? [only] : []
    }

    /// A paragraph saying that `options.timestep` is beyond the sequence, when it is.
    func missingStep(sequence s: Int) -> [Block] {
        guard let only = options.timestep, detailSteps(sequence: s).isEmpty else { return [] }
        let T = trace.sequences[s].forward.count
        let prefix = trace.sequences.count > 1 ? text(.sequence, String(s + 1)) + ": " : ""
        return [.paragraph(prefix + text(.noSuchTimestep, String(only), String(T)))]
    }

    /// An entry of a parameter of the detailed pass, 0-based: `Wz[i, j]`.
    func entry(_ p: ParameterName, _ i: Int, _ j: Int = 0, in parameters: Parameters? = nil) -> Double {
        let cols = p.shape(config).cols
        return (parameters ?? trace.parameters)[p][i * cols + j]
    }

    /// `Wz[1][2]` (1-based, as students count, and as the keys, `compare` and `gradcheck` write
    /// it), `bz[1]`, or just `by` for a single number.
    func entryName(_ p: ParameterName, _ i: Int, _ j: Int) -> String {
        let shape = p.shape(config)
        if shape.rows * shape.cols == 1 { return p.rawValue }
        return p.isVector ? "\(p.rawValue)[\(i + 1)]" : "\(p.rawValue)[\(i + 1)][\(j + 1)]"
    }

    /// Every entry of `p`, row by row: its name, row, column and index into `Parameters[p]`.
    func entries(_ p: ParameterName) -> [(name: String, i: Int, j: Int, index: Int)] {
        let shape = p.shape(config)
        var out: [(name: String, i: Int, j: Int, index: Int)] = []
        for i in 0..<shape.rows {
            for j in 0..<shape.cols { out.append((entryName(p, i, j), i, j, i * shape.cols + j)) }
        }
        return out
    }

    /// A parameter's value: one line per matrix row (`[0.05, 0.05]`), a vector on one line.
    func parameterValue(_ p: ParameterName, _ parameters: Parameters, given: Bool) -> [String] {
        let shape = p.shape(config)
        let values = parameters[p]
        func show(_ v: [Double]) -> String { given ? format.givenVector(v) : format.vector(v) }
        if p.isVector { return [show(values)] }
        return (0..<shape.rows).map { i in show(Array(values[(i * shape.cols)..<((i + 1) * shape.cols)])) }
    }

    /// `W[i,:]·v` written out term by term (`0.3·1 + 0.05·0`), or as its value when it has more than
    /// four terms. `transpose` reads column i instead (`Whyᵀ·dy`).
    func dot(_ p: ParameterName, _ i: Int, _ v: [Double], vectorGiven: Bool, transpose: Bool = false) -> String {
        let weights = v.indices.map { k in transpose ? entry(p, k, i) : entry(p, i, k) }
        if v.count > 4 {
            return format.operand(zip(weights, v).reduce(0) { $0 + $1.0 * $1.1 })
        }
        return zip(weights, v).map { w, x in
            format.givenOperand(w) + "·" + (vectorGiven ? format.givenOperand(x) : format.operand(x))
        }.joined(separator: " + ")
    }

    /// A table row group for one quantity: the equation, then one line per component with the
    /// numbers put in (`= σ(0.3·1 + 0.1) = σ(0.4000)`) and the result on the right.
    /// `labels` names the components ("单元 1"); an empty label list means a single unnamed value.
    func quantityRows(name: String, equation: String, symbol: String,
                      components: [(substitution: String, value: Double)], labels: [String]) -> [Table.Row] {
        let indent = String(repeating: " ", count: width(symbol) + 1)
        var rows: [Table.Row] = [[Table.Cell(text: name), .math(equation), ""]]
        for (k, component) in components.enumerated() {
            rows.append([k < labels.count ? Table.Cell(text: "  " + labels[k]) : "",
                         .math(indent + "= " + component.substitution), .result(format.value(component.value))])
        }
        return rows
    }

    /// "单元 1", "单元 2", … for hidden units; "输出 1", … for outputs when there is more than one.
    func unitLabels(_ count: Int) -> [String] {
        (1...max(count, 1)).map { text(.unit, String($0)) }
    }

    func outputLabels(_ count: Int) -> [String] {
        count > 1 ? (1...count).map { text(.output, String($0)) } : []
    }
}
