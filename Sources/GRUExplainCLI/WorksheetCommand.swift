import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain worksheet <lesson>`: a blank sheet for a hand calculation (docs/check.md).
enum WorksheetCommand: Command {
    static let name = "worksheet"
    static let synopsis = "<lesson-id | path.json> [options]"
    static let summary = UsageText.summaryWorksheet
    static let details = UsageText.detailsWorksheet
    static var detailsArguments: [String] { [Worksheet.sections.map(\.rawValue).joined(separator: ", ")] }
    static let options: [OptionSpec] = [
        Common.lang,
        .value("only", "SECTION[,SECTION…]", .onlyWorksheet),
        .value("timestep", "N", .timestepWorksheet),
        Common.variant,
        Common.student,
        .flag("ascii", .asciiComments),
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let language = try Common.language(a, context, command: name)
        var options = RenderOptions(language: language)
        options.ascii = a.has("ascii")
        options.sections = try RunCommand.sections(a, command: name)
        if let chosen = options.sections, chosen.isDisjoint(with: Worksheet.sections) {
            throw UsageError(.worksheetNothingByHand, name, a.value("only") ?? "", Worksheet.sections.map(\.rawValue).joined(separator: ", "))
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
                                            lessonReference: WorksheetRenderer.shellWord(Common.name(lesson)),
                                            file: a.value("output").map(WorksheetRenderer.shellWord))
        try Common.emit(text, a, context)
        return ExitStatus.success
    }
}
