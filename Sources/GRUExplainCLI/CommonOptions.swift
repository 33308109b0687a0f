import Foundation
import GRUCore
import GRULessons
import GRURender
import GRUJSON

/// Options and steps that several commands share.
enum Common {
    static let lang = OptionSpec.value("lang", "zh|en", .lang)
    static let output = OptionSpec.value("output", "FILE", .output, short: "o")
    static let digits = OptionSpec.value("digits", "N", .digits)
    static let color = OptionSpec.value("color", "WHEN", .color)
    static let ascii = OptionSpec.flag("ascii", .ascii)
    static let variant = OptionSpec.value("variant", "N", .variant, "\(LessonVariant.maxNumber)")
    static let student = OptionSpec.value("student", "ID", .student)

    /// The options of a command that prints a document (compare, gradcheck): --format text or
    /// markdown, then the display options and --output.
    static func documentOptions(digits: Int) -> [OptionSpec] {
        [.value("format", "FORMAT", .formatDocument), lang,
         .value("digits", "N", .digitsDocument, String(digits)),
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
                throw UsageError(.langZhEn, command, value)
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
            throw UsageError(.sequenceOnlyOne, command, lesson, text)
        }
        return try integer(a, "sequence", in: 1...max(count, 1), command: command)
    }

    /// A whole number within `range`, or a usage error naming the option.
    static func integer(_ a: ParsedArguments, _ name: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
        guard let text = a.value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError(.wholeNumberRange, command, name, String(range.lowerBound), String(range.upperBound), text)
        }
        return n
    }

    /// Exactly one of `allowed`, or a usage error listing them.
    static func choice(_ a: ParsedArguments, _ name: String, _ allowed: [String], default value: String, command: String) throws(UsageError) -> String {
        guard let given = a.value(name) else { return value }
        guard allowed.contains(given) else {
            throw UsageError(.oneOf, command, name, allowed.joined(separator: ", "), given)
        }
        return given
    }

    /// The one lesson argument: a bundled id or the path of a .json file. A lesson too large to
    /// run (`checkCost`) is refused here, before anything of its trace is allocated.
    static func lesson(_ a: ParsedArguments, command: String, extraPositionals: Int = 0) throws(UsageError) -> Lesson {
        guard let reference = a.positionals.first else {
            throw UsageError(.whichLesson, command)
        }
        if a.positionals.count > 1 + extraPositionals {
            throw UsageError(.unexpectedArgument, command, a.positionals[1 + extraPositionals])
        }
        // The cost is judged from the lesson's sizes before its parameters are drawn or
        // allocated: a refusal takes milliseconds, whatever the hidden size.
        var refusal: UsageError? = nil
        let lesson: Lesson
        do throws(LessonError) {
            lesson = try LessonLibrary.load(reference) { (cost: LessonCost) -> Bool in
                do throws(UsageError) { try checkCost(cost, name: reference, a, command: command) } catch { refusal = error; return false }
                return true
            }
        } catch {
            if let refusal { throw refusal }
            throw UsageError(error)
        }
        // A variant has the lesson's sizes: the cost judged above holds for it.
        return try variant(of: lesson, variant: a.value("variant"), student: a.value("student"), command: command)
    }

    /// The variant that --variant N or --student ID names (docs/check.md, "For instructors"), or
    /// the lesson itself when neither is given.
    static func variant(of lesson: Lesson, variant: String?, student: String?, command: String) throws(UsageError) -> Lesson {
        let n: Int
        switch (variant, student) {
        case (nil, nil): return lesson
        case (.some, .some):
            throw UsageError(.variantAndStudent, command)
        case (let text?, nil):
            guard let number = Int(text), (0...LessonVariant.maxNumber).contains(number) else {
                throw UsageError(.variantRange, command, String(LessonVariant.maxNumber), TerminalText.escaped(text))
            }
            n = number
        case (nil, let id?):
            n = try studentVariant(id, command: command)
        }
        do throws(LessonError) {
            return try lesson.variant(n)
        } catch {
            throw UsageError(error)
        }
    }

    /// The variant of a student id, or a usage error for an id that is empty or not one line.
    static func studentVariant(_ id: String, command: String) throws(UsageError) -> Int {
        guard !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              let n = LessonVariant.number(student: id) else {
            throw UsageError(.studentOneLine, command, TerminalText.escaped(id))
        }
        return n
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
        case "export": return (.export, true)
        default: return (a.value("format").flatMap(LessonCost.Output.init(rawValue:)) ?? .text, showsDetail)
        }
    }

    /// Refuses a lesson whose run would need more memory or more work than `limits` allow
    /// (docs/robustness.md, docs/lesson-format.md's table of limits): the message says what the
    /// estimate was and what the limit is, and suggests `--only training` when only the detailed
    /// trace is too large. For `--format html` it counts the numbers the slides show (what
    /// --only, --timestep and --sequence leave) and suggests an option with which they fit.
    static func checkCost(_ lesson: Lesson, _ a: ParsedArguments, command: String,
                          limits: LessonCost.Limits = .standard(physicalMemory: ProcessInfo.processInfo.physicalMemory)) throws(UsageError) {
        try checkCost(LessonCost(lesson.problem), name: name(lesson), a, command: command, limits: limits)
    }

    static func checkCost(_ cost: LessonCost, name: String, _ a: ParsedArguments, command: String,
                          limits: LessonCost.Limits = .standard(physicalMemory: ProcessInfo.processInfo.physicalMemory)) throws(UsageError) {
        let count = LessonCost.describeCount
        if command == "gradcheck", cost.gradientCheckWork > limits.work {
            throw UsageError(.costGradcheck, name, count(cost.gradientCheckWork), String(cost.parameters), String(cost.timesteps), count(limits.work))
        }
        // compare trains the lesson under each of its four conventions; export computes nothing.
        let work = command == "compare" ? 4 * cost.work : command == "export" ? 0 : cost.work
        if work > limits.work {
            throw UsageError(command == "compare" ? .costWorkCompare : .costWork, name, count(work), String(cost.epochs),
                             String(cost.timesteps), String(cost.parameters), count(limits.work))
        }
        let (output, showsDetail) = costOutput(a, command: command)
        let bytes = cost.memoryBytes(output, showsDetail: showsDetail)
        guard bytes > limits.memoryBytes else {
            if output == .html { try checkSlides(cost, name: name, a) }
            return
        }
        if output == .export {
            throw UsageError(.costMemoryExport, name, count(cost.exportNumbers), LessonCost.describeBytes(bytes), LessonCost.describeBytes(limits.memoryBytes))
        }
        let what = command == "run" ? "--format \(output.rawValue)" : "'\(command)'"
        var error = UsageError(.costMemory, name, what, LessonCost.describeBytes(bytes), String(cost.timesteps),
                               count(cost.detailNumbers), LessonCost.describeBytes(limits.memoryBytes))
        let trainingOnly = cost.memoryBytes(.text, showsDetail: false)
        if command == "run", showsDetail, trainingOnly <= limits.memoryBytes {
            let more = UsageError(.costMemoryTrainingOnly, LessonCost.describeBytes(trainingOnly))
            error.zh[0] += more.zh[0]
            error.en[0] += more.en[0]
        }
        throw error
    }

    /// The slides' limit (`LessonCost.maxHTMLNumbers`) on the numbers shown with --only,
    /// --timestep and --sequence as given; the message suggests the first of a few narrower
    /// choices that fits: one sequence, one timestep, both, the forward pass of one timestep,
    /// or training and the application only.
    static func checkSlides(_ cost: LessonCost, name: String, _ a: ParsedArguments) throws(UsageError) {
        let sections = try? RunCommand.sections(a)
        let timestep = a.value("timestep").flatMap { Int($0) }
        let sequence = a.value("sequence").flatMap { Int($0) }
        let shown = cost.shownNumbers(sections: sections ?? nil, timestep: timestep, sequence: sequence)
        guard shown > LessonCost.maxHTMLNumbers else { return }
        let only = a.value("only").map { " --only " + $0 } ?? ""
        var candidates: [(String, Set<LessonSection>?, Int?, Int?)] = []
        if cost.lengths.count > 1, sequence == nil { candidates.append(("--sequence 1" + only, sections ?? nil, timestep, 1)) }
        if timestep == nil { candidates.append(("--timestep 1" + only, sections ?? nil, 1, sequence)) }
        if cost.lengths.count > 1, timestep == nil, sequence == nil { candidates.append(("--sequence 1 --timestep 1" + only, sections ?? nil, 1, 1)) }
        let oneSequence = sequence ?? (cost.lengths.count > 1 ? 1 : nil)
        candidates.append(("--only forward --timestep 1" + (oneSequence != nil && sequence == nil ? " --sequence 1" : ""), [.forward], 1, oneSequence))
        candidates.append(("--only training,apply", [.training, .apply], nil, nil))
        var error = UsageError(.costHTML, name, LessonCost.describeCount(shown), LessonCost.describeCount(LessonCost.maxHTMLNumbers))
        let fits = candidates.lazy.map { c in (c.0, cost.shownNumbers(sections: c.1, timestep: c.2, sequence: c.3)) }
            .first { $0.1 <= LessonCost.maxHTMLNumbers }
        let more = fits.map { UsageError(.costHTMLTry, $0.0, LessonCost.describeCount($0.1)) }
            ?? UsageError(.costHTMLNothingFits)
        error.zh[0] += more.zh[0]
        error.en[0] += more.en[0]
        throw error
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
