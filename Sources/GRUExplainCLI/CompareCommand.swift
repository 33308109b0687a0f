import GRUCore
import GRULessons
import GRURender

/// `gru-explain compare <lesson>`: the lesson under several conventions, side by side.
enum CompareCommand: Command {
    static let name = "compare"
    static let synopsis = "<lesson-id | path.json> [--conventions all|NAME,NAME…] [options]"
    static let summary = UsageText.summaryCompare
    static let details = UsageText.detailsCompare
    static let options: [OptionSpec] = [
        .value("conventions", "LIST", .conventions),
        .value("sequence", "K", .sequenceCompare),
    ] + Common.documentOptions(digits: 4)

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let (markdown, options) = try Common.documentFormat(a, context, digits: 4, command: name)
        let presets = try conventions(a)
        let lesson = try Common.lesson(a, command: name)
        let sequence = try Common.sequence(a, count: lesson.problem.sequences.count, lesson: lesson.id, command: name) ?? 1

        let comparison = ConventionComparison(lesson.problem, presets: presets)
        let text = markdown
            ? ComparisonReport.markdown(comparison, lessonID: lesson.id, inputScale: lesson.inputScale, sequence: sequence, options: options)
            : ComparisonReport.text(comparison, lessonID: lesson.id, inputScale: lesson.inputScale, sequence: sequence, options: options)
        if !markdown { Common.warnIfNarrow(text, a, context, language: options.language, instead: "--format markdown") }
        try Common.emit(text, a, context)
        // Every convention diverged: nothing was compared after training (the report says where each did).
        if comparison.runs.allSatisfy({ $0.divergence != nil }) {
            context.fail(Message.compareAllDiverged.text(options.language, Common.name(lesson)))
            return ExitStatus.diverged
        }
        return ExitStatus.success
    }

    static func conventions(_ a: ParsedArguments) throws(UsageError) -> [ConventionPreset] {
        switch ConventionPreset.parse(a.value("conventions") ?? "all") {
        case .failure(let unknown):
            let names = ConventionPreset.names
            if let near = nearestName(to: unknown.name, among: names) {
                throw UsageError(.conventionUnknownDidYouMean, name, unknown.name, near, names.joined(separator: ", "))
            }
            throw UsageError(.conventionUnknown, name, unknown.name, names.joined(separator: ", "))
        case .success(let presets) where presets.count < 2:
            throw UsageError(.conventionsTooFew, name, String(presets.count))
        case .success(let presets):
            return presets
        }
    }
}
