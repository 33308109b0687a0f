import Foundation
import GRUCore
import GRULessons
import GRURender

/// `gru-explain gradcheck <lesson>`: every BPTT gradient entry against its central difference.
enum GradcheckCommand: Command {
    static let name = "gradcheck"
    static let synopsis = "<lesson-id | path.json> [--epsilon E] [--tolerance T] [--split NAME] [options]"
    static let summary = "Check every BPTT gradient entry against a central difference; exit 1 if any exceeds the tolerance."
    static let details = """
    At the lesson's starting parameters, for every entry θᵢ of every parameter the model uses:
      central difference  (L(θ + ε·eᵢ) − L(θ − ε·eᵢ)) / 2ε
      relative error      |bptt − numerical| / max(|bptt|, |numerical|, 0.01)
    A gradient below 0.01 is measured against 0.01 (it is mostly rounding noise), so with the
    default tolerance such an entry passes when the two differ by at most 1e-8.
    One parameter's gradient (Why, or --split NAME) is also shown split by timestep.
    Exit status: 0 when every entry is within the tolerance, 1 when any is not.
    Examples:
      gru-explain gradcheck lesson1
      gru-explain gradcheck lesson3 --split Uh --lang zh
    """
    static let options: [OptionSpec] = [
        .value("epsilon", "E", "the step of the central difference (default \(GradientCheckReport.defaultEpsilon))"),
        .value("tolerance", "T", "the largest relative error that passes (default \(GradientCheckReport.defaultTolerance))"),
        .value("split", "NAME", "the parameter whose gradient is split by timestep (default Why)"),
        Common.variant,
        Common.student,
    ] + Common.documentOptions(digits: 10)

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let (markdown, options) = try Common.documentFormat(a, context, digits: 10, command: name)
        let epsilon = try number(a, "epsilon", default: GradientCheckReport.defaultEpsilon, allowZero: false)
        // A step beyond 1 steps out of what a difference can measure (1e308 made every entry NaN).
        guard epsilon <= 1 else {
            throw UsageError(message: "\(name): --epsilon must be at most 1 (the step of a central difference, such as \(GradientCheckReport.defaultEpsilon)), found '\(a.value("epsilon") ?? "")'")
        }
        let tolerance = try number(a, "tolerance", default: GradientCheckReport.defaultTolerance, allowZero: true)
        let lesson = try Common.lesson(a, command: name)
        let split = try parameter(a, lesson.problem.config)
        // A loss or a gradient that is not finite at the starting parameters leaves nothing to
        // check (every entry would be NaN): the same exit status 3 and line as run.
        if case .failure(let d) = Common.record(lesson, detailed: true, trained: false, sections: []) {
            context.fail(Common.describe(d, lesson: lesson))
            return ExitStatus.diverged
        }

        let report = GradientCheckReport(lesson.problem, epsilon: epsilon, tolerance: tolerance, split: split)
            .checkingTheDefaultStep(lesson.problem)
        let text = markdown ? report.markdown(lesson: lesson, options: options)
                                        : report.text(lesson: lesson, options: options)
        try Common.emit(text, a, context)
        guard report.passes else {
            let worst = report.worst.map { " (largest relative error \(String(format: "%.2g", $0.relativeError)) at \($0.name))" } ?? ""
            let cause = report.epsilonHint == nil ? ""
                : "; at the default --epsilon \(GradientCheckReport.defaultEpsilon) every entry passes, so the step \(a.value("epsilon") ?? "") is the cause"
            context.fail("gradcheck: \(report.failures.count) of \(report.entries.count) gradient entries exceed the tolerance \(tolerance)\(worst)\(cause)")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }

    /// A finite number > 0 (or ≥ 0 with `allowZero`).
    static func number(_ a: ParsedArguments, _ option: String, default value: Double, allowZero: Bool) throws(UsageError) -> Double {
        guard let text = a.value(option) else { return value }
        guard let x = Double(text), x.isFinite, allowZero ? x >= 0 : x > 0 else {
            throw UsageError(message: "\(name): --\(option) must be a number \(allowZero ? "≥ 0" : "> 0") such as \(value), found '\(text)'")
        }
        return x
    }

    static func parameter(_ a: ParsedArguments, _ c: ModelConfig) throws(UsageError) -> ParameterName {
        guard let text = a.value("split") else { return .Why }
        let used = ParameterName.used(by: c).map(\.rawValue)
        guard let p = ParameterName(rawValue: text), used.contains(text) else {
            let hint = nearestName(to: text, among: used).map { "did you mean \($0)? " } ?? ""
            throw UsageError(message: "\(name): --split: '\(text)' is not a parameter of this model; \(hint)its parameters are \(used.joined(separator: ", "))")
        }
        return p
    }
}
