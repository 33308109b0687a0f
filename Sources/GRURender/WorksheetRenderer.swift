import GRUJSON
import GRUCore
import GRULessons
import GRUCheck

/// `gru-explain worksheet`: a sheet to fill in by hand, one `key =` line per number in the order
/// a student computes them, under a comment that names the quantity and gives its formula:
///
///     # 时间步 1 · 更新门 z₁ = σ(Wz·x₁ + Uz·h₀ + bz)
///     t1.z[1] =
///     t1.z[2] =
///
/// Everything except the answer lines is a comment, so the filled sheet goes straight to
/// `gru-explain check`.
public enum WorksheetRenderer {

    /// The worksheet in `options.language`, with ASCII symbols when `options.ascii`, asking for
    /// the keys of `Worksheet.groups` restricted by `options.sections` (`--only`) and
    /// `options.timestep`.
    /// The lesson a filled sheet names in the title this renderer writes (`# lesson1 手算工作表 · …`
    /// or `# lesson1: worksheet for a hand calculation · …`), in either language; nil when none of
    /// the comment lines before the first answer is such a title.
    public static func lessonID(inHeaderOf bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingPrefix("\u{FEFF}").trimmingPrefix(" ")
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            guard line.hasPrefix("#") else { return nil }
            let comment = line.dropFirst().trimmingPrefix(" ")
            for language in Language.allCases {
                let template = Message.worksheetTitle.text(language, "\u{0}").split(separator: "\u{0}", omittingEmptySubsequences: false)
                guard template.count == 2, comment.hasPrefix(template[0]) else { continue }
                let rest = comment.dropFirst(template[0].count)
                guard let end = rest.firstRange(of: template[1]) else { continue }
                let id = rest[..<end.lowerBound]
                if !id.isEmpty && !id.contains(where: \.isWhitespace) { return String(id) }
            }
        }
        return nil
    }

    ///
    /// `header` (a variant's worksheet) adds the lines `# variant: 17` and `# student: 2026017`
    /// under the title. The "then run" line is the `check` command for `lessonReference` (the
    /// bundled id, or the path of the lesson file as given; default the lesson's id) and `file`
    /// (the file the sheet is written to; default "this-file").
    /// Marks a comment line that is never wrapped.
    private static let keepWhole = "\u{0}"

    public static func render(_ trace: Trace, lesson: Lesson, options: RenderOptions, header: SheetHeader? = nil,
                              lessonReference: String? = nil, file: String? = nil) -> String {
        let groups = Worksheet.groups(trace, sections: options.sections, timestep: options.timestep)
        let language = options.language
        let format = NumberFormat(digits: max(options.digits, 4))
        // Comment lines waiting to be written (nil for a blank line); flush() writes them before the answer lines of a group.
        var comments: [String?] = []
        var out = ""
        // A comment longer than the text's 100 columns is wrapped at spaces, its further lines
        // indented under the first: "# Timestep 3 · gradient of the state ∂L/∂h₃ = …" / "#   + ∂L/∂h₄·…".
        func flush() {
            for c in comments {
                guard var c else { out += "\n"; continue }
                // The command to copy stays whole on its line, however long the file's path.
                let whole = c.hasPrefix(keepWhole)
                if whole { c.removeFirst() }
                let text = options.ascii ? Notation.ascii(c) : c
                let lines = !whole && DisplayWidth.of("# " + text) > TextRenderer.width ? DisplayWidth.wrap(text, width: TextRenderer.width - 4) : [text]
                out += lines.enumerated().map { ($0.offset == 0 ? "# " : "#   ") + $0.element + "\n" }.joined()
            }
            comments = []
        }
        let title = TerminalText.escaped(lesson.shownTitle(language))
        comments.append(Message.worksheetTitle.text(language, lesson.id) + " · " + title)
        comments += header?.lines ?? []
        // Two lines: the command on a line of its own, whole, to copy. A lesson file is named as
        // the user named it, so that the command works from the folder the worksheet was made in.
        let reference = lessonReference ?? (lesson.source == "bundled" ? lesson.id : shellWord(lesson.source))
        let sheetFile = file ?? Message.worksheetThisFile.text(language)
        let howTo = Message.worksheetHowTo.text(language, reference, sheetFile).split(separator: "\n").map(String.init)
        comments += howTo.dropLast() + howTo.suffix(1).map { keepWhole + $0 }
        comments.append(nil)
        comments += givens(trace, language, format)
        comments += earlierValues(trace, groups, language, format)

        var section: LessonSection? = nil
        for group in groups {
            guard let first = group.keys.first else { continue }
            if first.section != section {
                section = first.section
                let number = (LessonSection.allCases.firstIndex(of: first.section) ?? 0) + 1
                comments += [nil, "══ \(number) · " + Walkthrough.title(first.section).text(language) + " ══"]
            }
            comments += [nil, label(group, trace, language)]
            flush()
            out += group.keys.map { "\($0) =\n" }.joined()
        }
        flush()
        return out
    }

    /// `path` as one word of a shell command: as it is when it holds only letters, digits and
    /// `_ - . / + , : @ %`, else in single quotes (a `'` inside written `'\''`). Control
    /// characters are escaped (`TerminalText`): such a path is shown, not run.
    public static func shellWord(_ path: String) -> String {
        let plain = !path.isEmpty && path.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || ("0"..."9").contains(u) || "_-./+,:@%".unicodeScalars.contains(u)
        }
        let word = plain ? path : "'" + path.replacing("'", with: "'\\''") + "'"
        return TerminalText.escaped(word)
    }

    /// What the lesson gives: inputs and targets, h0, the learning rate, the initial parameters.
    private static func givens(_ trace: Trace, _ language: Language, _ format: NumberFormat) -> [String] {
        var lines = [Message.worksheetGiven.text(language)]
        let target = Message.targetSymbol.text(language)
        for (s, sequence) in trace.sequences.enumerated() {
            let x = sequence.forward.map { format.compact($0.x, given: true) }
            let y = sequence.forward.map { format.compact($0.target ?? [], given: true) }
            let prefix = trace.sequences.count > 1 ? Message.sequence.text(language, String(s + 1)) + ": " : ""
            lines.append("  " + prefix + "x = [" + x.joined(separator: ", ") + "]   "
                         + target + " = [" + y.joined(separator: ", ") + "]")
        }
        lines.append("  h₀ = " + format.givenVector(trace.h0) + "   η = " + format.given(trace.update.learningRate))
        lines.append(Message.worksheetParameters.text(language))
        for name in ParameterName.used(by: trace.config) {
            let values = trace.parameters[name]
            let text: String
            if name.isVector {
                text = format.givenVector(values)
            } else {
                let cols = name.shape(trace.config).cols
                let rows = stride(from: 0, to: values.count, by: cols).map { format.givenVector(Array(values[$0..<($0 + cols)])) }
                text = "[" + rows.joined(separator: ", ") + "]"
            }
            lines.append("  \(name.rawValue) = " + text)
        }
        return lines
    }

    /// The computed values that the asked keys need but the sheet does not ask for: h₁ for a
    /// worksheet of timestep 2 alone, the forward values for one of BPTT alone. Empty for a
    /// whole worksheet.
    private static func earlierValues(_ trace: Trace, _ groups: [WorksheetGroup], _ language: Language,
                                      _ format: NumberFormat) -> [String] {
        let asked = Set(groups.flatMap(\.keys))
        let book = FormulaBook(trace)
        var needed: Set<TraceKey> = []
        for key in asked {
            for input in book.formula(for: key)?.inputs ?? [] where input.stage != .given && !asked.contains(input) {
                needed.insert(input)
            }
        }
        guard !needed.isEmpty else { return [] }
        let entries = trace.keys.filter(needed.contains).map { "\($0) = " + format.value(trace.value(at: $0) ?? .nan) }
        var lines = [Message.worksheetEarlier.text(language)]
        for start in stride(from: 0, to: entries.count, by: 4) {
            lines.append("  " + entries[start..<min(start + 4, entries.count)].joined(separator: "   "))
        }
        return lines
    }

    /// The comment above a group: the quantity's name and formula from the catalogue.
    static func label(_ group: WorksheetGroup, _ trace: Trace, _ language: Language) -> String {
        let s = (group.sequence ?? 1) - 1
        let length = trace.sequences[s].forward.count
        let sequencePrefix = group.sequence.map { Message.sequence.text(language, String($0)) + " · " } ?? ""
        // A per-sequence total is the total of one sequence; the lesson-wide one adds them all.
        let sequences = group.sequence == nil ? trace.sequences.count : 1
        let context = FormulaContext(config: trace.config, length: length, sequences: sequences, language: language)
        if case .update(let p) = group.kind { return Message.worksheetUpdateLine.text(language, p.rawValue) }
        if case .step(.dhRec) = group.kind, group.t == length {
            // Nothing arrives from after the last step: say so rather than name an h that does not exist.
            return sequencePrefix + Message.worksheetLastDhRec.text(language, Message.timestep.text(language, String(length)),
                                                                    String(length), Step.number(length + 1).sub)
        }
        guard let quantity = Quantity(group.kind) else { return sequencePrefix + (group.keys.first?.name ?? "") }
        return sequencePrefix + quantity.line(at: group.t, context)
    }
}
