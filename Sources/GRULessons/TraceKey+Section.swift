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

    /// Whether `--only` and `--timestep` keep this key: its section is among `sections` (all
    /// when nil), and a key of one timestep (forward, BPTT, contributions) is of `timestep`
    /// (every timestep when nil). Keys of no timestep, and the applied model's, stay.
    public func isSelected(sections: Set<LessonSection>?, timestep: Int?) -> Bool {
        if let sections, !sections.contains(section) { return false }
        if let timestep, let t, section != .apply, t != timestep { return false }
        return true
    }
}
