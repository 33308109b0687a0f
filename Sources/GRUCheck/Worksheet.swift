import GRUCore

/// One quantity of a worksheet: the keys a student fills in under one comment line, such as
/// `t1.z[1]`, `t1.z[2]` under "timestep 1 · update gate z₁ = σ(Wz·x₁ + Uz·h₀ + bz)".
public struct WorksheetGroup: Equatable, Sendable {
    /// K of the `sK.` prefix; nil with one sequence.
    public var sequence: Int?
    /// The timestep of `tN.` keys; nil for `loss`, `grad.*`, `update.*`.
    public var t: Int?
    /// What the keys are (`.step(.z)`, `.stepGradient(.Wz)`, `.update(.Why)`); every key of the
    /// group has this kind and differs only in its index.
    public var kind: TraceKey.Kind
    public var keys: [TraceKey]
}

/// What a worksheet asks for: every key of the detailed pass, in the order a student computes
/// them (the order of `Trace.keys`), grouped by quantity. The givens, training and the applied
/// model are not computed by hand and are not asked for.
public enum Worksheet {
    /// The sections a worksheet can ask for, in order.
    public static let sections: [LessonSection] = [.forward, .loss, .bptt, .accumulation, .update]

    /// The groups of a worksheet, restricted like `run` by `--only` (`sections`) and
    /// `--timestep` (`timestep`): see `TraceKey.isSelected`.
    public static func groups(_ trace: Trace, sections: Set<LessonSection>? = nil, timestep: Int? = nil) -> [WorksheetGroup] {
        var groups: [WorksheetGroup] = []
        for key in trace.keys where Self.sections.contains(key.section) && key.isSelected(sections: sections, timestep: timestep) {
            if let last = groups.last, last.sequence == key.sequence, last.t == key.t, last.kind == key.kind {
                groups[groups.count - 1].keys.append(key)
            } else {
                groups.append(WorksheetGroup(sequence: key.sequence, t: key.t, kind: key.kind, keys: [key]))
            }
        }
        return groups
    }
}
