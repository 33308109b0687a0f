import GRUCore
import GRULessons

/// A named pair of conventions: where the update gate goes and where the reset gate acts.
public struct ConventionPreset: Equatable, Sendable {
    public var name: String
    /// Other names for the same pair: `d2l` for `seed`, `keras` for `pytorch`.
    public var aliases: [String]
    public var update: UpdateRule
    public var reset: ResetPlacement

    /// The four combinations, in the order `compare` shows them.
    public static let all: [ConventionPreset] = [
        ConventionPreset(name: "seed", aliases: ["d2l"], update: .zTimesPrevious, reset: .beforeMatmul),
        ConventionPreset(name: "pytorch", aliases: ["keras"], update: .zTimesPrevious, reset: .afterMatmul),
        ConventionPreset(name: "chung", aliases: ["wikipedia"], update: .zTimesCandidate, reset: .beforeMatmul),
        ConventionPreset(name: "candidate-after", aliases: [], update: .zTimesCandidate, reset: .afterMatmul),
    ]

    /// Every name `--conventions` accepts, `all` included.
    public static var names: [String] { ["all"] + all.flatMap { [$0.name] + $0.aliases } }

    /// `all`, or a comma-separated list of names (`seed,pytorch`, `d2l,keras`); a pair named twice
    /// counts once. Returns the presets in the order given, or the name that is not known.
    public static func parse(_ list: String) -> Result<[ConventionPreset], UnknownName> {
        var chosen: [ConventionPreset] = []
        for word in list.split(separator: ",").map({ $0.lowercased().filter { $0 != " " } }) where !word.isEmpty {
            let found = word == "all" ? all : all.filter { $0.name == word || $0.aliases.contains(word) }
            guard !found.isEmpty else { return .failure(UnknownName(name: word)) }
            for preset in found where !chosen.contains(preset) { chosen.append(preset) }
        }
        return .success(chosen)
    }

    public struct UnknownName: Error, Equatable {
        public var name: String
    }

    /// `seed (d2l)`.
    public var label: String {
        aliases.isEmpty ? name : name + " (" + aliases.joined(separator: ", ") + ")"
    }
}

/// One lesson run under several conventions with the same parameters, and every value they share
/// under the keys of `run --format tsv` (docs/keys.md), in that order, so that the first one that
/// differs can be named.
///
/// The parameters are the lesson's. Under before_matmul bhn has no role; a lesson written for
/// before_matmul has no bhn, and the after_matmul conventions then use bhn = 0.
public struct ConventionComparison: Sendable {
    /// Values differ when `|a − b| > tolerance · max(1, |a|, |b|)`.
    public static let tolerance = 1e-12

    public struct Run: Sendable {
        public var preset: ConventionPreset
        public var problem: Problem
        /// The lesson under this convention: the detailed pass, training and the applied model.
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

        /// The quantity the key names, for its words and symbol; nil for a key with none.
        public var quantity: Quantity? {
            if let q = Quantity(key.kind) { return q }
            switch key.kind {
            case .trainingLoss: return .totalLoss
            case .update(let p), .trained(let p), .parameter(let p): return .gradient(p)
            case .apply(.x): return .x
            case .apply(.h): return .h
            case .apply(.y): return .y
            case .apply(.expected), .learningRate, .h0, .step, .stepLoss, .loss, .stepGradient, .gradient: return nil
            }
        }

        /// True when run `a` and run `b` differ beyond the tolerance.
        public func differs(_ a: Int, _ b: Int) -> Bool {
            ConventionComparison.differ(values[a], values[b])
        }

        /// True when some run differs from the first.
        public var differs: Bool {
            values.indices.contains { differs(0, $0) }
        }
    }

    public var lesson: Lesson
    public var runs: [Run]
    /// Every value the runs share, in the order of `Trace.keys`: the forward pass, the losses,
    /// BPTT, the gradients and their shares, the update, training and the applied model. The
    /// givens (lr, parameters, h0, x, target) are the same by construction and left out, and so
    /// are the keys only some conventions have (`rh`, `n_h`, `bhn`).
    public var values: [Value]

    public static func differ(_ a: Double, _ b: Double) -> Bool {
        !(abs(a - b) <= tolerance * max(1, abs(a), abs(b)))
    }

    public init(lesson: Lesson, presets: [ConventionPreset]) {
        self.lesson = lesson
        runs = presets.map { Self.run(lesson.problem, $0) }
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
        return ConventionComparison(lesson: lesson, presets: [runs[a].preset, preset]).values
            .first { shared.contains($0.name) && $0.differs(0, 1) }
    }

    static func run(_ lessonProblem: Problem, _ preset: ConventionPreset) -> Run {
        var problem = lessonProblem
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
}
