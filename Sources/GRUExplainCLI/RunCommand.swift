import GRUCore
import GRULessons
import GRURender

/// `gru-explain run <lesson>`: the lesson, worked through number by number.
enum RunCommand: Command {
    static let name = "run"
    static let synopsis = "<lesson-id | path.json> [options]"
    static let summary = "Work through a lesson: forward pass, loss, BPTT, update, training, application."
    static let details = """
    Sections (for --only): \(LessonSection.allCases.map(\.rawValue).joined(separator: ", "))
    Formats: text (default; tables for the terminal), markdown (GitHub tables for course notes),
             json (the full trace, format gru-explain.trace/1, full precision),
             tsv (one 'key<TAB>value' line per number, keys as in docs/keys.md; full precision
             unless --digits is given; for diff),
             html (slides in one self-contained file, for projecting in class and printing handouts).
    One timestep (--timestep N): the forward pass and BPTT show the detail of timestep N only; the
             loss, the accumulation, the update and training still cover every timestep.
    One sequence (--sequence K, for a lesson with several, such as lesson3's 7): the forward pass,
             the loss terms and BPTT of sequence K only; the other sequences appear as their sums
             in the loss and the accumulation, and the total loss, the gradients, the update,
             training and the application still cover them all. For text, markdown and html (and
             --step); json and tsv are the full trace and refuse it (keep one sequence of the TSV
             with grep '^sK\\.'). Default: every sequence in detail.
    Step mode (--step, text only): one page at a time (the parameters, each forward timestep, the
             loss, each BPTT timestep, the accumulation, the update, training, the application).
             Enter, Space, → or ↓: next; b, ← or ↑: back; q: quit. Without a terminal it prints
             the plain walkthrough.
    Slides (--format html): arrow keys, Space, PageUp/PageDown (clickers) and Home/End move;
             --lang both puts a zh/en switch on every slide.
    Examples:
      gru-explain run lesson1 --lang zh
      gru-explain run lesson1 --step
      gru-explain run lesson1 --only forward,bptt --timestep 2
      gru-explain run lesson1 --format html --lang both -o lesson1.html
      gru-explain run lesson3 --format html --sequence 1 -o lesson3.html
      gru-explain run my-lesson.json --format json -o trace.json
    """
    static let formats = ["text", "markdown", "json", "tsv", "html"]
    static let options: [OptionSpec] = [
        .value("format", "FORMAT", "text, markdown, json, tsv or html (default text)"),
        .value("lang", "zh|en|both", "language of the output (default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en); both: html only"),
        .flag("step", "pause after each page (text on a terminal): Enter/Space/→ next, b/← back, q quit"),
        Common.digits,
        .value("only", "SECTION[,SECTION…]", "show only these sections"),
        .value("timestep", "N", "show the forward and BPTT detail of timestep N only (the other sections cover all)"),
        .value("sequence", "K", "show the forward, loss and BPTT detail of sequence K only (the totals cover all; not json, tsv)"),
        Common.color,
        Common.ascii,
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let format = try Common.choice(a, "format", formats, default: "text", command: name)
        let both = a.value("lang")?.lowercased() == "both"
        if let lang = a.value("lang"), !["zh", "en", "both"].contains(lang.lowercased()) {
            throw UsageError(message: "run: --lang must be zh, en or both (both: --format html only), found '\(lang)'")
        }
        if both && format != "html" {
            throw UsageError(message: "run: --lang both works only with --format html (slides with a zh/en switch); for \(format) choose --lang zh or --lang en")
        }
        if a.has("step") && format != "text" {
            throw UsageError(message: "run: --step pages through the text walkthrough on a terminal; it cannot be combined with --format \(format)")
        }
        if a.has("step") && a.value("output") != nil {
            throw UsageError(message: "run: --step shows the walkthrough on the terminal; it cannot be combined with --output")
        }
        if a.value("sequence") != nil && (format == "json" || format == "tsv") {
            throw UsageError(message: "run: --sequence chooses the sequence the walkthrough details (text, markdown, html); --format \(format) is the full trace of every sequence"
                             + (format == "tsv" ? " (keep one with grep '^sK\\.')" : ""))
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

        if format == "json" { return try streamJSON(lesson, options, a, context) }
        // Without the sections that show the detailed pass, the engine skips it (only training runs).
        let detailed = options.sections.map { !$0.isDisjoint(with: [.forward, .loss, .bptt, .accumulation, .update]) } ?? true
        // Without training or apply, training is skipped too (a diverging lesson still shows its first pass).
        let trained = options.sections.map { !$0.isDisjoint(with: [.training, .apply]) } ?? true
        guard let trace = Common.trace(lesson, context, detailed: detailed, trained: trained, sections: options.sections) else { return ExitStatus.diverged }
        if a.has("step"), context.stdinIsTerminal, context.stdoutIsTerminal, var terminal = Terminal.open() {
            defer { terminal.restore() }
            return StepMode.run(pages: TextRenderer.pages(trace, lesson: lesson, options: options), language: options.language,
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

    /// The sections of `--only`; errors name `command`, the one the user ran (run, worksheet).
    static func sections(_ a: ParsedArguments, command: String = name) throws(UsageError) -> Set<LessonSection>? {
        guard let list = a.value("only") else { return nil }
        var chosen = Set<LessonSection>()
        for word in list.split(separator: ",").map({ String($0).trimmingSpaces }) where !word.isEmpty {
            guard let section = LessonSection(rawValue: word) else {
                let names = LessonSection.allCases.map(\.rawValue)
                let hint = nearestName(to: word, among: names).map { "did you mean \($0)? " } ?? ""
                throw UsageError(message: "\(command): --only: unknown section '\(word)'; \(hint)sections are \(names.joined(separator: ", "))")
            }
            chosen.insert(section)
        }
        if chosen.isEmpty { throw UsageError(message: "\(command): --only needs at least one section") }
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
