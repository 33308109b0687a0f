import GRUCore
import GRULessons
import GRURender

/// `gru-explain run <lesson>`: the lesson, worked through number by number.
enum RunCommand: Command {
    static let name = "run"
    static let synopsis = "<lesson-id | path.json> [options]"
    static let summary = UsageText.summaryRun
    static let details = UsageText.detailsRun
    static var detailsArguments: [String] { [LessonSection.allCases.map(\.rawValue).joined(separator: ", ")] }
    static let formats = ["text", "markdown", "json", "tsv", "html"]
    static let format = Option<String>.choice("format", "FORMAT", .formatRun, formats, default: "text")
    static let lang = DisplayOptions.langOrBoth(.langBoth, refusal: .langZhEnBoth)
    static let step = Option<Bool>.flag("step", .step)
    static let totals = Option<Bool>.flag("totals", .totals)
    static let options: [any OptionDeclaration] = [
        format,
        lang,
        step,
        DisplayOptions.digits,
        LessonOptions.only,
        LessonOptions.timestep,
        LessonOptions.sequence,
        totals,
        LessonOptions.variant,
        LessonOptions.student,
        DisplayOptions.color,
        DisplayOptions.ascii,
        OutputOptions.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let format = try a[Self.format]
        let languages = try a[lang]
        if languages == .both && format != "html" {
            throw UsageError(.langBothHTMLOnly, name, format)
        }
        if try a[step] && format != "text" {
            throw UsageError(.stepNotText, name, format)
        }
        if try a[step], try a[OutputOptions.output] != nil {
            throw UsageError(.stepNotOutput, name)
        }
        if a.isGiven(LessonOptions.sequence) && (format == "json" || format == "tsv") {
            throw UsageError(format == "tsv" ? .sequenceNotFullTraceTSV : .sequenceNotFullTrace, name, format)
        }
        if try a[totals] && (format == "json" || format == "tsv") {
            throw UsageError(.totalsNotFullTrace, name, format)
        }
        // With both languages, the slides open in the locale's.
        var options = try DisplayOptions.renderOptions(a, context, language: languages?.single ?? DisplayOptions.localeLanguage(context.environment))
        options.sections = try a[LessonOptions.only]
        let lesson = try LessonOptions.lesson(a)
        let sequences = lesson.problem.sequences
        options.sequence = try LessonOptions.sequence(a, count: sequences.count, lesson: lesson.id)
        // --timestep N within the sequence shown, or within the longest.
        let longest = options.sequence.map { sequences[$0 - 1].inputs.count } ?? sequences.map(\.inputs.count).max() ?? 1
        options.timestep = try a.wholeNumber(LessonOptions.timestep, in: 1...longest)
        options.totals = try a[totals]

        if format == "json" { return try streamJSON(lesson, options, a, context) }
        // Without the sections that show the detailed pass, the engine skips it (only training runs).
        let detailed = options.sections.map { !$0.isDisjoint(with: LessonOptions.detailSections) } ?? true
        // Without training or apply, training is skipped too (a diverging lesson still shows its first pass).
        let trained = options.sections.map { !$0.isDisjoint(with: [.training, .apply]) } ?? true
        guard let trace = Recording.trace(lesson, context, detailed: detailed, trained: trained, sections: options.sections) else { return ExitStatus.diverged }
        if try a[step], context.stdinIsTerminal, context.stdoutIsTerminal, var terminal = Terminal.open() {
            defer { terminal.restore() }
            return StepMode.run(render: { TextRenderer.stepPages(trace, lesson: lesson, options: options, width: $0) }, language: options.language,
                                color: options.color, ascii: options.ascii, keyboard: &terminal, write: context.writeOut)
        }
        let text: String
        switch format {
        // Full precision unless --digits asks for rounding.
        case "tsv":
            text = TSVRenderer.render(trace, digits: a.isGiven(DisplayOptions.digits) ? options.digits : nil,
                                      sections: options.sections, timestep: options.timestep)
        case "markdown": text = MarkdownRenderer.render(trace, lesson: lesson, options: options)
        case "html": text = HTMLRenderer.render(trace, lesson: lesson, options: options, languages: languages == .both ? [.zh, .en] : nil)
        default:
            text = TextRenderer.render(trace, lesson: lesson, options: options)
            try OutputOptions.warnIfNarrow(text, a, context, language: options.language, instead: "--format html")
        }
        try OutputOptions.emit(text, a, context)
        return ExitStatus.success
    }

    /// The JSON trace, written while it is computed (TraceJSON.stream): memory stays flat however
    /// long the lesson. A diverging lesson is caught before anything is written.
    static func streamJSON(_ lesson: Lesson, _ options: RenderOptions, _ a: ParsedArguments, _ context: Context) throws(UsageError) -> Int32 {
        let output = try Output(path: a[OutputOptions.output], context: context)
        do {
            try TraceJSON.stream(lesson.problem, lesson: lesson, sections: options.sections, write: output.write)
        } catch {
            output.discard()
            context.fail(Recording.describe(error, lesson: lesson, language: context.messageLanguage))
            return ExitStatus.diverged
        }
        try output.commit()
        return ExitStatus.success
    }
}
