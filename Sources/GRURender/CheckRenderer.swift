import GRUCore
import GRUJSON
import GRUCheck

/// `gru-explain check`: the marks of a sheet as text for the student or as JSON for a course
/// platform (docs/check.md).
public enum CheckRenderer {

    /// One line per answered key in computation order (every key of the sheet with `all`), the
    /// details of every wrong and follow-through mark under it, then the counts and the first
    /// genuine mistake.
    ///
    /// What the student wrote is quoted as written (`−1.6822`, `０．５９８７`). Computed values, the
    /// lesson's and those carried from the student's answers, use the minus sign U+2212, with as
    /// many decimals as the student wrote and at least `digits`. An input the student left blank
    /// is never quoted as theirs: it is "carried from your t1.h[1]", the answers it came from.
    public static func text(_ report: CheckReport, config: ModelConfig, language: Language, digits: Int = 4,
                            all: Bool = false) -> String {
        let listed = all ? report.results : report.results.filter { $0.status != .unanswered }
        let width = listed.map { $0.key.description.count }.max() ?? 0
        let givenWidth = listed.map { DisplayWidth.of($0.given?.written ?? "?") }.max() ?? 0
        var out = ""
        for r in listed {
            let decimals = max(digits, r.given?.decimals ?? 0)
            let format = NumberFormat(digits: decimals)
            let number = { (key: TraceKey, x: Double) in key.stage == .given ? format.given(x) : format.value(x) }
            var line = "\(r.status.mark) \(pad(r.key.description, width))  \(DisplayWidth.pad(r.given?.written ?? "?", to: givenWidth))  \(r.status.name(language))"
            let yours = r.carriedFrom
            switch r.status {
            case .wrong: line += " · " + Message.checkExpected.text(language, number(r.key, r.expected))
            case .followThrough: line += " · " + Message.checkFromYours.text(language, carried(yours, number, language))
            default: break
            }
            out += line + "\n"
            guard r.status == .wrong else { continue }
            let indent = "      "
            if let diagnosis = r.diagnosisText(language, config) {
                out += indent + diagnosis + "\n"
            }
            if let formula = r.formula {
                out += indent + Message.checkHowToCompute.text(language, "\(r.key) = \(formula)") + "\n"
            }
            if !r.inputs.isEmpty {
                out += indent + Message.checkNumbersToUse.text(language, listing(r.inputs, number, language)) + "\n"
            }
            if !yours.isEmpty, let fromYours = r.fromYourValues {
                out += indent + Message.checkYourNumbersGive.text(language, carried(yours, number, language), number(r.key, fromYours)) + "\n"
            }
        }
        if !listed.isEmpty { out += "\n" }
        out += summary(report, config: config, language: language, digits: digits)
        if !all && report.summary.unanswered > 0 && report.summary.correct + report.summary.followThrough + report.summary.wrong > 0 {
            out += Message.checkUnansweredNotListed.text(language) + "\n"
        }
        return out
    }

    /// The counts and the first genuine mistake, with its diagnosis.
    public static func summary(_ report: CheckReport, config: ModelConfig, language: Language, digits: Int = 4) -> String {
        let s = report.summary
        var out = Message.checkSummary.text(language, String(s.correct), String(s.followThrough), String(s.wrong), String(s.unanswered))
        if s.notOnSheet > 0 { out += (language == .zh ? "" : " ") + Message.checkNotOnSheet.text(language, String(s.notOnSheet)) }
        out += "\n"
        if let first = s.firstMistake, let given = first.given {
            let decimals = max(digits, given.decimals)
            out += Message.checkFirstMistake.text(language, String(first.line), first.key.description, given.written,
                                                  NumberFormat(digits: decimals).value(first.expected)) + "\n"
            if let diagnosis = first.diagnosisText(language, config) { out += diagnosis + "\n" }
        } else if s.correct + s.followThrough == 0 {
            out += Message.checkNothingAnswered.text(language) + "\n"
        } else {
            out += Message.checkNoMistake.text(language) + "\n"
        }
        return out
    }

