import GRUCore

extension TraceKey {
    /// The section of the walkthrough a key belongs to, for `--only`: the givens are the
    /// model's, per-timestep contributions and the sums are the accumulation's.
    public var section: LessonSection {
        switch stage {
        case .given: return .model
        case .forward: return .forward
        case .loss: return .loss
        case .backward: return .bptt
        case .stepGradient, .gradient: return .accumulation
        case .update: return .update
        case .training: return .training
        case .apply: return .apply
        }
    }
}
