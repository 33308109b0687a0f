import GRULessons
import GRURender

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

/// The words after the command name, sorted into positionals and the text of each option given,
/// checked against the command's declarations (`Option`); `arguments[option]` reads a typed value.
/// The parser knows no option by name: what a value means, and what is wrong with it, is said by
/// its declaration.
struct ParsedArguments {
    /// The command, as usage errors name it.
    var command: String
    var positionals: [String] = []
    /// The text of each option given, by name ("" for a flag).
    private var given: [String: String] = [:]
    /// `-h` or `--help` was given.
    var wantsHelp = false

    /// `--help`, which every command takes; the parser knows it as `-h` too.
    static let help = Option<Bool>.flag("help", .help)

    init(command: String) { self.command = command }

    /// The option's value: its text read by its declaration, or its default when it was not given.
    subscript<Value>(_ option: Option<Value>) -> Value {
        get throws(UsageError) {
            guard let text = given[option.name] else { return option.defaultValue }
            return try option.read(text, command)
        }
    }

    /// Whether the option was given (some commands treat an option given as its default differently).
    func isGiven(_ option: some OptionDeclaration) -> Bool { given[option.name] != nil }

    /// The option's text as the user wrote it, for a message that quotes it.
    func text(_ option: some OptionDeclaration) -> String? { given[option.name] }

    /// These arguments without `options`: what a step that must not see them reads.
    func removing(_ options: any OptionDeclaration...) -> ParsedArguments {
        var copy = self
        for option in options { copy.given[option.name] = nil }
        return copy
    }

    /// A whole number within `range` (that the lesson decides) for an option whose value is its
    /// text, or a usage error naming the option; nil when it was not given.
    func wholeNumber(_ option: Option<String?>, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = given[option.name] else { return nil }
        return try parseWholeNumber(text, option: option.name, in: range, command: command)
    }

    /// Parses `words` against `options`. `--` ends the options; `-` alone is a positional (stdin).
    static func parse(_ words: [String], options: [any OptionDeclaration], command: String) throws(UsageError) -> ParsedArguments {
        var out = ParsedArguments(command: command)
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
            if word == "-h" || word == "--" + help.name { out.wantsHelp = true; continue }
            if word.count == 2, let option = options.first(where: { $0.short == word.last }) {
                word = "--" + option.name
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
            guard let option = options.first(where: { $0.name == name }) else {
                let names = options.map(\.name)
                if let near = nearestName(to: name, among: names) { throw UsageError(.unknownOptionDidYouMean, command, name, near) }
                throw UsageError(.unknownOptionValid, command, name, names.map { "--" + $0 }.joined(separator: ", "))
            }
            if option.valueName == nil {
                if inlineValue != nil { throw UsageError(.takesNoValue, command, name) }
                out.given[name] = ""
            } else if let v = inlineValue {
                out.given[name] = v
            } else if k < words.count {
                out.given[name] = words[k]
                k += 1
            } else {
                throw UsageError(.needsValue, command, name, option.valueName ?? "VALUE")
            }
        }
        return out
    }
}
