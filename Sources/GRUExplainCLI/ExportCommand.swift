import GRULessons
import GRURender

/// `gru-explain export <lesson> --to pytorch`: the lesson as a standalone PyTorch script.
enum ExportCommand: Command {
    static let name = "export"
    static let synopsis = "<lesson-id | path.json> --to pytorch [-o FILE]"
    static let summary = UsageText.summaryExport
    static let details = UsageText.detailsExport
    /// --to TARGET, which export requires: its one target today is pytorch.
    static let to = Option<String>.choice("to", "TARGET", .to, ["pytorch"], default: "pytorch")
    static let options: [any OptionDeclaration] = [
        to,
        DisplayOptions.lang,
        OutputOptions.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        guard a.isGiven(to) else {
            throw UsageError(.exportWhere, name)
        }
        _ = try a[to]
        let lesson = try LessonOptions.lesson(a)
        let script = PyTorchExport.script(lesson, reference: a.positionals[0], version: GRUExplain.version)
        try OutputOptions.emit(script, a, context)
        return ExitStatus.success
    }
}
