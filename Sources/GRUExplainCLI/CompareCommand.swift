import GRUCore
import GRULessons
import GRURender

/// `gru-explain compare <lesson>`: the lesson under several conventions, side by side.
enum CompareCommand: Command {
    static let name = "compare"
    static let synopsis = "<lesson-id | path.json> [--conventions all|NAME,NAME…] [options]"
    static let summary = "Run a lesson under several GRU conventions with the same parameters, side by side."
    static let details = """
    Conventions (--conventions, default all):
      seed, d2l          z_times_previous + before_matmul
      pytorch, keras     z_times_previous + after_matmul
      chung, wikipedia   z_times_candidate + before_matmul
      candidate-after    z_times_candidate + after_matmul
    Shows each convention's formulas, the forward values, the key gradients, the result of
    training, and the first value (in computation order) on which they differ by more than
    1e-12·max(1, |a|, |b|), with the reason. A lesson without bhn uses bhn = 0 under after_matmul.
    Examples:
      gru-explain compare lesson1
      gru-explain compare lesson2 --conventions pytorch,seed --lang zh
    """
    static let options: [OptionSpec] = [
        .value("conventions", "LIST", "all (default), or names separated by commas: seed, pytorch, chung, candidate-after (or d2l, keras, wikipedia)"),
        .value("sequence", "K", "show sequence K of a lesson with several (default 1)"),
    ] + Common.documentOptions(digits: 4)

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        let (markdown, options) = try Common.documentFormat(a, context, digits: 4, command: name)
        let presets = try conventions(a)
        let lesson = try Common.lesson(a, command: name)
        let sequence = try Common.sequence(a, count: lesson.problem.sequences.count, lesson: lesson.id, command: name) ?? 1

        let comparison = ConventionComparison(lesson: lesson, presets: presets)
        let text = markdown
            ? ComparisonReport.markdown(comparison, sequence: sequence, options: options)
            : ComparisonReport.text(comparison, sequence: sequence, options: options)
        if !markdown { Common.warnIfNarrow(text, a, context, language: options.language, instead: "--format markdown") }
        try Common.emit(text, a, context)
        return ExitStatus.success
    }

    static func conventions(_ a: ParsedArguments) throws(UsageError) -> [ConventionPreset] {
        switch ConventionPreset.parse(a.value("conventions") ?? "all") {
        case .failure(let unknown):
            let names = ConventionPreset.names
            let hint = nearestName(to: unknown.name, among: names).map { "did you mean \($0)? " } ?? ""
            throw UsageError(message: "compare: --conventions: unknown convention '\(unknown.name)'; \(hint)the names are \(names.joined(separator: ", "))")
        case .success(let presets) where presets.count < 2:
            throw UsageError(message: "compare: --conventions needs at least two different conventions, found \(presets.count); 'gru-explain run' shows one")
        case .success(let presets):
            return presets
        }
    }
}
