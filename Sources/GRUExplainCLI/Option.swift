import GRURender

/// What `--help` and the parser need of an option, whatever the type of its value.
protocol OptionDeclaration: Sendable {
    var name: String { get }
    /// A one-letter alias such as `o` for `-o FILE`.
    var short: Character? { get }
    /// The placeholder shown in help (`N`, `FILE`); nil for a flag.
    var valueName: String? { get }
    /// The help line in `language` (the catalogue's `OptionHelp`).
    func helpText(_ language: Language) -> String
}

/// A command-line option declared once: its name, its placeholder, its help in both languages,
/// how its text becomes a typed value (or a usage error naming the command), and its value when
/// it is not given. `--help` lists it, the parser recognises it, and a command reads its value
/// with `try arguments[option]`, all from this one declaration, as swift-argument-parser does.
///
/// A value is read when the command asks for it, so a command's errors come in the order it
/// checks them. A check that needs the lesson (`--timestep N` within the lesson's timesteps)
/// stays in the command: such an option's value is its text (`ParsedArguments.wholeNumber`).
struct Option<Value: Sendable>: OptionDeclaration {
    var name: String
    var short: Character? = nil
    var valueName: String?
    var help: OptionHelp
    /// Fills `{0}` of the help: a default that depends on the command.
    var helpArgument: String? = nil
    /// The value when the option is not given.
    var defaultValue: Value
    /// The given text as a value, or a usage error; its second argument is the command's name.
    var read: @Sendable (_ text: String, _ command: String) throws(UsageError) -> Value

    func helpText(_ language: Language) -> String {
        helpArgument.map { help.text(language, $0) } ?? help.text(language)
    }

    /// The same option with another help line (and help argument), for a command that says
    /// more precisely what it does with it.
    func helped(_ help: OptionHelp, _ argument: String? = nil) -> Option {
        var copy = self
        copy.help = help
        copy.helpArgument = argument
        return copy
    }
}

extension Option where Value == Bool {
    /// `--name` without a value: true when given.
    static func flag(_ name: String, _ help: OptionHelp) -> Option {
        Option(name: name, valueName: nil, help: help, defaultValue: false) { _, _ in true }
    }
}

extension Option where Value == String? {
    /// `--name VALUE`, taken as it is written (nil when not given); the command checks it.
    static func text(_ name: String, _ valueName: String, _ help: OptionHelp, _ argument: String? = nil) -> Option {
        Option(name: name, valueName: valueName, help: help, helpArgument: argument, defaultValue: nil) { text, _ in text }
    }
}

extension Option where Value == String {
    /// `--name VALUE`, exactly one of `allowed` (else a usage error listing them), `value` when not given.
    static func choice(_ name: String, _ valueName: String, _ help: OptionHelp, _ allowed: [String], default value: String) -> Option {
        Option(name: name, valueName: valueName, help: help, defaultValue: value) { (given, command) throws(UsageError) in
            guard allowed.contains(given) else {
                throw UsageError(.oneOf, command, name, allowed.joined(separator: ", "), given)
            }
            return given
        }
    }
}

extension Option where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// `--name VALUE`: the raw value of one of the cases, else a usage error listing them in order.
    static func choice(_ name: String, _ valueName: String, _ help: OptionHelp, default value: Value) -> Option {
        Option(name: name, valueName: valueName, help: help, defaultValue: value) { (given, command) throws(UsageError) in
            guard let chosen = Value(rawValue: given) else {
                throw UsageError(.oneOf, command, name, Value.allCases.map(\.rawValue).joined(separator: ", "), given)
            }
            return chosen
        }
    }
}

extension Option where Value == Int {
    /// `--name N`: a whole number within `range`, or a usage error naming the option.
    static func wholeNumber(_ name: String, _ help: OptionHelp, _ argument: String? = nil, in range: ClosedRange<Int>, default value: Int) -> Option {
        Option(name: name, valueName: "N", help: help, helpArgument: argument, defaultValue: value) { (text, command) throws(UsageError) in
            try parseWholeNumber(text, option: name, in: range, command: command)
        }
    }
}

/// `text` as a whole number within `range`, or a usage error naming the option `name`.
func parseWholeNumber(_ text: String, option name: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int {
    guard let n = Int(text), range.contains(n) else {
        throw UsageError(.wholeNumberRange, command, name, String(range.lowerBound), String(range.upperBound), text)
    }
    return n
}
