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
    static let options: [OptionSpec] = [
        .value("lang", "zh|en|both", .langWorkbook),
        Common.variant,
        Common.student,
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let both = a.value("lang")?.lowercased() == "both"
        if let lang = a.value("lang"), !["zh", "en", "both"].contains(lang.lowercased()) {
            throw UsageError(.langZhEnBothWorkbook, name, lang)
        }
        var fromEnvironment = a
        if both { fromEnvironment.values["lang"] = nil }    // the language the page opens in, as for the slides
        let start = try Common.language(fromEnvironment, context, command: name)
        let lesson = try Common.lesson(a, command: name)
        // The page covers the first pass and one update: training is not needed.
        guard let trace = Common.trace(lesson, context, trained: false, sections: Set(Worksheet.sections)) else {
            return ExitStatus.diverged
        }
        // A variant's page downloads a sheet whose header names it (and the student), as its worksheet does.
        let header: SheetHeader? = lesson.variantNumber == 0 && a.value("student") == nil ? nil
            : SheetHeader(variant: lesson.variantNumber, student: a.value("student").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let page = WorkbookRenderer.render(trace, lesson: lesson, languages: both ? [.zh, .en] : [start], start: start, header: header)
        try Common.emit(page, a, context)
        return ExitStatus.success
    }
}
