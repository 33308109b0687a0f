import GRUCore
import GRULessons

/// `gru-explain gradcheck`: every BPTT gradient entry against its central difference.
///
/// For each entry θᵢ of every parameter the model uses, at the lesson's starting parameters:
///
///     numerical  gᵢ ≈ (L(θ + ε·eᵢ) − L(θ − ε·eᵢ)) / 2ε
///     relative error = |bptt − numerical| / max(|bptt|, |numerical|, floor)
///
/// The floor, 0.01, keeps the ratio meaningful for a gradient near 0. The central difference
/// carries rounding noise of about u·|L|/ε (u ≈ 1.1e-16), some 1e-10 for the bundled lessons at
/// ε = 1e-5, and a gradient of 3e-6 (lesson3 has one) would show a relative error of 1e-5 from
/// noise alone. Below 0.01 the error is measured against 0.01 instead: with the default
/// tolerance 1e-6, such an entry passes when |bptt − numerical| ≤ 1e-8. An entry passes when its
/// relative error is at most the tolerance.
public struct GradientCheckReport: Sendable {
    public static let defaultEpsilon = GradientCheck.defaultEpsilon
    public static let defaultTolerance = 1e-6
    /// Gradients smaller than this are compared absolutely (see the type's documentation).
    public static let floor = 1e-2

    public struct Entry: Sendable {
        public var parameter: ParameterName
        /// 1-based, as the TSV keys write it: [i] for a vector, [i, j] for a matrix.
        public var index: [Int]
        public var bptt: Double
        public var numerical: Double
        public var relativeError: Double
        public var passes: Bool

        /// `Wz[1][1]`, `bz[2]`.
        public var name: String {
            parameter.rawValue + index.map { "[\($0)]" }.joined()
        }
    }

    /// One timestep's share of the split parameter's gradient.
    public struct Share: Sendable {
        /// 1-based sequence (only when the lesson has several) and timestep.
        public var sequence: Int?
        public var t: Int
        public var values: [Double]
    }

    public var epsilon: Double
    public var tolerance: Double
    public var loss: Double
    public var entries: [Entry]
    /// The parameter whose gradient is split by timestep, its shares (sequence by sequence,
    /// t = T … 1 as BPTT computes them) and their sum.
    public var split: ParameterName
    public var shares: [Share]
    public var total: [Double]
    /// Whether every entry passes at the default step, when this check used another one and some
    /// entries failed (`checkingTheDefaultStep`); nil when that was not asked.
    public var defaultStepPasses: Bool? = nil

    public var passes: Bool { entries.allSatisfy(\.passes) }
    public var failures: [Entry] { entries.filter { !$0.passes } }
    public var worst: Entry? { entries.max { $0.relativeError < $1.relativeError } }

    /// Checks `problem` at its starting parameters. `adjust` changes the BPTT gradients before
    /// they are compared: a test hook that plants a wrong gradient.
    public init(_ problem: Problem, epsilon: Double = defaultEpsilon, tolerance: Double = defaultTolerance,
                split: ParameterName = .Why, adjust: ((inout Parameters) -> Void)? = nil) {
        let c = problem.config
        var (loss, bptt, sequences) = Training.pass(problem.parameters, problem)
        adjust?(&bptt)
        let numerical = GradientCheck.numerical(problem, at: problem.parameters, epsilon: epsilon)
        self.epsilon = epsilon
        self.tolerance = tolerance
        self.loss = loss
        entries = ParameterName.used(by: c).flatMap { p in
            let (rows, cols) = p.shape(c)
            return (0..<(rows * cols)).map { k in
                let a = bptt[p][k], b = numerical[p][k]
                let error = GradientCheck.relativeError(a, b, floor: Self.floor)
                return Entry(parameter: p, index: p.isVector ? [k + 1] : [k / cols + 1, k % cols + 1],
                             bptt: a, numerical: b, relativeError: error, passes: error <= tolerance)
            }
        }
        self.split = split
        let several = sequences.count > 1
        shares = sequences.enumerated().flatMap { s, trace in
            trace.backward.map { Share(sequence: several ? s + 1 : nil, t: $0.t, values: $0.grads[split]) }
        }
        total = bptt[split]
    }
}

extension GradientCheckReport {

    public func text(lesson: Lesson, options: RenderOptions) -> String {
        TextRenderer.document(blocks(lesson: lesson, options: options), options: options)
    }

    public func markdown(lesson: Lesson, options: RenderOptions) -> String {
        var plain = options
        plain.color = false
        return MarkdownRenderer.document(blocks(lesson: lesson, options: plain), options: plain)
    }

    /// A small number in scientific notation with two significant digits: `2.7e−8`.
    /// When entries fail at a step other than the default and all pass at the default, the step,
    /// not BPTT, is the cause: a larger ε leaves a truncation error that grows as ε², a smaller
    /// one rounding noise that grows as 1/ε. Nil otherwise.
    public var epsilonHint: Message? {
        guard defaultStepPasses == true else { return nil }
        return epsilon > Self.defaultEpsilon ? .gradcheckEpsilonLarge : .gradcheckEpsilonSmall
    }

