import GRUCore

/// `gru-explain compare`: a `ConventionComparison` (computed by GRUCore) as text or Markdown, in
/// the walkthrough's layout. The report only formats: which values the conventions share and
/// where they part come from the comparison; `lessonID` and `inputScale` are the lesson's, for
/// the title and for the new input as the lesson writes it.
///
/// One column per convention. Each convention's formulas come first, then the values of one
/// sequence timestep by timestep, the key gradients, training, and last where the conventions
/// first part and why.
public enum ComparisonReport {

    public static func text(_ comparison: ConventionComparison, lessonID: String, inputScale: Double,
                            sequence: Int = 1, options: RenderOptions) -> String {
        TextRenderer.document(blocks(comparison, lessonID: lessonID, inputScale: inputScale, sequence: sequence, options: options),
                              options: options)
    }

    public static func markdown(_ comparison: ConventionComparison, lessonID: String, inputScale: Double,
                                sequence: Int = 1, options: RenderOptions) -> String {
        var plain = options
        plain.color = false
        return MarkdownRenderer.document(blocks(comparison, lessonID: lessonID, inputScale: inputScale, sequence: sequence, options: plain),
                                         options: plain)
    }

    static func blocks(_ comparison: ConventionComparison, lessonID: String, inputScale: Double,
                       sequence: Int, options: RenderOptions) -> [Block] {
        let report = Builder(comparison: comparison, lessonID: lessonID, inputScale: inputScale, s: sequence - 1, options: options)
        let out = report.blocks()
        return options.ascii ? out.map { $0.mapText(Notation.ascii) } : out
    }

    private struct Builder {
        let comparison: ConventionComparison
        /// The lesson's id, for the title.
        let lessonID: String
        /// The lesson's input_scale: the new input is shown as the lesson writes it, unscaled.
        let inputScale: Double
        /// The sequence the tables show, 0-based.
        let s: Int
        let options: RenderOptions
        var language: Language { options.language }
        var format: NumberFormat { NumberFormat(digits: options.digits) }
        var runs: [ConventionComparison.Run] { comparison.runs }
        var first: ConventionComparison.Run { runs[0] }
        var problem: Problem { comparison.problem }
        var several: Bool { problem.sequences.count > 1 }
        /// T of the sequence shown.
        var length: Int { problem.sequences[s].inputs.count }

        /// A message with its arguments put in. The Chinese templates put spaces around a
        /// convention's name, as between 汉字 and Latin letters; next to "课程原文" they go.
        func text(_ m: Message, _ args: String...) -> String {
            let filled = m.text(language, args)
            return language == .zh ? Self.closingGapsBetweenHanzi(filled) : filled
        }

        /// "pytorch 与 课程原文：课程原文 算 …" → "pytorch 与课程原文：课程原文算 …": a single space
        /// between two CJK characters is removed.
        static func closingGapsBetweenHanzi(_ text: String) -> String {
            let chars = Array(text)
            var out = ""
            for (k, ch) in chars.enumerated() {
                if ch == " ", k > 0, k + 1 < chars.count, isWide(chars[k - 1]), isWide(chars[k + 1]) { continue }
                out.append(ch)
            }
            return out
        }

        private static func isWide(_ ch: Character) -> Bool {
            ch.unicodeScalars.first.map { DisplayWidth.isWide($0.value) } ?? false
        }

        /// The convention as the reader calls it: its name for `--conventions` (seed, pytorch, …),
        /// so that what the report shows is what the option takes.
        func name(_ run: ConventionComparison.Run) -> String { name(run.preset) }

        func name(_ preset: ConventionPreset) -> String { preset.name }

        /// The name with every name `--conventions` takes for it: `课程原文 (seed, d2l)`.
        func label(_ run: ConventionComparison.Run) -> String {
            let shown = name(run)
            return shown == run.preset.name ? run.preset.label
                : shown + " (" + ([run.preset.name] + run.preset.aliases).joined(separator: ", ") + ")"
        }

