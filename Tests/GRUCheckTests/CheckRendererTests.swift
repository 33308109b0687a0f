import Testing
import GRUCore
import GRUJSON
import GRURender
@testable import GRUCheck

/// The check report as the student reads it (text, zh and en) and as a course platform reads it
/// (JSON). The marks come from the sheets of Sheets/make_sheets.py (see MarkingTests).
@Suite struct CheckRendererTests {
    let config = Fixtures.lesson1Trace.config

    /// Done-when of issue 4: one slip in z₁ is wrong once and followed through, in both languages.
    @Test(arguments: Language.allCases)
    func oneSlipInZ1(_ language: Language) throws {
        let report = try Fixtures.check("slip-z1.txt")
        let text = CheckRenderer.text(report, config: config, language: language)
        let lines = text.split(separator: "\n").map(String.init)
        let wrong = lines.filter { $0.hasPrefix("✗") }
        #expect(wrong.count == 1)
        #expect(wrong.first?.hasPrefix("✗ t1.z[1] ") == true)
        #expect(wrong.first?.contains("0.5897") == true && wrong.first?.contains("0.5987") == true)   // given, expected
        let followThrough = lines.filter { $0.hasPrefix("→") }
        #expect(followThrough.count == report.summary.followThrough)
        #expect(lines.first { $0.hasPrefix("→ t1.h[1] ") }?.contains("t1.z[1] = 0.5897") == true)
        let line = try #require(report.summary.firstMistake?.line)
        switch language {
        case .zh:
            #expect(followThrough.allSatisfy { $0.contains("后续正确") })
            #expect(text.contains("第一个真正的错误：第 \(line) 行 t1.z[1]，你写的是 0.5897，正确值是 0.5987。"))
            #expect(text.contains("汇总：正确 \(report.summary.correct)，后续正确 \(report.summary.followThrough)，错误 1，未作答 0。"))
        case .en:
            #expect(followThrough.allSatisfy { $0.contains("follow-through") })
            #expect(text.contains("First genuine mistake: t1.z[1] on line \(line): you wrote 0.5897, the lesson's value is 0.5987."))
            #expect(text.contains("Summary: \(report.summary.correct) correct, \(report.summary.followThrough) follow-through, 1 wrong, 0 unanswered."))
        }
    }

    @Test(arguments: Language.allCases)
    func aWrongMarkShowsDiagnosisFormulaAndNumbers(_ language: Language) throws {
        let report = try Fixtures.check("mistake-update_convention.txt")
        let text = CheckRenderer.text(report, config: config, language: language)
        let block = text.components(separatedBy: "\n").drop { !$0.hasPrefix("✗") }.prefix(4)
        #expect(block.count == 4)
        #expect(block.dropFirst().first?.contains("(1 − z)⊙hₜ₋₁ + z⊙h̃") == true)            // the diagnosis
        #expect(block.contains { $0.contains("t2.h[1] = t2.z[1]·t1.h[1] + (1 − t2.z[1])·t2.h_tilde[1]") })
        #expect(block.contains { $0.contains("t1.h[1] = 0.1855") })                            // the lesson's h₁
        // The diagnosis is repeated under the first mistake in the summary.
        #expect(text.hasSuffix(Diagnosis.updateConvention.explanation(language, config) + "\n"))
    }

    @Test func jsonForCoursePlatforms() throws {
        let report = try Fixtures.check("slip-z1.txt")
        let json = try JSONParser.parse(CheckRenderer.json(report, config: config, lesson: "lesson1"))
        guard case .object(let root) = json, case .array(let results)? = root["results"],
              case .object(let summary)? = root["summary"] else { Issue.record("not the documented shape"); return }
        #expect(root.keys == ["format", "lesson", "results", "summary"])
        #expect(results.count == 259)
        #expect(summary.keys == ["correct", "follow_through", "wrong", "unanswered", "not_on_sheet", "first_mistake"])
        #expect(summary["wrong"] == .int(1))
        guard case .object(let first)? = results.first(where: { if case .object(let o) = $0 { return o["status"] == .string("wrong") }; return false }) else {
            Issue.record("no wrong result"); return
        }
        #expect(first["key"] == .string("t1.z[1]"))
        #expect(first["diagnosis"] == .null)
        #expect(first["formula"] == .string("σ(t1.a_z[1])"))
        if case .number(let n)? = first["expected"] { #expect(n.value == Fixtures.lesson1Trace.value(at: TraceKey("t1.z[1]")!)) }
        // The same bytes whatever the language: the JSON carries both.
        let diagnosed = try Fixtures.check("mistake-sign_error.txt")
        let text = CheckRenderer.json(diagnosed, config: config, lesson: "lesson1")
        #expect(text.contains("\"diagnosis\": \"sign_error\""))
        #expect(text.contains("\"zh\": \"符号错了\"") && text.contains("\"en\": \"the sign is wrong\""))
    }

    @Test func everyDiagnosisIsExplainedInBothLanguages() {
        for d in Diagnosis.allCases {
            #expect(!d.explanation(.zh, config).contains("{") && !d.explanation(.en, config).contains("{"))
        }
    }
}
