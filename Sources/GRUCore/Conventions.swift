/// Where the update gate z goes in `h_t = … `.
public enum UpdateRule: String, CaseIterable, Sendable, Codable {
    /// `h_t = z⊙h_{t−1} + (1−z)⊙h̃_t` — the seed, PyTorch, Keras, d2l.
    case zTimesPrevious = "z_times_previous"
    /// `h_t = (1−z)⊙h_{t−1} + z⊙h̃_t` — Chung et al. 2014, Wikipedia.
    case zTimesCandidate = "z_times_candidate"
}

/// Where the reset gate r acts in the candidate state.
public enum ResetPlacement: String, CaseIterable, Sendable, Codable {
    /// `rh = r⊙h_{t−1}; a_h = Wh·x + Uh·rh + bh` — Cho et al. 2014 (v3), d2l, the seed.
    case beforeMatmul = "before_matmul"
    /// `n_h = Uh·h_{t−1} + bhn; a_h = Wh·x + bh + r⊙n_h` — PyTorch, cuDNN, Keras' default.
    case afterMatmul = "after_matmul"
}

/// The per-timestep loss.
public enum LossKind: String, CaseIterable, Sendable, Codable {
    /// `L_t = ½‖y_t − target_t‖²`
    case halfSquared = "half_squared"
    /// `L_t = ‖y_t − target_t‖²`
    case squared = "squared"
}

/// How one sequence's timestep losses combine.
public enum Reduction: String, CaseIterable, Sendable, Codable {
    /// `L_seq = Σ_t L_t`
    case sum = "sum"
    /// `L_seq = (1/T)·Σ_t L_t`
    case mean = "mean"
}

/// Sizes and formula conventions of a GRU with a linear output layer.
public struct ModelConfig: Equatable, Sendable {
    public var inputSize: Int
    public var hiddenSize: Int
    public var outputSize: Int
    public var update: UpdateRule
    public var reset: ResetPlacement
    public var loss: LossKind
    public var reduction: Reduction
    /// How the losses of several sequences combine: `sum` (L = Σ_seq L_seq, the default) or
    /// `mean` (L = (1/N)·Σ_seq L_seq).
    public var sequenceReduction: Reduction

    public init(inputSize: Int, hiddenSize: Int, outputSize: Int,
                update: UpdateRule = .zTimesPrevious, reset: ResetPlacement = .beforeMatmul,
                loss: LossKind = .halfSquared, reduction: Reduction = .sum,
                sequenceReduction: Reduction = .sum) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.update = update
        self.reset = reset
        self.loss = loss
        self.reduction = reduction
        self.sequenceReduction = sequenceReduction
    }
}
