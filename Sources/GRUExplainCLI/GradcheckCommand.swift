import Foundation
import GRUCore
import GRULessons
import GRURender

/// `gru-explain gradcheck <lesson>`: every BPTT gradient entry against its central difference.
enum GradcheckCommand: Command {
    static let name = "gradcheck"
    static let synopsis = "<lesson-id | path.json> [--epsilon E] [--tolerance T] [--split NAME] [options]"
    static let summary = UsageText.summaryGradcheck
    static let details = UsageText.detailsGradcheck
    /// --epsilon E: the step of the central difference, more than 0 and at most 1 (a larger
    /// step steps out of what a difference can measure: 1e308 made every entry NaN).
    static let epsilon: Option<Double> = {
        var option = number("epsilon", "E", .epsilon, default: GradientCheckReport.defaultEpsilon, allowZero: false)
        let positive = option.read
        option.read = { (text, command) throws(UsageError) in
            let epsilon = try positive(text, command)
            guard epsilon <= 1 else {
                throw UsageError(.epsilonTooLarge, command, "\(GradientCheckReport.defaultEpsilon)", text)
            }
            return epsilon
        }
        return option
    }()
    static let tolerance = number("tolerance", "T", .tolerance, default: GradientCheckReport.defaultTolerance, allowZero: true)
    /// --split NAME: one of the parameters the lesson's model uses (`parameter(_:_:)`).
    static let split = Option<String?>.text("split", "NAME", .split)
    static let digits = DisplayOptions.documentDigits(default: 10)
    static let options: [any OptionDeclaration] = [
        epsilon,
        tolerance,
        split,
        LessonOptions.variant,
        LessonOptions.student,
    ] + DisplayOptions.documentOptions(digits: digits)

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let (markdown, options) = try DisplayOptions.document(a, context, digits: digits)
        let epsilon = try a[Self.epsilon]
        let tolerance = try a[Self.tolerance]
        let lesson = try LessonOptions.lesson(a)
        let split = try parameter(a, lesson.problem.config)
        // A loss or a gradient that is not finite at the starting parameters leaves nothing to
        // check (every entry would be NaN): the same exit status 3 and line as run.
        if case .failure(let d) = Recording.record(lesson, detailed: true, trained: false, sections: []) {
            context.fail(Recording.describe(d, lesson: lesson, language: context.messageLanguage))
            return ExitStatus.diverged
        }

        let report = GradientCheckReport(lesson.problem, epsilon: epsilon, tolerance: tolerance, split: split)
            .checkingTheDefaultStep(lesson.problem)
        let text = markdown ? report.markdown(lesson: lesson, options: options)
                                        : report.text(lesson: lesson, options: options)
        try OutputOptions.emit(text, a, context)
        guard report.passes else {
            let worst = report.worst.map { " (largest relative error \(String(format: "%.2g", $0.relativeError)) at \($0.name))" } ?? ""
            let cause = report.epsilonHint == nil ? ""
                : "; at the default --epsilon \(GradientCheckReport.defaultEpsilon) every entry passes, so the step \(a.text(Self.epsilon) ?? "") is the cause"
            context.fail("gradcheck: \(report.failures.count) of \(report.entries.count) gradient entries exceed the tolerance \(tolerance)\(worst)\(cause)")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }

    /// `--name X`: a finite number > 0 (or ≥ 0 with `allowZero`), else a usage error; `value`
    /// when not given, which the help shows.
    static func number(_ name: String, _ valueName: String, _ help: OptionHelp, default value: Double, allowZero: Bool) -> Option<Double> {
        Option(name: name, valueName: valueName, help: help, helpArgument: "\(value)", defaultValue: value) { (text, command) throws(UsageError) in
            guard let x = Double(text), x.isFinite, allowZero ? x >= 0 : x > 0 else {
                throw UsageError(allowZero ? .numberNonNegative : .numberPositive, command, name, "\(value)", text)
            }
            return x
        }
    }

    static func parameter(_ a: ParsedArguments, _ c: ModelConfig) throws(UsageError) -> ParameterName {
        guard let text = try a[split] else { return .Why }
        let used = ParameterName.used(by: c).map(\.rawValue)
        guard let p = ParameterName(rawValue: text), used.contains(text) else {
            if let near = nearestName(to: text, among: used) {
                throw UsageError(.splitUnknownDidYouMean, name, text, near, used.joined(separator: ", "))
            }
            throw UsageError(.splitUnknown, name, text, used.joined(separator: ", "))
        }
        return p
    }
}
