import Testing
import GRUCore
import GRUJSON
import GRULessons
import GRURender
@testable import GRUCheck
import GRUTestSupport

/// The check report as the student reads it (text, zh and en) and as a course platform reads it
/// (JSON). The marks come from the sheets of Sheets/make_sheets.py (see MarkingTests). Tests of
/// whole sentences read the report unwrapped (`width: .max`); LayoutTests and the golden files
/// hold it to 100 columns.
@Suite struct CheckRendererTests {
    let config = Fixtures.lesson1Trace.config

    /// The student's written inputs are introduced once ("你写的 a，b" / "your a, b"), not once each.
    /// Hand calculation on lesson1: z and 1 − z swapped gives h₁ = z₁·h̃₁ = 0.5987·0.4621 = 0.2767
    /// in both units, and y₁ = 0.5·0.2767 + 0.5·0.2767 + 0.1 = 0.3767, follow-through.
    @Test func writtenInputsAreNamedOnce() throws {
        let report = try Fixtures.check(text: "t1.h[1] = 0.2767\nt1.h[2] = 0.2767\nt1.y[1] = 0.3767\n")
        #expect(report["t1.y[1]"]?.status == .followThrough)
        let zh = CheckRenderer.text(report, config: config, language: .zh, width: .max)
        let en = CheckRenderer.text(report, config: config, language: .en, width: .max)
        #expect(zh.contains("用你前面的值来算，这一步是对的：你写的 t1.h[1] = 0.2767，t1.h[2] = 0.2767\n"), "\(zh)")
        #expect(en.contains("right from your t1.h[1] = 0.2767, t1.h[2] = 0.2767\n"), "\(en)")
    }

    /// Done-when of issue 4: one slip in z₁ is wrong once and followed through, in both languages.
    @Test(arguments: Language.allCases)
    func oneSlipInZ1(_ language: Language) throws {
        let report = try Fixtures.check("slip-z1.txt")
        let text = CheckRenderer.text(report, config: config, language: language, width: .max)
        let lines = text.split(separator: "\n").map(String.init)
        let wrong = lines.filter { $0.hasPrefix("✗") }
        #expect(wrong.count == 1)
        #expect(wrong.first?.hasPrefix("✗ t1.z[1] ") == true)
        #expect(wrong.first?.contains("0.5897") == true && wrong.first?.contains("0.5987") == true)   // given, expected
        let followThrough = lines.filter { $0.hasPrefix("→") }
        #expect(followThrough.count == report.summary.followThrough)
        #expect(lines.first { $0.hasPrefix("→ t1.h[1] ") }?.contains("t1.z[1] = 0.5897") == true)
        let line = try #require(report.summary.firstMistake?.line)
        // The report opens with the score: the whole sheet answered, one wrong.
        let (c, f) = (String(report.summary.correct), String(report.summary.followThrough))
        let total = try #require(lines.first { $0.hasPrefix(Message.checkScoreTotal.text(language)) })
        #expect(total.split(separator: " ").suffix(4).map(String.init) == ["259/259", c, f, "1"])
        switch language {
        case .zh:
            #expect(text.hasPrefix("成绩"))
            #expect(followThrough.allSatisfy { $0.contains("承前正确 · 本课的值 ") })
            #expect(text.contains("第一处错误（不计承前错误）：第 \(line) 行 t1.z[1]，你写的是 0.5897，正确值是 0.5987。"))
            #expect(text.contains("得分 99%：已作答的 259 个量中，258 个正确或承前正确。"))
        case .en:
            #expect(followThrough.allSatisfy { $0.contains("follow-through · the lesson's value ") })
            #expect(text.contains("First genuine mistake: t1.z[1] on line \(line): you wrote 0.5897, the lesson's value is 0.5987."))
            #expect(text.contains("Score 99%: 258 of the 259 values answered are correct or follow-through."))
        }
    }

