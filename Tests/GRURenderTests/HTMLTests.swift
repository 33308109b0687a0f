import Foundation
import Testing
@testable import GRURender
import GRUCore
import GRULessons
import GRUTestSupport

/// The HTML slides without a browser: the golden file, the slide breaks, the markup that screen
/// readers and printing rely on. `BrowserTests` loads the same file in Chromium.
@Suite struct HTMLTests {
    static let both = HTMLRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh),
                                          languages: [.zh, .en])

    @Test func lesson1BothLanguagesMatchesGolden() throws {
        try Golden.check(Golden.content(ofPage: Self.both), file: "lesson1.both.html")
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

    /// Slide N is the same in the zh, the en and the both deck: the same count, and each slide's
    /// content in one language the same whichever deck carries it. (The zh deck of lesson1 had 24
    /// slides and the en deck 26, because each was broken for its own language alone.)
    @Test(arguments: ["lesson1", "lesson3"])
    func slideNIsTheSameInEveryDeck(id: String) throws {
        let (lesson, trace) = (Bundled.lesson(id), Bundled.trace(id))
        let options = RenderOptions(language: .zh, sequence: id == "lesson3" ? 1 : nil)
        func contents(_ html: String, _ language: Language) -> [String] {
            html.components(separatedBy: "<section ").dropFirst().map { section in
                let marker = "data-lang=\"\(language.rawValue)\">"
                let start = section.range(of: marker)!.upperBound
                return String(section[start...]).components(separatedBy: "</div>")[0]
            }
        }
        let both = HTMLRenderer.render(trace, lesson: lesson, options: options, languages: [.zh, .en])
        for language in Language.allCases {
            var o = options
            o.language = language
            let alone = HTMLRenderer.render(trace, lesson: lesson, options: o)
            #expect(contents(alone, language).count == contents(both, language).count)
            #expect(contents(alone, language) == contents(both, language), "\(id) \(language)")
        }
    }

    /// A table cut between slides carries the same column widths on every slide (and printed
    /// sheet), from its widest cells over all its rows: lesson1's BPTT timestep 3 is on two slides.
    @Test func aCutTableKeepsItsColumnWidths() {
        let parts = Self.both.components(separatedBy: "<table class=\"cut\"").dropFirst().map { part in
            String(part.components(separatedBy: "</colgroup>")[0]).replacing(/<caption>[^<]*<\/caption>/, with: "")
        }
        #expect(parts.count >= 4)
        // Parts of one table follow each other: in each run of equal captions the widths are equal.
        let captions = Self.both.components(separatedBy: "<table class=\"cut\"").dropFirst().map { part in
            part.firstMatch(of: /<caption>([^<]*)<\/caption>/).map { String($0.1) } ?? ""
        }
        for k in parts.indices.dropFirst() where captions[k] == captions[k - 1] {
            #expect(parts[k] == parts[k - 1], "\(captions[k])")
        }
        #expect(Set(captions).count < captions.count)
    }

    /// `--totals`: lesson3's accumulation as Σ = ∂L/∂θ only (81 rows, 3 columns), 6 slides
    /// instead of 82; with --sequence 2, sequence 2's three shares and the other six sequences' sum,
    /// which add up to Σ (the trace's own numbers, formatted as shown).
    @Test func totalsKeepTheAccumulationShort() throws {
        let (lesson, trace) = (Bundled.lesson3, Bundled.lesson3Trace)
        func accumulation(_ options: RenderOptions) -> (table: Table, slides: Int) {
            let decks = Language.allCases.map { HTMLRenderer.pages(trace, lesson: lesson, options: options, language: $0) }
            let slides = SlideLayout.slides(decks).filter { decks[0][$0.page].section == .accumulation }
            let table = decks[1].first { $0.section == .accumulation }!.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }[0]
            return (table, slides.count)
        }
        let full = accumulation(RenderOptions())
        let short = accumulation(RenderOptions(totals: true))
        #expect(full.slides >= 60)
        #expect(short.slides <= 6, "\(short.slides) slides")
        #expect(short.table.columns.map(\.title) == ["Parameter", "Share of one step", "Σ = ∂L/∂θ"])
        #expect(short.table.groups.joined().count == 81)        // 3 × (4 + 16 + 4) + bhn 4 + Why 4 + by 1
        let one = accumulation(RenderOptions(sequence: 2, totals: true)).table
        #expect(one.columns.map(\.title) == ["Parameter", "Share of one step", "Sequence 2 · t = 1", "Sequence 2 · t = 2",
                                              "Sequence 2 · t = 3", "The other 6 sequences", "Σ = ∂L/∂θ"])
        let first = one.groups[0][0]                                  // Wz[1,1]
        let format = NumberFormat(digits: 4)
        let others = trace.sequences.indices.filter { $0 != 1 }.reduce(0.0) { $0 + trace.sequences[$1].gradients[.Wz][0] }
        #expect(first[5].text == format.value(others))
        #expect(first[6].text == format.value(trace.gradients[.Wz][0]))
        let shares = trace.sequences[1].backward.sorted { $0.t < $1.t }.map { $0.grads[.Wz][0] }
        #expect(first[2..<5].map(\.text) == shares.map(format.value))
        #expect(abs(shares.reduce(others, +) - trace.gradients[.Wz][0]) < 1e-12)
    }

    /// lesson3's model slide says what init, input_scale and sequence_reduction do in words; no raw
    /// JSON ("init": {"seed": 7, …}) on it.
    @Test func lesson3ModelSlideHasNoRawJSON() throws {
        let (lesson, trace) = (Bundled.lesson3, Bundled.lesson3Trace)
        for language in Language.allCases {
            let page = HTMLRenderer.pages(trace, lesson: lesson, options: RenderOptions(), language: language)[0]
            let text = page.blocks.map { block -> String in
                switch block {
                case .paragraph(let s), .title(let s): return s
                case .table(let t): return t.groups.joined().joined().map(\.text).joined(separator: " ")
                default: return ""
                }
            }.joined(separator: "\n")
            #expect(!text.contains("{") && !text.contains("\"init\"") && !text.contains("\"input_scale\""), "\(language)")
            #expect(text.contains(Message.seededInit.text(language, "7", "0.5")))
            #expect(text.contains(Message.inputScaled.text(language, "0.1")))
            #expect(text.contains(Message.sequenceReductionMean.text(language, "7")))
        }
    }

    /// A bundled lesson's slides in zh and en, as `run --format html --lang both` lays them out
    /// (with `--sequence K` for `sequence`).
    static func bundled(_ id: String, sequence: Int? = nil) throws -> (pages: [Page], slides: [SlideLayout.Slide]) {
        let (lesson, trace) = (Bundled.lesson(id), Bundled.trace(id))
        let options = RenderOptions(sequence: sequence)
        let decks = Language.allCases.map { HTMLRenderer.pages(trace, lesson: lesson, options: options, language: $0) }
        return (decks[0], SlideLayout.slides(decks))
    }

    /// On a page of several slides, every slide is at least a third full by the estimate, and the
    /// lesson's note shares its slide with a table or a chart. (Before the breaks were chosen page
    /// by page, lesson1 had the notes of sections 1 and 2 alone on slides 4 and 9, at 24 % and 20 %,
    /// and section 2's opening paragraph alone on slide 5.) No slide is taller than the room.
    /// lesson3 makes 249 slides, 82 with --sequence 1 (more than the 221 and 77 of 64 × 30.8 rem
    /// slides: a slide now holds 28 rem at the natural size, so that its type can grow; lesson1
    /// went from 29 to 30 and lesson3 from 246 when formulas stopped breaking inside a token).
    @Test(arguments: [("lesson1", nil, 30), ("lesson2", nil, 31), ("lesson3", nil, 249), ("lesson3", 1, 82)])
    func noSlideIsNearlyEmpty(id: String, sequence: Int?, count: Int) throws {
        let (pages, slides) = try Self.bundled(id, sequence: sequence)
        #expect(slides.count == count)
        for (n, slide) in slides.enumerated() {
            let blocks = pages[slide.page].blocks
            #expect(slide.estimate <= SlideLayout.height, "\(id) slide \(n + 1) is estimated at \(slide.estimate) rem")
            guard slides.filter({ $0.page == slide.page }).count > 1 else { continue }
            #expect(slide.fill >= SlideLayout.thin, "\(id) slide \(n + 1) is \(Int(slide.fill * 100)) % full")
            let shown = slide.items.map { blocks[$0.block] }
            if shown.contains(where: { if case .note = $0 { true } else { false } }) {
                #expect(shown.contains { switch $0 { case .table, .lossCurve, .barChart: true; default: false } },
                        "\(id) slide \(n + 1) holds the lesson's note and no table or chart")
            }
        }
    }

    @Test func lesson1KeepsNotesAndOpeningsWithTheirContent() throws {
        let (pages, slides) = try Self.bundled("lesson1")
        func slide(page k: Int, block b: Int) -> SlideLayout.Slide? {
            slides.first { $0.page == k && $0.items.contains { $0.block == b } }
        }
        // Section 1's note goes with the end of the parameters table (block 9) and h₀ (block 10).
        let model = pages[0].blocks
        let note = try #require(model.lastIndex { if case .note = $0 { true } else { false } })
        let noteSlide = try #require(slide(page: 0, block: note))
        #expect(noteSlide.items.first.map { if case .rows(block: note - 2, _) = $0 { true } else { false } } == true)
        // Section 2's opening paragraph (block 1) goes on with timestep 1 and its first rows (block 4).
        let opening = try #require(slide(page: 1, block: 1))
        #expect(opening.items.first == .block(0))
        #expect(opening.items.last.map { if case .rows(block: 4, _) = $0 { true } else { false } } == true)
        // The forward pass's note (after timestep 3's table) goes with the table's last rows.
        let forwardNote = try #require(slide(page: 3, block: pages[3].blocks.count - 1))
        #expect(forwardNote.items.count == 2 && forwardNote.items[0].block == pages[3].blocks.count - 2)
        // BPTT timestep 3's table needs two slides; they are about as full as each other (81 % and 85 %).
        let bptt = slides.filter { $0.page == 5 }
        #expect(bptt.count == 3)
        #expect(abs(bptt[1].fill - bptt[2].fill) < 0.1)
    }

    /// `groups` row groups of 3 short rows each: a quantity and its two units.
    static func table(groups: Int) -> Table {
        let row: Table.Row = ["x", .math("1"), .result("2")]
        let columns = [Table.Column(title: "a"), Table.Column(title: "b"), Table.Column(title: "c", alignRight: true)]
        return Table(columns: columns, groups: Array(repeating: Array(repeating: row, count: 3), count: groups))
    }

    /// A table of 8 groups of 3 rows under a subheading, each group 3 × 1.14 + 0.15 = 3.57 rem: the
    /// kicker, the subheading (or "(continued)") and the header leave room for 7 groups on a slide
    /// ((30.8 − 1.15 − 1.8 − 1.14 − 0.55) / 3.57 = 7.3). Filling the first slide would leave one
    /// group alone on the second; the layout gives each slide 4.
    @Test func aTableOnTwoSlidesIsCutInTheMiddle() {
        let table = Self.table(groups: 8)
        let page = Page(section: .bptt, heading: "4 · BPTT", blocks: [.subheading("t = 3"), .table(table)])
        let slides = SlideLayout.slides([[page]])
        #expect(slides.map(\.items) == [[.block(0), .rows(block: 1, groups: 0..<4)], [.rows(block: 1, groups: 4..<8)]])
        #expect(slides.map(\.continues) == [nil, 0])
        // 1.15 + 1.8 + (1 + 12) × 1.14 + 4 × 0.15 + 0.55, and 0.05 to spare for its formulas
        #expect(abs(slides[0].estimate - 18.97) < 1e-9)
    }

    /// The same table with 7 groups fills a slide (1.15 + 1.8 + 22 × 1.14 + 7 × 0.15 + 0.55 =
    /// 29.63 rem); the note after it (one line at 0.85 rem type, its padding and the gap: 2.61 rem)
    /// does not fit beside it, and takes the last 3 groups along rather than stand alone.
    @Test func aNoteTakesTheEndOfTheTableAlong() {
        let table = Self.table(groups: 7)
        let page = Page(section: .forward, heading: "2 · Forward", blocks: [.subheading("t = 3"), .table(table), .note(label: "Note", text: "A remark.")])
        #expect(abs(HeightEstimate.block(.table(table)) + 1.15 + 1.8 - 29.68) < 1e-9)
        let slides = SlideLayout.slides([[page]])
        #expect(slides.map(\.items) == [[.block(0), .rows(block: 1, groups: 0..<4)], [.rows(block: 1, groups: 4..<7), .block(2)]])
    }

    /// Rows are one line unless a cell is wider than its column: a cell that sets its column's
    /// width is one line (7 × 0.42 rem, where the division once gave 1.0000000000000002 lines and so
    /// two), and a formula of 50 terms, 197 characters (95.4 rem) on a 60.8 rem slide is two; a
    /// formula of one token (200 characters) cannot break, so it stays one line.
    @Test func tableRowsWrapOnlyWhenTooWide() {
        let columns = [Table.Column(title: "a"), Table.Column(title: "b"), Table.Column(title: "c", alignRight: true)]
        let narrow = Table(columns: columns, groups: [[["name", "−0.0008", "1"], ["name", "−0.0008", "2"]]])
        // The header and 2 rows of one line, a group's rule, the gap below.
        #expect(abs(HeightEstimate.block(.table(narrow)) - (3 * 1.14 + 0.15 + 0.55)) < 1e-9)
        let wide = Table(columns: columns, groups: [[["x", .math("1" + String(repeating: " + 1", count: 49)), .result("2")]]])
        // The header, a row of two lines, and the 0.05 rem a table of formulas keeps to spare.
        #expect(abs(HeightEstimate.block(.table(wide)) - (2 * 1.14 + 1.06 + 0.15 + 0.55 + 0.05)) < 1e-9)
        let token = Table(columns: columns, groups: [[["x", .math(String(repeating: "1", count: 200)), .result("2")]]])
        #expect(abs(HeightEstimate.block(.table(token)) - (2 * 1.14 + 0.15 + 0.55 + 0.05)) < 1e-9)
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
        // A formula breaks only between its terms: the head, then each term whole (FormulaBreaks).
        #expect(html.contains("<td class=\"math\"><span class=\"formula\"><span class=\"head\">   = </span><span class=\"rhs\">"
                              + "<span>σ(0.3·1 + 0.05·0 + 0.05·0 + 0.1)</span> <span>= σ(0.4000)</span></span></span></td><td class=\"num result\">0.5987</td>"))
        #expect(html.contains("<svg role=\"img\" aria-labelledby="))
        #expect(html.contains("prefers-reduced-motion"))
        #expect(html.contains(":focus-visible"))
        #expect(html.contains("@media print"))
        // σ′ and tanh′ take their prime from an installed CJK font, never a downloaded one.
        #expect(html.contains("@font-face { font-family: \"Prime Mono\"; src: local(\"Noto Sans Mono CJK SC\")"))
        #expect(html.contains("unicode-range: U+2032-2033;") && html.contains("--mono: \"Prime Mono\", \"DejaVu Sans Mono\""))
        // Every <section> carries every language once.
        let sections = html.components(separatedBy: "<section ").dropFirst().map { $0.components(separatedBy: "</section>")[0] }
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

