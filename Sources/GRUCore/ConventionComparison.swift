/// One problem run under several conventions with the same parameters, and every value they share
/// under the keys of `run --format tsv` (docs/keys.md), in that order, so that the first one that
/// differs can be named: what `gru-explain compare` computes. GRURender's `ComparisonReport`
/// only lays it out.
///
/// The parameters are the problem's (a lesson's). Under before_matmul bhn has no role; a lesson
/// written for before_matmul has no bhn, and the after_matmul conventions then use bhn = 0.
public struct ConventionComparison: Sendable {
    /// Values differ when `|a − b| > tolerance · max(1, |a|, |b|)`.
    public static let tolerance = 1e-12

    public struct Run: Sendable {
        public var preset: ConventionPreset
        public var problem: Problem
        /// The problem under this convention: the detailed pass, training and the applied model.
        /// When training diverged it holds the detailed pass only (no epochs); nil when even the
        /// detailed pass did.
        public var trace: Trace?
        /// Where the loss stopped being finite, if it did.
        public var divergence: Divergence?
    }

    /// One value that every run has: its key, and its value in each run (NaN in a run that
    /// diverged before it).
    public struct Value: Sendable {
        public var key: TraceKey
        public var values: [Double]

        /// `t1.h[1]`, as `run --format tsv` writes it.
        public var name: String { key.description }

        /// True when run `a` and run `b` differ beyond the tolerance.
        public func differs(_ a: Int, _ b: Int) -> Bool {
            ConventionComparison.differ(values[a], values[b])
        }

        /// True when some run differs from the first.
        public var differs: Bool {
            values.indices.contains { differs(0, $0) }
        }
    }

    /// The problem as given, under its own conventions.
    public var problem: Problem
    public var runs: [Run]
    /// Every value the runs share, in the order of `Trace.keys`: the forward pass, the losses,
    /// BPTT, the gradients and their shares, the update, training and the applied model. The
    /// givens (lr, parameters, h0, x, target) are the same by construction and left out, and so
    /// are the keys only some conventions have (`rh`, `n_h`, `bhn`).
    public var values: [Value]

    /// True when `a` and `b` differ beyond the tolerance (NaN differs from everything).
    public static func differ(_ a: Double, _ b: Double) -> Bool {
        !(abs(a - b) <= tolerance * max(1, abs(a), abs(b)))
    }

    /// Runs `problem` under each of `presets`, in that order.
    public init(_ problem: Problem, presets: [ConventionPreset]) {
        self.problem = problem
        runs = presets.map { Self.run(problem, $0) }
        values = Self.sharedValues(runs)
    }

    /// The first value, in computation order, on which some two runs differ.
    public var firstDivergence: Value? {
        values.first { $0.differs }
    }

    /// The first value on which run `a` and run `b` differ.
    public func firstDivergence(_ a: Int, _ b: Int) -> Value? {
        values.first { $0.differs(a, b) }
    }

    /// The first value on which run `a` and `preset` differ, for a convention that need not be
    /// one of the runs: from the runs when it is one, otherwise from the two run on their own.
    /// Only values this comparison shares count, so the answer names a row of its tables.
    /// nil when the two agree on every one of them.
    public func firstDivergence(_ a: Int, _ preset: ConventionPreset) -> Value? {
        if let b = runs.firstIndex(where: { $0.preset == preset }) { return firstDivergence(a, b) }
        let shared = Set(values.map(\.name))
        return ConventionComparison(problem, presets: [runs[a].preset, preset]).values
            .first { shared.contains($0.name) && $0.differs(0, 1) }
    }

    static func run(_ given: Problem, _ preset: ConventionPreset) -> Run {
        var problem = given
        problem.config.update = preset.update
        problem.config.reset = preset.reset
        do {
            return Run(preset: preset, problem: problem, trace: try Trace.record(problem), divergence: nil)
        } catch {
            // Show the detailed pass without training, when that much is finite.
            var untrained = problem
            untrained.epochs = 0
            untrained.applyInputs = nil
            return Run(preset: preset, problem: problem, trace: try? Trace.record(untrained), divergence: error)
        }
    }

    static func sharedValues(_ runs: [Run]) -> [Value] {
        guard let keys = runs.lazy.compactMap(\.trace).first?.keys else { return [] }
        return keys.compactMap { key -> Value? in
            guard key.stage != .given else { return nil }
            var values: [Double] = []
            for run in runs {
                guard let trace = run.trace else { values.append(.nan); continue }
                guard let v = trace.value(at: key) else { return nil }
                values.append(v)
            }
            return Value(key: key, values: values)
        }
    }
}
