import Foundation
import Testing
@testable import GRURender
import GRUCore
import GRULessons
import GRUCheck
import GRUJSON
import GRUTestSupport

/// The workbook page (`gru-explain workbook`) in headless Chromium, driven over the DevTools
/// protocol by Scripts/workbook_cdp.py:
/// - through real input (typing, Tab, Alt+H and a click for the hint, leaving a field, a reload,
///   the language switch, download and open, printing), in zh and en, on a desktop and a 360 px
///   phone;
/// - through the API: the same sheets marked by the page (`mark()`) and by `Marker` with
///   `CheckRenderer.json` (what `check --format json` prints) give the same object for every key,
///   on lesson1 and lesson2; the page reads numbers as `AnswerSheet` does; and after `set` the
///   page's values are the trace of the edited lesson (what `run` prints for the edited file).
///
/// Skipped like BrowserTests when Chromium or python3 is missing (under CI=true, a missing
/// Chromium fails).
@Suite struct WorkbookBrowserTests {
    static let enabled = BrowserTests.enabled && BrowserTests.python != nil

    /// `id` names a bundled lesson, or a variant of one: `lesson1-v5`.
    static func lesson(_ id: String) -> (Lesson, Trace) {
        let parts = id.components(separatedBy: "-v")
        var lesson = try! LessonLibrary.load(parts[0])
        if parts.count == 2, let n = Int(parts[1]) { lesson = try! lesson.variant(n) }
        return (lesson, try! Trace.record(lesson.problem, trained: false))
    }

    /// The page of `id`, written into the browser tests' folder under a name of its own (the tests
    /// run in parallel, and a page another test is still writing must not be read).
    static func page(_ id: String, languages: [Language], start: Language,
                     rule: WorkbookRenderer.MarkingRule = WorkbookRenderer.currentRule) -> URL {
        let (lesson, trace) = lesson(id)
        let file = BrowserTests.folder.appendingPathComponent("workbook-\(id)-\(languages.map(\.rawValue).joined())-\(rule)-\(UUID().uuidString.prefix(8)).html")
        try? Data(WorkbookRenderer.render(trace, lesson: lesson, languages: languages, start: start, rule: rule).utf8).write(to: file)
        return file
    }

    /// Runs the driver; its stdout, and whether it exited 0.
    static func drive(_ arguments: [String], alone: Bool = false) async throws -> (text: String, ok: Bool) {
        let (text, status) = try await BrowserTests.runScript("workbook_cdp.py", arguments, mergingStandardError: false, stopAfter: 240,
                                                              kind: alone ? .alone : .working)
        return (text, status == 0)
    }

    /// Evaluates each expression in the page, in order; their values.
    static func evaluate(_ page: URL, _ expressions: [String]) async throws -> [Any] {
        let file = BrowserTests.folder.appendingPathComponent("expressions-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONSerialization.data(withJSONObject: expressions).write(to: file)
        let (text, ok) = try await drive([page.path, "1280", "900", "eval", file.path])
        #expect(ok, "\(text.suffix(600))")
        let values = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [Any]
        return try #require(values, "no values from the page: \(text.prefix(300))")
    }

    static func quoted(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }

    // MARK: - Real input

    struct Run: CustomStringConvertible, Sendable {
        var lesson: String, languages: [Language], start: Language, width: Int, height: Int
        var description: String { "\(lesson) \(languages.map(\.rawValue).joined(separator: "+")) from \(start.rawValue) at \(width)x\(height)" }
    }

    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"),
          arguments: [Run(lesson: "lesson1", languages: [.zh, .en], start: .zh, width: 1280, height: 900),
                      Run(lesson: "lesson1", languages: [.en], start: .en, width: 360, height: 740),
                      Run(lesson: "lesson1", languages: [.zh], start: .zh, width: 360, height: 740),
                      Run(lesson: "lesson1", languages: [.zh, .en], start: .en, width: 1280, height: 900)])
    func realInput(_ run: Run) async throws {
        let page = Self.page(run.lesson, languages: run.languages, start: run.start)
        let shot = BrowserTests.screenshots.appendingPathComponent("workbook-\(run.lesson)-\(run.start.rawValue)-\(run.width)x\(run.height).png")
        // Real input, a reload and a download: with no other working child beside it (ChildProcess.Kind.alone).
        let (text, ok) = try await Self.drive([page.path, String(run.width), String(run.height), "input", shot.path], alone: true)
        #expect(ok, "\(run): \(text)")
        #expect(text.hasSuffix("OK\n"), "\(run): \(text)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot.lastPathComponent) is not a PNG")
        print("Screenshot of the workbook: \(shot.path)")
    }

