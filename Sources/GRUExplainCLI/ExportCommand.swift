import GRULessons
import GRURender

/// `gru-explain export <lesson> --to pytorch`: the lesson as a standalone PyTorch script.
enum ExportCommand: Command {
    static let name = "export"
    static let synopsis = "<lesson-id | path.json> --to pytorch [-o FILE]"
    static let summary = "Write the lesson as a standalone PyTorch script that prints the same numbers as run --format tsv."
    static let details = """
    The script (Python 3, torch, float64) builds the lesson's model with its parameters:
    torch.nn.GRU under after_matmul, a hand-written cell trained with autograd under
    before_matmul. It runs the lesson's sequences, BPTT, one update, training and the applied
    model, and prints key<TAB>value lines under the keys of 'run --format tsv' (docs/keys.md).
    docs/pytorch.md explains how the weights map onto PyTorch's.
    Examples:
      gru-explain export lesson2 --to pytorch -o lesson2.py
      diff <(gru-explain run lesson2 --format tsv --digits 10) <(python3 lesson2.py --digits 10)
    """
    static let targets = ["pytorch"]
    static let options: [OptionSpec] = [
        .value("to", "TARGET", "what to write: pytorch (the only target)"),
        Common.output,
    ]

    static func run(_ a: ParsedArguments, context: Context) throws(UsageError) -> Int32 {
        guard a.value("to") != nil else {
            throw UsageError(message: "export: say what to export to: --to pytorch")
        }
        _ = try Common.choice(a, "to", targets, default: "pytorch", command: name)
        let lesson = try Common.lesson(a, command: name)
        let script = PyTorchExport.script(lesson, reference: a.positionals[0], version: GRUExplain.version)
        try Common.emit(script, a, context)
        return ExitStatus.success
    }
}
