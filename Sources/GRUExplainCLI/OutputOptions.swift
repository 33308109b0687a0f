import GRURender

/// Where a command's text goes (-o FILE, else standard output), and the warning for a terminal
/// too narrow for it.
enum OutputOptions {
    /// -o FILE: the path, or nil for standard output. `-o -` is standard output, as in most Unix
    /// tools (not a file named "-"); an empty name is refused.
    static let output = Option<String?>(name: "output", short: "o", valueName: "FILE", help: .output, defaultValue: nil) { (text, command) throws(UsageError) in
        if text == "" { throw UsageError(.outputEmpty, command) }
        return text == "-" ? nil : text
    }

    /// Writes `text` to --output FILE or to stdout.
    static func emit(_ text: String, _ a: ParsedArguments, _ context: Context) throws(UsageError) {
        if let path = try a[output] {
            try writeAtomically(text, to: path, context: context)
        } else {
            context.writeOut(text)
        }
    }

    /// One line on stderr, before the output, when text laid out for 100 columns (TextRenderer.width)
    /// goes to a terminal narrower than its widest line: the tables would wrap and fall apart.
    /// The width is the terminal's (TIOCGWINSZ), else $COLUMNS. `instead` is the format to suggest.
    /// (`run --step` shows the same hint on its first screen instead.)
    static func warnIfNarrow(_ text: String, _ a: ParsedArguments, _ context: Context, language: Language, instead: String) throws(UsageError) {
        guard try a[output] == nil, context.stdoutIsTerminal,
              let columns = context.terminalColumns ?? context.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 else { return }
        let widest = text.split(separator: "\n").map { StepMode.visibleWidth(String($0)) }.max() ?? 0
        if let hint = narrowHint(widest: widest, columns: columns, language: language, instead: instead) {
            context.fail(hint)
        }
    }

    /// "laid out for 100 columns, the terminal has 60; widen it or use --format html", or nil
    /// when the widest line fits in `columns`.
    static func narrowHint(widest: Int, columns: Int, language: Language, instead: String) -> String? {
        guard widest > columns else { return nil }
        return Message.narrowTerminal.text(language, [String(max(widest, TextRenderer.width)), String(columns), instead])
    }
}
