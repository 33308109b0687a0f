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

/// What a worksheet asks for: every key of the detailed pass, section by section as `run` shows
/// them (forward, loss, BPTT, accumulation, update), within a section in the order a student
/// computes them (the order of `Trace.keys`), grouped by quantity. So the loss of each timestep,
/// which `Trace.keys` puts right after its yₜ, is asked for under "Loss", where `run` and the
/// score of `check` count it. The givens, training and the applied model are not computed by
/// hand and are not asked for.
public enum Worksheet {
    /// The sections a worksheet can ask for, in order.
    public static let sections: [LessonSection] = [.forward, .loss, .bptt, .accumulation, .update]

    /// The groups of a worksheet, restricted like `run` by `--only` (`sections`) and
    /// `--timestep` (`timestep`): see `TraceKey.isSelected`.
    public static func groups(_ trace: Trace, sections: Set<LessonSection>? = nil, timestep: Int? = nil) -> [WorksheetGroup] {
        var groups: [WorksheetGroup] = []
        let asked = trace.keys.filter { Self.sections.contains($0.section) && $0.isSelected(sections: sections, timestep: timestep) }
        let bySection = Self.sections.flatMap { section in asked.filter { $0.section == section } }
        for key in bySection {
            if let last = groups.last, last.sequence == key.sequence, last.t == key.t, last.kind == key.kind {
                groups[groups.count - 1].keys.append(key)
            } else {
                groups.append(WorksheetGroup(sequence: key.sequence, t: key.t, kind: key.kind, keys: [key]))
            }
        }
        return groups
    }
}
