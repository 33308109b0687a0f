import GRUCore

/// What running a lesson will cost, estimated from its sizes alone, before anything is allocated:
/// how many numbers the detailed trace holds, how much memory a rendering of it takes, and how
/// many multiply-adds training does. The command line refuses a lesson over `LessonCost.Limits`
/// (docs/robustness.md).
///
/// With H = hidden_size, I = input_size, O = output_size and P the number of parameters the model
/// uses (3H·I + 3H·H + 3H, + H for bhn, + O·H + O):
/// - one timestep of the detailed trace holds I + 8H + 2O + 1 forward numbers (x, a_z, z, a_r, r,
///   rh or n_h, a_h, h̃, h, y, target, L_t), 11H + O backward numbers (dy … dh_prev) and its
///   contribution to every parameter's gradient: P numbers;
/// - each sequence adds its own gradient (P); the lesson as a whole adds the parameters, their
///   gradients and the updated values (3P), the trained parameters (P), one loss per epoch and
///   the applied model's steps;
/// - training does about 3P multiply-adds per timestep and epoch (P forward, 2P backward), in
///   the buffers `TrainingKernel.allocatedDoubles` counts, and keeps one loss per epoch.
public struct LessonCost: Equatable, Sendable {
    /// P: the scalars of every parameter the model uses.
    public var parameters: Int
    /// Σ T over the training sequences.
    public var timesteps: Int
    /// The length of `apply.inputs`, 0 without one.
    public var applyTimesteps: Int
    public var epochs: Int
    /// Numbers of the detailed pass: every timestep's forward, backward and gradient records, each
    /// sequence's gradient, the parameters, their gradients and one update
    /// (ΣT·(P + I + 19H + 3O + 1) + N·P + 3P for N sequences), plus the applied model's steps and
    /// the trained parameters.
    public var detailNumbers: Double
    /// Multiply-adds: the detailed pass, `epochs` epochs of training and the application.
    public var work: Double
    /// Multiply-adds of `gradcheck`: two passes (forward and BPTT) for each of the P entries.
    public var gradientCheckWork: Double
    /// Bytes that training needs beyond the trace: the parameters, their gradients and the
    /// activations of the longest sequence, as flat buffers, and one loss per epoch.
    public var trainingBytes: Double

    public init(_ problem: Problem) {
        let c = problem.config
        let O = Double(c.outputSize)
        let P = ParameterName.used(by: c).reduce(0) { n, name in
            let (rows, cols) = name.shape(c)
            return n + rows * cols
        }
        let lengths = problem.sequences.map(\.inputs.count)
        let T = lengths.reduce(0, +)
        let applied = problem.applyInputs?.count ?? 0
        parameters = P
        timesteps = T
        applyTimesteps = applied
        epochs = problem.epochs
        let p = Double(P), t = Double(T), a = Double(applied), e = Double(problem.epochs)
        // One step's record: the registry's quantities under these conventions, and L_t.
        let forward = Double(TraceKey.StepQuantity.forward(c).reduce(0) { $0 + $1.count(c) }) + 1
        let backward = Double(TraceKey.StepQuantity.backward(c).reduce(0) { $0 + $1.count(c) })
        detailNumbers = t * (p + forward + backward) + Double(lengths.count) * p + 4 * p + a * (forward + O)
        work = (e + 1) * t * 3 * p + a * p
        gradientCheckWork = 2 * p * t * 3 * p
        trainingBytes = 8 * (Double(TrainingKernel.allocatedDoubles(problem)) + e)
    }

    /// What a command makes of the trace, for the memory each of its numbers costs.
    public enum Output: String, Sendable {
        case json, tsv, text, markdown, html, worksheet, check
        /// `compare`: the lesson under four conventions, shown as tables.
        case compare
        /// `gradcheck`: one pass at a time, and a table per parameter.
        case gradcheck
    }

