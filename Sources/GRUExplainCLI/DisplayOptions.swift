import GRURender

/// The options that decide how a trace or a report is shown: --lang, --digits, --color,
/// --ascii, and the --format of a document (compare, gradcheck).
enum DisplayOptions {
    /// --lang zh|en, also as a locale name, as LANG takes it (zh_CN, zh-Hans, en_US.UTF-8).
    static let lang = Option<Language?>(name: "lang", valueName: "zh|en", help: .lang, defaultValue: nil) { (text, command) throws(UsageError) in
        guard let language = Language(rawValue: languageTag(text).lowercased()) else {
            throw UsageError(.langZhEn, command, text)
        }
        return language
    }

    /// --lang zh|en|both, for a page with a language switch (slides, the workbook); `refusal`
    /// is the command's message for any other value.
    static func langOrBoth(_ help: OptionHelp, refusal: UsageText) -> Option<LanguageChoice?> {
        Option(name: "lang", valueName: "zh|en|both", help: help, defaultValue: nil) { (text, command) throws(UsageError) in
            let tag = languageTag(text).lowercased()
            if tag == "both" { return .both }
            guard let language = Language(rawValue: tag) else { throw UsageError(refusal, command, text) }
            return .one(language)
        }
    }

    static let digits = Option<Int>.wholeNumber("digits", .digits, in: 0...17, default: 4)

    /// --digits of a document command, whose default its help shows.
    static func documentDigits(default value: Int) -> Option<Int> {
        .wholeNumber("digits", .digitsDocument, String(value), in: 0...17, default: value)
    }

    static let color = Option<ColorMode>.choice("color", "WHEN", .color, default: .auto)
    static let ascii = Option<Bool>.flag("ascii", .ascii)
    static let documentFormat = Option<String>.choice("format", "FORMAT", .formatDocument, ["text", "markdown"], default: "text")

    /// The options of a command that prints a document (compare, gradcheck): --format text or
    /// markdown, then the display options and --output.
    static func documentOptions(digits: Option<Int>) -> [any OptionDeclaration] {
        [documentFormat, lang, digits, color, ascii, OutputOptions.output]
    }

    /// --format (text or markdown) and the display options of a document command.
    static func document(_ a: ParsedArguments, _ context: Context, digits: Option<Int>) throws(UsageError) -> (markdown: Bool, options: RenderOptions) {
        let markdown = try a[documentFormat] == "markdown"
        return (markdown, try renderOptions(a, context, digits: digits))
    }

    /// --color, --lang (unless the command chose the `language`), --digits and --ascii, as the
    /// renderers take them.
    static func renderOptions(_ a: ParsedArguments, _ context: Context, language chosen: Language? = nil,
                              digits: Option<Int> = digits) throws(UsageError) -> RenderOptions {
        let colorMode = try a[color]
        var options = RenderOptions(language: .en)
        if let chosen { options.language = chosen } else { options.language = try language(a, context) }
        options.digits = try a[digits]
        options.ascii = try a[ascii]
        options.color = colorMode.isOn(context, toFile: try a[OutputOptions.output] != nil)
        return options
    }

    /// --lang, else the locale.
    static func language(_ a: ParsedArguments, _ context: Context) throws(UsageError) -> Language {
        try a[lang] ?? localeLanguage(context.environment)
    }

    /// The first non-empty of LC_ALL, LC_MESSAGES, LANG: a value starting with zh gives zh; en
    /// when none is set.
    static func localeLanguage(_ environment: [String: String]) -> Language {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return Language.fromLocale(value) }
        }
        return .en
    }
}

/// What --lang zh|en|both chose.
enum LanguageChoice: Sendable, Equatable {
    case one(Language)
    /// Both languages, with a switch; the page opens in the locale's.
    case both

    /// The one language, nil for both.
    var single: Language? {
        if case .one(let language) = self { return language }
        return nil
    }
}

/// --color WHEN.
enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// always → yes; never → no; auto → only on a terminal, without NO_COLOR, TERM≠dumb.
    func isOn(_ context: Context, toFile: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if toFile || !context.stdoutIsTerminal { return false }
            if let noColor = context.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return context.environment["TERM"] != "dumb"
        }
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
