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
    """
    static let options: [OptionSpec] = [
        Common.lang,
        .value("only", "SECTION[,SECTION…]", "ask only for these sections"),
        .value("timestep", "N", "ask only for timestep N of the forward pass, BPTT and the contributions"),
        .flag("ascii", "use ASCII instead of Unicode symbols in the comments"),
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let language = try Common.language(a, context, command: name)
        var options = RenderOptions(language: language)
        options.ascii = a.has("ascii")
        options.sections = try RunCommand.sections(a, command: name)
        if let chosen = options.sections, chosen.isDisjoint(with: Worksheet.sections) {
            throw UsageError(message: Message.worksheetNothingByHand.text(language, a.value("only") ?? "",
                                                                          Worksheet.sections.map(\.rawValue).joined(separator: ", ")))
        }
        let lesson = try Common.lesson(a, command: name, language: language)
        let longest = lesson.problem.sequences.map(\.inputs.count).max() ?? 1
        options.timestep = try Common.integer(a, "timestep", in: 1...longest, command: name)
        // A worksheet covers the first pass and one update: training is not needed.
        guard let trace = Common.trace(lesson, context, trained: false, sections: options.sections ?? Set(Worksheet.sections)) else {
            return ExitStatus.diverged
        }
        try Common.emit(WorksheetRenderer.render(trace, lesson: lesson, options: options), a, context)
        return ExitStatus.success
    }
}