    // MARK: - The page marks as check does

    /// lesson1's or lesson2's worksheet filled with `value(key)` (blank where nil).
    static func sheet(_ trace: Trace, _ lesson: Lesson, _ language: Language, _ value: (TraceKey) -> String?) -> String {
        let blank = WorksheetRenderer.render(trace, lesson: lesson, options: RenderOptions(language: language))
        return blank.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasSuffix(" ="), let key = TraceKey(String(line.dropLast(2))), let v = value(key) else { return String(line) }
            return line + " " + v
        }.joined(separator: "\n")
    }

    static func decimals(_ v: Double, _ d: Int) -> String { String(format: "%.\(d)f", v) }
    /// Cut, not rounded: 0.59868 → 0.5986.
    static func truncated(_ v: Double, _ d: Int) -> String {
        let s = String(format: "%.\(d + 6)f", v)
        return String(s.dropLast(6))
    }

    /// The sheets of the cross-check, by name: correct and rounded at 2 to 6 decimals, truncated,
    /// every sub-result rounded as a calculator user does, the same with σ and tanh from rounded
    /// exponentials (HandStudent, .exponentials: on variant 5 of lesson1 this gives z₁ = 0.6342
    /// where σ gives 0.6341), a slip carried through, every known
    /// mistake (each on every key it applies to), sign errors, a half-answered sheet with the
    /// forms students type (full-width, U+2212, '?').
    static func sheets(_ trace: Trace, _ lesson: Lesson, _ language: Language) -> [(name: String, text: String, diagnosis: Diagnosis?)] {
        let book = FormulaBook(trace)
        let asked = Worksheet.groups(trace).flatMap(\.keys)
        let truth = { (k: TraceKey) in trace.value(at: k) ?? .nan }
        var out: [(String, String, Diagnosis?)] = []
        for d in [2, 3, 4, 5, 6] { out.append(("rounded to \(d)", sheet(trace, lesson, language) { decimals(truth($0), d) }, nil)) }
        out.append(("truncated to 4", sheet(trace, lesson, language) { truncated(truth($0), 4) }, nil))
        // Each value computed from the student's own rounded values, then rounded.
        func carried(exponentials: Bool = false, _ change: (TraceKey, Double) -> Double) -> String {
            var mine: [TraceKey: Double] = [:]
            for key in trace.keys where key.stage < .training {
                let lookup = { (k: TraceKey) in mine[k] ?? truth(k) }
                let exact = book.formula(for: key).map { f in
                    exponentials ? HandStudent.evaluate(f, lookup, activation: .exponentials) { HandStudent.round($0, 4) } : f.evaluate(lookup)
                } ?? truth(key)
                mine[key] = key.stage == .given ? exact : (change(key, exact) * 1e4).rounded() / 1e4
            }
            return sheet(trace, lesson, language) { decimals(mine[$0] ?? .nan, 4) }
        }
        out.append(("every sub-result rounded", carried { $1 }, nil))
        out.append(("every sub-result rounded, σ and tanh from exponentials", carried(exponentials: true) { $1 }, nil))
        let slip = TraceKey(t: 1, .step(.z), [1])
        out.append(("a slip in t1.z[1], carried", carried { $0 == slip ? $1 + 0.1 : $1 }, nil))
        for diagnosis in Diagnosis.allCases where diagnosis != .signError {
            var wrong: [TraceKey: Double] = [:]
            for key in asked {
                if let m = book.mistakes(for: key).first(where: { $0.diagnosis == diagnosis }) { wrong[key] = m.formula.evaluate(truth) }
            }
            // lesson1's rows are equal and h₀ = 0: the reset gate's place changes no value there.
            guard wrong.contains(where: { decimals($0.value, 4) != decimals(truth($0.key), 4) }) else { continue }
            out.append((diagnosis.rawValue, sheet(trace, lesson, language) { decimals(wrong[$0] ?? truth($0), 4) }, diagnosis))
        }
        out.append(("sign errors", sheet(trace, lesson, language) { key in
            let v = truth(key)
            return decimals((asked.firstIndex(of: key) ?? 0) % 5 == 0 && abs(v) > 0.01 ? -v : v, 4)
        }, .signError))
        out.append(("half answered, as typed", sheet(trace, lesson, language) { key in
            let n = asked.firstIndex(of: key) ?? 0
            switch n % 4 {
            case 0: return nil
            case 1: return "?"
            case 2: return decimals(truth(key), 4).replacing("-", with: "−")
            default: return String(decimals(truth(key), 3).unicodeScalars.map { s in
                ("0"..."9").contains(Character(s)) || s == "." ? Character(Unicode.Scalar(s.value + 0xFEE0)!) : Character(s)
            })
            }
        }, nil))
        return out
    }

    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"),
          arguments: [("lesson1", Language.zh), ("lesson2", Language.en), ("lesson1-v5", Language.en)])
    func marksAsCheckDoes(_ id: String, _ language: Language) async throws {
        let (lesson, trace) = Self.lesson(id)
        let page = Self.page(id, languages: [language], start: language)
        let sheets = Self.sheets(trace, lesson, language)
        let expressions = sheets.map { s in
            "JSON.stringify((function(){var f = gruExplain.fill(\(Self.quoted(s.text))); return {fill: f, answers: gruExplain.answers(), mark: gruExplain.mark()};})())"
        }
        let values = try await Self.evaluate(page, expressions)
        #expect(values.count == sheets.count)
        for (s, value) in zip(sheets, values) {
            let page = try #require((try? JSONSerialization.jsonObject(with: Data(((value as? String) ?? "").utf8))) as? [String: Any])
            let answers = page["answers"] as? String ?? ""
            // The page's sheet is the sheet it was given, so that the line numbers are the same.
            #expect(answers == s.text + (s.text.hasSuffix("\n") ? "" : "\n"), "\(id) \(s.name): answers() differs from the sheet filled in")
            let report = try Marker.check(Array(answers.utf8), against: trace)
            let json = CheckRenderer.json(report, config: trace.config, lesson: lesson.id)
            let check = try #require((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any])
            var differences: [String] = []
            var mark = page["mark"] as? [String: Any] ?? [:]
            // Issue 11 adds summary.by_section and summary.score to check's JSON; the page has
            // them already, and they are compared wherever check has them too.
            if var summary = mark["summary"] as? [String: Any], let checkSummary = check["summary"] as? [String: Any] {
                for member in ["by_section", "score"] where checkSummary[member] == nil { summary[member] = nil }
                mark["summary"] = summary
            }
            Self.compare(check, mark, path: "", into: &differences)
            #expect(differences.isEmpty, "\(id) \(s.name): the page marks differently from check: \(differences.prefix(8))")
            if s.name == "half answered, as typed", let summary = (page["mark"] as? [String: Any])?["summary"] as? [String: Any] {
                // Every other key answered (n % 4 == 2 or 3 of the keys in computing order).
                let sections = summary["by_section"] as? [String: [String: Int]] ?? [:]
                #expect(sections.keys.sorted() == ["accumulation", "bptt", "forward", "loss", "update"])
                #expect(sections.values.map { $0["on_sheet"] ?? 0 }.reduce(0, +) == report.results.count)
                #expect(sections.values.map { $0["answered"] ?? 0 }.reduce(0, +) == report.summary.correct + report.summary.followThrough + report.summary.wrong)
                #expect(summary["score"] as? Double == 1)
            }
            if let d = s.diagnosis {
                #expect(report.results.contains { $0.diagnosis == d }, "\(id) \(s.name): check diagnoses none of them")
            }
            print("\(id) \(s.name): \(report.summary.correct) correct, \(report.summary.followThrough) follow-through, \(report.summary.wrong) wrong, \(report.summary.unanswered) unanswered — the page agrees")
        }
    }

    /// Every member equal, numbers within 1e-9 relative (the page computes with the browser's exp
    /// and tanh, which may differ from the C library's in the last bit).
    static func compare(_ a: Any, _ b: Any, path: String, into differences: inout [String]) {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            if Set(x.keys) != Set(y.keys) { differences.append("\(path): members \(x.keys.sorted()) vs \(y.keys.sorted())"); return }
            for k in x.keys.sorted() { compare(x[k]!, y[k]!, path: path + "." + k, into: &differences) }
        case (let x as [Any], let y as [Any]):
            if x.count != y.count { differences.append("\(path): \(x.count) vs \(y.count) entries"); return }
            for (n, (u, v)) in zip(x, y).enumerated() {
                let name = (u as? [String: Any])?["key"] as? String ?? String(n)
                compare(u, v, path: path + "[\(name)]", into: &differences)
            }
        case (let x as String, let y as String):
            if x != y { differences.append("\(path): \(x) vs \(y)") }
        case (let x as NSNumber, let y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            if abs(u - v) > 1e-9 * max(abs(u), abs(v)) + 1e-15 { differences.append("\(path): \(u) vs \(v)") }
        case (is NSNull, is NSNull): break
        default: differences.append("\(path): \(a) vs \(b)")
        }
    }

    // MARK: - Reading numbers, what if

    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"))
    func readsNumbersAsTheSheetDoes() async throws {
        let corpus = ["0.5987", "-0.0456", "−0.0456", "０．５９８７", "0.5987。", "0。5987", "+2", ".5", "5.", "5.987e-1", "6E-1",
                      "1.854e-1", "12", "0", "0.00", "  0.5 ", "0.5 # a note", "0,5", "1e999", "nan", "inf", "0x1p-2", "1/2",
                      "(1-0.5987)*0.4621", "0.59 87", "abc", "１２", "−０．１", "1e-05", "-0", "1.2.3", "e5", ".",
                      // Issue 11 reads these too; the page's data says how (WorkbookRenderer.reading).
                      "0.5987，", "0.5987;", "0.5987；", "0.5987.", "≈0.5987", "~0.5987", "～0.5987", "59.87%", "59.87％",
                      "– 0.5987", "—0.5987", "− 0.5987", "- 0.5987", "5%", "%", "0.5987、"]
        try await Self.expectPageReadsAsSheet(corpus, page: Self.page("lesson1", languages: [.en], start: .en))
    }

    /// Givens changed through the API, then every value against the trace of the lesson with the
    /// same changes (`Trace.record` of the edited problem, which `run` prints for the edited file).
    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"),
          arguments: ["lesson1", "lesson2"])
    func whatIfEqualsTheEditedLesson(_ id: String) async throws {
        let (lesson, trace) = Self.lesson(id)
        var problem = lesson.problem
        let c = problem.config
        var edits: [(String, Double)] = [("param.Wz[1][1]", 0.41), ("h0[1]", 0.1), ("t2.x[1]", 2.5), ("t1.target[1]", 1.5), ("lr", 0.1),
                                         ("param.Uh[2][1]", -0.3), ("param.by[1]", 0.25)]
        problem.parameters[.Wz][0] = 0.41
        problem.h0[0] = 0.1
        problem.sequences[0].inputs[1][0] = 2.5
        problem.sequences[0].targets[0][0] = 1.5
        problem.learningRate = 0.1
        problem.parameters[.Uh][c.hiddenSize] = -0.3
        problem.parameters[.by][0] = 0.25
        if c.reset == .afterMatmul {
            edits.append(("param.bhn[2]", 0.2))
            problem.parameters[.bhn][1] = 0.2
        }
        let edited = try Trace.record(problem, trained: false)
        let page = Self.page(id, languages: [.en], start: .en)
        let all = "JSON.stringify(gruExplain.data.keys.map(function (e) { return [e.key, gruExplain.value(e.key)]; }))"
        let values = try await Self.evaluate(page, [all] + edits.map { "gruExplain.set(\(Self.quoted($0.0)), \($0.1))" } + [all, "gruExplain.reset()", all])
        func check(_ value: Any, against t: Trace, _ what: String) {
            let pairs = (try? JSONSerialization.jsonObject(with: Data(((value as? String) ?? "[]").utf8))) as? [[Any]] ?? []
            #expect(pairs.count == t.keys.filter { $0.stage < .training }.count, "\(id) \(what): \(pairs.count) keys")
            var off: [String] = []
            for pair in pairs {
                guard let name = pair.first as? String, let key = TraceKey(name), let v = (pair.last as? NSNumber)?.doubleValue,
                      let expected = t.value(at: key) else { off.append("\(pair)"); continue }
                if abs(v - expected) > 1e-9 * max(abs(expected), 1e-3) { off.append("\(name): page \(v), run \(expected)") }
            }
            #expect(off.isEmpty, "\(id) \(what): \(off.prefix(8))")
        }
        check(values[0], against: trace, "as the lesson")
        check(values[1 + edits.count], against: edited, "edited")
        check(values[values.count - 1], against: trace, "after reset")
        // The edit changes what matters: the loss and every update differ from the lesson's.
        #expect(edited.value(at: TraceKey(.loss)) != trace.value(at: TraceKey(.loss)))
    }

    // MARK: - Issue 11's rule

    /// The page's rule (issue 11, HonestComputation) on the issue's own lesson1 examples. Hand
    /// calculation: z₁ = σ(0.4) =
    /// 0.598688, h̃₁ = 0.462117, h₁ = (1 − z₁)·h̃₁ = 0.185452; a student who writes z₁ = 0.60 but
    /// keeps 0.5987 gets (1 − 0.5987)·0.4621 = 0.18544 → 0.1854, which is correct (the rule before
    /// issue 11 marked it wrong). z₁ = 0.5990 from a_z = 0.4000 is wrong (σ(0.39995…0.40005) < 0.59870).
    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"))
    func honestRuleOnIssue11Examples() async throws {
        let sheet = "t1.a_z[1] = 0.4000\nt1.z[1] = 0.60\nt1.h_tilde[1] = 0.4621\nt1.h[1] = 0.1854\nt1.z[2] = 0.5990\n"
        let expression = "gruExplain.fill(\(Self.quoted(sheet))); JSON.stringify(gruExplain.mark().results.filter(function (r) { return r.status !== 'unanswered'; }).map(function (r) { return [r.key, r.status]; }))"
        var marks: [String: [String: String]] = [:]
        for rule in WorkbookRenderer.MarkingRule.allCases {
            let value = try await Self.evaluate(Self.page("lesson1", languages: [.en], start: .en, rule: rule), [expression]).first as? String ?? "[]"
            let pairs = (try? JSONSerialization.jsonObject(with: Data(value.utf8))) as? [[String]] ?? []
            marks[rule.rawValue] = Dictionary(uniqueKeysWithValues: pairs.map { ($0[0], $0[1]) })
        }
        #expect(marks["honest"] == ["t1.a_z[1]": "correct", "t1.z[1]": "correct", "t1.h_tilde[1]": "correct", "t1.h[1]": "correct", "t1.z[2]": "wrong"])
    }

    // MARK: - What a student reads

    /// The hint writes a negative number in parentheses where its sign meets an operator, as a
    /// teacher does: without them lesson2's tanh′ hint read `1 − −0.3195²`, which is 1 + 0.1021,
    /// not 1 − 0.1021. The numbers are lesson2's (`run lesson2 --format tsv --digits 4`, the
    /// PyTorch-matched trace; the parameters from lesson2.json). The page's total score has the
    /// catalogue's colon (zh `全部：`), and no box asks a phone for its decimal pad, which has no
    /// minus key on iOS.
    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"))
    func hintsAndScoreReadAsWritten() async throws {
        func hint(_ key: String) -> String {
            "(function () { document.querySelector(\"button.hint[data-key='\(key)']\").click(); "
                + "return document.getElementById('hint-\(key)').textContent.split('\\n')[1]; })()"
        }
        let en = try await Self.evaluate(Self.page("lesson2", languages: [.en], start: .en),
                                   [hint("t1.da_h[2]"), hint("t3.dh_prev[2]"), hint("update.Wz[2][1]"), hint("t1.loss"),
                                    "document.querySelectorAll('input[inputmode]').length"])
        #expect(en[0] as? String == "with the lesson's numbers: 1.0157·(1 − (−0.3195)²)")
        #expect(en[1] as? String == "with the lesson's numbers: 1.3019·0.2849 + (−0.3)·(−0.0454) + 0.6·0.1927 + "
                + "(−0.1)·(−0.0046) + 0.1·(−0.0087) + 0.4·0.2212 + 0.2·0.0999")
        #expect(en[2] as? String == "with the lesson's numbers: −0.2 − 0.05·0.7840")   // the first term keeps its bare sign
        #expect(en[3] as? String == "with the lesson's numbers: ½·(0.2904 − 2)²")
        #expect(en[4] as? Int == 0)
        // lesson1, zh: z₁ = σ(0.4) = 0.5987 typed into the page, one answer of 259.
        let zh = try await Self.evaluate(Self.page("lesson1", languages: [.zh], start: .zh),
                                   ["gruExplain.fill('t1.z[1] = 0.5987'); document.getElementById('score').textContent"])
        #expect(zh[0] as? String == "全部：已作答 1/259 · 正确 1 · 承前正确 0 · 错误 0")
        // The follow-through note names the written inputs once, as check does (CheckRendererTests
        // .writtenInputsAreNamedOnce): z and 1 − z swapped, h₁ = 0.5987·0.4621 = 0.2767, and
        // y₁ = 0.5·0.2767·2 + 0.1 = 0.3767.
        let note = try await Self.evaluate(Self.page("lesson1", languages: [.zh], start: .zh),
                                     ["gruExplain.fill('t1.h[1] = 0.2767\\nt1.h[2] = 0.2767\\nt1.y[1] = 0.3767'); "
                                        + "document.querySelector('tr[data-key=\"t1.y[1]\"] .note').textContent"])
        #expect(note[0] as? String == "用你前面的值来算，这一步是对的：你写的 t1.h[1] = 0.2767，t1.h[2] = 0.2767")
    }
}