    /// Bytes per number of the detailed trace, measured with /usr/bin/time (maximum resident
    /// size, less the 22 MB of an idle run) on lessons of 1.0 million numbers (H = 64, I = 8,
    /// T = 64) and of 32,000 (H = 16, I = 4, T = 24) in a debug build, and rounded up:
    /// text 600–750, markdown 400, tsv 243, worksheet 273, check 285 (624 with a 1 MiB sheet).
    /// JSON is written while it is computed and stays flat (3.5–6 bytes a number); 16 covers the
    /// totals it may compute in memory. HTML is taken to be text's; its slide layout grows with the
    /// square of a table's rows, so `maxHTMLNumbers` limits it first. compare keeps four traces
    /// and tables like text's; gradcheck keeps one pass at a time.
    public static func bytesPerNumber(_ output: Output) -> Double {
        switch output {
        case .json: return 16
        case .tsv: return 300
        case .text, .html, .compare: return 800
        case .gradcheck: return 16
        case .markdown: return 480
        case .worksheet: return 320
        case .check: return 700
        }
    }

    /// Bytes per epoch where only the loss of each epoch is kept (a Double, rounded up).
    public static let bytesPerEpoch: Double = 16

    /// The bytes a process needs before any lesson: the runtime and the bundled lessons (22 MB
    /// measured), rounded up.
    public static let baseBytes: Double = 32 * 1024 * 1024

    /// The most numbers a detailed trace may have for `--format html`. Set when the slide layout
    /// was quadratic (lesson3's 4,300 numbers took 6 s in a debug build; 32,000 did not finish in
    /// 5 minutes). The page-wide layout is much faster: 19,900 numbers (H = 8, T = 46) take 1.1 s
    /// in a debug build. The limit stays as a bound on the slide count (hundreds of slides).
    public static let maxHTMLNumbers: Double = 20_000

    /// An estimate of the peak memory of making `output` from the lesson. `showsDetail` is false
    /// when `run` leaves out every section of the detailed pass (`--only training,apply`): then
    /// the engine skips that pass and its numbers cost nothing. The worksheet and the check always
    /// need it. TSV and the check list the loss of every epoch as a line of their own.
    public func memoryBytes(_ output: Output, showsDetail: Bool = true) -> Double {
        let rate = Self.bytesPerNumber(output)
        let perNumber: Double, perEpoch: Double
        switch output {
        case .json, .tsv, .text, .markdown, .html:
            perNumber = showsDetail ? rate : 0
            perEpoch = output == .tsv ? rate : Self.bytesPerEpoch
        case .worksheet, .compare, .gradcheck:
            perNumber = rate
            perEpoch = Self.bytesPerEpoch
        case .check:
            perNumber = rate
            perEpoch = rate
        }
        return Self.baseBytes + trainingBytes + detailNumbers * perNumber + Double(epochs) * perEpoch
    }

    /// The limits the command line holds a lesson to.
    public struct Limits: Equatable, Sendable {
        /// The most memory a run may need.
        public var memoryBytes: Double
        /// The most multiply-adds a run may do.
        public var work: Double

        public init(memoryBytes: Double, work: Double) {
            self.memoryBytes = memoryBytes
            self.work = work
        }

        /// 1 GiB, or a quarter of the machine's memory when that is less (1 GiB when the machine
        /// does not say); 10¹² multiply-adds (minutes in a release build, hours in a debug build;
        /// see docs/robustness.md).
        public static func standard(physicalMemory: UInt64) -> Limits {
            let gib = Double(1 << 30)
            let quarter = physicalMemory > 0 ? Double(physicalMemory) / 4 : gib
            return Limits(memoryBytes: min(gib, quarter), work: 1e12)
        }
    }
}

extension LessonCost {
    /// "1.5 GiB", "640 MiB", "12 KiB": a byte count for messages, with one decimal below 100.
    public static func describeBytes(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "\(bytes) bytes" }
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(Int(value)) bytes" }
        let tenths = (value * 10).rounded()
        if value >= 100 || tenths.truncatingRemainder(dividingBy: 10) == 0 {
            return "\(Int(value.rounded())) \(units[unit])"
        }
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
    }

    /// "3.2e13", "4e9", "870000": a count for messages, exact below a million.
    public static func describeCount(_ n: Double) -> String {
        guard n.isFinite else { return "\(n)" }
        if n < 1e6 { return "\(Int(n.rounded()))" }
        var mantissa = n, exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        mantissa = (mantissa * 10).rounded() / 10
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        let text = mantissa == mantissa.rounded() ? "\(Int(mantissa))" : "\(mantissa)"
        return "\(text)e\(exponent)"
    }
}
