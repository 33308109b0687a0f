import GRUCore
import GRULessons
import GRURender
import GRUCheck

/// `gru-explain workbook <lesson>`: one offline page in which a student fills in every number,
/// is marked as they go, and can change a given to watch every number recompute (docs/workbook.md).
enum WorkbookCommand: Command {
    static let name = "workbook"
    static let synopsis = "<lesson-id | path.json> [options]"
    static let summary = "Write one offline HTML page to fill in every number and be marked as you go."
    static let details = """
    The page is one self-contained file (no network, no fonts or scripts to download): the
    walkthrough's tables (forward timesteps, loss, BPTT, accumulation, update) with a box for each
    result, in the order you compute them (Tab moves to the next). A box is marked when you leave
    it, with the rules of 'gru-explain check'; "Hint" (or Alt+H) shows the formula with the numbers
    to use. Every given (parameters, h0, inputs, targets, learning rate) can be changed on the page,
    and everything recomputes. Answers stay in the browser; "Download answers" saves the sheet that
    'gru-explain check' marks. Details and the page's JavaScript API: docs/workbook.md.
    Examples:
      gru-explain workbook lesson1 --lang both -o lesson1-workbook.html
      gru-explain workbook lesson2 --lang zh -o 练习本.html
      gru-explain check lesson1 lesson1-answers.txt
    """
    static let options: [OptionSpec] = [
        .value("lang", "zh|en|both", "language of the page (default: from LC_ALL, LC_MESSAGES or LANG); both: a zh/en switch, opening in the locale's language"),
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let both = a.value("lang")?.lowercased() == "both"
        if let lang = a.value("lang"), !["zh", "en", "both"].contains(lang.lowercased()) {
            throw UsageError(message: "workbook: --lang must be zh, en or both, found '\(lang)'")
        }
        var fromEnvironment = a
        if both { fromEnvironment.values["lang"] = nil }    // the language the page opens in, as for the slides
        let start = try Common.language(fromEnvironment, context, command: name)
        let lesson = try Common.lesson(a, command: name)
        // The page covers the first pass and one update: training is not needed.
        guard let trace = Common.trace(lesson, context, trained: false, sections: Set(Worksheet.sections)) else {
            return ExitStatus.diverged
        }
        let page = WorkbookRenderer.render(trace, lesson: lesson, languages: both ? [.zh, .en] : [start], start: start)
        try Common.emit(page, a, context)
        return ExitStatus.success
    }
}
