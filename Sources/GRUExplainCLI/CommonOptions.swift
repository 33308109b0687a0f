import Foundation
import GRUCore
import GRULessons
import GRURender

/// Options and steps that several commands share.
enum Common {
    static let lang = OptionSpec.value("lang", "zh|en", "language of the output (default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en)")
    static let output = OptionSpec.value("output", "FILE", "write to FILE (atomically: replaced only when complete) instead of stdout; - is stdout", short: "o")
    static let digits = OptionSpec.value("digits", "N", "decimal places shown (default 4); rounding is for display only")
    static let color = OptionSpec.value("color", "WHEN", "auto (default), always or never; NO_COLOR turns auto off")
    static let ascii = OptionSpec.flag("ascii", "use ASCII instead of Unicode symbols (sigmoid for σ, .* for ⊙, ...)")

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

    /// --sequence K for a lesson of `count` sequences: a whole number from 1 to count, or a usage
    /// error; a lesson of one sequence says so rather than "from 1 to 1".
    static func sequence(_ a: ParsedArguments, count: Int, lesson: String, command: String) throws(UsageError) -> Int? {
        if count <= 1, let text = a.value("sequence"), text != "1" {
            throw UsageError(message: "\(command): --sequence: \(lesson) has only one sequence, found '\(text)'")
        }
        return try integer(a, "sequence", in: 1...max(count, 1), command: command)
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

    /// The one lesson argument: a bundled id or the path of a .json file. A lesson too large to
    /// run (`checkCost`) is refused here, before anything of its trace is allocated.
    /// With `language` (check and worksheet, whose messages follow --lang), a name that names no
    /// lesson is said in that language.
    static func lesson(_ a: ParsedArguments, command: String, extraPositionals: Int = 0,
                       language: Language? = nil) throws(UsageError) -> Lesson {
        guard let reference = a.positionals.first else {
            throw UsageError(message: "\(command): which lesson? Give a bundled id (see 'gru-explain list') or the path of a .json file")
        }
        if a.positionals.count > 1 + extraPositionals {
            throw UsageError(message: "\(command): unexpected argument '\(a.positionals[1 + extraPositionals])'")
        }
        if let language, LessonLibrary.isUnknown(reference) {
            let hint = LessonLibrary.suggestion(for: reference).map { Message.lessonDidYouMean.text(language, $0) } ?? ""
            throw UsageError(message: Message.lessonUnknown.text(language, reference, hint,
                                                                 LessonLibrary.bundledIDs.joined(separator: Message.checkOriginSeparator.text(language))))
        }
        let lesson: Lesson
        do {
            lesson = try LessonLibrary.load(reference)
        } catch {
            throw UsageError(message: error.description)
        }
        try checkCost(lesson, a, command: command)
        return lesson
    }

    /// The lesson as messages name it: its id when bundled, else the path the user gave.
    static func name(_ lesson: Lesson) -> String {
        lesson.source == "bundled" ? lesson.id : lesson.source
    }

    /// What `command` makes of the trace with these arguments, for `LessonCost.memoryBytes`.
    static func costOutput(_ a: ParsedArguments, command: String) -> (LessonCost.Output, showsDetail: Bool) {
        let detail: Set<String> = ["forward", "loss", "bptt", "accumulation", "update"]
        let only = a.value("only").map { Set($0.split(separator: ",").map { String($0).trimmingSpaces }) }
        let showsDetail = only.map { !$0.isDisjoint(with: detail) } ?? true
        switch command {
        case "check": return (.check, true)
        case "worksheet": return (.worksheet, true)
        case "compare": return (.compare, true)
        case "gradcheck": return (.gradcheck, true)
        default: return (a.value("format").flatMap(LessonCost.Output.init(rawValue:)) ?? .text, showsDetail)
        }
    }

    /// Refuses, in one line, a lesson whose run would need more memory or more work than
    /// `limits` allow (docs/robustness.md): it says what the estimate was and what the limit is,
    /// and suggests `--only training` when only the detailed trace is too large.
    static func checkCost(_ lesson: Lesson, _ a: ParsedArguments, command: String,
                          limits: LessonCost.Limits = .standard(physicalMemory: ProcessInfo.processInfo.physicalMemory)) throws(UsageError) {
        // export writes a script and computes nothing.
        guard command != "export" else { return }
        let cost = LessonCost(lesson.problem)
        let name = name(lesson)
        let count = LessonCost.describeCount
        if command == "gradcheck", cost.gradientCheckWork > limits.work {
            throw UsageError(message: "\(name): the gradient check would take about \(count(cost.gradientCheckWork)) multiply-adds (2 passes × \(cost.parameters) parameters, each pass \(cost.timesteps) timesteps × 3 × \(cost.parameters)); the limit is \(count(limits.work)); lower hidden_size or the sequence lengths")
        }
        // compare trains the lesson under each of its four conventions.
        let work = command == "compare" ? 4 * cost.work : cost.work
        if work > limits.work {
            throw UsageError(message: "\(name): this lesson would take about \(count(work)) multiply-adds (\(command == "compare" ? "4 conventions × " : "")\(cost.epochs) epochs × \(cost.timesteps) timesteps × 3 × \(cost.parameters) parameters); the limit is \(count(limits.work)); lower epochs, hidden_size or the sequence lengths")
        }
        let (output, showsDetail) = costOutput(a, command: command)
        let bytes = cost.memoryBytes(output, showsDetail: showsDetail)
        guard bytes > limits.memoryBytes else {
            if output == .html, showsDetail, cost.detailNumbers > LessonCost.maxHTMLNumbers {
                throw UsageError(message: "\(name): the slides of a detailed trace of \(LessonCost.describeCount(cost.detailNumbers)) numbers would take too long to lay out; --format html takes at most \(LessonCost.describeCount(LessonCost.maxHTMLNumbers)) numbers; use --format text or markdown, or --only training,apply")
            }
            return
        }
        let what = command == "run" ? "--format \(output.rawValue)" : "'\(command)'"
        var message = "\(name): this lesson would need about \(LessonCost.describeBytes(bytes)) of memory for \(what) (a detailed trace of \(LessonCost.describeCount(cost.detailNumbers)) numbers over \(cost.timesteps) timesteps); the limit is \(LessonCost.describeBytes(limits.memoryBytes)) (1 GiB, or a quarter of this machine's memory if less); shorten the sequences or lower hidden_size"
        let trainingOnly = cost.memoryBytes(.text, showsDetail: false)
        if command == "run", showsDetail, trainingOnly <= limits.memoryBytes {
            message += ", or run with --only training (about \(LessonCost.describeBytes(trainingOnly))), which trains without showing the detailed trace"
        }
        throw UsageError(message: message)
    }

    /// Runs the engine (`Trace.record`, which checks what the `sections` shown hold); a
    /// diverging lesson becomes a message for exit status 3.
    static func record(_ lesson: Lesson, detailed: Bool = true, trained: Bool = true,
                       sections: Set<LessonSection>? = nil) -> Result<Trace, Divergence> {
        Result { () throws(Divergence) -> Trace in
            try Trace.record(lesson.problem, detailed: detailed, trained: trained, sections: sections)
        }
    }

    /// The lesson's trace, or nil after printing why the computation diverged (exit status 3).
    static func trace(_ lesson: Lesson, _ context: Context, detailed: Bool = true, trained: Bool = true,
                      sections: Set<LessonSection>? = nil) -> Trace? {
        switch record(lesson, detailed: detailed, trained: trained, sections: sections) {
        case .success(let t): return t
        case .failure(let d):
            context.fail(describe(d, lesson: lesson))
            return nil
        }
    }

    /// Where and why the numbers stopped being finite, in one line (docs/robustness.md):
    /// - a forward value: "the loss became non-finite at epoch 12, timestep 3 (a_h reached ∞)";
    /// - a value of the first pass while the loss stays finite: "the first pass gives t2.a_z[1] = ∞";
    /// - a finite output whose square or gradient overflowed: "… (y reached 1.3e200, too large
    ///   to square in a Double)";
    /// - the last update, with finite gradients: "the update of epoch 1 made Why[1][1] ∞";
    /// - the trained model on new input: "applied to the new input, … (y reached ∞ at timestep 2, …)".
    static func describe(_ d: Divergence, lesson: Lesson) -> String {
        let value = NumberFormat(digits: 4).value(d.value)
        let advice = "lower the learning rate (now \(NumberFormat(digits: 17).given(lesson.problem.learningRate)))"
        switch d.site {
        case .update(let key):
            let entry = key.name + key.index.map { "[\($0)]" }.joined()
            return "\(name(lesson)): the update of epoch \(d.epoch) made \(entry) \(value): θ − lr·∂L/∂θ overflowed although the gradient was finite; \(advice)"
        case .applied(let key):
            let epochs = d.epoch == 1 ? "1 epoch" : "\(d.epoch) epochs"
            return "\(name(lesson)): applied to the new input, the trained model's output is not finite (y reached \(value) at timestep \(key.t ?? 1), after \(epochs) of training); its parameters are too large: \(advice), or the initial parameters"
        case .step(let key) where d.lossIsFinite:
            return "\(name(lesson)): the first pass gives \(key) = \(value), too large for a Double (the loss is still finite, but this cannot be shown); lower the initial parameters or the inputs that lead to it"
        case .step, .loss:
            var place = "epoch \(d.epoch)"
            if lesson.problem.sequences.count > 1 { place += ", sequence \(d.key?.sequence ?? 1)" }
            if let t = d.key?.t { place += ", timestep \(t)" }
            let quantity = d.key?.name ?? "loss"
            let why = d.key?.kind == .step(.y) && d.value.isFinite ? ", too large to square in a Double" : ""
            // Epoch 1 runs on the lesson's own parameters, before any update: the rate is not the cause.
            let remedy = d.epoch <= 1 ? "lower the initial parameters or the inputs (epoch 1 comes before any update)" : advice
            return "\(name(lesson)): the loss became non-finite at \(place) (\(quantity) reached \(value)\(why)); \(remedy)"
        }
    }

    /// One line on stderr, before the output, when text laid out for 100 columns (TextRenderer.width)
    /// goes to a terminal narrower than its widest line: the tables would wrap and fall apart.
    /// The width is the terminal's (TIOCGWINSZ), else $COLUMNS. `instead` is the format to suggest.
    /// (`run --step` shows the same hint on its first screen instead.)
    static func warnIfNarrow(_ text: String, _ a: ParsedArguments, _ context: Context, language: Language, instead: String) {
        guard a.value("output") == nil, context.stdoutIsTerminal,
              let columns = context.terminalColumns ?? context.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 else { return }
        let widest = text.split(separator: "\n").map { StepMode.visibleWidth(String($0)) }.max() ?? 0
        if let hint = narrowHint(widest: widest, columns: columns, language: language, instead: instead) {
            context.fail(hint)
        }
    }

    /// "laid out for 100 columns, the terminal has 60; widen it or use --format html", or nil
    /// when the widest line fits in `columns`.
    static func narrowHint(widest: Int, columns: Int, language: Language, instead: String) -> String? {
        guard widest > columns else { return nil }
        return Message.narrowTerminal.text(language, [String(max(widest, TextRenderer.width)), String(columns), instead])
    }

    /// Writes `text` to --output FILE or to stdout.
    static func emit(_ text: String, _ a: ParsedArguments, _ context: Context) throws(UsageError) {
        if let path = a.value("output") {
            try writeAtomically(text, to: path, context: context)
        } else {
            context.writeOut(text)
        }
    }
}
