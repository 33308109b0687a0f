import Testing
import GRUCore
import GRULessons
@testable import GRURender
import GRUTestSupport

/// `--ascii` leaves nothing but ASCII and the Chinese text itself: every other symbol that a
/// bundled lesson or the catalogue can put on the screen has an ASCII spelling (none turns into `?`).
@Suite struct ASCIIFallbackTests {

    /// A scalar `--ascii` may leave in place: ASCII, or a wide CJK character.
    static func allowed(_ s: Unicode.Scalar) -> Bool { s.isASCII || DisplayWidth.isWide(s.value) }

    static func strays(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !allowed($0) }))
    }

    @Test func circledDigitsBecomeNumbersInParentheses() {
        #expect(Notation.ascii("① 隐藏单元 ② 参数 ⑩ ⑳") == "(1) 隐藏单元 (2) 参数 (10) (20)")
        #expect(Notation.ascii("[−1/√H, 1/√H]") == "[-1/sqrt H, 1/sqrt H]")
        // The element-wise product and the matrix product stay apart.
        #expect(Notation.ascii("hₜ = zₜ⊙hₜ₋₁ + (1 − zₜ)⊙h̃ₜ") == "h_t = z_t.*h_(t-1) + (1 - z_t).*h~_t")
        #expect(Notation.ascii("Uh·(rₜ⊙hₜ₋₁)") == "Uh*(r_t.*h_(t-1))")
    }

    @Test func everyBundledLessonRunsInPureASCII() throws {
        for lesson in try LessonLibrary.bundled {
            let trace = Bundled.trace(lesson.id)                     // recorded once per test run: lesson3 trains for a while
            let comparison = ConventionComparison(lesson.problem, presets: ConventionPreset.all)
            for language in Language.allCases {
                let options = RenderOptions(language: language, ascii: true)
                let run = TextRenderer.render(trace, lesson: lesson, options: options)
                #expect(Self.strays(run).isEmpty, "run \(lesson.id) --ascii --lang \(language) leaves \(Self.strays(run))")
                let unicode = TextRenderer.render(trace, lesson: lesson, options: RenderOptions(language: language))
                #expect(run.filter { $0 == "?" }.count == unicode.filter { $0 == "?" }.count,
                        "run \(lesson.id) --ascii --lang \(language) has a '?' for a symbol it cannot spell")
                let compare = ComparisonReport.text(comparison, lessonID: lesson.id, inputScale: lesson.inputScale, options: options)
                #expect(Self.strays(compare).isEmpty, "compare \(lesson.id) --ascii --lang \(language) leaves \(Self.strays(compare))")
            }
        }
    }

    /// The texts a lesson brings (title, description, notes) and every catalogue string: each
    /// symbol in them has an ASCII form, so no `?` appears that the text did not have.
    @Test(arguments: Language.allCases) func everyLessonTextAndMessageHasAnASCIIForm(language: Language) throws {
        var texts = Message.allCases.map { $0.template(language) }
        for lesson in try LessonLibrary.bundled {
            let pick = { (t: LocalizedText) in language == .zh ? t.zh : t.en }
            texts += [pick(lesson.title), pick(lesson.description)] + lesson.notes.values.map(pick)
        }
        for text in texts {
            let ascii = Notation.ascii(text)
            #expect(Self.strays(ascii).isEmpty && ascii.filter { $0 == "?" }.count == text.filter { $0 == "?" }.count,
                    "no ASCII form for a symbol in: \(text)")
        }
    }
}