        func context(_ run: ConventionComparison.Run) -> FormulaContext {
            FormulaContext(config: run.problem.config, length: length, sequences: problem.sequences.count, language: language)
        }

        /// The quantity a compared value's key names, for its words and symbol; nil for a key with none.
        func quantity(_ v: ConventionComparison.Value) -> Quantity? {
            if let q = Quantity(v.key.kind) { return q }
            switch v.key.kind {
            case .trainingLoss: return .totalLoss
            case .update(let p), .trained(let p), .parameter(let p): return .gradient(p)
            case .apply(.x): return .x
            case .apply(.h): return .h
            case .apply(.y): return .y
            case .apply(.expected), .learningRate, .h0, .step, .stepLoss, .loss, .stepGradient, .gradient: return nil
            }
        }

        /// `Wz[1][1]` with its 1-based index and its place in `Parameters[p]`, row by row.
        static func entries(_ p: ParameterName, _ c: ModelConfig) -> [(key: String, index: [Int], k: Int)] {
            let (rows, cols) = p.shape(c)
            return (0..<rows).flatMap { i in
                (0..<cols).map { j in
                    p.isVector ? ("\(p.rawValue)[\(i + 1)]", [i + 1], i)
                               : ("\(p.rawValue)[\(i + 1)][\(j + 1)]", [i + 1, j + 1], i * cols + j)
                }
            }
        }

        func blocks() -> [Block] {
            var out: [Block] = [.title(text(.compareTitle, lessonID))]
            out.append(.paragraph(text(.compareExplanation, String(runs.count))))
            if problem.config.reset == .beforeMatmul {
                out.append(.paragraph(text(.compareBhnZero)))
            } else {
                out.append(.paragraph(text(.compareBhnUnused, format.givenVector(problem.parameters.bhn))))
            }
            if several { out.append(.paragraph(text(.compareSequenceShown, String(s + 1), String(problem.sequences.count)))) }
            out += conventions()
            out += forward()
            out += gradients()
            out += training()
            out += divergence()
            return out
        }

        // MARK: Conventions and their formulas

        func conventions() -> [Block] {
            let rows: [Table.Row] = runs.map { run in
                let c = context(run)
                return [Table.Cell(text: label(run)), .math(run.preset.update.rawValue), .math(run.preset.reset.rawValue),
                        .math(Quantity.hTilde.equation(at: .t, c)), .math(Quantity.h.equation(at: .t, c))]
            }
            let columns = [text(.columnConvention), text(.conventionUpdate), text(.conventionReset),
                           text(.columnCandidate), text(.columnNewState)].map { Table.Column(title: $0) }
            var out: [Block] = [.heading("1 · " + text(.compareSectionConventions)), .table(Table(columns: columns, groups: [rows]))]
            // rₜ⊙n_hₜ in the table needs n_hₜ said once.
            if let after = runs.first(where: { $0.preset.reset == .afterMatmul }) {
                out.append(.paragraph(text(.compareRecurrentTerm, Quantity.nH.equation(at: .t, context(after)))))
            }
            return out
        }

        // MARK: Values side by side

        var valueColumns: [Table.Column] {
            [Table.Column(title: text(.columnQuantity)), Table.Column(title: "")]
                + runs.map { Table.Column(title: name($0), alignRight: true) }
                + [Table.Column(title: text(.compareColumnAgainst, name(first)))]
        }

