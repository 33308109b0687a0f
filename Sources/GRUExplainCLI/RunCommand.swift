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
    static let options: [OptionSpec] = [
        .value("format", "FORMAT", .formatRun),
        .value("lang", "zh|en|both", .langBoth),
        .flag("step", .step),
        Common.digits,
        .value("only", "SECTION[,SECTION…]", .onlyRun),
        .value("timestep", "N", .timestepRun),
        .value("sequence", "K", .sequenceRun),
        .flag("totals", .totals),
        Common.variant,
        Common.student,
        Common.color,
        Common.ascii,
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let format = try Common.choice(a, "format", formats, default: "text", command: name)
        let both = a.value("lang")?.lowercased() == "both"
        if let lang = a.value("lang"), !["zh", "en", "both"].contains(lang.lowercased()) {
            throw UsageError(.langZhEnBoth, name, lang)
        }
        if both && format != "html" {
            throw UsageError(.langBothHTMLOnly, name, format)
        }
        if a.has("step") && format != "text" {
            throw UsageError(.stepNotText, name, format)
        }
        if a.has("step") && a.value("output") != nil {
            throw UsageError(.stepNotOutput, name)
        }
        if a.value("sequence") != nil && (format == "json" || format == "tsv") {
            throw UsageError(format == "tsv" ? .sequenceNotFullTraceTSV : .sequenceNotFullTrace, name, format)
        }
        if a.has("totals") && (format == "json" || format == "tsv") {
            throw UsageError(.totalsNotFullTrace, name, format)
        }
        var fromEnvironment = a
        if both { fromEnvironment.values["lang"] = nil }    // the language the slides open in
        var options = try Common.renderOptions(fromEnvironment, context, command: name)
        options.sections = try sections(a)
        let lesson = try Common.lesson(a, command: name)
        let sequences = lesson.problem.sequences
        options.sequence = try Common.sequence(a, count: sequences.count, lesson: lesson.id, command: name)
        // --timestep N within the sequence shown, or within the longest.
        let longest = options.sequence.map { sequences[$0 - 1].inputs.count } ?? sequences.map(\.inputs.count).max() ?? 1
        options.timestep = try Common.integer(a, "timestep", in: 1...longest, command: name)
        options.totals = a.has("totals")

        if format == "json" { return try streamJSON(lesson, options, a, context) }
        // Without the sections that show the detailed pass, the engine skips it (only training runs).
        let detailed = options.sections.map { !$0.isDisjoint(with: [.forward, .loss, .bptt, .accumulation, .update]) } ?? true
        // Without training or apply, training is skipped too (a diverging lesson still shows its first pass).
        let trained = options.sections.map { !$0.isDisjoint(with: [.training, .apply]) } ?? true
        guard let trace = Common.trace(lesson, context, detailed: detailed, trained: trained, sections: options.sections) else { return ExitStatus.diverged }
        if a.has("step"), context.stdinIsTerminal, context.stdoutIsTerminal, var terminal = Terminal.open() {
            defer { terminal.restore() }
            return StepMode.run(render: { TextRenderer.stepPages(trace, lesson: lesson, options: options, width: $0) }, language: options.language,
                                color: options.color, ascii: options.ascii, keyboard: &terminal, write: context.writeOut)
        }
        let text: String
        switch format {
        // Full precision unless --digits asks for rounding.
        case "tsv":
            text = TSVRenderer.render(trace, digits: a.value("digits") == nil ? nil : options.digits,
                                      sections: options.sections, timestep: options.timestep)
        case "markdown": text = MarkdownRenderer.render(trace, lesson: lesson, options: options)
        case "html": text = HTMLRenderer.render(trace, lesson: lesson, options: options, languages: both ? [.zh, .en] : nil)
        default:
            text = TextRenderer.render(trace, lesson: lesson, options: options)
            Common.warnIfNarrow(text, a, context, language: options.language, instead: "--format html")
        }
        try Common.emit(text, a, context)
        return ExitStatus.success
    }

    /// The JSON trace, written while it is computed (TraceJSON.stream): memory stays flat however
    /// long the lesson. A diverging lesson is caught before anything is written.
    static func streamJSON(_ lesson: Lesson, _ options: RenderOptions, _ a: ParsedArguments, _ context: Context) throws(UsageError) -> Int32 {
        let output = try Output(path: a.value("output"), context: context)
        do {
            try TraceJSON.stream(lesson.problem, lesson: lesson, sections: options.sections, write: output.write)
        } catch {
            output.discard()
            context.fail(Common.describe(error, lesson: lesson))
            return ExitStatus.diverged
        }
        try output.commit()
        return ExitStatus.success
    }

    static func sections(_ a: ParsedArguments, command: String = name) throws(UsageError) -> Set<LessonSection>? {
        guard let list = a.value("only") else { return nil }
        var chosen = Set<LessonSection>()
        for word in list.split(separator: ",").map({ String($0).trimmingSpaces }) where !word.isEmpty {
            guard let section = LessonSection(rawValue: word) else {
                let names = LessonSection.allCases.map(\.rawValue)
                if let near = nearestName(to: word, among: names) {
                    throw UsageError(.onlyUnknownSectionDidYouMean, command, word, near, names.joined(separator: ", "))
                }
                throw UsageError(.onlyUnknownSection, command, word, names.joined(separator: ", "))
            }
            chosen.insert(section)
        }
        if chosen.isEmpty { throw UsageError(.onlyEmpty, command) }
        return chosen
    }

    /// --color: always → yes; never → no; auto → only on a terminal, without NO_COLOR, TERM≠dumb.
    static func color(_ mode: String, context: Context, toFile: Bool) -> Bool {
        switch mode {
        case "always": return true
        case "never": return false
        default:
            if toFile || !context.stdoutIsTerminal { return false }
            if let noColor = context.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return context.environment["TERM"] != "dumb"
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
