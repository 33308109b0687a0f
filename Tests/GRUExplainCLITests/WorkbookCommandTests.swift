import Foundation
import Testing
@testable import GRUExplainCLI
import GRUCore
import GRUCheck
import GRULessons
import GRUJSON

/// `gru-explain workbook`: the page on the command line, and the data it embeds. The page in a
/// browser: Tests/GRURenderTests/WorkbookBrowserTests.swift.
@Suite struct WorkbookCommandTests {
    /// The JSON inside `<script type="application/json" id="gru-data">`.
    static func data(_ html: String) -> [String: Any]? {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"gru-data\">\n"),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))) as? [String: Any]
    }

    @Test func lesson1IsOneSelfContainedPageUnderOneMegabyte() throws {
        let r = runCLI(["workbook", "lesson1", "--lang", "both"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\" data-lang=\"zh\">"))   // both opens in the locale's
        #expect(runCLI(["workbook", "lesson1", "--lang", "both"]).stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-lang=\"en\">"))
        #expect(r.stdout.contains("data-set-lang=\"en\""))
        #expect(r.stdout.utf8.count < 1_000_000, "lesson1's workbook is \(r.stdout.utf8.count) bytes")
        for reference in ["http://", "https://", "src=", "@import", "url(", "<link"] {
            #expect(!r.stdout.contains(reference), "the page refers to something outside itself: \(reference)")
        }
        let data = try #require(Self.data(r.stdout), "no embedded data")
        #expect(data["format"] as? String == "gru-explain.workbook/1")
        #expect(data["languages"] as? [String] == ["zh", "en"])
        // The worksheet's 259 keys of lesson1 (docs/check.md), all in the tables.
        let tables = data["tables"] as? [[String: Any]] ?? []
        let fields = tables.flatMap { ($0["groups"] as? [[String: Any]] ?? []).flatMap { $0["keys"] as? [String] ?? [] } }
        #expect(fields.count == 259)
        #expect(Array(Set(tables.compactMap { $0["section"] as? String })).sorted() == ["accumulation", "bptt", "forward", "loss", "update"])
    }

    @Test func oneLanguageCarriesOnlyThatLanguageOnThePage() {
        let en = runCLI(["workbook", "lesson2", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-lang=\"en\">"))
        #expect(!en.stdout.contains("data-set-lang=\""))
        let zh = runCLI(["workbook", "lesson1"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\" data-lang=\"zh\">"))
    }

    /// Every formula the page evaluates is the FormulaBook's, and every given the lesson's, read
    /// back from the JSON (with GRUJSON, which reads numbers exactly, as a browser does).
    @Test(arguments: ["lesson1", "lesson2", "lesson3"])
    func everyFormulaIsTheFormulaBooks(_ id: String) throws {
        let lesson = try LessonLibrary.load(id)
        let trace = try Trace.record(lesson.problem, trained: false)
        let book = FormulaBook(trace)
        let html = runCLI(["workbook", id, "--lang", "en"]).stdout
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"gru-data\">\n"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        guard case .object(let data) = try JSONParser.parse(String(html[start.upperBound..<end.lowerBound])),
              case .array(let keys)? = data["keys"] else { Issue.record("no keys"); return }
        #expect(keys.count == trace.keys.filter { $0.stage < .training }.count)
        for (entryValue, expectedKey) in zip(keys, trace.keys) {
            guard case .object(let entry) = entryValue, case .string(let name)? = entry["key"], let key = TraceKey(name) else {
                Issue.record("an entry without a key"); continue
            }
            #expect(key == expectedKey)
            if key.stage == .given {
                if case .number(let n)? = entry["given"] { #expect(n.value == trace.value(at: key), "\(key)") } else { Issue.record("\(key): no value") }
                continue
            }
            #expect(entry["formula"].flatMap(Self.formula) == book.formula(for: key), "\(key)")
            guard case .array(let mistakes)? = entry["mistakes"] else { Issue.record("\(key): no mistakes"); continue }
            let expected = book.mistakes(for: key)
            #expect(mistakes.count == expected.count, "\(key)")
            for (m, e) in zip(mistakes, expected) {
                guard case .object(let o) = m, case .string(let code)? = o["diagnosis"] else { Issue.record("\(key): a mistake"); continue }
                #expect(code == e.diagnosis.rawValue && o["formula"].flatMap(Self.formula) == e.formula, "\(key)")
            }
        }
    }

    /// WorkbookRenderer.encode read back.
    static func formula(_ json: JSONValue) -> Formula? {
        switch json {
        case .string(let key): return TraceKey(key).map(Formula.value)
        case .number(let c): return .constant(c.value)
        case .array(let a):
            guard case .string(let op)? = a.first else { return nil }
            let operands = a.dropFirst().map(formula)
            guard operands.allSatisfy({ $0 != nil }) else { return nil }
            let f = operands.map { $0! }
            switch (op, f.count) {
            case ("+", _): return .sum(f)
            case ("*", _): return .product(f)
            case ("-", 2): return .difference(f[0], f[1])
            case ("sq", 1): return .square(f[0])
            case ("sigmoid", 1): return .sigmoid(f[0])
            case ("tanh", 1): return .tanh(f[0])
            default: return nil
            }
        default: return nil
        }
    }

    /// A student's own numbers: `--student 2026017` is variant 659902 (its worksheet's header, as
    /// `worksheet --student` writes it), whose Wz is 0.5 in both rows, not lesson1's 0.3 (`run
    /// lesson1 --student 2026017 --format tsv`; lesson1's identical rows stay identical). The sheet
    /// the page downloads names the variant and the student, so that `check` marks it against them.
    @Test func aStudentsWorkbookHasTheirVariant() throws {
        let html = runCLI(["workbook", "lesson1", "--student", "2026017", "--lang", "en"]).stdout
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"gru-data\">\n"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        guard case .object(let data) = try JSONParser.parse(String(html[start.upperBound..<end.lowerBound])),
              case .object(let sheets)? = data["worksheet"], case .string(let sheet)? = sheets["en"],
              case .array(let keys)? = data["keys"] else { Issue.record("no worksheet in the page"); return }
        #expect(sheet.contains("\n# variant: 659902\n# student: 2026017\n"), "\(sheet.prefix(400))")
        let tsv = runCLI(["run", "lesson1", "--student", "2026017", "--format", "tsv"]).stdout
        let wz = tsv.split(separator: "\n").first { $0.hasPrefix("param.Wz[1][1]\t") }.map { Double($0.split(separator: "\t")[1]) ?? .nan }
        let given = keys.compactMap { entry -> Double? in
            guard case .object(let e) = entry, case .string("param.Wz[1][1]")? = e["key"], case .number(let n)? = e["given"] else { return nil }
            return n.value
        }
        #expect(given.count == 1 && given.first == wz && wz != 0.3, "page \(given), run \(String(describing: wz))")
    }

    @Test func badArgumentsAreOneLine() {
        let lang = runCLI(["workbook", "lesson1", "--lang", "fr"])
        #expect(lang.status == 2)
        #expect(lang.stderr == "gru-explain: workbook: --lang must be zh, en or both, found 'fr'\n")
        let none = runCLI(["workbook"])
        #expect(none.status == 2 && none.stderr.contains("workbook: which lesson?"))
        let help = runCLI(["workbook", "--help"])
        #expect(help.status == 0 && help.stdout.contains("zh|en|both") && help.stdout.contains("docs/workbook.md"))
    }

    @Test func writesTheFileGiven() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = runCLI(["workbook", "lesson1", "--lang", "zh", "-o", file.path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    /// A lesson's own text cannot end the page's script: a title with "</script>" and "<!--" is
    /// escaped in the HTML and in the embedded JSON, and reads back whole.
    @Test func aLessonsTextStaysText() throws {
        let title = "</script><!--<script>alert(1)</script>"
        var json = try String(contentsOf: repository.appendingPathComponent("lessons/lesson1.json"), encoding: .utf8)
        json = json.replacing("How a GRU learns \\\"add 1\\\": parameter learning, number by number", with: title)
        #expect(json.contains(title))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-title-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try json.write(to: file, atomically: true, encoding: .utf8)
        let r = runCLI(["workbook", file.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains(title))
        #expect(r.stdout.components(separatedBy: "</script>").count == 3)     // the data's and the script's own
        let data = try #require(Self.data(r.stdout))
        #expect((data["title"] as? [String: String])?["en"] == "lesson1: workbook for a hand calculation · " + title)
    }
}
