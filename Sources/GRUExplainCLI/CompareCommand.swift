import GRUCore
import GRULessons
import GRURender

/// `gru-explain compare <lesson>`: the lesson under several conventions, side by side.
enum CompareCommand: Command {
    static let name = "compare"
    static let synopsis = "<lesson-id | path.json> [--conventions all|NAME,NAME…] [options]"
    static let summary = UsageText.summaryCompare
    static let details = UsageText.detailsCompare
    static let conventions = Option<[ConventionPreset]>(name: "conventions", valueName: "LIST", help: .conventions,
                                                        defaultValue: ConventionPreset.all) { (list, command) throws(UsageError) in
        try presets(list, command: command)
    }
    static let digits = DisplayOptions.documentDigits(default: 4)
    static let options: [any OptionDeclaration] = [
        conventions,
        LessonOptions.sequence.helped(.sequenceCompare),
    ] + DisplayOptions.documentOptions(digits: digits)

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let (markdown, options) = try DisplayOptions.document(a, context, digits: digits)
        let presets = try a[conventions]
        let lesson = try LessonOptions.lesson(a)
        let sequence = try LessonOptions.sequence(a, count: lesson.problem.sequences.count, lesson: lesson.id) ?? 1

        let comparison = ConventionComparison(lesson.problem, presets: presets)
        let text = markdown
            ? ComparisonReport.markdown(comparison, lessonID: lesson.id, inputScale: lesson.inputScale, sequence: sequence, options: options)
            : ComparisonReport.text(comparison, lessonID: lesson.id, inputScale: lesson.inputScale, sequence: sequence, options: options)
        if !markdown { try OutputOptions.warnIfNarrow(text, a, context, language: options.language, instead: "--format markdown") }
        try OutputOptions.emit(text, a, context)
        // Every convention diverged: nothing was compared after training (the report says where each did).
        if comparison.runs.allSatisfy({ $0.divergence != nil }) {
            context.fail(Message.compareAllDiverged.text(options.language, LessonOptions.name(lesson)))
            return ExitStatus.diverged
        }
        return ExitStatus.success
    }

    /// --conventions all|NAME,NAME…: at least two conventions, each named.
    static func presets(_ list: String, command: String) throws(UsageError) -> [ConventionPreset] {
        switch ConventionPreset.parse(list) {
        case .failure(let unknown):
            let names = ConventionPreset.names
            if let near = nearestName(to: unknown.name, among: names) {
                throw UsageError(.conventionUnknownDidYouMean, command, unknown.name, near, names.joined(separator: ", "))
            }
            throw UsageError(.conventionUnknown, command, unknown.name, names.joined(separator: ", "))
        case .success(let presets) where presets.count < 2:
            throw UsageError(.conventionsTooFew, command, String(presets.count))
        case .success(let presets):
            return presets
        }
    }
}
