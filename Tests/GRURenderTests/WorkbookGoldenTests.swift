import Testing
import GRURender

/// `gru-explain workbook lesson1 --lang both` compared with its golden file under Golden/
/// (`GRU_EXPLAIN_RECORD=1 swift test` rewrites it): the page and the data it embeds. Its style
/// and script are left out, so that a change of them does not rewrite the golden file.
/// WorkbookBrowserTests runs the page; here its text is pinned.
@Suite struct WorkbookGoldenTests {
    @Test func matchesGolden() throws {
        let page = WorkbookRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, languages: [.zh, .en], start: .zh)
        try Golden.check(Golden.content(ofPage: page), file: "workbook.lesson1.both.html")
    }
}
