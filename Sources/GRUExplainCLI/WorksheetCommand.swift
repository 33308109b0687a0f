import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain worksheet <lesson>`: a blank sheet for a hand calculation (docs/check.md).
enum WorksheetCommand: Command {
    static let name = "worksheet"
    static let synopsis = "<lesson-id | path.json> [options]"
    static let summary = "Print a sheet to fill in by hand, one 'key =' line per number, for 'gru-explain check'."
    static let details = """
    The lines come in the order you compute them: the forward pass, the loss, BPTT, the gradient
    sums and one update. A comment above each quantity gives its name and formula. Keys: docs/keys.md.
    Sections (for --only): \(Worksheet.sections.map(\.rawValue).joined(separator: ", "))
    Examples:
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain worksheet lesson1 --only forward --timestep 1
      gru-explain check lesson1 answers.txt
    A variant (--variant N, or --student ID for the variant of that student) has numbers of its
    own; the sheet's header names it ('# variant: 17', '# student: 2026017'), and check marks the
    filled sheet against it. For a whole class (docs/check.md, "For instructors"):
      gru-explain worksheet lesson1 --student 2026017 -o sheets/2026017.txt
      gru-explain check lesson1 sheets/ --format csv -o grades.csv
    """
    static let options: [OptionSpec] = [
        Common.lang,
        .value("only", "SECTION[,SECTION…]", "ask only for these sections"),
        .value("timestep", "N", "ask only for timestep N of the forward pass, BPTT and the contributions"),
        Common.variant,
        Common.student,
        .flag("ascii", "use ASCII instead of Unicode symbols in the comments"),
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        var options = RenderOptions(language: try Common.language(a, context, command: name))
        options.ascii = a.has("ascii")
        options.sections = try RunCommand.sections(a)
        if let chosen = options.sections, chosen.isDisjoint(with: Worksheet.sections) {
            throw UsageError(message: "worksheet: --only \(a.value("only") ?? ""): nothing there is computed by hand; a worksheet has \(Worksheet.sections.map(\.rawValue).joined(separator: ", "))")
        }
        let lesson = try Common.lesson(a, command: name)
        let longest = lesson.problem.sequences.map(\.inputs.count).max() ?? 1
        options.timestep = try Common.integer(a, "timestep", in: 1...longest, command: name)
        // A worksheet covers the first pass and one update: training is not needed.
        guard let trace = Common.trace(lesson, context, trained: false, sections: options.sections ?? Set(Worksheet.sections)) else {
            return ExitStatus.diverged
        }
        // A variant's sheet names it (and the student) in its header, for check to read.
        let header: SheetHeader? = lesson.variantNumber == 0 && a.value("student") == nil ? nil
            : SheetHeader(variant: lesson.variantNumber, student: a.value("student").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let text = WorksheetRenderer.render(trace, lesson: lesson, options: options, header: header,
                                            lessonReference: shellWord(Common.name(lesson)),
                                            file: a.value("output").map(shellWord))
        try Common.emit(text, a, context)
        return ExitStatus.success
    }

    /// `word` as one shell word: as it is when it holds only safe characters, else in single quotes.
    static func shellWord(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./:=+,@%".unicodeScalars.contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
