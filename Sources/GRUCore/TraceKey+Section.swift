extension TraceKey {
    /// The sections of a lesson's walkthrough, in the order it shows them. Each groups one or more
    /// `Stage`s: the givens are the model's, and the per-timestep contributions and their sums
    /// are the accumulation's. The raw value is the name used in lesson files (`notes`) and on
    /// the command line (`--only`).
    public enum Section: String, CaseIterable, Sendable {
        case model, forward, loss, bptt, accumulation, update, training, apply
    }

    /// The section of the walkthrough a key belongs to, for `--only`.
    public var section: Section { stage.section }

    /// Whether `--only` and `--timestep` keep this key: its section is among `sections` (all
    /// when nil), and a key of one timestep (forward, BPTT, contributions) is of `timestep`
    /// (every timestep when nil). Keys of no timestep, and the applied model's, stay.
    public func isSelected(sections: Set<Section>?, timestep: Int?) -> Bool {
        if let sections, !sections.contains(section) { return false }
        if let timestep, let t, section != .apply, t != timestep { return false }
        return true
    }
}

extension TraceKey.Stage {
    /// The section of the walkthrough that shows this stage.
    public var section: TraceKey.Section {
        switch self {
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

/// The walkthrough's sections, under the name that lessons, the command line and the renderers use.
public typealias LessonSection = TraceKey.Section