    /// This report, with `defaultStepPasses` found by checking `problem` again at the default
    /// step when some entries failed at another one (a second pass of the same cost).
    public func checkingTheDefaultStep(_ problem: Problem) -> GradientCheckReport {
        guard !passes, epsilon != Self.defaultEpsilon else { return self }
        var report = self
        report.defaultStepPasses = GradientCheckReport(problem, tolerance: tolerance, split: split).passes
        return report
    }

    static func scientific(_ x: Double) -> String {
        NumberFormat(digits: 0).short(x)
    }

    func blocks(lesson: Lesson, options: RenderOptions) -> [Block] {
        let language = options.language
        func text(_ m: Message, _ args: String...) -> String { m.text(language, args) }
        let format = NumberFormat(digits: options.digits)
        let c = lesson.problem.config
        var out: [Block] = [
            .title(text(.gradcheckTitle, lesson.id)),
            .paragraph(text(.gradcheckExplanation)),
            .paragraph(text(.gradcheckSettings, Self.scientific(epsilon), Self.scientific(tolerance), format.value(loss))),
        ]
        // Every entry, parameter by parameter.
        let groups: [[Table.Row]] = ParameterName.used(by: c).map { p in
            entries.filter { $0.parameter == p }.map { e -> Table.Row in
                let verdict = e.passes ? Table.Cell(text: "✓ " + text(.verdictPass))
                                       : Table.Cell(text: "✗ " + text(.verdictFail), style: .warning)
                return [.math("∂L/∂" + e.name), .result(format.value(e.bptt)), .result(format.value(e.numerical)),
                        Table.Cell(text: Self.scientific(e.relativeError), style: e.passes ? .plain : .warning), verdict]
            }
        }
        let columns = [Table.Column(title: text(.columnEntry)), Table.Column(title: text(.columnBPTT), alignRight: true),
                       Table.Column(title: text(.columnNumerical), alignRight: true),
                       Table.Column(title: text(.columnRelativeError), alignRight: true), Table.Column(title: text(.columnVerdict))]
        out.append(.table(Table(columns: columns, groups: groups)))
        if passes, let worst {
            out.append(.paragraph(text(.gradcheckAllPass, String(entries.count), Self.scientific(worst.relativeError), "∂L/∂" + worst.name)))
        } else {
            let failed = failures.map { "∂L/∂" + $0.name + " (" + Self.scientific($0.relativeError) + ")" }
            out.append(.paragraph(text(.gradcheckFailures, String(failures.count), String(entries.count),
                                       Self.scientific(tolerance), failed.joined(separator: language == .zh ? "、" : ", "))))
            if let hint = epsilonHint { out.append(.paragraph(text(hint, Self.scientific(epsilon), Self.scientific(Self.defaultEpsilon)))) }
        }
        out += splitBlocks(lesson: lesson, options: options, format: format)
        return options.ascii ? out.map { $0.mapText(Notation.ascii) } : out
    }

    /// The split parameter's shares per timestep, their sum and the central difference, with at
    /// most five entries per table so that it stays narrow.
    private func splitBlocks(lesson: Lesson, options: RenderOptions, format: NumberFormat) -> [Block] {
        let language = options.language
        func text(_ m: Message, _ args: String...) -> String { m.text(language, args) }
        let c = FormulaContext(config: lesson.problem.config, language: language)
        var out: [Block] = [
            .heading(text(.gradcheckSplitHeading, split.rawValue)),
            .paragraph(text(.gradcheckSplitExplanation, split.rawValue, Quantity.grads(split).equation(at: .t, c))),
        ]
        let mine = entries.filter { $0.parameter == split }
        for start in stride(from: 0, to: mine.count, by: 5) {
            let chunk = Array(mine[start..<min(start + 5, mine.count)])
            let offsets = (start..<(start + chunk.count))
            let columns = [Table.Column(title: "")] + chunk.map { Table.Column(title: "∂L/∂" + $0.name, alignRight: true) }
            let shareRows: [Table.Row] = shares.map { share in
                let step = text(.timestep, String(share.t))
                let label = share.sequence.map { text(.sequence, String($0)) + " · " + step } ?? step
                return [Table.Cell(text: label)] + offsets.map { .result(format.value(share.values[$0])) }
            }
            let sums: [Table.Row] = [
                [Table.Cell(text: text(.rowBPTTSum))] + offsets.map { .result(format.value(total[$0])) },
                [Table.Cell(text: text(.columnNumerical))] + chunk.map { .result(format.value($0.numerical)) },
                [Table.Cell(text: text(.columnRelativeError))] + chunk.map { Table.Cell(text: Self.scientific($0.relativeError)) },
            ]
            out.append(.table(Table(columns: columns, groups: [shareRows, sums])))
        }
        return out
    }
}
