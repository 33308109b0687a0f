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

    /// The numbers `export --to pytorch` writes out: every parameter, input, target and applied input.
    public var exportNumbers: Double
    /// The lengths of the training sequences, for `shownNumbers`.
    public var lengths: [Int]
    /// The forward numbers of one timestep (I + 8H + 2O + 1, L_t with them) and its backward
    /// numbers (11H + O), counted from the quantity registry.
    var forwardPerStep: Double, backwardPerStep: Double

    public init(_ problem: Problem) {
        self.init(config: problem.config, lengths: problem.sequences.map(\.inputs.count),
                  applyLength: problem.applyInputs?.count ?? 0, epochs: problem.epochs)
    }

    /// The cost from the sizes alone: the decoder asks it before it draws or allocates the
    /// parameters, so that a lesson too large to run is refused at once (`LessonDecoder.decode`'s
    /// `admit`).
    public init(config c: ModelConfig, lengths: [Int], applyLength applied: Int, epochs: Int) {
        let I = Double(c.inputSize), O = Double(c.outputSize)
        let P = ParameterName.used(by: c).reduce(0) { n, name in
            let (rows, cols) = name.shape(c)
            return n + rows * cols
        }
        let T = lengths.reduce(0, +)
        self.lengths = lengths
        parameters = P
        timesteps = T
        applyTimesteps = applied
        self.epochs = epochs
        let p = Double(P), t = Double(T), a = Double(applied), e = Double(epochs)
        // One step's record: the registry's quantities under these conventions, and L_t.
        let forward = Double(TraceKey.StepQuantity.forward(c).reduce(0) { $0 + $1.count(c) }) + 1
        let backward = Double(TraceKey.StepQuantity.backward(c).reduce(0) { $0 + $1.count(c) })
        forwardPerStep = forward
        backwardPerStep = backward
        exportNumbers = p + t * (I + O) + a * (I + O)
        detailNumbers = t * (p + forward + backward) + Double(lengths.count) * p + 4 * p + a * (forward + O)
        work = (e + 1) * t * 3 * p + a * p
        gradientCheckWork = 2 * p * t * 3 * p
        trainingBytes = 8 * (Double(TrainingKernel.allocatedDoubles(c, lengths: lengths)) + e)
    }

    /// What a command makes of the trace, for the memory each of its numbers costs.
    public enum Output: String, Sendable {
        case json, tsv, text, markdown, html, worksheet, check
        /// `compare`: the lesson under four conventions, shown as tables.
        case compare
        /// `gradcheck`: one pass at a time, and a table per parameter.
        case gradcheck
        /// `export --to pytorch`: a script that writes out every parameter and input.
        case export
    }

    /// Bytes per number of the detailed trace, measured with /usr/bin/time (maximum resident
    /// size, less the 22 MB of an idle run) on lessons of 1.0 million numbers (H = 64, I = 8,
    /// T = 64) and of 32,000 (H = 16, I = 4, T = 24) in a debug build, and rounded up:
    /// text 600–750, markdown 400, tsv 243, worksheet 273, check 285 (624 with a 1 MiB sheet).
    /// JSON is written while it is computed, but the detailed pass keeps every timestep's
    /// gradient contribution: 32, measured at hidden 256, 1024 and 1550 (peaks of 80 MB, 875 MB
    /// and 1.89 GB; the estimate is 5–11 % above each, docs/robustness.md). export writes every
    /// parameter and input as text: 64 (hidden 4096 peaked at 2.65 GB for 5e7 numbers). HTML is taken to be text's; its slide layout grows with the
    /// square of a table's rows, so `maxHTMLNumbers` limits it first. compare keeps four traces
    /// and tables like text's; gradcheck keeps one pass at a time.
    public static func bytesPerNumber(_ output: Output) -> Double {
        switch output {
        case .json: return 32
        case .tsv: return 300
        case .text, .html, .compare: return 800
        case .gradcheck: return 16
        case .export: return 64
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

    /// The most numbers the slides of `--format html` may show (`shownNumbers`). Measured with
    /// today's page-wide layout in a debug build (docs/robustness.md): the time grows in
    /// proportion to the numbers shown (19,900 numbers in 1.1 s on an idle machine, 103,290 in
    /// 54 s on a loaded one), so layout time no longer sets the cap; the deck does: 20,000 numbers
    /// make about 1,200 slides.
    public static let maxHTMLNumbers: Double = 20_000

    /// The numbers the walkthrough shows (for the slides' limit) when it shows only `sections`
    /// (nil: all), the forward and BPTT detail of one `timestep`, and the forward, loss and BPTT
    /// detail of one `sequence` (1-based): per timestep shown, its forward and backward numbers;
    /// the accumulation's contributions of every timestep (it covers them all), the update, the
    /// trained parameters and the losses, and the application.
    public func shownNumbers(sections: Set<LessonSection>? = nil, timestep: Int? = nil, sequence: Int? = nil) -> Double {
        func shows(_ s: LessonSection) -> Bool { sections?.contains(s) ?? true }
        let p = Double(parameters)
        let detailed = sequence.map { k in k >= 1 && k <= lengths.count ? [lengths[k - 1]] : [] } ?? lengths
        let steps = Double(timestep == nil ? detailed.reduce(0, +) : detailed.filter { $0 >= (timestep ?? 1) }.count)
        var n = 0.0
        if shows(.model) { n += p }
        if shows(.forward) { n += steps * forwardPerStep }
        if shows(.loss) { n += Double(detailed.reduce(0, +)) * 2 }
        if shows(.bptt) { n += steps * backwardPerStep }
        if shows(.accumulation) { n += Double(timesteps) * p + Double(lengths.count) * p }
        if shows(.update) { n += 3 * p }
        if shows(.training) { n += p + Double(epochs) }
        if shows(.apply) { n += Double(applyTimesteps) * forwardPerStep }
        return n
    }

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
        case .export:
            // The script writes out the parameters and every input and target; nothing is computed.
            return Self.baseBytes + exportNumbers * rate
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
