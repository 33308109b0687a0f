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
/// in computation order, so that the first one that differs can be named.
///
/// The parameters are the lesson's. Under before_matmul bhn has no role; a lesson written for
/// before_matmul has no bhn, and the after_matmul conventions then use bhn = 0.
public struct ConventionComparison: Sendable {
    /// Values differ when `|a − b| > tolerance · max(1, |a|, |b|)`.
    public static let tolerance = 1e-12

    /// The loss before each update and the parameters after the last.
    public struct Trained: Sendable {
        public var losses: [Double]
        public var parameters: Parameters
    }

    public struct Run: Sendable {
        public var preset: ConventionPreset
        public var problem: Problem
        /// The detailed pass with the lesson's parameters.
        public var loss: Double
        public var gradients: Parameters
        public var sequences: [SequenceTrace]
        /// Training, or where it stopped being finite.
        public var training: Result<Trained, Divergence>
        /// The trained model applied to the lesson's new input (nil without `apply` or when training diverged).
        public var apply: [StepForward]?
    }

    /// One value that every run has: its key (as `run --format tsv` names it), what it is, and
    /// its value in each run.
    public struct Value: Sendable {
        public var key: String
        public var quantity: Quantity
        /// 1-based sequence (only when the lesson has several), timestep and index.
        public var sequence: Int?
        public var t: Int?
        public var index: [Int]
        public var values: [Double]

        /// True when run `a` and run `b` differ beyond the tolerance.
        public func differs(_ a: Int, _ b: Int) -> Bool {
            ConventionComparison.differ(values[a], values[b])
        }

        /// True when some two runs differ.
        public var differs: Bool {
            values.indices.contains { differs(0, $0) }
        }
    }

    public var lesson: Lesson
    public var runs: [Run]
    /// The shared values in computation order: the forward pass of every sequence (a_z, z, a_r,
    /// r, a_h, h̃, h, y, L_t per timestep), L, BPTT (t = T … 1), the summed gradients, the loss
    /// before every training update and the applied model's outputs. `rh` and `n_h` exist in only some
    /// conventions and are left out.
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

    static func run(_ lessonProblem: Problem, _ preset: ConventionPreset) -> Run {
        var problem = lessonProblem
        problem.config.update = preset.update
        problem.config.reset = preset.reset
        let (loss, gradients, sequences) = Training.pass(problem.parameters, problem)
        let training = Result { () throws(Divergence) -> Trained in
            let (losses, trained) = try Training.train(problem, from: problem.parameters, epochs: problem.epochs)
            return Trained(losses: losses, parameters: trained)
        }
        let apply = problem.applyInputs.flatMap { inputs in
            (try? training.get()).map { SequencePass.forward($0.parameters, problem.config, h0: problem.h0, inputs: inputs) }
        }
        return Run(preset: preset, problem: problem, loss: loss, gradients: gradients, sequences: sequences,
                   training: training, apply: apply)
    }

    /// Builds `values`; keys follow docs/keys.md (`t2.z[1]`, `s3.t1.h[2]`, `grad.Wz[1][1]`).
    static func sharedValues(_ runs: [Run]) -> [Value] {
        guard let first = runs.first else { return [] }
        let several = first.sequences.count > 1
        var out: [Value] = []
        func add(_ key: String, _ q: Quantity, sequence: Int?, t: Int?, index: [Int], _ value: (Run) -> Double?) {
            let values = runs.compactMap(value)
            guard values.count == runs.count else { return }
            out.append(Value(key: key, quantity: q, sequence: sequence, t: t, index: index, values: values))
        }
        func prefix(_ s: Int) -> String { several ? "s\(s + 1)." : "" }
        func vector(_ q: Quantity, _ s: Int, _ t: Int, _ pick: @escaping (Run) -> [Double]?) {
            let n = pick(first)?.count ?? 0
            for i in 0..<n {
                add(prefix(s) + "t\(t).\(q.traceName)[\(i + 1)]", q, sequence: several ? s + 1 : nil, t: t, index: [i + 1]) { pick($0)?[i] }
            }
        }
        let forward: [(Quantity, (StepForward) -> [Double])] = [
            (.aZ, \.aZ), (.z, \.z), (.aR, \.aR), (.r, \.r), (.aH, \.aH), (.hTilde, \.hTilde), (.h, \.h), (.y, \.y),
        ]
        for s in first.sequences.indices {
            for k in first.sequences[s].forward.indices {
                for (q, pick) in forward { vector(q, s, k + 1) { pick($0.sequences[s].forward[k]) } }
                add(prefix(s) + "t\(k + 1).loss", .loss, sequence: several ? s + 1 : nil, t: k + 1, index: []) {
                    $0.sequences[s].forward[k].loss
                }
            }
            if several { add("s\(s + 1).loss", .totalLoss, sequence: s + 1, t: nil, index: []) { $0.sequences[s].loss } }
        }
        add("loss", .totalLoss, sequence: nil, t: nil, index: []) { $0.loss }
        let backward: [(Quantity, (StepBackward) -> [Double])] = [
            (.dy, \.dy), (.dhOut, \.dhOut), (.dhRec, \.dhRec), (.dh, \.dh), (.dz, \.dz), (.dhTilde, \.dhTilde),
            (.daH, \.daH), (.dr, \.dr), (.daR, \.daR), (.daZ, \.daZ), (.dhPrev, \.dhPrev),
        ]
        for s in first.sequences.indices {
            for b in first.sequences[s].backward.indices {
                let t = first.sequences[s].backward[b].t
                for (q, pick) in backward { vector(q, s, t) { pick($0.sequences[s].backward[b]) } }
            }
        }
        for p in sharedParameters(runs) {
            for (key, index, k) in entries(p, first.problem.config) {
                add("grad." + key, .gradient(p), sequence: nil, t: nil, index: index) { $0.gradients[p][k] }
            }
        }
        for e in 0..<first.problem.epochs {
            add("train.loss[\(e + 1)]", .totalLoss, sequence: nil, t: nil, index: [e + 1]) { try? $0.training.get().losses[e] }
        }
        for k in (first.apply ?? []).indices {
            for (q, pick) in [(Quantity.h, \StepForward.h), (.y, \.y)] {
                for i in first.apply![k][keyPath: pick].indices {
                    add("apply.t\(k + 1).\(q.traceName)[\(i + 1)]", q, sequence: nil, t: k + 1, index: [i + 1]) {
                        $0.apply.map { $0[k][keyPath: pick][i] }
                    }
                }
            }
        }
        return out
    }

    /// The parameters every run uses: bhn only when every run is after_matmul.
    static func sharedParameters(_ runs: [Run]) -> [ParameterName] {
        ParameterName.allCases.filter { p in runs.allSatisfy { ParameterName.used(by: $0.problem.config).contains(p) } }
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
