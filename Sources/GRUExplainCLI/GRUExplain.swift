import GRULessons
import GRURender

/// The gru-explain command line: dispatches to a command and returns its exit status.
public enum GRUExplain {
    public static let version = "0.1.0"

    /// Every command, in the order `--help` lists them.
    static let commands: [any Command.Type] = [RunCommand.self, ListCommand.self, WorksheetCommand.self, CheckCommand.self, WorkbookCommand.self, CompareCommand.self, GradcheckCommand.self, ExportCommand.self]

    /// Runs `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String], context: Context) -> Int32 {
        let language = messageLanguage(arguments, context)
        var context = context
        context.messageLanguage = language
        guard let first = arguments.first else {
            context.writeErr(usage(language))
            return ExitStatus.badInput
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1 {
                guard let command = command(named: arguments[1]) else {
                    context.fail(unknownCommand(arguments[1], language))
                    return ExitStatus.badInput
                }
                context.writeOut(helpText(command, language))
                return ExitStatus.success
            }
            context.writeOut(usage(language))
            return ExitStatus.success
        case "--version", "-V", "version":
            context.writeOut("gru-explain \(version)\n")
            return ExitStatus.success
        default:
            guard let command = command(named: first) else {
                context.fail(unknownCommand(first, language))
                return ExitStatus.badInput
            }
            do {
                let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), options: command.options, command: command.name)
                // An empty -o is refused even with --help.
                let output = try parsed[OutputOptions.output]
                if parsed.wantsHelp {
                    context.writeOut(helpText(command, language))
                    return ExitStatus.success
                }
                if let output {
                    try Output.refuseToReplace(inputs: parsed.positionals, with: output)
                }
                return try command.run(parsed, context: context)
            } catch {
                for line in error.lines(language) { context.fail(line) }
                return ExitStatus.badInput
            }
        }
    }

    /// The language of messages: --lang when it is zh or en (also as a locale name, zh_CN), else
    /// the locale, as for the output. `--lang both` (slides) leaves messages to the locale.
    static func messageLanguage(_ arguments: [String], _ context: Context) -> Language {
        let option = "--" + DisplayOptions.lang.name
        var given: String? = nil
        for (k, word) in arguments.enumerated() {
            if word == "--" { break }
            if word == option, k + 1 < arguments.count { given = arguments[k + 1] }
            if word.hasPrefix(option + "=") { given = String(word.dropFirst(option.count + 1)) }
        }
        if let given, let language = Language(rawValue: languageTag(given)) { return language }
        return DisplayOptions.localeLanguage(context.environment)
    }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
    }

    static func unknownCommand(_ name: String, _ language: Language) -> String {
        let names = commands.map { $0.name }.joined(separator: ", ")
        if let near = nearestName(to: name, among: commands.map { $0.name }) {
            return UsageText.unknownCommandDidYouMean.text(language, [name, near, names])
        }
        return UsageText.unknownCommand.text(language, [name, names])
    }

    /// `gru-explain --help`, in `language`.
    static func usage(_ language: Language) -> String {
        func t(_ u: UsageText, _ args: String...) -> String { u.text(language, args) }
        var s = t(.tagline, version) + "\n\n" + t(.usageLine) + "\n\n" + t(.commandsHeading) + "\n"
        let width = commands.map { $0.name.count }.max() ?? 0
        for c in commands {
            s += "  " + c.name + String(repeating: " ", count: width - c.name.count + 2) + c.summary.text(language) + "\n"
        }
        s += "\n" + t(.everyCommandHeading) + "\n"
        s += "  -h, --help     " + t(.helpFlag) + "\n"
        s += "  --version      " + t(.versionFlag) + "\n\n"
        s += t(.startWith) + "\n" + t(.exitStatus) + "\n"
        return s
    }

    /// `gru-explain COMMAND --help`, in `language`. The options are listed as the command declares
    /// them, each with its help in that language.
    static func helpText(_ c: any Command.Type, _ language: Language) -> String {
        var s = UsageText.commandUsage.text(language, [c.name, c.synopsis]) + "\n\n" + c.summary.text(language) + "\n"
        s += "\n" + c.details.text(language, c.detailsArguments) + "\n"
        let all = c.options + [ParsedArguments.help]
        let labels = all.map { option in
            (option.short.map { "-\($0), " } ?? "") + "--" + option.name + (option.valueName.map { " " + $0 } ?? "")
        }
        let width = labels.map(\.count).max() ?? 0
        s += "\n" + UsageText.optionsHeading.text(language) + "\n"
        for (label, option) in zip(labels, all) {
            s += "  " + label + String(repeating: " ", count: width - label.count + 2) + option.helpText(language) + "\n"
        }
        return s
    }
}

/// A subcommand of gru-explain.
protocol Command: SendableMetatype {
    static var name: String { get }
    static var synopsis: String { get }
    static var summary: UsageText { get }
    /// Extra paragraphs for `--help`; `detailsArguments` fill their `{0}`.
    static var details: UsageText { get }
    static var detailsArguments: [String] { get }
    static var options: [any OptionDeclaration] { get }
    static func run(_ arguments: ParsedArguments, context: Context) throws(UsageError) -> Int32
}

extension Command {
    static var detailsArguments: [String] { [] }
}
