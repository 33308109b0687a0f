import GRUCore
import GRUJSON
import GRUCheck
import GRULessons

/// `gru-explain check`: the marks of a sheet as text for the student or as JSON for a course
/// platform (docs/check.md).
public enum CheckRenderer {

    /// Which marks the text report lists (`--show`): every answered line, or only the wrong and
    /// follow-through ones. The score, the repeated mistakes and the summary are always there.
    public enum Show: String, CaseIterable, Sendable {
        case all
        case wrong
    }

    /// The score per section and in all, the mistakes that repeat (each named once, with its
    /// count and keys), then one line per answered key in computation order (every key of the
    /// sheet with `all`; only wrong and follow-through ones with `show: .wrong`), the details of
    /// every wrong mark under it, then the first genuine mistake.
    ///
    /// What the student wrote is quoted as written (`−1.6822`, `０．５９８７`). Computed values, the
    /// lesson's and those carried from the student's answers, use the minus sign U+2212, with as
    /// many decimals as the student wrote and at least `digits`. An input the student left blank
    /// is never quoted as theirs: it is "carried from your t1.h[1]", the answers it came from.
    ///
    /// Every line fits `width` columns (TextRenderer.width), with `ascii` too (Notation.ascii, and
    /// the marks + > x .): a longer one goes on under its status word, the details under a wrong
    /// mark and the summary two columns further in than their first line (`wrapped`).
    ///
    /// `againstLessonItself`: the sheet names no variant and was marked against the lesson's own
    /// numbers; when most answers computed from the givens alone are wrong, the report says the
    /// sheet may be a variant's that lost its header.
    public static func text(_ report: CheckReport, config: ModelConfig, language: Language, digits: Int = 4,
                            all: Bool = false, show only: Show = .all, ascii: Bool = false,
                            againstLessonItself: Bool = false, width: Int = TextRenderer.width) -> String {
        let show = { (text: String) in ascii ? Notation.ascii(text) : text }
        let listed = report.results.filter {
            switch only {
            case .all: return all || $0.status != .unanswered
            case .wrong: return $0.status == .wrong || $0.status == .followThrough
            }
        }
        let repeated = report.repeatedDiagnoses
        func repeatedIndex(_ r: CheckResult) -> Int? {
            repeated.firstIndex { $0.diagnosis == r.diagnosis && $0.variant == r.diagnosisVariant && $0.keys.contains(r.key) }
        }
        let keyWidth = listed.map { $0.key.description.count }.max() ?? 0
        let givenWidth = listed.map { DisplayWidth.of(show($0.given?.written ?? "?")) }.max() ?? 0
        var out = score(report, language: language, ascii: ascii, width: width)
        let fromGivens = report.fromGivens
        if againstLessonItself && report.looksComputedFromOtherGivens, let first = fromGivens.wrong.first {
            let format = NumberFormat(digits: max(digits, first.given?.decimals ?? 0))
            let line = Message.checkOtherVariant.text(language, String(fromGivens.answered), String(fromGivens.wrong.count),
                                                      first.key.description, show(first.given?.written ?? "?"), format.value(first.expected))
            out += wrapped(show(line), label: "", hang: 2, width: width)
        }
        out += repeatedMistakes(repeated, config: config, language: language, ascii: ascii, width: width)
        if !listed.isEmpty { out += "\n" }
        for r in listed {
            let decimals = max(digits, r.given?.decimals ?? 0)
            let format = NumberFormat(digits: decimals)
            let number = { (key: TraceKey, x: Double) in key.stage == .given ? format.given(x) : format.value(x) }
            let label = "\(ascii ? r.status.asciiMark : r.status.mark) \(pad(r.key.description, keyWidth))  \(DisplayWidth.pad(show(r.given?.written ?? "?"), to: givenWidth))  "
            var line = r.status.name(language)
            let yours = r.carriedFrom
            switch r.status {
            case .wrong: line += " · " + Message.checkExpected.text(language, number(r.key, r.expected))
            case .followThrough:
                line += " · " + Message.checkLessonValue.text(language, number(r.key, r.expected))
                line += " · " + Message.checkFromYours.text(language, carried(yours, number, language))
            default: break
            }
            // A follow-through line that goes on continues under its status word.
            let labelWidth = DisplayWidth.of(label)
            out += wrapped(show(line), label: label, hang: labelWidth <= width / 2 ? labelWidth : 8, width: width)
            guard r.status == .wrong else { continue }
            var details: [String] = []
            if let index = repeatedIndex(r) {
                details.append(Message.checkSeeRepeated.text(language, String(index + 1)))
            } else if let diagnosis = r.diagnosisText(language, config) {
                details.append(diagnosis)
            }
            if let formula = r.formula { details.append(Message.checkHowToCompute.text(language, "\(r.key) = \(formula)")) }
            if !r.inputs.isEmpty { details.append(Message.checkNumbersToUse.text(language, listing(r.inputs, number, language))) }
            if !yours.isEmpty, let fromYours = r.fromYourValues {
                details.append(Message.checkYourNumbersGive.text(language, carried(yours, number, language), number(r.key, fromYours)))
            }
            for detail in details { out += wrapped(show(detail), label: "      ", hang: 8, width: width) }
        }
        if !listed.isEmpty { out += "\n" }
        out += summary(report, config: config, language: language, digits: digits, ascii: ascii, width: width, counts: false)
        if only == .wrong && report.summary.correct > 0 {
            out += wrapped(show(Message.checkWrongNotListed.text(language)), label: "", hang: 2, width: width)
        } else if only == .all && !all && report.summary.unanswered > 0
                    && report.summary.correct + report.summary.followThrough + report.summary.wrong > 0 {
            out += wrapped(show(Message.checkUnansweredNotListed.text(language)), label: "", hang: 2, width: width)
        }
        return out
    }

