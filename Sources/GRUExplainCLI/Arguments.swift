import GRULessons
import GRURender

/// A command-line option: `--name VALUE`, `--name=VALUE`, or a flag `--name`, with its help in
/// both languages (the catalogue's `OptionHelp`), so that `--help` follows `--lang` or the locale.
struct OptionSpec: Sendable {
    var name: String
    /// The placeholder shown in help (`N`, `FILE`); nil for a flag.
    var valueName: String?
    var help: OptionHelp
    /// Fills `{0}` of the help: a default that depends on the command.
    var helpArgument: String? = nil
    /// A one-letter alias such as `o` for `-o FILE`.
    var short: Character? = nil

    static func flag(_ name: String, _ help: OptionHelp) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    static func value(_ name: String, _ valueName: String, _ help: OptionHelp, _ argument: String? = nil, short: Character? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, helpArgument: argument, short: short)
    }

    func helpText(_ language: Language) -> String {
        helpArgument.map { help.text(language, $0) } ?? help.text(language)
    }
}

/// A usage error: wrong option, missing value, bad value; or a lesson that cannot be used, with
/// a line per problem. Exit status 2. It holds its lines in both languages; the command line
/// prints those of the user's (`GRUExplain.messageLanguage`).
struct UsageError: Error, Equatable {
    var zh: [String]
    var en: [String]

    /// A message in one language only (not yet in the catalogue): the same in zh and en.
    init(message: String) {
        zh = [message]
        en = [message]
    }

    /// A message of the catalogue.
    init(_ message: Message, _ arguments: String...) {
        zh = [message.text(.zh, arguments)]
        en = [message.text(.en, arguments)]
    }

    /// A usage error of the catalogue.
    init(_ text: UsageText, _ arguments: String...) {
        zh = [text.text(.zh, arguments)]
        en = [text.text(.en, arguments)]
    }

    /// Every problem of a lesson file, a line each.
    init(_ error: LessonError) {
        zh = error.lines(.zh)
        en = error.lines(.en)
    }

    func lines(_ language: Language) -> [String] { language == .zh ? zh : en }

    /// The English lines, one per line.
    var message: String { en.joined(separator: "\n") }
}

/// The words after the command name, sorted into positionals, option values and flags.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Parses `words` against `specs`. `--` ends the options; `-` alone is a positional (stdin).
    static func parse(_ words: [String], specs: [OptionSpec], command: String) throws(UsageError) -> ParsedArguments {
        var out = ParsedArguments()
        var k = 0
        var optionsEnded = false
        while k < words.count {
            var word = words[k]
            k += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                out.positionals.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            if word == "-h" || word == "--help" { out.flags.insert("help"); continue }
            if word.count == 2, let spec = specs.first(where: { $0.short == word.last }) {
                word = "--" + spec.name
            }
            guard word.hasPrefix("--") else {
                throw UsageError(.unknownOptionShort, command, word)
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String? = nil
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                let names = specs.map(\.name)
                if let near = nearestName(to: name, among: names) { throw UsageError(.unknownOptionDidYouMean, command, name, near) }
                throw UsageError(.unknownOptionValid, command, name, names.map { "--" + $0 }.joined(separator: ", "))
            }
            if spec.valueName == nil {
                if inlineValue != nil { throw UsageError(.takesNoValue, command, name) }
                out.flags.insert(name)
            } else if let v = inlineValue {
                out.values[name] = v
            } else if k < words.count {
                out.values[name] = words[k]
                k += 1
            } else {
                throw UsageError(.needsValue, command, name, spec.valueName ?? "VALUE")
            }
        }
        // `-o -` is standard output, as in most Unix tools (not a file named "-").
        if out.values["output"] == "-" { out.values["output"] = nil }
        if out.values["output"] == "" {
            throw UsageError(.outputEmpty, command)
        }
        // --lang takes a locale name too, as LANG does: zh_CN, zh-Hans, en_US.UTF-8 (every command
        // then checks for zh, en or, where allowed, both).
        if let lang = out.values["lang"] { out.values["lang"] = languageTag(lang) }
        return out
    }
}

/// "zh_CN.UTF-8" → "zh", "en-GB" → "en", "ZH" → "zh"; any other value is returned as it was, for
/// the command to refuse by name.
func languageTag(_ value: String) -> String {
    let lower = value.lowercased()
    for tag in ["zh", "en"] where lower == tag || lower.hasPrefix(tag + "_") || lower.hasPrefix(tag + "-") || lower.hasPrefix(tag + ".") {
        return tag
    }
    return value
}
