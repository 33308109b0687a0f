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
    static let options: [OptionSpec] = [
        .value("epsilon", "E", .epsilon, "\(GradientCheckReport.defaultEpsilon)"),
        .value("tolerance", "T", .tolerance, "\(GradientCheckReport.defaultTolerance)"),
        .value("split", "NAME", .split),
        Common.variant,
        Common.student,
    ] + Common.documentOptions(digits: 10)

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let (markdown, options) = try Common.documentFormat(a, context, digits: 10, command: name)
        let epsilon = try number(a, "epsilon", default: GradientCheckReport.defaultEpsilon, allowZero: false)
        // A step beyond 1 steps out of what a difference can measure (1e308 made every entry NaN).
        guard epsilon <= 1 else {
            throw UsageError(.epsilonTooLarge, name, "\(GradientCheckReport.defaultEpsilon)", a.value("epsilon") ?? "")
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
            throw UsageError(allowZero ? .numberNonNegative : .numberPositive, name, option, "\(value)", text)
        }
        return x
    }

    static func parameter(_ a: ParsedArguments, _ c: ModelConfig) throws(UsageError) -> ParameterName {
        guard let text = a.value("split") else { return .Why }
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
