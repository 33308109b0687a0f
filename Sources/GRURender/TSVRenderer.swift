import GRUCore
import GRULessons

/// `gru-explain run <lesson> --format tsv`: one line `key<TAB>value` per scalar of the trace, in
/// the stable order of `Trace.keys` (docs/keys.md), so that `diff` works between two runs, two
/// conventions, or a run and a student's sheet.
public enum TSVRenderer {

    /// The trace as TSV. Without `digits` every value is written at full precision, the shortest
    /// text that reads back to the same Double (`0.1`, `-3.3643100383021523`,
    /// `2.8330556048242462e-05`); with `digits` it is rounded to that many decimals.
    /// `sections` keeps only the keys of those sections (`TraceKey.section`); `timestep` drops the
    /// forward, BPTT and per-timestep gradient keys of the other timesteps.
    public static func render(_ trace: Trace, digits: Int? = nil, sections: Set<LessonSection>? = nil,
                              timestep: Int? = nil) -> String {
        var out = ""
        for entry in trace.entries {
            guard entry.key.isSelected(sections: sections, timestep: timestep) else { continue }
            out += entry.key.description
            out += "\t"
            out += digits.map { fixed(entry.value, decimals: $0) } ?? "\(entry.value)"
            out += "\n"
        }
        return out
    }

    /// `value` with exactly `decimals` decimals, rounded as every view rounds (`NumberFormat`:
    /// half away from zero on the shortest decimal), with an ASCII minus so that the text reads
    /// back as a number. A value that rounds to zero has no sign, so that −0.00001 and 0.00001 do
    /// not show up as a difference at 4 decimals.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = NumberFormat.fixed(value, decimals: max(0, decimals)).replacing("−", with: "-")
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }
}