/// Where a formula may break (`FormulaBreaks`): only before a term's = + or − outside brackets and
/// norms, with the leading `=` of a continued row, or the left side of the first `=`, as its head.
@Suite struct FormulaBreaksTests {
    @Test func breaksOnlyBetweenTerms() {
        // lesson1, slide 10: h₃'s second row.
        let h = FormulaBreaks("   = 0.7387·0.3903 + (1 − 0.7387)·0.9467")
        #expect(h.head == "   = " && h.terms == ["0.7387·0.3903", "+ (1 − 0.7387)·0.9467"])
        // Slide 14: the gradient to the previous step.
        let d = FormulaBreaks("∂L/∂h₃·∂h₃/∂h₂ = ∂L/∂h₃⊙z₃ + ∂L/∂(r₃⊙h₂)⊙r₃ + Urᵀ·∂L/∂a_r₃ + Uzᵀ·∂L/∂a_z₃")
        #expect(d.head == "∂L/∂h₃·∂h₃/∂h₂ = ")
        #expect(d.terms == ["∂L/∂h₃⊙z₃", "+ ∂L/∂(r₃⊙h₂)⊙r₃", "+ Urᵀ·∂L/∂a_r₃", "+ Uzᵀ·∂L/∂a_z₃"])
        // A norm and a negative number are one term each; a second = begins a term.
        #expect(FormulaBreaks("L₃ = ½‖y₃ − target₃‖²").terms == ["½‖y₃ − target₃‖²"])
        #expect(FormulaBreaks("   = (−1.6822)·0.7387 + (−0.0019)").terms == ["(−1.6822)·0.7387", "+ (−0.0019)"])
        #expect(FormulaBreaks("L = L₁ + L₂ = 1.4698 + 3.1493").terms == ["L₁", "+ L₂", "= 1.4698", "+ 3.1493"])
        // A name is one token: Why[1][1] has nowhere to break.
        let name = FormulaBreaks("Why[1][1]")
        #expect(name.head.isEmpty && name.terms == ["Why[1][1]"])
    }
}