    /// The score the report opens with: a table of answered (of the lines on the sheet),
    /// correct, follow-through and wrong per section and in all, the score in per cent, and for
    /// a sheet that asks for part of the lesson, how much of it.
    ///
    ///     成绩        已作答  正确  承前正确  错误
    ///     前向传播       5/5     4         0     1
    ///     合计          9/11     6         0     3
    public static func score(_ report: CheckReport, language: Language, ascii: Bool = false,
                             width: Int = TextRenderer.width) -> String {
        let total = report.total
        guard total.onSheet + report.beyondWorksheet.onSheet > 0 else { return "" }
        let header = [Message.checkScoreHeading, .checkColumnAnswered, .checkColumnCorrect, .checkColumnFollowThrough,
                      .checkColumnWrong].map { $0.text(language) }
        // Answers to the givens, training and the applied model: marked, not scored, in a row
        // of their own under the total.
        let other = report.beyondWorksheet
        let rows = (report.bySection + [total] + (other.onSheet > 0 ? [other] : [])).map { s in
            [sectionName(s.section, language), "\(s.answered)/\(s.onSheet)", String(s.correct), String(s.followThrough), String(s.wrong)]
        }
        let all = [header] + rows
        let widths = (0..<header.count).map { c in all.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var out = ""
        for row in all {
            let cells = row.enumerated().map { c, cell in
                c == 0 ? DisplayWidth.pad(cell, to: widths[c]) : String(repeating: " ", count: widths[c] - DisplayWidth.of(cell)) + cell
            }
            out += cells.joined(separator: "  ").trimmingSuffixSpaces() + "\n"
        }
        var lines: [String] = []
        if let score = total.score {
            // To the nearest per cent, but never 100 with a mark not correct (a wrong line beyond
            // the worksheet, not scored, counts here too).
            let flawless = total.correct + total.followThrough == total.answered && report.beyondWorksheet.wrong == 0
            let percent = min(Int((score * 100).rounded()), flawless ? 100 : 99)
            lines.append(Message.checkScorePercent.text(language, String(percent), String(total.answered),
                                                        String(total.correct + total.followThrough)))
            // A whole worksheet with lines left blank: also the gradebook's score (`check` of a
            // class, gradescope). A sheet that asks for part of the lesson (`worksheet --only`)
            // is scored against what it asks for, the score above.
            let (earned, outOf) = report.worksheetScore
            if total.inLesson > 0 && total.onSheet >= total.inLesson && total.answered < outOf {
                lines.append(Message.checkWorksheetScore.text(language, String(outOf), String(earned),
                                                              ClassRenderer.percent(earned, outOf)))
            }
        }
        if total.inLesson > 0 && total.onSheet < total.inLesson {
            let allCorrect = total.correct == total.onSheet
            lines.append((allCorrect ? Message.checkPartialAllCorrect : .checkPartialSheet)
                .text(language, String(total.inLesson), String(total.onSheet)))
        }
        out += lines.map { wrapped(ascii ? Notation.ascii($0) : $0, label: "", hang: 2, width: width) }.joined()
        return out
    }

    /// The section's short name in the score table; "in all" for nil.
    static func sectionName(_ section: LessonSection?, _ language: Language) -> String {
        switch section {
        case .forward?: return Message.checkSectionForward.text(language)
        case .loss?: return Message.checkSectionLoss.text(language)
        case .bptt?: return Message.checkSectionBPTT.text(language)
        case .accumulation?: return Message.checkSectionAccumulation.text(language)
        case .update?: return Message.checkSectionUpdate.text(language)
        case .some: return Message.checkSectionOther.text(language)
        case nil: return Message.checkScoreTotal.text(language)
        }
    }

    /// Each mistake that explains two or more wrong marks, once, numbered, with its count and its
    /// first keys ("z 和 1 − z 放反了：…  共 24 处，从 t1.h[1] 起：t1.h[1]、t2.h[1]、…").
    public static func repeatedMistakes(_ groups: [DiagnosisGroup], config: ModelConfig, language: Language,
                                        ascii: Bool = false, width: Int = TextRenderer.width) -> String {
        guard !groups.isEmpty else { return "" }
        let show = { (text: String) in ascii ? Notation.ascii(text) : text }
        var out = "\n" + show(Message.checkRepeatedHeading.text(language)) + "\n"
        for (n, group) in groups.enumerated() {
            let first = group.keys[0]
            let words = group.diagnosis.explanation(language, config, variant: group.variant, t: nil)
            let keys = group.keys.prefix(6).map(\.description) + (group.keys.count > 6 ? ["…"] : [])
            out += wrapped(show(words), label: "  [\(n + 1)] ", hang: 6, width: width)
            out += wrapped(show(Message.checkRepeatedCount.text(language, String(group.keys.count), first.description,
                                                                keys.joined(separator: Message.checkOriginSeparator.text(language)))),
                           label: "      ", hang: 8, width: width)
        }
        return out
    }

    /// The counts (unless `counts` is false: the text report opens with them) and the first
    /// genuine mistake, with its diagnosis.
    public static func summary(_ report: CheckReport, config: ModelConfig, language: Language, digits: Int = 4,
                               ascii: Bool = false, width: Int = TextRenderer.width, counts: Bool = true) -> String {
        let s = report.summary
        var lines: [String] = []
        if counts {
            lines.append(Message.checkSummary.text(language, String(s.correct), String(s.followThrough), String(s.wrong), String(s.unanswered)))
            if s.notOnSheet > 0 { lines[0] += Message.sentenceSeparator.text(language) + Message.checkNotOnSheet.text(language, String(s.notOnSheet)) }
        }
        if let first = s.firstMistake, let given = first.given {
            let decimals = max(digits, given.decimals)
            lines.append(Message.checkFirstMistake.text(language, String(first.line), first.key.description, given.written,
                                                        NumberFormat(digits: decimals).value(first.expected)))
            if let diagnosis = first.diagnosisText(language, config) { lines.append(diagnosis) }
        } else if s.correct + s.followThrough == 0 {
            lines.append(Message.checkNothingAnswered.text(language))
        } else {
            lines.append(Message.checkNoMistake.text(language))
        }
        return lines.map { wrapped(ascii ? Notation.ascii($0) : $0, label: "", hang: 2, width: width) }.joined()
    }

    /// `label` and then `text`, in lines of at most `width` columns: the first after the label,
    /// the others `hang` columns in, so that they read as part of the same item. Text breaks at
    /// spaces (and between Chinese characters); a formula only before ` + ` and after `=`, never
    /// inside a key or a number, nor around another operator (`1 − z` stays whole), and
    /// `t1.z[1] = 0.5987` stays on one line.
    static func wrapped(_ text: String, label: String, hang: Int, width: Int) -> String {
        let lines = DisplayWidth.wrap(text, width: max(width - hang, 1), firstWidth: max(width - DisplayWidth.of(label), 1),
                                      keepTogether: keepTogether)
        let indent = String(repeating: " ", count: hang)
        return lines.enumerated().map { ($0.offset == 0 ? label : indent) + $0.element + "\n" }.joined()
    }

    /// Whether a line may not break at the space between `before` and `after` (see `wrapped`).
    static func keepTogether(_ before: String, _ after: String) -> Bool {
        if after == "+" { return false }
        if before == "=" { return isNumber(after) }
        return operators.contains(before) || operators.contains(after)
    }

    /// Operators written with a space either side, in Unicode and in ASCII.
    private static let operators: Set<String> = ["=", "+", "−", "-", "·", "*", "⊙", ".*", "×", "/"]

    /// `0.5987`, `−0.0456`, `2，` or `0.1855.`: a number, perhaps with the punctuation after it.
    private static func isNumber(_ word: String) -> Bool {
        var body = Substring(word)
        while let last = body.last, ",，、;；.。)）".contains(last) { body = body.dropLast() }
        if let first = body.first, first == "−" || first == "-" { body = body.dropFirst() }
        return body.contains(where: \.isNumber) && body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// The report for course platforms, the same in every language:
    ///
    ///     {"format": "gru-explain.check/1", "lesson": "lesson1",
    ///      "results": [{"key", "line", "status", "given", "expected", "diagnosis", …}, …],
    ///      "summary": {"correct", "follow_through", "wrong", "unanswered", "not_on_sheet", "first_mistake",
    ///                  "by_section": {"forward": {"answered", "correct", "follow_through", "wrong",
    ///                                 "unanswered", "on_sheet", "in_lesson"}, …}, "score"}}
    ///
    /// `by_section` has the sections the sheet has lines for; `score` is (correct +
    /// follow-through) / answered, or null when nothing is answered.
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
        var bySection = JSONObject()
        for section in report.bySection {
            var o = JSONObject()
            o["answered"] = .int(section.answered)
            o["correct"] = .int(section.correct)
            o["follow_through"] = .int(section.followThrough)
            o["wrong"] = .int(section.wrong)
            o["unanswered"] = .int(section.unanswered)
            o["on_sheet"] = .int(section.onSheet)
            o["in_lesson"] = .int(section.inLesson)
            bySection[section.section?.rawValue ?? "all"] = .object(o)
        }
        summary["by_section"] = .object(bySection)
        summary["score"] = report.total.score.map { .double($0) } ?? .null
        let (earned, outOf) = report.worksheetScore
        summary["worksheet_score"] = outOf > 0 ? .double(Double(earned) / Double(outOf)) : .null
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

    /// The inputs as the student has them: "your t1.h[1] = 0.2767, t1.h[2] = 0.2767" for what they
    /// wrote (as written; one "your" / "你写的" for each run of them), "t1.y[1] = 0.3311 (carried
    /// from your t1.h[1])" for what follows from it.
    private static func carried(_ values: [CarriedValue], _ number: (TraceKey, Double) -> String, _ language: Language) -> String {
        let separator = Message.checkListSeparator.text(language)
        var parts: [String] = [], written: [String] = []
        func closeWritten() {
            if !written.isEmpty { parts.append(Message.checkYourWritten.text(language, written.joined(separator: separator))) }
            written = []
        }
        for v in values {
            if let w = v.written { written.append("\(v.key) = \(w.written)"); continue }
            closeWritten()
            let shown = v.origins.prefix(3).map(\.description) + (v.origins.count > 3 ? ["…"] : [])
            parts.append(Message.checkCarried.text(language, "\(v.key) = \(number(v.key, v.value))",
                                                   shown.joined(separator: Message.checkOriginSeparator.text(language))))
        }
        closeWritten()
        return parts.joined(separator: separator)
    }

    private static func listing(_ entries: [TraceEntry], _ number: (TraceKey, Double) -> String, _ language: Language) -> String {
        entries.map { "\($0.key) = \(number($0.key, $0.value))" }.joined(separator: Message.checkListSeparator.text(language))
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}

private extension String {
    /// Without the spaces at the end (a table's last column may be empty).
    func trimmingSuffixSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
