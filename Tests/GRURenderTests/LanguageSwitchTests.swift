import Testing
@testable import GRURender
import GRULessons

/// The zh/en switch that the slides and the workbook share (`HTMLRenderer.languageSwitch`):
/// its exact markup, and that both pages carry it as written.
@Suite struct LanguageSwitchTests {
    static let zhFirst = """
        <span class="langs" role="group" aria-label="语言" data-label-zh="语言" data-label-en="Language">
        <button type="button" class="lang" data-set-lang="zh" lang="zh-Hans" aria-pressed="true">中文</button>
        <button type="button" class="lang" data-set-lang="en" lang="en" aria-pressed="false">English</button>
        </span>

        """

    @Test func markupInEachStartLanguage() {
        #expect(HTMLRenderer.languageSwitch(languages: [.zh, .en], start: .zh) == Self.zhFirst)
        #expect(HTMLRenderer.languageSwitch(languages: [.en, .zh], start: .en) == """
            <span class="langs" role="group" aria-label="Language" data-label-en="Language" data-label-zh="语言">
            <button type="button" class="lang" data-set-lang="en" lang="en" aria-pressed="true">English</button>
            <button type="button" class="lang" data-set-lang="zh" lang="zh-Hans" aria-pressed="false">中文</button>
            </span>

            """)
        // One language: no switch at all.
        #expect(HTMLRenderer.languageSwitch(languages: [.en], start: .en) == "")
    }

    @Test func slidesAndWorkbookShowTheSameSwitch() {
        let slides = HTMLRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh), languages: [.zh, .en])
        let workbook = WorkbookRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, languages: [.zh, .en], start: .zh)
        #expect(slides.contains("\n" + Self.zhFirst + "</nav>\n"))
        #expect(workbook.contains("\n" + Self.zhFirst + "</div>\n"))
        let oneLanguage = WorkbookRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, languages: [.en], start: .en)
        #expect(!oneLanguage.contains("class=\"langs\""))
    }
}