    @Test(arguments: Language.allCases)
    func aWrongMarkShowsDiagnosisFormulaAndNumbers(_ language: Language) throws {
        let report = try Fixtures.check("mistake-update_convention.txt")
        let text = CheckRenderer.text(report, config: config, language: language, width: .max)
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
        // Issue 11 added by_section and score, after the fields that were there; worksheet_score
        // (the gradebook's score, unanswered keys counting 0) came after the newcomer review.
        #expect(summary.keys == ["correct", "follow_through", "wrong", "unanswered", "not_on_sheet", "by_section", "score",
                                 "worksheet_score", "first_mistake"])
        guard case .object(let sections)? = summary["by_section"], case .object(let forward)? = sections["forward"] else {
            Issue.record("no by_section"); return
        }
        #expect(sections.keys == ["forward", "loss", "bptt", "accumulation", "update"])
        #expect(forward.keys == ["answered", "correct", "follow_through", "wrong", "unanswered", "on_sheet", "in_lesson"])
        #expect(forward["wrong"] == .int(1) && forward["unanswered"] == .int(0))
        // 258 of 259 correct or follow-through.
        if case .number(let n)? = summary["score"] { #expect(n.value == 258.0 / 259) } else { Issue.record("no score") }
        // Every line answered: the gradebook's score is the same.
        if case .number(let n)? = summary["worksheet_score"] { #expect(n.value == 258.0 / 259) } else { Issue.record("no worksheet_score") }
        #expect(summary["wrong"] == .int(1))
        guard case .object(let first)? = results.first(where: { if case .object(let o) = $0 { return o["status"] == .string("wrong") }; return false }) else {
            Issue.record("no wrong result"); return
        }
        #expect(first["key"] == .string("t1.z[1]"))
        #expect(first["diagnosis"] == .null)
        #expect(first["formula"] == .string("σ(t1.a_z[1])"))
        if case .number(let n)? = first["expected"] { #expect(n.value == Fixtures.lesson1Trace.value(at: TraceKey("t1.z[1]")!)) }
        // A sheet with only t1.z[1] (right) and t1.z[2] (wrong) answered: 50% of what is
        // answered, 1 of the worksheet's 259 values for the gradebook (by hand).
        let two = try Fixtures.check(text: "t1.z[1] = 0.5987\nt1.z[2] = 0.9\n")
        let twoJSON = try JSONParser.parse(CheckRenderer.json(two, config: config, lesson: "lesson1"))
        if case .object(let root) = twoJSON, case .object(let s)? = root["summary"], case .number(let a)? = s["score"],
           case .number(let b)? = s["worksheet_score"] {
            #expect(a.value == 0.5 && b.value == 1.0 / 51)
        } else { Issue.record("no scores") }
        // The text names the gradebook's score only for a whole worksheet with lines left blank;
        // this sheet asks for two values, and its score is against what it asks for.
        #expect(!CheckRenderer.text(two, config: config, language: .en).contains("gradebook"))
        let blanks = try Fixtures.check(text: Worksheet.groups(Fixtures.lesson1Trace).flatMap(\.keys)
            .map { $0.description == "t1.z[1]" ? "t1.z[1] = 0.5987" : "\($0) =" }.joined(separator: "\n"))
        #expect(CheckRenderer.text(blanks, config: config, language: .en).replacingOccurrences(of: "\n  ", with: " ").contains(
            "Over the worksheet's 259 values (unanswered ones count 0, as in a class gradebook): 1, 0.4%."))
        // A wrong line beyond the worksheet (not scored) keeps the score below 100%.
        let lrWrong = try Fixtures.check(text: "lr = 0.5\nt1.z[1] = 0.5987\n")
        #expect(CheckRenderer.text(lrWrong, config: config, language: .en).contains("Score 99%"))
        // The same bytes whatever the language: the JSON carries both.
        let diagnosed = try Fixtures.check("mistake-sign_error.txt")
        let text = CheckRenderer.json(diagnosed, config: config, lesson: "lesson1")
        #expect(text.contains("\"diagnosis\": \"sign_error\""))
        #expect(text.contains("\"zh\": \"正负号反了\"") && text.contains("\"en\": \"the sign is wrong\""))
    }

    /// The sheet of a new-user trial: a slip in h₁[1], t1.y left blank, then the loss. lesson1:
    /// h₁ = 0.1855 (the seed); the student's y₁ = ½·0.2767 + ½·0.1855 + 0.1 = 0.3311 and their
    /// loss ½·(0.3311 − 2)² = 1.3926. 2.9397 is twice that (the ½ of the loss).
    static let trial = """
        # lesson1 手算工作表 · GRU
        t1.h[1] = 0.2767
        t1.h[2] = 0.1855
        t1.y[1] =
        t1.loss = 2.9397
        t3.dy[1] = -3.3643
        t3.dh[1] = −1.6822
        t3.da_h[1] = -0.0500
        """

    /// t1.y[1] = 0.3311 was carried from the slip in t1.h[1]; the student never wrote it, so the
    /// report must not quote it as theirs. Before the fix: "from your t1.y[1] = 0.3311 it gives 1.3926".
    @Test func carriedValuesAreNotQuotedAsTheStudentsOwn() throws {
        let report = try Fixtures.check(text: Self.trial)
        let loss = try #require(report["t1.loss"])
        #expect(loss.status == .wrong && loss.diagnosis == .lossHalfFactor)
        let y = try #require(loss.carriedFrom.first)
        #expect(loss.carriedFrom.count == 1 && y.key.description == "t1.y[1]" && y.written == nil)
        #expect(y.origins.map(\.description) == ["t1.h[1]"])
        #expect(abs(y.value - 0.3311) < 1e-12)   // ½·0.2767 + ½·0.1855 + 0.1, from the sheet
        let en = CheckRenderer.text(report, config: config, language: .en, width: .max)
        let zh = CheckRenderer.text(report, config: config, language: .zh, width: .max)
        #expect(en.contains("from t1.y[1] = 0.3311 (carried from your t1.h[1]) it gives 1.3926"))
        #expect(zh.contains("用你前面的值来算，得到的是 1.3926：t1.y[1] = 0.3311（由你的 t1.h[1] 算出）"))
        #expect(!en.contains("your t1.y[1]") && !zh.contains("你写的 t1.y[1]") && !zh.contains("你前面的 t1.y[1]"))

        // t3.da_h[1] = t3.dh_tilde[1]·(1 − t3.h_tilde[1]²): both inputs carried from t1.h[1]
        // (the student's own t3.dh[1] is correct and is not an input).
        let daH = try #require(report["t3.da_h[1]"])
        #expect(daH.carriedFrom.map(\.key.description) == ["t3.dh_tilde[1]", "t3.h_tilde[1]"])
        #expect(daH.carriedFrom.allSatisfy { $0.written == nil && $0.origins.map(\.description) == ["t1.h[1]"] })
        #expect(en.contains("from t3.dh_tilde[1] = −0.4385 (carried from your t1.h[1]), t3.h_tilde[1] = 0.9495 (carried from your t1.h[1]) it gives −0.0432"))
        #expect(!en.contains("your t3.dh_tilde") && !en.contains("your t3.h_tilde"))
    }

    /// Once the student writes t1.y[1] it is theirs, quoted as written.
    @Test(arguments: Language.allCases)
    func writtenValuesAreQuotedAsTheStudentsOwn(_ language: Language) throws {
        let report = try Fixtures.check(text: Self.trial.replacing("t1.y[1] =", with: "t1.y[1] = 0.3311"))
        #expect(report["t1.y[1]"]?.status == .followThrough)
        #expect(report["t1.loss"]?.carriedFrom.first?.written?.written == "0.3311")
        let text = CheckRenderer.text(report, config: config, language: language, width: .max)
        // The follow-through line shows the lesson's y₁ = 0.2855 next to what follows from theirs.
        switch language {
        case .en:
            #expect(text.contains("follow-through · the lesson's value 0.2855 · right from your t1.h[1] = 0.2767\n"))
            #expect(text.contains("from your t1.y[1] = 0.3311 it gives 1.3926"))
        case .zh:
            #expect(text.contains("承前正确 · 本课的值 0.2855 · 用你前面的值来算，这一步是对的：你写的 t1.h[1] = 0.2767\n"))
            #expect(text.contains("用你前面的值来算，得到的是 1.3926：你写的 t1.y[1] = 0.3311"))
        }
    }

    /// What the student wrote is quoted as written (their − or -, full-width digits); computed
    /// values use U+2212. Before the fix the sheet's "−1.6822" came back as "-1.6822".
    @Test func theStudentsTextIsQuotedAsWritten() throws {
        let report = try Fixtures.check(text: "t3.dh[1] = −1.6822\nt3.dy[1] = －３．３０００\nt3.dh_out[1] = -1.6822\n")
        #expect(report["t3.dh[1]"]?.given?.written == "−1.6822" && report["t3.dh[1]"]?.given?.text == "-1.6822")
        let text = CheckRenderer.text(report, config: config, language: .en)
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("✓ t3.dh[1] ") && $0.contains(" −1.6822 ") })
        #expect(rows.contains { $0.hasPrefix("✓ t3.dh_out[1] ") && $0.contains(" -1.6822 ") })
        // y₃ − target₃ = −3.3643 (lesson1); the student's −3.3 is wrong, the expected value computed.
        let dy = try #require(rows.first { $0.hasPrefix("✗ t3.dy[1] ") })
        #expect(dy.contains("－３．３０００") && dy.contains("expected −3.3643"))
        #expect(text.contains("you wrote －３．３０００, the lesson's value is −3.3643."))
    }

    /// With 22 lines answered, the trial printed 237 "· … unanswered" lines before the summary.
    @Test(arguments: Language.allCases)
    func unansweredLinesAreListedOnlyWithAll(_ language: Language) throws {
        let sheet = "t1.z[1] = 0.5987\nt1.z[2] =\nt1.h[1] = ?\nt1.h[2] = 0.1855\n"
        let report = try Fixtures.check(text: sheet)
        #expect(report.summary.unanswered == 2)
        let short = CheckRenderer.text(report, config: config, language: language)
        #expect(!short.split(separator: "\n").contains { $0.hasPrefix("· ") })
        #expect(short.split(separator: "\n").filter { $0.hasPrefix("✓") }.count == 2)
        #expect(short.contains(Message.checkUnansweredNotListed.text(language)))
        // The score: 2 of the sheet's 4 lines answered, both correct.
        let total = short.split(separator: "\n").first { $0.hasPrefix(Message.checkScoreTotal.text(language)) }
        #expect(total?.split(separator: " ").suffix(4).map(String.init) == ["2/4", "2", "0", "0"])
        let all = CheckRenderer.text(report, config: config, language: language, all: true)
        #expect(all.split(separator: "\n").filter { $0.hasPrefix("· ") }.count == 2)
        #expect(!all.contains(Message.checkUnansweredNotListed.text(language)))
        // JSON keeps every result.
        let json = try JSONParser.parse(CheckRenderer.json(report, config: config, lesson: "lesson1"))
        guard case .object(let root) = json, case .array(let results)? = root["results"] else { Issue.record("shape"); return }
        #expect(results.count == 4)
    }

    @Test func jsonNamesWhereCarriedValuesComeFrom() throws {
        let json = try JSONParser.parse(CheckRenderer.json(try Fixtures.check(text: Self.trial), config: config, lesson: "lesson1"))
        guard case .object(let root) = json, case .array(let results)? = root["results"] else { Issue.record("shape"); return }
        let loss = results.compactMap { if case .object(let o) = $0, o["key"] == .string("t1.loss") { return o }; return nil }.first
        #expect(loss?["carried_origins"] == .object(JSONObject([("t1.y[1]", .array([.string("t1.h[1]")]))])))
        let h = results.compactMap { if case .object(let o) = $0, o["key"] == .string("t1.h[1]") { return o }; return nil }.first
        #expect(h?["carried_origins"] == nil)
    }

    @Test func everyDiagnosisIsExplainedInBothLanguages() {
        for d in Diagnosis.allCases {
            #expect(!d.explanation(.zh, config).contains("{") && !d.explanation(.en, config).contains("{"))
        }
    }

    /// The reset placement in words, for the formula the value matched. lesson2 is after_matmul;
    /// its a_h₂[1] with the course text's formula is 1.1070, and 1.1570 with bhn added
    /// (MarkingTests.lesson2WithTheCourseTextsResetPlacement). Before: "your value matches resets
    /// before the matmul, Uh·(r⊙hₜ₋₁)", for 1.1570 only.
    @Test func theResetPlacementNamesTheFormulaTheValueMatches() throws {
        let trace = Bundled.lesson2Trace
        let lesson2 = trace.config
        let text = { (sheet: String, language: Language) in
            CheckRenderer.text(try Fixtures.check(text: sheet, trace), config: lesson2, language: language, width: .max)
        }
        let without = try text("t2.a_h[1] = 1.1070\n", .en), with = try text("t2.a_h[1] = 1.1570\n", .en)
        let lesson = "the reset gate in the other place: this lesson applies r after the matrix product, r⊙(Uh·hₜ₋₁ + bhn); "
        #expect(without.contains(lesson + "your value matches r applied before the matrix product, Uh·(r⊙hₜ₋₁)\n"))
        #expect(with.contains(lesson + "your value matches r applied before the matrix product, Uh·(r⊙hₜ₋₁) + bhn\n"))
        let zhWithout = try text("t2.a_h[1] = 1.1070\n", .zh), zhWith = try text("t2.a_h[1] = 1.1570\n", .zh)
        let zhLesson = "重置门放错了位置：本课先做矩阵乘法再乘 r，即 r⊙(Uh·hₜ₋₁ + bhn)；"
        #expect(zhWithout.contains(zhLesson + "你的数值对应的是先乘 r 再做矩阵乘法，即 Uh·(r⊙hₜ₋₁)\n"))
        #expect(zhWith.contains(zhLesson + "你的数值对应的是先乘 r 再做矩阵乘法，即 Uh·(r⊙hₜ₋₁) + bhn\n"))
        // A before_matmul lesson (lesson1 with unequal rows, MarkingTests) the other way round.
        let before = Diagnosis.resetPlacement.explanation(.en, config)
        #expect(before == "the reset gate in the other place: this lesson applies r before the matrix product, Uh·(r⊙hₜ₋₁); your value matches r applied after the matrix product, r⊙(Uh·hₜ₋₁)")
        // The JSON carries the same words.
        let json = CheckRenderer.json(try Fixtures.check(text: "t2.a_h[1] = 1.1570\n", trace), config: lesson2, lesson: "lesson2")
        #expect(json.contains("Uh·(r⊙hₜ₋₁) + bhn\"") && json.contains("\"diagnosis\": \"reset_placement\""))
    }

    /// h₃ for h₂ in dz₃[1] (0.6914 for 0.9360, MarkingTests), named with the timestep's own
    /// subscripts; a summed gradient has no timestep and keeps hₜ and hₜ₋₁.
    @Test func theHiddenStateOfThisTimestepInWords() throws {
        // Two sheets: on one, the two marks would be one repeated mistake, named once for any t.
        let text = { (sheet: String, language: Language) in
            CheckRenderer.text(try Fixtures.check(text: sheet), config: self.config, language: language, width: .max)
        }
        let en = try text("t3.dz[1] = 0.6914\n", .en) + text("grad.Uz[1][1] = 0.2880\n", .en)
        let zh = try text("t3.dz[1] = 0.6914\n", .zh) + text("grad.Uz[1][1] = 0.2880\n", .zh)
        #expect(en.contains("      the wrong hidden state: this formula takes the previous timestep's h₂, and your value matches this timestep's h₃\n"))
        #expect(zh.contains("      用错了隐藏状态：这个公式要用上一时间步的 h₂，你的数值对应的是本时间步的 h₃\n"))
        #expect(en.contains("the previous timestep's hₜ₋₁, and your value matches this timestep's hₜ\n"))
        #expect(zh.contains("上一时间步的 hₜ₋₁，你的数值对应的是本时间步的 hₜ\n"))
        // At t = 1 the previous state is h₀.
        #expect(Diagnosis.hInsteadOfHPrev.explanation(.en, config, t: 1).contains("the previous timestep's h₀, and your value matches this timestep's h₁"))
    }

    /// h₁ for h₂ in y₂ (0.2855 for 0.4903, MarkingTests), the other way round: named with the
    /// timestep's own subscripts, and hₜ, hₜ₋₁ for a sum over t.
    @Test func thePreviousHiddenStateInWords() throws {
        let report = try Fixtures.check(text: "t2.y[1] = 0.2855\ngrad.Why[1][1] = -1.7785\n")
        let text = { (sheet: String, language: Language) in
            CheckRenderer.text(try Fixtures.check(text: sheet), config: self.config, language: language, width: .max)
        }
        let en = try text("t2.y[1] = 0.2855\n", .en) + text("grad.Why[1][1] = -1.7785\n", .en)
        let zh = try text("t2.y[1] = 0.2855\n", .zh) + text("grad.Why[1][1] = -1.7785\n", .zh)
        #expect(en.contains("      the wrong hidden state: this formula takes this timestep's h₂, and your value matches the previous timestep's h₁\n"))
        #expect(zh.contains("      用错了隐藏状态：这个公式要用本时间步的 h₂，你的数值对应的是上一时间步的 h₁\n"))
        #expect(en.contains("this timestep's hₜ, and your value matches the previous timestep's hₜ₋₁\n"))
        #expect(zh.contains("本时间步的 hₜ，你的数值对应的是上一时间步的 hₜ₋₁\n"))
        let json = CheckRenderer.json(report, config: config, lesson: "lesson1")
        #expect(json.contains("\"diagnosis\": \"h_prev_instead_of_h_t\""))
    }

    /// In zh the lesson's values are listed with "，" as the carried ones are, not ", ".
    @Test func zhListsWithTheChineseComma() throws {
        let report = try Fixtures.check(text: "t1.h[1] = 0.2767\n")
        let zh = CheckRenderer.text(report, config: config, language: .zh)
        #expect(zh.contains("应代入本课的值：t1.z[1] = 0.5987，h0[1] = 0，t1.h_tilde[1] = 0.4621\n"))
        #expect(!zh.contains(", "))
        let en = CheckRenderer.text(report, config: config, language: .en)
        #expect(en.contains("with the lesson's values: t1.z[1] = 0.5987, h0[1] = 0, t1.h_tilde[1] = 0.4621\n"))
    }
}
