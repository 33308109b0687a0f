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

    /// File, language, --all, --ascii.
    static let cases: [(String, Language, Bool, Bool)] = [
        ("check.lesson1.zh.txt", .zh, false, false),
        ("check.lesson1.en.txt", .en, false, false),
        ("check.lesson1.en.all.txt", .en, true, false),
        ("check.lesson1.zh.ascii.txt", .zh, false, true),
    ]

    @Test(arguments: cases.map(\.0))
    func matchesGolden(_ file: String) throws {
        let (_, language, all, ascii) = Self.cases.first { $0.0 == file }!
        let report = try Marker.check(Array(Self.sheet.utf8), against: Lesson1.trace)
        try Golden.check(CheckRenderer.text(report, config: Lesson1.trace.config, language: language, all: all, ascii: ascii), file: file)
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
