/// A known mistake that a wrong value matches. The raw value is the stable machine code of the
/// JSON report (`"diagnosis": "update_convention"`); the words for it, in zh and en, belong to
/// the renderer.
public enum Diagnosis: String, CaseIterable, Sendable {
    /// z put on the candidate, `h = (1−z)⊙h_{t−1} + z⊙h̃`, where the lesson puts it on h_{t−1}
    /// (or the other way round); also the matching dz, dh̃ and dh_{t−1}.
    case updateConvention = "update_convention"
    /// The reset gate applied after the matmul, `r⊙(Uh·h_{t−1})`, where the lesson applies it
    /// before, `Uh·(r⊙h_{t−1})`; or in an after_matmul lesson (`r⊙(Uh·h_{t−1} + bhn)`) before it,
    /// as the course text does, `Uh·(r⊙h_{t−1})`, with or without bhn (`Variant.withBhn`); in a_h,
    /// h̃ or dr.
    case resetPlacement = "reset_placement"
    /// dh = dh_out, without the ∂L/∂h_t arriving from step t+1 (dh_rec).
    case recurrentTermForgotten = "recurrent_term_forgotten"
    /// da_z = dz or da_r = dr: the factor σ′ = σ(1−σ) is missing.
    case missingSigmoidDerivative = "missing_sigmoid_derivative"
    /// da_h = dh̃: the factor tanh′ = 1 − h̃² is missing.
    case missingTanhDerivative = "missing_tanh_derivative"
    /// The value has the wrong sign (or an update went up the gradient, θ + lr·g).
    case signError = "sign_error"
    /// A summed gradient (or the update made from it) that holds one timestep's contribution
    /// only.
    case notSummedOverTimesteps = "not_summed_over_timesteps"
    /// A loss or dy off by the factor 2 that the ½ in ½‖y − target‖² decides.
    case lossHalfFactor = "loss_half_factor"
    /// h_t where the formula takes h_{t−1}: in dz, dr (before_matmul) and the contributions to
    /// the gradients of Uz, Ur and Uh, which multiply by h_{t−1} (and their sums and updates).
    case hInsteadOfHPrev = "h_t_instead_of_h_prev"
    /// The reverse: h_{t−1} where the formula takes h_t, in the output y = Why·h_t + by and in
    /// Why's contribution dy·h_tᵀ (and its sum and update).
    case hPrevInsteadOfH = "h_prev_instead_of_h_t"

    /// Which form of a mistake a value matched, where the words must tell them apart.
    public enum Variant: Equatable, Sendable {
        /// `reset_placement` in an after_matmul lesson: `Wh·x + Uh·(r⊙h_{t−1}) + bh + bhn`, the
        /// course text's formula with the lesson's bhn added. (Without a variant it is the course
        /// text's formula as it stands.)
        case withBhn
        /// `loss_half_factor`: the value is twice the right one (the ½ left out).
        case doubled
        /// `loss_half_factor`: the value is half the right one (a ½ the lesson does not have).
        case halved
    }
}

/// A known mistake for one key: what the key's value would be after it, `formula`.
public struct Mistake: Equatable, Sendable {
    public var diagnosis: Diagnosis
    public var variant: Diagnosis.Variant?
    public var formula: Formula

    public init(_ diagnosis: Diagnosis, _ formula: Formula, variant: Diagnosis.Variant? = nil) {
        self.diagnosis = diagnosis
        self.formula = formula
        self.variant = variant
    }
}
