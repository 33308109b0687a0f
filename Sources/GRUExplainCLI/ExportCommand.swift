import GRULessons
import GRURender

/// `gru-explain export <lesson> --to pytorch`: the lesson as a standalone PyTorch script.
enum ExportCommand: Command {
    static let name = "export"
    static let synopsis = "<lesson-id | path.json> --to pytorch [-o FILE]"
    static let summary = UsageText.summaryExport
    static let details = UsageText.detailsExport
    static let targets = ["pytorch"]
    static let options: [OptionSpec] = [
        .value("to", "TARGET", .to),
        Common.lang,
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        guard a.value("to") != nil else {
            throw UsageError(.exportWhere, name)
        }
        _ = try Common.choice(a, "to", targets, default: "pytorch", command: name)
        let lesson = try Common.lesson(a, command: name)
        let script = PyTorchExport.script(lesson, reference: a.positionals[0], version: GRUExplain.version)
        try Common.emit(script, a, context)
        return ExitStatus.success
    }
}
