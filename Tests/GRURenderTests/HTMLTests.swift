import Foundation
import Testing
@testable import GRURender
import GRULessons

/// The HTML slides without a browser: the golden file, the slide breaks, the markup that screen
/// readers and printing rely on. `BrowserTests` loads the same file in Chromium.
@Suite struct HTMLTests {
    static let both = HTMLRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh),
                                          languages: [.zh, .en])

    @Test func lesson1BothLanguagesMatchesGolden() throws {
        try Golden.check(Self.both, file: "lesson1.both.html")
    }

    /// lesson1's pages as the slides show them, in zh and en.
    static func decks(_ options: RenderOptions = RenderOptions()) -> [[Page]] {
        Language.allCases.map { HTMLRenderer.pages(Lesson1.trace, lesson: Lesson1.lesson, options: options, language: $0) }
    }

    /// Every block of every page is on exactly one slide, in order; a table split between slides
    /// gives each row group to exactly one of them.
    @Test(arguments: [RenderOptions(), RenderOptions(sections: [.bptt], timestep: 2), RenderOptions(digits: 10)])
    func slidesShowEveryBlockOnceInOrder(options: RenderOptions) {
        let decks = Self.decks(options)
        let slides = SlideLayout.slides(decks)
        for (k, page) in decks[0].enumerated() {
            let items = slides.filter { $0.page == k }.flatMap(\.items)
            var seen: [Int] = []
            var groups: [Int: [Int]] = [:]
            for item in items {
                switch item {
                case .block(let b): seen.append(b)
                case .rows(let b, let range):
                    if seen.last != b { seen.append(b) }
                    groups[b, default: []] += Array(range)
                }
            }
            #expect(seen == Array(page.blocks.indices), "page \(k)")
            for (b, rows) in groups {
                guard case .table(let table) = page.blocks[b] else { Issue.record("rows of a block that is no table"); continue }
                #expect(rows == Array(table.groups.indices), "page \(k), table \(b)")
            }
        }
        #expect(slides.map(\.page) == slides.map(\.page).sorted())
    }

    @Test func lesson1SlideBreaks() {
        let slides = SlideLayout.slides(Self.decks())
        let pages = Self.decks()[0]
        // No slide ends with a heading, and the forward timesteps 2 and 3 each open a slide of their own.
        for slide in slides {
            guard let last = slide.items.last, case .block(let b) = last else { continue }
            switch pages[slide.page].blocks[b] {
            case .title, .heading, .subheading: Issue.record("slide of page \(slide.page) ends with a heading")
            default: break
            }
        }
        #expect(slides.filter { $0.page == 2 }.first?.continues == nil)
        // BPTT's 13 quantities do not fit one slide at projection size: timestep 3 continues.
        let bptt = pages.indices.filter { pages[$0].section == .bptt }
        #expect(slides.filter { $0.page == bptt[0] }.count >= 2)
        #expect(slides.count < 40)
    }

    @Test func rowGroupsTallerThanASlideAreCut() {
        let row: Table.Row = ["x", .math("1"), .result("2")]
        let table = Table(columns: [Table.Column(title: "a"), Table.Column(title: "b"), Table.Column(title: "c")],
                          groups: [Array(repeating: row, count: 40), [row]])
        let cut = HTMLRenderer.cutLongGroups(table)
        #expect(cut.groups.map(\.count) == [16, 16, 8, 1])
        #expect(cut.groups.flatMap { $0 } == table.groups.flatMap { $0 })
    }

    @Test func markupForScreenReadersAndLanguages() {
        let html = Self.both
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\" data-lang=\"zh\""))
        #expect(html.contains("<div class=\"content\" lang=\"zh-Hans\" data-lang=\"zh\">"))
        #expect(html.contains("<div class=\"content\" lang=\"en\" data-lang=\"en\">"))
        #expect(html.contains("<caption>前向传播 · 时间步 1</caption>"))
        #expect(html.contains("<caption>Forward pass · Timestep 1</caption>"))
        #expect(html.contains("<th scope=\"col\">Quantity</th>"))
        #expect(html.contains("<th scope=\"row\">update gate</th>"))
        #expect(html.contains("<th scope=\"row\" class=\"sub\">unit 1</th>"))
        #expect(html.contains("<td class=\"math\">   = σ(0.3·1 + 0.05·0 + 0.05·0 + 0.1) = σ(0.4000)</td><td class=\"num result\">0.5987</td>"))
        #expect(html.contains("<svg role=\"img\" aria-labelledby="))
        #expect(html.contains("prefers-reduced-motion"))
        #expect(html.contains(":focus-visible"))
        #expect(html.contains("@media print"))
        // Every <section> carries every language once.
        let sections = html.components(separatedBy: "<section ").dropFirst()
        for section in sections {
            #expect(section.components(separatedBy: "data-lang=\"zh\">").count == 2)
            #expect(section.components(separatedBy: "data-lang=\"en\">").count == 2)
        }
    }

    @Test func chartsHaveLabelledAxes() {
        let html = HTMLRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .en))
        // lesson1's loss falls from 10.2785 to about 3e−5: a logarithmic axis in whole decades.
        #expect(html.contains(">10²</text>") && html.contains(">10⁻⁵</text>"))
        #expect(html.contains(">Epoch</text>") && html.contains(">Loss L</text>"))
        // ‖∂L/∂hₜ‖ for t = 1, 2, 3, from the trace's dh (norms of [−2.7168, −2.7168] and so on).
        let norms = Lesson1.trace.sequences[0].backward.sorted { $0.t < $1.t }.map { $0.dh.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        for norm in norms { #expect(html.contains(">\(NumberFormat(digits: 4).value(norm))</text>")) }
        #expect(html.contains(">‖∂L/∂hₜ‖</text>") && html.contains(">Timestep</text>"))
        #expect(SVGChart.niceStep(0.8) == 1 && SVGChart.niceStep(2.6) == 5 && SVGChart.niceStep(101) == 200)
        #expect(SVGChart.superscript(-12) == "⁻¹²")
    }

    @Test func barChartAsText() {
        let chart = BarChart(bars: [BarChart.Bar(label: "t = 1", value: 1, text: "1.0000"),
                                    BarChart.Bar(label: "t = 2", value: 0.25, text: "0.2500")],
                             valueLabel: "‖∂L/∂hₜ‖", itemLabel: "Timestep")
        #expect(chart.lines(width: 8, ascii: false) == ["t = 1  ████████  1.0000", "t = 2  ██        0.2500"])
        #expect(chart.lines(width: 4, ascii: true) == ["t = 1  ####  1.0000", "t = 2  #     0.2500"])
    }

    @Test func textIsEscaped() {
        #expect(HTMLRenderer.escape("a < b && \"c\" > 'd'") == "a &lt; b &amp;&amp; &quot;c&quot; &gt; &#39;d&#39;")
        var lesson = Lesson1.lesson
        lesson.title = LocalizedText(zh: "<script>alert(1)</script>", en: "Tom & Jerry's \"GRU\"")
        let html = HTMLRenderer.render(Lesson1.trace, lesson: lesson, options: RenderOptions(language: .en), languages: [.zh, .en])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<h1>Tom &amp; Jerry&#39;s &quot;GRU&quot;</h1>"))
        #expect(html.contains("data-title-en=\"Tom &amp; Jerry&#39;s &quot;GRU&quot;\""))
    }
}