        /// Every shared value by key.
        var byKey: [TraceKey: ConventionComparison.Value] {
            Dictionary(comparison.values.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// One row group for a vector quantity at timestep t (or a lesson-wide one with t = nil):
        /// its name, then one row per component with the value of every convention.
        func group(_ q: Quantity, key: (Int) -> TraceKey, count: Int, symbol: String, values: [TraceKey: ConventionComparison.Value]) -> [Table.Row] {
            let firstKey = comparison.firstDivergence?.name
            return (0..<count).compactMap { i -> Table.Row? in
                guard let v = values[key(i + 1)] else { return nil }
                let label = count > 1 ? symbol + "[\(i + 1)]" : symbol
                let cells = v.values.indices.map { k -> Table.Cell in
                    let shown = format.value(v.values[k])
                    return v.differs(0, k) ? Table.Cell(text: shown, style: .warning) : .result(shown)
                }
                let mark = v.name == firstKey ? text(.compareMarkFirst) : v.differs ? text(.compareMarkDiffers) : ""
                return [Table.Cell(text: i == 0 ? q.name(language) : ""), .math(label)] + cells
                    + [Table.Cell(text: mark, style: v.differs ? .warning : .plain)]
            }
        }

        /// K of the `sK.` prefix of this sequence's keys, nil in a lesson of one sequence.
        var sequence: Int? { several ? s + 1 : nil }

        func forward() -> [Block] {
            let values = byKey
            let c = context(first)
            let config = first.problem.config
            var out: [Block] = [.heading("2 · " + text(.sectionForward))]
            for t in 1...length {
                var groups: [[Table.Row]] = []
                for q in [TraceKey.StepQuantity.z, .r, .hTilde, .h, .y] {
                    groups.append(group(Quantity(q), key: { TraceKey(sequence: sequence, t: t, .step(q), [$0]) }, count: q.count(config),
                                        symbol: Quantity(q).symbol(at: .number(t), c), values: values))
                }
                groups.append(group(.loss, key: { _ in TraceKey(sequence: sequence, t: t, .stepLoss) }, count: 1,
                                    symbol: Quantity.loss.symbol(at: .number(t), c), values: values))
                out.append(.subheading(stepLabel(t)))
                out.append(.table(Table(columns: valueColumns, groups: groups.filter { !$0.isEmpty })))
            }
            var losses: [[Table.Row]] = []
            if several {
                losses.append(group(.totalLoss, key: { _ in TraceKey(sequence: s + 1, .loss) }, count: 1,
                                    symbol: "L(" + text(.sequence, String(s + 1)) + ")", values: values))
            }
            losses.append(group(.totalLoss, key: { _ in TraceKey(.loss) }, count: 1, symbol: "L", values: values))
            out.append(.table(Table(columns: valueColumns, groups: losses)))
            return out
        }

        func stepLabel(_ t: Int) -> String {
            let step = text(.timestep, String(t))
            return several ? text(.sequence, String(s + 1)) + " · " + step : step
        }

        func gradients() -> [Block] {
            let values = byKey
            let c = context(first)
            let config = first.problem.config
            var out: [Block] = [.heading("3 · " + text(.compareSectionGradients)),
                                .paragraph(text(.compareGradientsExplanation, several ? text(.compareAndTheSequences) : ""))]
            let dh: [[Table.Row]] = (1...length).reversed().map { t in
                group(.dh, key: { TraceKey(sequence: sequence, t: t, .step(.dh), [$0]) }, count: config.hiddenSize,
                      symbol: Quantity.dh.symbol(at: .number(t), c), values: values)
            }
            out.append(.table(Table(columns: valueColumns, groups: dh)))
            let shown: [ParameterName] = [.Wz, .Wr, .Wh, .Why, .by]
            let grads: [[Table.Row]] = shown.map { p in
                let entries = Self.entries(p, config)
                return entries.enumerated().compactMap { k, e -> Table.Row? in
                    group(.gradient(p), key: { _ in TraceKey(.gradient(p), e.index) }, count: 1,
                          symbol: entries.count > 1 ? "∂L/∂" + e.key : "∂L/∂" + p.rawValue, values: values).first
                        .map { row in k == 0 ? row : [""] + row.dropFirst() }
                }
            }
            out.append(.table(Table(columns: valueColumns, groups: grads.filter { !$0.isEmpty })))
            return out
        }

        // MARK: Training

        func training() -> [Block] {
            // The new input as the lesson writes it, before input_scale (rounded for display only).
            let scale = inputScale
            let written = (problem.applyInputs ?? []).map { x in format.givenVector(x.map { ($0 / scale * 1e9).rounded() / 1e9 }) }
            let input = written.allSatisfy { $0.hasPrefix("[") && !$0.dropFirst().contains("[") && !$0.contains(",") }
                ? "[" + written.map { String($0.dropFirst().dropLast()) }.joined(separator: ", ") + "]"
                : written.joined(separator: ", ")
            var out: [Block] = [.heading("4 · " + text(.compareSectionTraining)),
                                .paragraph(problem.applyInputs == nil
                                           ? text(.compareTrainingExplanationNoApply, String(problem.epochs), format.given(problem.learningRate))
                                           : text(.compareTrainingExplanation, String(problem.epochs), format.given(problem.learningRate), input))]
            let values = byKey
            /// A row of the training table: each convention's value, or where its training diverged,
            /// and the ≠ mark when the shared value `key` differs.
            func row(_ name: String, _ symbol: String, key: TraceKey, short: Bool, _ value: (ConventionComparison.Run) -> Double?) -> Table.Row {
                let cells = runs.indices.map { k -> Table.Cell in
                    let run = runs[k]
                    if let d = run.divergence { return Table.Cell(text: text(.compareDiverged, String(d.epoch)), style: .warning) }
                    guard let x = value(run) else { return "" }
                    let shown = short ? format.short(x) : format.value(x)
                    return values[key]?.differs(0, k) == true ? Table.Cell(text: shown, style: .warning) : .result(shown)
                }
                let differs = values[key]?.differs ?? false
                return [Table.Cell(text: name), .math(symbol)] + cells
                    + [Table.Cell(text: differs ? text(.compareMarkDiffers) : "", style: differs ? .warning : .plain)]
            }
            var rows: [[Table.Row]] = [[row(text(.compareLastLoss), "L", key: TraceKey(.trainingLoss, [problem.epochs]), short: true) {
                $0.trace?.training.losses.last
            }]]
            if let apply = problem.applyInputs {
                let c = context(first)
                let O = problem.config.outputSize
                rows.append(apply.indices.flatMap { k in
                    (0..<O).map { i -> Table.Row in
                        row(k == 0 && i == 0 ? text(.compareApplied) : "",
                            Quantity.y.symbol(at: .number(k + 1), c) + (O > 1 ? "[\(i + 1)]" : ""),
                            key: TraceKey(t: k + 1, .apply(.y), [i + 1]), short: false) { $0.trace?.apply?.steps[k].y[i] }
                    }
                })
            }
            out.append(.table(Table(columns: valueColumns, groups: rows)))
            return out
        }

        // MARK: Where and why

        func divergence() -> [Block] {
            var out: [Block] = [.heading("5 · " + text(.compareSectionDivergence))]
            guard let v = comparison.firstDivergence else {
                return out + [.paragraph(text(.compareAllAgree, String(comparison.values.count)))]
            }
            let shown = runs.indices.map { name(runs[$0]) + " = " + format.value(v.values[$0]) }
                .joined(separator: text(.clauseSeparator))
            out.append(.paragraph(text(.compareFirstDifference, v.name, quantity(v)?.name(language) ?? "", symbol(v), shown)))
            for k in runs.indices.dropFirst() {
                guard let pair = comparison.firstDivergence(0, k) else {
                    out.append(.paragraph(text(.comparePairSame, name(runs[k]), name(first))))
                    continue
                }
                out.append(.paragraph(sentences([text(.comparePair, name(runs[k]), name(first), pair.name)]
                                                 + reason(first, runs[k], at: pair))))
            }
            return out
        }

        /// Sentences joined as the language writes them: with a space in English, none after 。.
        func sentences(_ parts: [String]) -> String {
            parts.filter { !$0.isEmpty }.joined(separator: text(.sentenceSeparator))
        }

        /// `h₁[1]`, `∂L/∂Wz[1][1]`; the loss before an update is just `L`.
        func symbol(_ v: ConventionComparison.Value) -> String {
            guard let q = quantity(v) else { return v.name }
            let symbol = q.symbol(at: .number(v.key.t ?? 1), context(first))
            if case .trainingLoss = v.key.kind { return symbol }
            return symbol + v.key.index.map { "[\($0)]" }.joined()
        }

        /// Why runs a and b part at `v`: in training, when the detailed pass agrees; otherwise the
        /// reset placement when they part before h in a timestep, the update rule when they part at h.
        func reason(_ a: ConventionComparison.Run, _ b: ConventionComparison.Run, at v: ConventionComparison.Value) -> [String] {
            let resetDiffers = a.preset.reset != b.preset.reset, updateDiffers = a.preset.update != b.preset.update
            let (before, after) = a.preset.reset == .beforeMatmul ? (a, b) : (b, a)
            if v.key.stage == .training || v.key.stage == .apply {
                var out = [text(.reasonTrainingOnly, String(v.key.index.first ?? 0))]
                guard resetDiffers else { return out }
                let rEqual = (a.trace?.sequences ?? []).allSatisfy { $0.forward.allSatisfy { f in f.r.allSatisfy { $0 == f.r[0] } } }
                if rEqual && problem.parameters.bhn.allSatisfy({ $0 == 0 }) { out.append(text(.reasonEqualR)) }
                let dbhn = after.trace?.gradients.bhn ?? []
                if dbhn.contains(where: { $0 != 0 }) {
                    out.append(text(.reasonBhnTrained, format.vector(dbhn), name(after), format.givenVector(problem.parameters.bhn)))
                }
                return out
            }
            let beforeH: Set<Quantity> = [.aZ, .z, .aR, .r, .aH, .hTilde]
            if resetDiffers && (!updateDiffers || quantity(v).map(beforeH.contains) == true) {
                var out = [text(.reasonReset, name(before), Quantity.aH.formula(at: .t, context(before))!,
                               name(after), Quantity.aH.formula(at: .t, context(after))!)]
                if v.key.t == 1 {
                    out.append(text(.reasonResetAtOne, problem.h0.contains { $0 != 0 } ? "h₀ ≠ 0" : "bhn ≠ 0"))
                } else if problem.h0.allSatisfy({ $0 == 0 }) && problem.parameters.bhn.allSatisfy({ $0 == 0 }) {
                    out.append(text(.reasonResetLater))
                }
                if updateDiffers { out.append(onItsOwn(a, b, differing: .conventionUpdate)) }
                return out
            }
            guard updateDiffers else { return [] }
            let c = context(a), t = Step.number(v.key.t ?? 1)
            var out = [text(.reasonUpdate, name(a), Quantity.h.formula(at: .t, c)!, name(b), Quantity.h.formula(at: .t, context(b))!,
                            Quantity.z.symbol(at: t, c), Quantity.r.symbol(at: t, c), Quantity.hTilde.symbol(at: t, c),
                            Quantity.h.symbol(at: t, c), Quantity.hPrev.symbol(at: t, c))]
            if resetDiffers { out.append(onItsOwn(a, b, differing: .conventionReset)) }
            return out
        }

        /// When a and b differ in both the update rule and the reset placement: where the one
        /// named by `differing` first makes a difference on its own, that is, between a and the
        /// convention that differs from a in that one respect.
        func onItsOwn(_ a: ConventionComparison.Run, _ b: ConventionComparison.Run, differing: Message) -> String {
            let alone = differing == .conventionReset
                ? ConventionPreset.all.first { $0.update == a.preset.update && $0.reset == b.preset.reset }!
                : ConventionPreset.all.first { $0.update == b.preset.update && $0.reset == a.preset.reset }!
            let k = runs.firstIndex { $0.preset == a.preset } ?? 0
            guard let v = comparison.firstDivergence(k, alone) else {
                return text(.reasonAlsoDifferNoEffect, text(differing), name(alone), name(a))
            }
            return text(.reasonAlsoDiffer, text(differing), v.name, name(alone), name(a))
        }
    }
}
