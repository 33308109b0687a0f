import Testing
import GRURender
@testable import GRUExplainCLI

/// The options declared once (`Option`): what the parser, `--help` and the commands read of them.
@Suite struct OptionDeclarationTests {
    static let commands = GRUExplain.commands.map { ($0.name, $0.options) }

    /// A second declaration of a name (or of a short letter) would never be read: the parser
    /// takes the first. `--help` is the parser's own.
    @Test(arguments: commands) func namesAreDeclaredOncePerCommand(_ command: String, _ options: [any OptionDeclaration]) {
        let names = options.map(\.name)
        #expect(Set(names).count == names.count, "\(command): \(names)")
        let shorts = options.compactMap(\.short)
        #expect(Set(shorts).count == shorts.count, "\(command): \(shorts)")
        #expect(!names.contains(ParsedArguments.help.name), "\(command)")
    }

    /// Every option a command declares is listed by its `--help`, with the declaration's help line.
    @Test(arguments: commands) func helpListsEveryDeclaration(_ command: String, _ options: [any OptionDeclaration]) throws {
        let type = try #require(GRUExplain.command(named: command))
        for language in [Language.zh, .en] {
            let help = GRUExplain.helpText(type, language)
            for option in options {
                let label = (option.short.map { "-\($0), " } ?? "") + "--" + option.name + (option.valueName.map { " " + $0 } ?? "")
                #expect(help.contains("  " + label + " "), "\(command) \(language): \(label)")
                #expect(help.contains(option.helpText(language) + "\n"), "\(command) \(language): \(option.name)")
            }
        }
    }

    /// The values of `run lesson1 -o - --lang zh_CN.UTF-8 --show …`: each read by its declaration.
    @Test func valuesAreTypedByTheirDeclaration() throws {
        let a = try ParsedArguments.parse(["lesson1", "-o", "-", "--lang", "zh_CN.UTF-8", "--digits=6"], options: RunCommand.options, command: "run")
        #expect(a.positionals == ["lesson1"])
        // `-o -` is standard output: given, but no file.
        #expect(try a[OutputOptions.output] == nil)
        #expect(a.isGiven(OutputOptions.output))
        #expect(try a[RunCommand.lang] == .one(.zh))
        #expect(try a[DisplayOptions.digits] == 6)
        // Not given: the declaration's default.
        #expect(try a[RunCommand.format] == "text")
        #expect(try a[DisplayOptions.color] == .auto)
        #expect(try a[RunCommand.step] == false)
        #expect(!a.isGiven(RunCommand.format))
        let both = try ParsedArguments.parse(["--lang", "BOTH"], options: RunCommand.options, command: "run")
        #expect(try both[RunCommand.lang] == .both)
        // gradcheck shows 10 digits unless told otherwise (its help says so).
        let g = try ParsedArguments.parse([], options: GradcheckCommand.options, command: "gradcheck")
        #expect(try g[GradcheckCommand.digits] == 10)
        #expect(GradcheckCommand.digits.helpText(.en) == "decimal places shown (default 10); rounding is for display only")
    }

    /// A bad value is refused when the command reads it, naming the command; a word the parser
    /// does not know is refused before any value is read.
    @Test func badValuesAreRefusedByTheirDeclaration() throws {
        let a = try ParsedArguments.parse(["-o", "", "--digits", "99", "--lang", "fr"], options: RunCommand.options, command: "run")
        let output = #expect(throws: UsageError.self) { try a[OutputOptions.output] }
        #expect(output?.message == "run: --output needs a file name (or - for standard output), found an empty one")
        let digits = #expect(throws: UsageError.self) { try a[DisplayOptions.digits] }
        #expect(digits?.message == "run: --digits must be a whole number from 0 to 17, found '99'")
        let lang = #expect(throws: UsageError.self) { try a[RunCommand.lang] }
        #expect(lang?.message == "run: --lang must be zh, en or both (both: --format html only), found 'fr'")
        let list = try ParsedArguments.parse(["--lang", "fr"], options: ListCommand.options, command: "list")
        let zhOrEn = #expect(throws: UsageError.self) { try list[DisplayOptions.lang] }
        #expect(zhOrEn?.zh == ["list：--lang 只能是 zh 或 en，这里是 'fr'"])
        let unknown = #expect(throws: UsageError.self) {
            try ParsedArguments.parse(["--digits", "99", "--colour", "never"], options: RunCommand.options, command: "run")
        }
        #expect(unknown?.message == "run: unknown option '--colour'; did you mean --color?")
    }
}
