import GRUCore
import GRULessons
import GRURender

/// Options and steps that several commands share.
enum Common {
    static let lang = OptionSpec.value("lang", "zh|en", "language of the output (default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en)")
    static let output = OptionSpec.value("output", "FILE", "write to FILE (atomically: replaced only when complete) instead of stdout", short: "o")
    static let digits = OptionSpec.value("digits", "N", "decimal places shown (default 4); rounding is for display only")
    static let color = OptionSpec.value("color", "WHEN", "auto (default), always or never; NO_COLOR turns auto off")
    static let ascii = OptionSpec.flag("ascii", "use ASCII instead of Unicode symbols (sigma instead of σ, ...)")

    /// The options of a command that prints a document (compare, gradcheck): --format text or
    /// markdown, then the display options and --output.
    static func documentOptions(digits: Int) -> [OptionSpec] {
        [.value("format", "FORMAT", "text (default) or markdown"), lang,
         .value("digits", "N", "decimal places shown (default \(digits)); rounding is for display only"),
         color, ascii, output]
    }

    /// --format (text or markdown) and the display options of a document command.
    static func documentFormat(_ a: ParsedArguments, _ context: Context, digits: Int, command: String) throws(UsageError) -> (markdown: Bool, options: RenderOptions) {
        let markdown = try choice(a, "format", ["text", "markdown"], default: "text", command: command) == "markdown"
        var options = try renderOptions(a, context, command: command)
        if a.value("digits") == nil { options.digits = digits }
        return (markdown, options)
    }

    /// --lang, --digits, --color and --ascii, as the renderers take them.
    static func renderOptions(_ a: ParsedArguments, _ context: Context, command: String) throws(UsageError) -> RenderOptions {
        let colorMode = try choice(a, "color", ["auto", "always", "never"], default: "auto", command: command)
        var options = RenderOptions(language: try language(a, context, command: command))
        options.digits = try integer(a, "digits", in: 0...17, command: command) ?? 4
        options.ascii = a.has("ascii")
        options.color = RunCommand.color(colorMode, context: context, toFile: a.value("output") != nil)
        return options
    }

    /// --lang, else the first non-empty of LC_ALL, LC_MESSAGES, LANG: a value starting with zh gives zh.
    static func language(_ a: ParsedArguments, _ context: Context, command: String) throws(UsageError) -> Language {
        if let value = a.value("lang") {
            guard let language = Language(rawValue: value.lowercased()) else {
                throw UsageError(message: "\(command): --lang must be zh or en, found '\(value)'")
            }
            return language
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = context.environment[variable], !value.isEmpty {
                return Language.fromLocale(value)
            }
        }
        return .en
    }

    /// A whole number within `range`, or a usage error naming the option.
    static func integer(_ a: ParsedArguments, _ name: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
        guard let text = a.value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError(message: "\(command): --\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
        }
        return n
    }

    /// Exactly one of `allowed`, or a usage error listing them.
    static func choice(_ a: ParsedArguments, _ name: String, _ allowed: [String], default value: String, command: String) throws(UsageError) -> String {
        guard let given = a.value(name) else { return value }
        guard allowed.contains(given) else {
            throw UsageError(message: "\(command): --\(name) must be one of \(allowed.joined(separator: ", ")), found '\(given)'")
        }
        return given
    }

    /// The one lesson argument: a bundled id or the path of a .json file.
    static func lesson(_ a: ParsedArguments, command: String, extraPositionals: Int = 0) throws(UsageError) -> Lesson {
        guard let reference = a.positionals.first else {
            throw UsageError(message: "\(command): which lesson? Give a bundled id (see 'gru-explain list') or the path of a .json file")
        }
        if a.positionals.count > 1 + extraPositionals {
            throw UsageError(message: "\(command): unexpected argument '\(a.positionals[1 + extraPositionals])'")
        }
        do {
            return try LessonLibrary.load(reference)
        } catch {
            throw UsageError(message: error.description)
        }
    }

    /// Runs the engine; a diverging lesson becomes a message for exit status 3.
    static func record(_ lesson: Lesson, detailed: Bool = true, trained: Bool = true) -> Result<Trace, Divergence> {
        Result { () throws(Divergence) -> Trace in try Trace.record(lesson.problem, detailed: detailed, trained: trained) }
    }

    /// The lesson's trace, or nil after printing why the computation diverged (exit status 3).
    static func trace(_ lesson: Lesson, _ context: Context, detailed: Bool = true, trained: Bool = true) -> Trace? {
        switch record(lesson, detailed: detailed, trained: trained) {
        case .success(let t): return t
        case .failure(let d):
            context.fail(describe(d, lesson: lesson))
            return nil
        }
    }

    /// "loss became non-finite at epoch 12, timestep 3 (a_h reached inf)"
    static func describe(_ d: Divergence, lesson: Lesson) -> String {
        var place = "epoch \(d.epoch)"
        if lesson.problem.sequences.count > 1 { place += ", sequence \(d.sequence)" }
        if let t = d.t { place += ", timestep \(t)" }
        return "\(lesson.source == "bundled" ? lesson.id : lesson.source): the loss became non-finite at \(place) (\(d.quantity) reached \(NumberFormat(digits: 4).value(d.value))); lower the learning rate (now \(NumberFormat(digits: 17).given(lesson.problem.learningRate)))"
    }

    /// Writes `text` to --output FILE or to stdout.
    /// One line on stderr, before the output, when text laid out for 100 columns (TextRenderer.width)
    /// goes to a terminal narrower than its widest line: the tables would wrap and fall apart.
    /// The width is the terminal's (TIOCGWINSZ), else $COLUMNS. `instead` is the format to suggest.
    static func warnIfNarrow(_ text: String, _ a: ParsedArguments, _ context: Context, language: Language, instead: String) {
        guard a.value("output") == nil, context.stdoutIsTerminal,
              let columns = context.terminalColumns ?? context.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 else { return }
        let widest = text.split(separator: "\n").map { StepMode.visibleWidth(String($0)) }.max() ?? 0
        guard widest > columns else { return }
        context.fail(Message.narrowTerminal.text(language, [String(max(widest, TextRenderer.width)), String(columns), instead]))
    }

    static func emit(_ text: String, _ a: ParsedArguments, _ context: Context) throws(UsageError) {
        if let path = a.value("output") {
            try writeAtomically(text, to: path, context: context)
        } else {
            context.writeOut(text)
        }
    }
}
