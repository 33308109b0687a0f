import GRUCore
import GRUJSON
import GRULessons
import GRUCheck

/// `gru-explain workbook`: one self-contained HTML page in which a student fills in every number
/// of a lesson's first pass, is marked as they go, and can change any given to watch every number
/// recompute (docs/workbook.md).
///
/// The page does not know the GRU. Everything it computes comes from the data this renderer
/// embeds (`data`, format `gru-explain.workbook/1`): every key's `Formula` from the `FormulaBook`
/// under the lesson's conventions, the known mistakes as other formulas for the same key, the
/// givens, the tables and their order, the blank worksheet in each language, the rules for
/// reading a number, and the marking rule's parameters. `WorkbookScript` only evaluates formula
/// trees and applies `Marker`'s policy to them.
public enum WorkbookRenderer {

    /// The page, opening in `start`, with a zh/en switch when `languages` has both. `header` names
    /// a variant and its student (`--variant`, `--student`) in the sheet the page downloads, so
    /// that `check` marks it against that variant.
    public static func render(_ trace: Trace, lesson: Lesson, languages: [Language], start: Language,
                              header: SheetHeader? = nil, rule: MarkingRule = currentRule) -> String {
        var languages = languages
        if !languages.contains(start) { languages.insert(start, at: 0) }
        let title = { (l: Language) in Message.workbookTitle.text(l, lesson.id) + " · " + lesson.shownTitle(l) }
        let json = JSONWriter.write(data(trace, lesson: lesson, languages: languages, start: start, header: header, rule: rule), indent: "")
            // Inside <script>, "</script" or "<!--" from a lesson's title would change how the page is
            // parsed: every "<" (only ever inside a JSON string) is written as its escape.
            .replacing("<", with: "\\u003c")
        // A text in each language of the page, the one not shown hidden by the stylesheet.
        func both(_ text: (Language) -> String) -> String {
            languages.map { "<span data-lang=\"\($0.rawValue)\" lang=\"\(HTMLRenderer.tag($0))\">\(HTMLRenderer.escape(text($0)))</span>" }.joined()
        }
        func both(_ m: Message) -> String { both { m.text($0) } }

        var out = "<!DOCTYPE html>\n"
        out += "<html lang=\"\(HTMLRenderer.tag(start))\" data-lang=\"\(start.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"gru-explain\">\n"
        out += "<title>\(HTMLRenderer.escape(title(start)))</title>\n"
        out += "<style>\n\(WorkbookStyle.css)</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(both(title))</h1>\n"
        out += "<p class=\"intro\">\(both(.workbookIntro))</p>\n"
        out += "<noscript><p class=\"warn\">\(both(.workbookNeedsScript))</p></noscript>\n"
        out += "<div class=\"toolbar\" role=\"toolbar\">\n"
        out += "<button type=\"button\" id=\"download\">\(both(.workbookDownload))</button>\n"
        out += "<label class=\"button\" id=\"open-label\">\(both(.workbookOpen))<input type=\"file\" id=\"open\" accept=\".txt,text/plain\"></label>\n"
        out += "<button type=\"button\" id=\"clear\">\(both(.workbookClear))</button>\n"
        out += HTMLRenderer.languageSwitch(languages: languages, start: start)
        out += "</div>\n<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
        // Outside the header, so that it stays at the top of the screen while the page scrolls.
        out += "</header>\n<div id=\"score\" class=\"score\"></div>\n"
        out += "<main id=\"workbook\"></main>\n"
        out += "<script type=\"application/json\" id=\"gru-data\">\n\(json)</script>\n"
        out += "<script>\n\(WorkbookScript.js)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: - The embedded data

    /// Everything the page needs, as JSON (docs/workbook.md describes each member).
    public static func data(_ trace: Trace, lesson: Lesson, languages: [Language], start: Language,
                            header: SheetHeader? = nil, rule: MarkingRule = currentRule) -> JSONValue {
        let book = FormulaBook(trace)
        let groups = Worksheet.groups(trace)
        let asked = Set(groups.flatMap(\.keys))
        var texts = JSONObject()
        func textID(_ d: Diagnosis, _ variant: Diagnosis.Variant?, _ t: Int?) -> String {
            let id = d.rawValue + (variant == .withBhn ? "/with_bhn" : "") + (t.map { "@\($0)" } ?? "")
            if texts[id] == nil { texts[id] = bilingual { d.explanation($0, trace.config, variant: variant, t: t) } }
            return id
        }

        // Every key up to the update, in computing order: the givens with their values, the rest
        // with their formula and the formulas of the known mistakes.
        var keys: [JSONValue] = []
        for key in trace.keys where key.stage < .training {
            var o = JSONObject()
            o["key"] = .string(key.description)
            if key.stage == .given {
                o["given"] = .double(trace.value(at: key) ?? .nan)
            } else if let formula = book.formula(for: key) {
                o["section"] = .string(key.section.rawValue)
                o["formula"] = encode(formula)
                o["mistakes"] = .array(book.mistakes(for: key).map { m in
                    .object(JSONObject([("diagnosis", .string(m.diagnosis.rawValue)),
                                        ("text", .string(textID(m.diagnosis, m.variant, key.t))),
                                        ("formula", encode(m.formula))]))
                })
                o["sign_error"] = .string(textID(.signError, nil, key.t))
                if !asked.contains(key) { o["asked"] = .bool(false) }
            }
            keys.append(.object(o))
        }

        var root = JSONObject()
        root["format"] = .string("gru-explain.workbook/1")
        root["lesson"] = .string(lesson.id)
        root["languages"] = .array(languages.map { .string($0.rawValue) })
        root["start"] = .string(start.rawValue)
        root["title"] = bilingual { Message.workbookTitle.text($0, lesson.id) + " · " + lesson.shownTitle($0) }
        root["keys"] = .array(keys)
        root["tables"] = .array(tables(groups, trace))
        root["sections"] = .array(Worksheet.sections.map { s in
            .object(JSONObject([("id", .string(s.rawValue)), ("title", bilingual { Walkthrough.title(s).text($0) })]))
        })
        root["givens"] = .array(givenGroups(trace))
        root["worksheet"] = .object(JSONObject(Language.allCases.map { l in
            (l.rawValue, .string(WorksheetRenderer.render(trace, lesson: lesson, options: RenderOptions(language: l), header: header)))
        }))
        root["diagnosis_texts"] = .object(texts)
        root["reading"] = reading
        root["marking"] = marking(rule)
        root["words"] = .object(JSONObject(words.map { (name, m) in (name, bilingual { m.text($0) }) }))
        return .object(root)
    }

    /// A formula as JSON: a key is a string, a constant a number, an operation an array whose
    /// first member names it: `["+", …]`, `["*", …]`, `["-", a, b]`, `["sq", a]`, `["sigmoid", a]`,
    /// `["tanh", a]`.
    public static func encode(_ f: Formula) -> JSONValue {
        switch f {
        case .value(let key): return .string(key.description)
        case .constant(let c): return .double(c)
        case .sum(let terms): return .array([.string("+")] + terms.map(encode))
        case .product(let factors): return .array([.string("*")] + factors.map(encode))
        case .difference(let a, let b): return .array([.string("-"), encode(a), encode(b)])
        case .square(let a): return .array([.string("sq"), encode(a)])
        case .sigmoid(let a): return .array([.string("sigmoid"), encode(a)])
        case .tanh(let a): return .array([.string("tanh"), encode(a)])
        }
    }

    /// The worksheet's groups as the walkthrough's tables: one per forward timestep, the loss
    /// (every timestep's term and the total, as `run` shows it), one per BPTT timestep, one per
    /// timestep's contributions, the sums, the update.
    static func tables(_ groups: [WorksheetGroup], _ trace: Trace) -> [JSONValue] {
        var tables: [(section: LessonSection, sequence: Int?, t: Int?, groups: [WorksheetGroup])] = []
        for group in groups {
            guard let first = group.keys.first else { continue }
            let section = first.section
            let t = section == .loss ? nil : group.t
            if let last = tables.last, last.section == section, last.sequence == group.sequence, last.t == t {
                tables[tables.count - 1].groups.append(group)
            } else {
                tables.append((section, group.sequence, t, [group]))
            }
        }
        return tables.map { table in
            let heading = { (l: Language) -> String in
                var parts = [Walkthrough.title(table.section).text(l)]
                if let s = table.sequence { parts.append(Message.sequence.text(l, String(s))) }
                if let t = table.t { parts.append(Message.timestep.text(l, String(t))) }
                return parts.joined(separator: " · ")
            }
            return .object(JSONObject([
                ("section", .string(table.section.rawValue)),
                ("title", bilingual(heading)),
                ("groups", .array(table.groups.map { group in
                    .object(JSONObject([("label", bilingual { WorksheetRenderer.label(group, trace, $0) }),
                                        ("keys", .array(group.keys.map { .string($0.description) }))]))
                })),
            ]))
        }
    }

    /// The givens as the page lays them out: the learning rate, h0, each sequence's inputs and
    /// targets (a row per timestep), each parameter (a row per matrix row).
    static func givenGroups(_ trace: Trace) -> [JSONValue] {
        func group(_ name: String, _ role: JSONValue?, _ rows: [[TraceKey]]) -> JSONValue {
            var o = JSONObject([("name", .string(name)), ("rows", .array(rows.map { .array($0.map { .string($0.description) }) }))])
            if let role { o["role"] = role }
            return .object(o)
        }
        let c = trace.config
        // Each group is named by its keys' name, the sheet's vocabulary (lr, h0, x, target, Wz),
        // and described in the reader's language.
        var out = [group("lr", bilingual { Message.givenLearningRate.text($0) }, [[TraceKey(.learningRate)]]),
                   group("h₀", bilingual { Message.givenInitialState.text($0) }, [(1...c.hiddenSize).map { TraceKey(.h0, [$0]) }])]
        let prefixed = trace.keysNameSequences
        for (s, sequence) in trace.sequences.enumerated() {
            let k = prefixed ? s + 1 : nil
            let steps = sequence.forward.map(\.t)
            let prefix = prefixed ? "s\(s + 1) · " : ""
            out.append(group(prefix + "x", bilingual { Message.givenInput.text($0) }, steps.map { t in (1...c.inputSize).map { TraceKey(sequence: k, t: t, .step(.x), [$0]) } }))
            out.append(group(prefix + "target", bilingual { Message.givenTarget.text($0) },
                             steps.map { t in (1...c.outputSize).map { TraceKey(sequence: k, t: t, .step(.target), [$0]) } }))
        }
        for p in ParameterName.used(by: c) {
            let (rows, cols) = p.shape(c)
            let keys: [[TraceKey]] = p.isVector
                ? [(1...rows).map { TraceKey(.parameter(p), [$0]) }]
                : (1...rows).map { i in (1...cols).map { TraceKey(.parameter(p), [i, $0]) } }
            out.append(group(p.rawValue, bilingual { p.role($0) }, keys))
        }
        return out
    }

    /// How the page reads a typed number, as `AnswerSheet` and `WrittenNumber` read a sheet's
    /// value: these characters replaced (full-width ASCII shifted to ASCII), `#` and after
    /// dropped, these spaces trimmed, blank or `?` unanswered, then one number of this grammar.
    /// `WorkbookBrowserTests.readsNumbersAsTheSheetDoes` checks the page against `AnswerSheet` on
    /// a corpus of typed forms.
    ///
    /// The last five members are `AnswerSheet.numberText`'s reading (one sentence-ending mark
    /// after the number, a full stop only after a decimal point, an "about" in front (the first
    /// of `AnswerSheet.aboutSigns` the value starts with), a space after a minus) and
    /// `WrittenNumber`'s percent.
    static let reading: JSONValue = .object(JSONObject([
        ("full_width", .array([.int(0xFF01), .int(0xFF5E), .int(0xFEE0)])),
        ("replace", .object(JSONObject([("\u{3000}", .string(" ")), ("\u{3002}", .string(".")), ("\u{2212}", .string("-")),
                                        ("\u{2013}", .string("-")), ("\u{2014}", .string("-")), ("\u{3001}", .string(","))]))),
        ("comment", .string("#")),
        ("spaces", .string(" \t\u{3000}\u{00A0}")),
        ("unanswered", .array([.string(""), .string("?")])),
        ("number", .string("^[+-]?([0-9]*)(?:\\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,4}))?$")),
        ("sentence_end", .string(",;")),
        ("full_stop_after_point", .bool(true)),
        ("about", .array(AnswerSheet.aboutSigns.map { .string($0) })),
        ("minus_space", .bool(true)),
        ("percent", .bool(true)),
    ]))

    /// The marking rules the page's script knows (`rules` in `WorkbookScript`), by the name the
    /// data gives in `marking.rule`.
    public enum MarkingRule: String, CaseIterable, Sendable {
        /// `check`'s rule (`HonestComputation`): interval evaluation of the formula, each input
        /// between the lesson's value and the student's, each operation widened by one unit of the
        /// answer's last decimal, the answer accepted when it rounds or truncates from the result.
        case honest
    }

    /// The rule `gru-explain check` applies, which the page applies too. When `Marker` changes its
    /// rule, change this line with it (the cross-check in WorkbookBrowserTests holds the two
    /// together).
    public static let currentRule: MarkingRule = .honest

    /// The rule's parameters: half a unit of the last digit (`half_unit`) times 1 + `slack`, plus
    /// `binary` relative for binary rounding; a whole number claims no more than the value's
    /// leading digit, nor less than `whole_floor`; an exponential (σ and tanh on a calculator) is
    /// rounded to the answer's decimals, or to `exponential_unit` when that is finer.
    static func marking(_ rule: MarkingRule) -> JSONValue {
        .object(JSONObject([
            ("rule", .string(rule.rawValue)),
            ("half_unit", .double(0.5)),
            ("slack", .double(1e-9)),
            ("binary", .double(1e-12)),
            ("whole_floor", .double(0.001)),
            ("exponential_unit", .double(HonestComputation.coarsestExponentialUnit)),
        ]))
    }

    /// The words the script shows, by the name it uses.
    static let words: [(String, Message)] = [
        ("correct", .markCorrect), ("follow_through", .markFollowThrough), ("wrong", .markWrong),
        ("unanswered", .markUnanswered), ("hint", .workbookHint), ("score", .workbookScore), ("total", .workbookTotal),
        ("unreadable", .workbookUnreadable), ("edited", .workbookEdited), ("opened", .workbookOpened),
        ("open_problems", .workbookOpenProblems), ("givens", .workbookGivens), ("givens_help", .workbookGivensHelp),
        ("reset", .workbookReset), ("expected", .checkExpected), ("from_yours", .checkFromYours),
        ("compute", .checkHowToCompute), ("numbers", .workbookHintNumbers), ("answer", .workbookAnswer),
        ("key", .workbookKey), ("mark", .workbookMark), ("your_numbers_give", .checkYourNumbersGive),
        ("your_written", .checkYourWritten), ("list_separator", .checkListSeparator),
    ]

    private static func bilingual(_ text: (Language) -> String) -> JSONValue {
        .object(JSONObject([("zh", .string(text(.zh))), ("en", .string(text(.en)))]))
    }
}