    /// The report for course platforms, the same in every language:
    ///
    ///     {"format": "gru-explain.check/1", "lesson": "lesson1",
    ///      "results": [{"key", "line", "status", "given", "expected", "diagnosis", …}, …],
    ///      "summary": {"correct", "follow_through", "wrong", "unanswered", "not_on_sheet", "first_mistake"}}
    ///
    /// `status` is correct / follow_through / wrong / unanswered; `diagnosis` a stable code
    /// (docs/check.md) or null, with `diagnosis_text` in zh and en. `given` is null when
    /// unanswered; `given_text` is what the student wrote. Wrong and follow-through results add
    /// `formula` (over keys), `inputs` (the lesson's values of its inputs) and, when some inputs
    /// carry an earlier mistake, `carried_from` (those inputs as the student had them) and
    /// `from_your_values` (what the formula gives on the student's values). An input of
    /// `carried_from` the student did not write is in `carried_origins`, with the student's
    /// answers it was carried from: `{"t1.y[1]": ["t1.h[1]"]}`.
    public static func json(_ report: CheckReport, config: ModelConfig, lesson: String) -> String {
        var results: [JSONValue] = []
        for r in report.results {
            var o = JSONObject()
            o["key"] = .string(r.key.description)
            o["line"] = .int(r.line)
            o["status"] = .string(r.status.rawValue)
            o["given"] = r.given.map { .double($0.value) } ?? .null
            if let given = r.given { o["given_text"] = .string(given.text) }
            o["expected"] = .double(r.expected)
            o["diagnosis"] = r.diagnosis.map { .string($0.rawValue) } ?? .null
            if r.diagnosis != nil { o["diagnosis_text"] = bilingual { r.diagnosisText($0, config) ?? "" } }
            if r.status == .wrong || r.status == .followThrough {
                if let formula = r.formula { o["formula"] = .string("\(formula)") }
                if !r.inputs.isEmpty { o["inputs"] = values(r.inputs) }
                if !r.carriedFrom.isEmpty {
                    o["carried_from"] = .object(JSONObject(r.carriedFrom.map { ($0.key.description, JSONValue.double($0.value)) }))
                    let origins = r.carriedFrom.filter { $0.written == nil }
                    if !origins.isEmpty {
                        o["carried_origins"] = .object(JSONObject(origins.map {
                            ($0.key.description, JSONValue.array($0.origins.map { .string($0.description) }))
                        }))
                    }
                }
                if let yours = r.fromYourValues { o["from_your_values"] = .double(yours) }
            }
            results.append(.object(o))
        }
        let s = report.summary
        var summary = JSONObject()
        summary["correct"] = .int(s.correct)
        summary["follow_through"] = .int(s.followThrough)
        summary["wrong"] = .int(s.wrong)
        summary["unanswered"] = .int(s.unanswered)
        summary["not_on_sheet"] = .int(s.notOnSheet)
        if let first = s.firstMistake {
            var f = JSONObject()
            f["key"] = .string(first.key.description)
            f["line"] = .int(first.line)
            f["diagnosis"] = first.diagnosis.map { .string($0.rawValue) } ?? .null
            summary["first_mistake"] = .object(f)
        } else {
            summary["first_mistake"] = .null
        }
        var root = JSONObject()
        root["format"] = .string("gru-explain.check/1")
        root["lesson"] = .string(lesson)
        root["results"] = .array(results)
        root["summary"] = .object(summary)
        return JSONWriter.write(.object(root))
    }

    private static func bilingual(_ text: (Language) -> String) -> JSONValue {
        .object(JSONObject([("zh", .string(text(.zh))), ("en", .string(text(.en)))]))
    }

    private static func values(_ entries: [TraceEntry]) -> JSONValue {
        .object(JSONObject(entries.map { ($0.key.description, JSONValue.double($0.value)) }))
    }

    /// The inputs as the student has them: "your t1.h[1] = 0.2767" for what they wrote (as
    /// written), "t1.y[1] = 0.3311 (carried from your t1.h[1])" for what follows from it.
    private static func carried(_ values: [CarriedValue], _ number: (TraceKey, Double) -> String, _ language: Language) -> String {
        values.map { v in
            if let written = v.written { return Message.checkYourWritten.text(language, "\(v.key) = \(written.written)") }
            let shown = v.origins.prefix(3).map(\.description) + (v.origins.count > 3 ? ["…"] : [])
            return Message.checkCarried.text(language, "\(v.key) = \(number(v.key, v.value))",
                                             shown.joined(separator: Message.checkOriginSeparator.text(language)))
        }.joined(separator: Message.checkListSeparator.text(language))
    }

    private static func listing(_ entries: [TraceEntry], _ number: (TraceKey, Double) -> String, _ language: Language) -> String {
        entries.map { "\($0.key) = \(number($0.key, $0.value))" }.joined(separator: Message.checkListSeparator.text(language))
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}
