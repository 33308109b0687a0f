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
    static let options: [any OptionDeclaration] = [
        DisplayOptions.lang,
        LessonOptions.only.helped(.onlyWorksheet),
        LessonOptions.timestep.helped(.timestepWorksheet),
        LessonOptions.variant,
        LessonOptions.student,
        DisplayOptions.ascii.helped(.asciiComments),
        OutputOptions.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let language = try DisplayOptions.language(a, context)
        var options = RenderOptions(language: language)
        options.ascii = try a[DisplayOptions.ascii]
        options.sections = try a[LessonOptions.only]
        if let chosen = options.sections, chosen.isDisjoint(with: Worksheet.sections) {
            throw UsageError(.worksheetNothingByHand, name, a.text(LessonOptions.only) ?? "", Worksheet.sections.map(\.rawValue).joined(separator: ", "))
        }
        let lesson = try LessonOptions.lesson(a)
        let longest = lesson.problem.sequences.map(\.inputs.count).max() ?? 1
        options.timestep = try a.wholeNumber(LessonOptions.timestep, in: 1...longest)
        // A worksheet covers the first pass and one update: training is not needed.
        guard let trace = Recording.trace(lesson, context, trained: false, sections: options.sections ?? Set(Worksheet.sections)) else {
            return ExitStatus.diverged
        }
        // A variant's sheet names it (and the student) in its header, for check to read.
        let student = try a[LessonOptions.student]
        let header: SheetHeader? = lesson.variantNumber == 0 && student == nil ? nil
            : SheetHeader(variant: lesson.variantNumber, student: student?.trimmedID)
        let text = WorksheetRenderer.render(trace, lesson: lesson, options: options, header: header,
                                            lessonReference: WorksheetRenderer.shellWord(LessonOptions.name(lesson)),
                                            file: try a[OutputOptions.output].map(WorksheetRenderer.shellWord))
        try OutputOptions.emit(text, a, context)
        return ExitStatus.success
    }
}
