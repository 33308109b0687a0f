/// Central finite differences: the independent check on every BPTT gradient.
///
/// For each parameter entry θ_i, `(L(θ + ε·e_i) − L(θ − ε·e_i)) / 2ε`. Its error is O(ε²) from the
/// Taylor remainder plus O(u/ε) from rounding (u ≈ 1.1e-16), so ε = 1e-5 gives about 1e-10
/// absolute accuracy on the smooth losses here.
public enum GradientCheck {
    public static let defaultEpsilon = 1e-5

    /// The numerical gradient of L with respect to every parameter the model uses.
    public static func numerical(_ problem: Problem, at p: Parameters,
                                 epsilon: Double = defaultEpsilon) -> Parameters {
        var g = Parameters(zerosFor: problem.config)
        for name in ParameterName.used(by: problem.config) {
            var entries = g[name]
            for i in entries.indices {
                var plus = p, minus = p
                plus[name] = bump(p[name], i, +epsilon)
                minus[name] = bump(p[name], i, -epsilon)
                let lPlus = Training.pass(plus, problem).loss
                let lMinus = Training.pass(minus, problem).loss
                entries[i] = (lPlus - lMinus) / (2 * epsilon)
            }
            g[name] = entries
        }
        return g
    }

    /// `|a − b| / max(|a|, |b|, floor)`: relative error that stays meaningful near zero.
    public static func relativeError(_ a: Double, _ b: Double, floor: Double = 1e-8) -> Double {
        abs(a - b) / max(abs(a), abs(b), floor)
    }

    private static func bump(_ values: [Double], _ i: Int, _ delta: Double) -> [Double] {
        var v = values
        v[i] += delta
        return v
    }
}

/// `gru-explain gradcheck`'s findings: every BPTT gradient entry against its central difference
/// (GRURender writes them as a report).
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

    /// This report, with `defaultStepPasses` found by checking `problem` again at the default
    /// step when some entries failed at another one (a second pass of the same cost).
    public func checkingTheDefaultStep(_ problem: Problem) -> GradientCheckReport {
        guard !passes, epsilon != Self.defaultEpsilon else { return self }
        var report = self
        report.defaultStepPasses = GradientCheckReport(problem, tolerance: tolerance, split: split).passes
        return report
    }
}
