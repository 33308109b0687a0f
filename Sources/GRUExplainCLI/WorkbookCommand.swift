import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain workbook <lesson>`: one offline page in which a student fills in every number,
/// is marked as they go, and can change a given to watch every number recompute (docs/workbook.md).
enum WorkbookCommand: Command {
    static let name = "workbook"
    static let synopsis = "<lesson-id | path.json> [options]"
    static let summary = UsageText.summaryWorkbook
    static let details = UsageText.detailsWorkbook
    static let lang = DisplayOptions.langOrBoth(.langWorkbook, refusal: .langZhEnBothWorkbook)
    static let options: [any OptionDeclaration] = [
        lang,
        LessonOptions.variant,
        LessonOptions.student,
        OutputOptions.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let languages = try a[lang]
        // With both languages, the page opens in the locale's, as the slides do.
        let start = languages?.single ?? DisplayOptions.localeLanguage(context.environment)
        let lesson = try LessonOptions.lesson(a)
        // The page covers the first pass and one update: training is not needed.
        guard let trace = Recording.trace(lesson, context, trained: false, sections: Set(Worksheet.sections)) else {
            return ExitStatus.diverged
        }
        // A variant's page downloads a sheet whose header names it (and the student), as its worksheet does.
        let student = try a[LessonOptions.student]
        let header: SheetHeader? = lesson.variantNumber == 0 && student == nil ? nil
            : SheetHeader(variant: lesson.variantNumber, student: student?.trimmedID)
        let page = WorkbookRenderer.render(trace, lesson: lesson, languages: languages == .both ? [.zh, .en] : [start], start: start, header: header)
        try OutputOptions.emit(page, a, context)
        return ExitStatus.success
    }
}
