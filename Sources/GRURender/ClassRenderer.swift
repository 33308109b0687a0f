import GRUCore
import GRUJSON
import GRULessons
import GRUCheck

/// `gru-explain check LESSON PATH…` with several sheets: the class summary as text, the
/// gradebook as CSV, every sheet's marks and the class's counts as JSON, and one sheet's
/// Gradescope results.json (docs/check.md, "For instructors").
public enum ClassRenderer {

    /// A score as a percentage with one decimal (`87.5`), or "" without questions.
    static func percent(_ earned: Int, _ out: Int) -> String {
        guard out > 0 else { return "" }
        let tenths = (earned * 1000 + out / 2) / out
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func sectionName(_ section: LessonSection, _ language: Language) -> String {
        switch section {
        case .forward: return Message.classSectionForward.text(language)
        case .loss: return Message.classSectionLoss.text(language)
        case .bptt: return Message.classSectionBPTT.text(language)
        case .accumulation: return Message.classSectionAccumulation.text(language)
        case .update: return Message.classSectionUpdate.text(language)
        default: return section.rawValue
        }
    }

    /// The short name of a known mistake, for the tally: "z 和 1 − z 放反了".
    static func diagnosisName(_ d: Diagnosis, _ language: Language) -> String {
        let message: Message
        switch d {
        case .updateConvention: message = .classDiagnosisUpdateConvention
        case .resetPlacement: message = .classDiagnosisResetPlacement
        case .recurrentTermForgotten: message = .classDiagnosisRecurrentTermForgotten
        case .missingSigmoidDerivative: message = .classDiagnosisMissingSigmoidDerivative
        case .missingTanhDerivative: message = .classDiagnosisMissingTanhDerivative
        case .signError: message = .classDiagnosisSignError
        case .notSummedOverTimesteps: message = .classDiagnosisNotSummedOverTimesteps
        case .lossHalfFactor: message = .classDiagnosisLossHalfFactor
        case .hInsteadOfHPrev: message = .classDiagnosisHInsteadOfHPrev
        case .hPrevInsteadOfH: message = .classDiagnosisHPrevInsteadOfH
        }
        return message.text(language)
    }

    /// The class summary: a table with one line per sheet (file, student, variant, score, and
    /// the score of each section, in percent), the keys most often wrong, the known mistakes
    /// tallied by student, and the sheets that could not be read, each with its error.
    public static func text(_ report: ClassReport, lesson: String, language: Language, ascii: Bool = false) -> String {
        let show = { (text: String) in ascii ? Notation.ascii(text) : text }
        var out = show(Message.classTitle.text(language, lesson, String(report.sheets.count), String(report.marked.count),
                                          String(report.unreadable.count))) + "\n\n"
        let sections = Worksheet.sections.filter { s in report.marked.contains { $0.sections.contains { $0.section == s } } }
        let header = [Message.classColumnFile.text(language), Message.classColumnStudent.text(language),
                      Message.classColumnVariant.text(language), Message.classColumnScore.text(language)]
            + sections.map { sectionName($0, language) }
        var rows: [[String]] = [header]
        for sheet in report.sheets {
            let none = ascii ? "-" : "–"
            var row = [JSONWriter.oneLine(sheet.file), JSONWriter.oneLine(sheet.student ?? none), sheet.variant.map(String.init) ?? none]
            if let score = sheet.score {
                row.append(percent(score.earned, score.out))
                let bySection = sheet.sections
                row += sections.map { s in bySection.first { $0.section == s }.map { percent($0.earned, $0.inLesson) } ?? none }
            } else {
                row.append(Message.classUnreadable.text(language))
                row += sections.map { _ in "" }
            }
            rows.append(row)
        }
        let widths = header.indices.map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { c, cell in
                // Numbers right-aligned, names left-aligned.
                c >= 2 ? String(repeating: " ", count: widths[c] - DisplayWidth.of(cell)) + cell : DisplayWidth.pad(cell, to: widths[c])
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        let wrong = report.mostOftenWrong()
        if !wrong.isEmpty {
            out += "\n" + Message.classMostOftenWrong.text(language) + "\n"
            let keyWidth = wrong.map { $0.key.description.count }.max() ?? 0
            for entry in wrong {
                out += "  " + entry.key.description.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  "
                    + Message.classSheetsOf.text(language, String(entry.sheets), String(report.marked.count)) + "\n"
            }
        }
        let diagnoses = report.diagnosisCounts
        if !diagnoses.isEmpty {
            out += "\n" + Message.classMistakes.text(language) + "\n"
            for d in diagnoses {
                let students = (d.students == 1 ? Message.classOneStudent : Message.classStudents).text(language, String(d.students))
                out += "  " + show(Message.classTally.text(language, diagnosisName(d.diagnosis, language), students)) + "\n"
            }
        }
        let otherVariant = report.marked.filter { $0.variant == 0 && $0.report?.looksComputedFromOtherGivens == true }
        if !otherVariant.isEmpty {
            out += "\n" + CheckRenderer.wrapped(show(Message.classOtherVariant.text(language)), label: "", hang: 2, width: TextRenderer.width)
            for sheet in otherVariant { out += "  " + JSONWriter.oneLine(sheet.file) + "\n" }
        }
        if !report.unreadable.isEmpty {
            out += "\n" + Message.classNotRead.text(language) + "\n"
            for sheet in report.unreadable { out += "  " + (sheet.errors.first ?? sheet.file) + "\n" }
        }
        return out
    }

    /// The CSV columns: file, student, variant, answered, correct, follow_through, wrong,
    /// unanswered, score, score_<section> for each worksheet section, error.
    public static let csvColumns = ["file", "student", "variant", "answered", "correct", "follow_through", "wrong",
                                    "unanswered", "score"] + Worksheet.sections.map { "score_\($0.rawValue)" } + ["error"]

    /// The gradebook: a header row, then one row per file in the order of `report.sheets`
    /// (RFC 4180: fields with a comma, quote or line break in double quotes, lines ending CRLF).
    /// Scores are percentages with one decimal; a section the sheet has no line of is empty, and
    /// so is every count of a sheet that could not be read, whose error is in the last column.
    public static func csv(_ report: ClassReport) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        for sheet in report.sheets {
            var row = [sheet.file, sheet.student ?? "", sheet.variant.map(String.init) ?? ""]
            if let r = sheet.report, let score = sheet.score {
                let s = r.summary
                row += [s.correct + s.followThrough + s.wrong, s.correct, s.followThrough, s.wrong, s.unanswered].map(String.init)
                row.append(percent(score.earned, score.out))
                let bySection = sheet.sections
                row += Worksheet.sections.map { section in
                    bySection.first { $0.section == section }.map { percent($0.earned, $0.inLesson) } ?? ""
                }
                row.append("")
            } else {
                row += Array(repeating: "", count: 6 + Worksheet.sections.count)
                row.append(sheet.errors.first ?? "")
            }
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// Every sheet with its full single-sheet marks (`CheckRenderer.json`'s object, under
    /// "marks"; null for a sheet that could not be read, whose messages are in "errors"), and the
    /// class part: the counts, per key the count of each status, per diagnosis the students and
    /// marks.
    ///
    ///     {"format": "gru-explain.class/1", "lesson": "lesson1",
    ///      "sheets": [{"file", "student", "variant", "score", "sections": {"forward": {…}, …}, "errors", "marks"}, …],
    ///      "class": {"sheets", "marked", "unreadable", "keys": {"t1.z[1]": {"correct", …}, …},
    ///                "diagnoses": {"update_convention": {"students", "marks"}, …}}}
    public static func json(_ report: ClassReport, lesson: String) -> String {
        var sheets: [JSONValue] = []
        for sheet in report.sheets {
            var o = JSONObject()
            o["file"] = .string(sheet.file)
            o["student"] = sheet.student.map(JSONValue.string) ?? .null
            o["variant"] = sheet.variant.map(JSONValue.int) ?? .null
            if let score = sheet.score {
                o["score"] = .object(JSONObject([("earned", .int(score.earned)), ("out_of", .int(score.out))]))
                o["sections"] = .object(JSONObject(sheet.sections.map { s in
                    (s.section?.rawValue ?? "", JSONValue.object(JSONObject([
                        ("correct", .int(s.correct)), ("follow_through", .int(s.followThrough)), ("wrong", .int(s.wrong)),
                        ("unanswered", .int(s.unanswered)), ("earned", .int(s.earned)), ("out_of", .int(s.inLesson)),
                    ])))
                }))
            } else {
                o["score"] = .null
                o["sections"] = .null
            }
            o["errors"] = .array(sheet.errors.map(JSONValue.string))
            if let r = sheet.report, let config = sheet.config {
                let single = CheckRenderer.json(r, config: config, lesson: lesson)
                o["marks"] = (try? JSONParser.parse(single)) ?? .null
            } else {
                o["marks"] = .null
            }
            sheets.append(.object(o))
        }
        var keys = JSONObject()
        for entry in report.keyCounts {
            keys[entry.key.description] = .object(JSONObject(MarkStatus.allCases.map { ($0.rawValue, JSONValue.int(entry.counts[$0] ?? 0)) }))
        }
        var diagnoses = JSONObject()
        for d in report.diagnosisCounts {
            diagnoses[d.diagnosis.rawValue] = .object(JSONObject([("students", .int(d.students)), ("marks", .int(d.marks))]))
        }
        var whole = JSONObject()
        whole["sheets"] = .int(report.sheets.count)
        whole["marked"] = .int(report.marked.count)
        whole["unreadable"] = .int(report.unreadable.count)
        whole["keys"] = .object(keys)
        whole["diagnoses"] = .object(diagnoses)
        var root = JSONObject()
        root["format"] = .string("gru-explain.class/1")
        root["lesson"] = .string(lesson)
        root["sheets"] = .array(sheets)
        root["class"] = .object(whole)
        return JSONWriter.write(.object(root))
    }

    /// Gradescope's results.json for one sheet: `score` (points: one per worksheet key, earned
    /// when correct or follow-through), `output` (the text report), and one test per section
    /// with its `name`, `score`, `max_score` and `output` (its counts and its wrong keys).
    public static func gradescope(_ sheet: SheetMark, text: String, language: Language) -> String {
        var tests: [JSONValue] = []
        for s in sheet.sections {
            var lines = [Message.checkSummary.text(language, String(s.correct), String(s.followThrough), String(s.wrong), String(s.unanswered))]
            let wrong = sheet.report?.results.filter { $0.status == .wrong && $0.key.section == s.section } ?? []
            if !wrong.isEmpty { lines.append(Message.classWrongKeys.text(language, wrong.map(\.key.description).joined(separator: Message.listSeparator.text(language)))) }
            tests.append(.object(JSONObject([
                ("name", .string(s.section.map { Walkthrough.title($0).text(language) } ?? "")),
                ("score", .int(s.earned)),
                ("max_score", .int(s.inLesson)),
                ("output", .string(lines.joined(separator: "\n"))),
            ])))
        }
        var root = JSONObject()
        root["score"] = .int(sheet.score?.earned ?? 0)
        root["output"] = .string(text)
        root["tests"] = .array(tests)
        return JSONWriter.write(.object(root))
    }
}
