import Foundation
import GRUCore
import GRULessons
import GRURender

/// The refusal of a lesson too large for what a command would make of it, judged from its sizes
/// before anything of its trace is allocated (docs/robustness.md).
enum CostGuard {
    /// What `command` makes of the trace with these arguments, for `LessonCost.memoryBytes`.
    static func costOutput(_ a: ParsedArguments) -> (LessonCost.Output, showsDetail: Bool) {
        let sections = try? a[LessonOptions.only]
        let showsDetail = sections.map { !$0.isDisjoint(with: LessonOptions.detailSections) } ?? true
        switch a.command {
        case "check": return (.check, true)
        case "worksheet": return (.worksheet, true)
        case "compare": return (.compare, true)
        case "gradcheck": return (.gradcheck, true)
        case "export": return (.export, true)
        default: return (LessonCost.Output(rawValue: (try? a[RunCommand.format]) ?? "text") ?? .text, showsDetail)
        }
    }

    /// Refuses a lesson whose run would need more memory or more work than `limits` allow
    /// (docs/robustness.md, docs/lesson-format.md's table of limits): the message says what the
    /// estimate was and what the limit is, and suggests `--only training` when only the detailed
    /// trace is too large. For `--format html` it counts the numbers the slides show (what
    /// --only, --timestep and --sequence leave) and suggests an option with which they fit.
    static func checkCost(_ lesson: Lesson, _ a: ParsedArguments,
                          limits: LessonCost.Limits = .standard(physicalMemory: ProcessInfo.processInfo.physicalMemory)) throws(UsageError) {
        try checkCost(LessonCost(lesson.problem), name: LessonOptions.name(lesson), a, limits: limits)
    }

    static func checkCost(_ cost: LessonCost, name: String, _ a: ParsedArguments,
                          limits: LessonCost.Limits = .standard(physicalMemory: ProcessInfo.processInfo.physicalMemory)) throws(UsageError) {
        let command = a.command
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
        let (output, showsDetail) = costOutput(a)
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
        let sections = try? a[LessonOptions.only]
        let timestep = a.text(LessonOptions.timestep).flatMap { Int($0) }
        let sequence = a.text(LessonOptions.sequence).flatMap { Int($0) }
        let shown = cost.shownNumbers(sections: sections, timestep: timestep, sequence: sequence)
        guard shown > LessonCost.maxHTMLNumbers else { return }
        let only = a.text(LessonOptions.only).map { " --only " + $0 } ?? ""
        var candidates: [(String, Set<LessonSection>?, Int?, Int?)] = []
        if cost.lengths.count > 1, sequence == nil { candidates.append(("--sequence 1" + only, sections, timestep, 1)) }
        if timestep == nil { candidates.append(("--timestep 1" + only, sections, 1, sequence)) }
        if cost.lengths.count > 1, timestep == nil, sequence == nil { candidates.append(("--sequence 1 --timestep 1" + only, sections, 1, 1)) }
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
}
