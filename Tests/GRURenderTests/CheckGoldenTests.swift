import Testing
import GRUCore
import GRURender
import GRUCheck

/// `gru-explain check lesson1` on the sheet of a new-user trial, compared with golden files under
/// Golden/ (`GRU_EXPLAIN_RECORD=1 swift test` rewrites them). GRUCheckTests tests the marks; here
/// the report is pinned as the student reads it, in both languages.
@Suite struct CheckGoldenTests {
    /// lesson1 (h₁ = 0.1855, y₁ = 0.2855 in the seed) with a slip in t1.h[1], t1.y[1] left blank
    /// (so 0.3311 is carried from the slip, not written), the loss without its ½, a mix of − and
    /// - as the student typed them, and unanswered lines.
    static let sheet = """
        # lesson1 手算工作表 · GRU
        t1.z[1] = 0.5987
        t1.z[2] = 0.5987
        t1.h_tilde[1] = 0.4621
        t1.h[1] = 0.2767
        t1.h[2] = 0.1855
        t1.y[1] =
        t1.loss = 2.9397
        t2.a_z[1] = ?
        t3.dy[1] = -3.3643
        t3.dh[1] = −1.6822
        t3.da_h[1] = -0.0500
        """

    /// The forward pass and the loss of lesson1 by a student who puts z on the candidate,
    /// h = (1 − z)⊙hₜ₋₁ + z⊙h̃, at every step (Sheets/make_sheets.py's student, rounding to 4
    /// decimals, with that formula for every h): six wrong h, one misconception, named once; the
    /// rest follow-through or correct. By hand, h₁ = 0.5987·0.4621 = 0.2767 (the lesson's 0.1855).
    static let repeatedSheet = """
        t1.z[1] = 0.5987
        t1.z[2] = 0.5987
        t1.h_tilde[1] = 0.4621
        t1.h_tilde[2] = 0.4621
        t1.h[1] = 0.2767
        t1.h[2] = 0.2767
        t1.y[1] = 0.3767
        t1.loss = 1.3176
        t2.z[1] = 0.6743
        t2.z[2] = 0.6743
        t2.h_tilde[1] = 0.8321
        t2.h_tilde[2] = 0.8321
        t2.h[1] = 0.6512
        t2.h[2] = 0.6512
        t2.y[1] = 0.7512
        t2.loss = 2.5286
        t3.z[1] = 0.7437
        t3.z[2] = 0.7437
        t3.h_tilde[1] = 0.9651
        t3.h_tilde[2] = 0.9651
        t3.h[1] = 0.8846
        t3.h[2] = 0.8846
        t3.y[1] = 0.9846
        t3.loss = 4.5463
        """

    /// File, sheet, language, --all, --show, --ascii.
    static let cases: [(String, String, Language, Bool, CheckRenderer.Show, Bool)] = [
        ("check.lesson1.zh.txt", sheet, .zh, false, .all, false),
        ("check.lesson1.en.txt", sheet, .en, false, .all, false),
        ("check.lesson1.en.all.txt", sheet, .en, true, .all, false),
        ("check.lesson1.zh.ascii.txt", sheet, .zh, false, .all, true),
        ("check.lesson1.zh.repeated.txt", repeatedSheet, .zh, false, .all, false),
        ("check.lesson1.en.repeated-wrong.txt", repeatedSheet, .en, false, .wrong, false),
    ]

    @Test(arguments: cases.map(\.0))
    func matchesGolden(_ file: String) throws {
        let (_, sheet, language, all, show, ascii) = Self.cases.first { $0.0 == file }!
        let report = try Marker.check(Array(sheet.utf8), against: Lesson1.trace)
        try Golden.check(CheckRenderer.text(report, config: Lesson1.trace.config, language: language, all: all, show: show,
                                            ascii: ascii), file: file)
    }

    /// The repeated sheet: one group of six, every other mark correct or follow-through.
    @Test func oneMisconceptionIsOneGroup() throws {
        let report = try Marker.check(Array(Self.repeatedSheet.utf8), against: Lesson1.trace)
        let groups = report.repeatedDiagnoses
        #expect(groups.count == 1 && groups.first?.diagnosis == .updateConvention)
        #expect(groups.first?.keys.map(\.description) == ["t1.h[1]", "t1.h[2]", "t2.h[1]", "t2.h[2]", "t3.h[1]", "t3.h[2]"])
        #expect(report.summary.wrong == 6 && report.summary.correct + report.summary.followThrough == 18)
        let text = CheckRenderer.text(report, config: Lesson1.trace.config, language: .zh)
        #expect(text.components(separatedBy: "z 和 1 − z 放反了").count - 1 == 2)   // the group, and the first mistake
        #expect(text.contains("共 6 处，从 t1.h[1] 起"))
    }

    /// The title a worksheet starts with names its lesson, in every language and in ASCII; a
    /// student's own comments do not.
    @Test func aWorksheetNamesItsLesson() {
        for options in [RenderOptions(language: .zh), RenderOptions(language: .en), RenderOptions(language: .en, ascii: true)] {
            let sheet = WorksheetRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
            #expect(WorksheetRenderer.lessonID(inHeaderOf: Array(sheet.utf8)) == "lesson1")
            #expect(WorksheetRenderer.lessonID(inHeaderOf: Array(("\u{FEFF}\n# 张三\n" + sheet).utf8)) == "lesson1")
        }
        for sheet in ["# 我的答案\nt1.z[1] = 0.5987\n", "t1.z[1] = 0.5987\n# lesson1 手算工作表 · x\n", "# lesson 1 手算工作表\n", ""] {
            #expect(WorksheetRenderer.lessonID(inHeaderOf: Array(sheet.utf8)) == nil, "\(sheet)")
        }
    }
}
