/// How the pages of the walkthrough become slides: a page that fits on one 16∶9 slide at the
/// projected type size is one slide; a longer one continues on the next slides, broken before a
/// block or, in a table, between its row groups, so that a quantity and its component rows always
/// stay together.
///
/// The breaks of a page are chosen together, not one slide at a time (as a paragraph's line
/// breaks are in TeX): of all the ways to cut the page, the one with the least `Cost`. What never
/// happens: a slide ending with a heading, or between a lead-in and its table or chart (see
/// `keepsWithNext`); a slide taller than the room, unless one block alone is. What costs: every
/// slide; a nearly empty slide (under `thin` full, or holding the lesson's note with no table or
/// chart) when its page has more, unless it is the title slide; each table cut in two; a paragraph left at the foot of a slide
/// with the table it introduces on the next; and, least, slides less full than their neighbours.
/// So a note or a short tail joins the slide before it, or takes the end of that slide's table
/// along; a section's opening paragraph goes on with what follows; and a table that needs two
/// slides is split into two parts of similar size.
///
/// Heights are estimated in rem, the unit of `HTMLStyle` (the slide is 64 rem wide and 36 rem or,
/// on a 4:3 screen, more tall), at the natural type size. The estimate only chooses the breaks:
/// it leaves room (`height`) for the page's script to make the type larger on most slides, and
/// the script shrinks it a little where the browser needs more room than estimated; the browser
/// test checks that no slide overflows.
struct SlideLayout {
    /// What one slide shows of a page.
    struct Slide: Equatable {
        var page: Int
        var items: [Item]
        /// The block whose heading the slide repeats with "(continued)", when it starts in the middle
        /// of what that heading introduced.
        var continues: Int?
        /// The estimated height of the slide's content in rem (the taller language's), out of `height`.
        var estimate: Double = 0

        /// How full the slide is by the estimate: 0 empty, 1 full.
        var fill: Double { estimate / SlideLayout.height }
    }

    enum Item: Equatable {
        case block(Int)
        /// Row groups `groups` of the table at `block`.
        case rows(block: Int, groups: Range<Int>)

        /// The page's block the item shows.
        var block: Int {
            switch self {
            case .block(let b), .rows(let b, _): return b
            }
        }
    }

    /// Content for a slide, in rem at the natural type size: less than the room on a 16∶9 slide (36
    /// rem less the bar and the padding, 32 rem), so that the script can make the type larger on
    /// most slides (the median slide of lesson1 reaches 28 px table text at 1920×1080 and 18 px at
    /// 1024×768; see `HTMLStyle` and the browser test).
    static let height = 28.0
    /// Width for content, in rem (64 less the padding).
    static let width = 61.2
    /// A slide less full than this, on a page of several slides, is one to avoid.
    static let thin = 1.0 / 3

    /// What a way of cutting a page costs; the layout takes the cheapest.
    enum Cost {
        static let slide = 20.0
        /// A slide under `thin` full, or with the lesson's note but no table or chart, on a page of several.
        static let thinSlide = 100.0
        /// A table cut between two slides: more than a slide, so a table that fits on a slide of its
        /// own is not cut to save one; less than a thin slide.
        static let tableCut = 25.0
        /// A paragraph at the foot of a slide whose table or chart opens the next.
        static let leadInAlone = 5.0
        /// Times (1 − fill)² for every slide: among cuts otherwise alike, the most even.
        static let emptiness = 2.0
    }

    /// Slides for the same pages in one or more languages (`decks[language][page]`, with the same
    /// blocks in every language): each break suits the longest of the languages, so a slide shows
    /// the same thing whichever language is on.
    static func slides(_ decks: [[Page]]) -> [Slide] {
        guard let first = decks.first else { return [] }
        var out: [Slide] = []
        for k in first.indices {
            out += slides(page: k, decks.map { $0[k] })
        }
        return out
    }

    /// Where a slide may break: before a block, or between two row groups of a table.
    private struct Piece {
        var block: Int
        /// The row group, for a table of several groups; nil for a whole block.
        var group: Int?
    }

    private static func slides(page k: Int, _ versions: [Page]) -> [Slide] {
        let blocks = versions[0].blocks
        let profiles: [[HeightEstimate.TableProfile?]] = versions.map { version in
            version.blocks.map { block in
                if case .table(let table) = block { return HeightEstimate.TableProfile(table) }
                return nil
            }
        }
        /// An item's height in rem in version (language) `v`.
        func itemHeight(_ item: Item, _ v: Int) -> Double {
            switch item {
            case .block(let b):
                return profiles[v][b].map { $0.height(groups: 0..<$0.groupCount) } ?? HeightEstimate.block(versions[v].blocks[b])
            case .rows(let b, let groups):
                return profiles[v][b]?.height(groups: groups) ?? 0
            }
        }
        // A heading, a paragraph just before a chart, and a short one just before a table
        // ("Input x₁ = 1, …") go with what follows.
        func keepsWithNext(_ i: Int) -> Bool {
            guard i + 1 < blocks.count else { return false }
            switch (blocks[i], blocks[i + 1]) {
            case (.title, _), (.heading, _), (.subheading, _): return true
            case (.paragraph, .lossCurve), (.paragraph, .barChart): return true
            case (.paragraph(let text), .table): return HeightEstimate.paragraphLines(text) <= 2
            default: return false
            }
        }
        func isHeading(_ i: Int) -> Bool {
            switch blocks[i] {
            case .title, .heading, .subheading: return true
            default: return false
            }
        }
        /// The heading a slide starting at block `i` repeats: the nearest heading above it. None for
        /// the lesson's note, which speaks of the whole section (the section's name is above it).
        func continued(_ i: Int) -> Int? {
            if case .note = blocks[i] { return nil }
            return isHeading(i) ? nil : (0..<i).last(where: isHeading)
        }
        /// What a slide costs before its first block: the section's name above a slide that does
        /// not open with the section heading, and the repeated "(continued)" heading.
        func overhead(startingAt i: Int) -> Double {
            (showsKicker([.block(i)], continues: continued(i), blocks) ? HeightEstimate.kicker : 0)
                + (continued(i) == nil ? 0 : HeightEstimate.subheading)
        }

        var pieces: [Piece] = []
        for b in blocks.indices {
            if case .table(let table) = blocks[b], table.groups.count > 1 {
                pieces += table.groups.indices.map { Piece(block: b, group: $0) }
            } else {
                pieces.append(Piece(block: b, group: nil))
            }
        }
        let n = pieces.count
        guard n > 0 else { return [] }
        /// Whether a slide may start at piece `p` (p ≥ 1): not after a block that keeps with the next.
        let breakable: [Bool] = (0...n).map { p in
            guard p > 0 && p < n else { return true }
            let before = pieces[p - 1]
            return before.group != nil || !keepsWithNext(before.block)
        }
        /// The items of the slide holding pieces `a..<b`: whole blocks, and row groups of a table cut there.
        func items(_ a: Int, _ b: Int) -> [Item] {
            var out: [Item] = []
            var p = a
            while p < b {
                let piece = pieces[p]
                guard let first = piece.group, case .table(let table) = blocks[piece.block] else {
                    out.append(.block(piece.block))
                    p += 1
                    continue
                }
                var q = p + 1
                while q < b && pieces[q].block == piece.block { q += 1 }
                let last = pieces[q - 1].group ?? first
                out.append(first == 0 && last == table.groups.count - 1 ? .block(piece.block) : .rows(block: piece.block, groups: first..<(last + 1)))
                p = q
            }
            return out
        }
        /// The height of the slide of pieces `a..<b` in the taller language.
        func estimate(_ a: Int, _ b: Int) -> Double {
            let shown = items(a, b)
            return overhead(startingAt: pieces[a].block) + (versions.indices.map { v in shown.map { itemHeight($0, v) }.reduce(0, +) }.max() ?? 0)
        }
        /// What the slide of pieces `a..<b` adds to the cost of the page.
        func slideCost(_ a: Int, _ b: Int, height used: Double) -> Double {
            let fill = used / height
            var cost = Cost.slide + Cost.emptiness * max(0, 1 - fill) * max(0, 1 - fill)
            let wholePage = a == 0 && b == n
            // The lesson's note with no table or chart of its section beside it: a remark stranded on its own.
            let note = (a..<b).contains { if case .note = blocks[pieces[$0].block] { true } else { false } }
            let figure = (a..<b).contains { isFigure(blocks[pieces[$0].block]) }
            let cover = { if case .title = blocks[pieces[a].block] { true } else { false } }()
            if !wholePage && !cover && (fill < thin || note && !figure) { cost += Cost.thinSlide }
            if b < n {
                // The break after this slide.
                let last = pieces[b - 1], next = pieces[b]
                if last.block == next.block { cost += Cost.tableCut }
                if case .paragraph = blocks[last.block], isFigure(blocks[next.block]) { cost += Cost.leadInAlone }
            }
            return cost
        }

        // best[b]: the least cost of pieces 0..<b on whole slides, and where its last slide starts.
        var best = [Double](repeating: .infinity, count: n + 1)
        var start = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        for a in 0..<n where breakable[a] && best[a] < .infinity {
            var forced = true        // no break allowed inside a..<b yet: the slide must take it all
            for b in (a + 1)...n {
                if b - 1 > a && breakable[b - 1] { forced = false }
                guard breakable[b] else { continue }
                let used = estimate(a, b)
                if used > height && !forced { break }
                let total = best[a] + slideCost(a, b, height: used)
                if total < best[b] { best[b] = total; start[b] = a }
                if used > height { break }
            }
        }
        var cuts: [Int] = []
        var b = n
        while b > 0 { cuts.append(b); b = start[b] }
        var out: [Slide] = []
        var a = 0
        for b in cuts.reversed() {
            out.append(Slide(page: k, items: items(a, b), continues: continued(pieces[a].block), estimate: estimate(a, b)))
            a = b
        }
        return out
    }

    /// A slide shows the section's name above its content unless it opens the section (with the
    /// section's heading, or the lesson's title above it) or repeats the section heading itself
    /// ("2 · Forward pass (continued)").
    static func showsKicker(_ items: [Item], continues: Int?, _ blocks: [Block]) -> Bool {
        guard let first = items.first else { return false }
        switch blocks[first.block] {
        case .title, .heading: return false
        default: break
        }
        if let k = continues, case .heading = blocks[k] { return false }
        return true
    }

    /// A table or a chart: what a slide is there to show, and what a paragraph may introduce.
    private static func isFigure(_ block: Block) -> Bool {
        switch block {
        case .table, .lossCurve, .barChart: return true
        default: return false
        }
    }
}

/// Estimated heights in rem, matching the sizes in `HTMLStyle`.
enum HeightEstimate {
    static let kicker = 1.15
    static let subheading = 1.8
    static let heading = 2.2
    /// A line of the title (1.7 rem type, line height 1.2), and its margin.
    static let titleLine = 2.1
    static let titleGap = 0.45
    static let lineHeight = 1.3         // a paragraph line (0.95 rem type)
    static let blockGap = 0.55
    /// A table row of one line (0.8 rem type, line height 1.3, padding: 1.12 rem in Chromium), and
    /// each further line of a row whose cell wraps (1.04 rem), each with a little to spare.
    static let rowHeight = 1.14
    static let wrappedLineHeight = 1.06
    static let chart = 17.5
    /// The note's box: 0.85 rem type, its padding and the rule on its left take 1.6 rem of the width.
    static let noteSize = 0.85
    static let noteWidth = SlideLayout.width - 1.6

    static func block(_ block: Block) -> Double {
        switch block {
        case .title(let text): return titleLine * lines(text, size: 1.7, letter: 0.62) + titleGap
        case .heading: return heading
        case .subheading: return subheading
        case .paragraph(let text): return lineHeight * paragraphLines(text) + blockGap
        case .note(let label, let text):
            return noteSize / 0.95 * lineHeight * lines(label + "：" + text, size: noteSize, letter: 0.51, width: noteWidth) + 0.9 + blockGap
        case .table(let table): return self.table(table, groups: 0..<table.groups.count)
        case .lossCurve: return chart + blockGap
        case .barChart(let bars): return chart - 16.5 + SVGChart.barsHeight(bars) + blockGap
        }
    }

    static func paragraphLines(_ text: String) -> Double {
        lines(text, size: 0.95, letter: 0.51)
    }

    /// The lines `text` takes in a box `width` rem wide, in type of `size` rem whose Latin letters
    /// are `letter` em wide on average (DejaVu Sans: 0.50 in lesson1–3's paragraphs, up to 0.55 in
    /// short ones; bold, 0.61) and CJK characters 1 em. Lines break between words, so each is taken
    /// as 96 % full.
    static func lines(_ text: String, size: Double, letter: Double, width: Double = SlideLayout.width) -> Double {
        max(1, (self.width(text, letter: size * letter, wide: size) / (0.96 * width)).rounded(.up))
    }

    /// The width of `text` on one line, in rem: `letter` for a character of one display column,
    /// `wide` for a CJK character (two display columns), nothing for a combining mark.
    static func width(_ text: String, letter: Double, wide: Double) -> Double {
        var wideCount = 0, narrowCount = 0
        for scalar in text.unicodeScalars {
            switch DisplayWidth.of(scalar) {
            case 2: wideCount += 1
            case 1: narrowCount += 1
            default: break
            }
        }
        return Double(narrowCount) * letter + Double(wideCount) * wide
    }

    /// A table's header and the lines of `groups`, with long cells wrapped the way a browser would.
    static func table(_ table: Table, groups: Range<Int>) -> Double {
        TableProfile(table).height(groups: groups)
    }

    /// A table's cells measured once, for the height of any run of its row groups. A browser lays
    /// out each slide's part of a table on its own, so the columns are as wide as the rows shown
    /// need: the natural widths of those rows, the widest wrapping column narrowed until they fit.
    struct TableProfile {
        /// Widths in rem of the header's cells, and of every row's cells group by group.
        let header: [Double]
        let groups: [[[Double]]]
        /// Which columns may wrap: not the first (each row's name, a `<th>`), not the numbers
        /// (right-aligned); both are `nowrap` in the style sheet.
        let wraps: [Bool]
        /// A formula's head and terms, each with the space before it, in rem (see `FormulaBreaks`);
        /// nil for a cell that is not a formula.
        let formulas: [[[(head: Double, terms: [Double])?]]]
        /// Each column's narrowest width, with its padding: a formula's head and its widest term.
        let minimum: [Double]

        var groupCount: Int { groups.count }

        /// A cell's width in rem at the table's 0.8 rem type: `rate` for each character of one
        /// display column, 0.8 (one em, in every font) for a CJK character.
        static func rem(_ text: String, rate: Double) -> Double {
            HeightEstimate.width(text, letter: rate, wide: 0.8)
        }

        init(_ table: Table) {
            let count = table.columns.count
            // Rem per character as Chromium draws `HTMLStyle`'s fonts (DejaVu Sans and Sans Mono,
            // measured on lesson1–3's tables): the bold header 0.56, a row's bold name 0.47 (0.46
            // in the long names that set the column's width, 0.5 in the short 'output'), a formula
            // 0.482, a bold result 0.54, a number 0.5, prose 0.42.
            func rate(_ cell: Table.Cell, column c: Int) -> Double {
                switch cell.style {
                case .math: return 0.482
                case .result, .warning: return 0.54
                case .plain:
                    if c == 0 { return cell.text.hasPrefix(" ") ? 0.42 : 0.47 }
                    return table.columns[c].alignRight ? 0.5 : 0.42
                }
            }
            header = table.columns.map { Self.rem($0.title, rate: 0.56) }
            groups = table.groups.map { group in
                group.map { row in (0..<count).map { c in c < row.count ? Self.rem(row[c].text, rate: rate(row[c], column: c)) : 0 } }
            }
            wraps = (0..<count).map { c in c > 0 && !table.columns[c].alignRight }
            let formulas = table.groups.map { group in
                group.map { row in
                    (0..<count).map { c -> (head: Double, terms: [Double])? in
                        guard c < row.count, row[c].style == .math else { return nil }
                        let breaks = FormulaBreaks(row[c].text)
                        return (Self.rem(breaks.head, rate: 0.482), breaks.terms.map { Self.rem(" " + $0, rate: 0.482) })
                    }
                }
            }
            minimum = (0..<count).map { c in
                formulas.joined().compactMap { $0[c] }.map { $0.head + ($0.terms.max() ?? 0) + 1 }.reduce(0, max)
            }
            self.formulas = formulas
        }

        /// Each column's width in rem on one line, over the header and every row, with its padding.
        var naturalWidths: [Double] {
            header.indices.map { c in groups.joined().map { $0[c] }.reduce(header[c], max) + 1 }
        }

        /// The header, the lines of `range`'s rows, and the rule above each group.
        func height(groups range: Range<Int>) -> Double {
            let rows = groups[range].flatMap { $0 }
            let rowFormulas = formulas[range].flatMap { $0 }
            // Natural widths, 1 rem more for a cell's padding (0.96); then the widest column that may
            // wrap narrowed, down to 8 rem, until the table fits the slide.
            var widths = header.indices.map { c in rows.map { $0[c] }.reduce(header[c], max) + 1 }
            while widths.reduce(0, +) > SlideLayout.width,
                  let widest = widths.indices.filter({ wraps[$0] && widths[$0] > max(8, minimum[$0]) })
                    .max(by: { widths[$0] < widths[$1] }) {
                widths[widest] = max(8, minimum[widest], widths[widest] - (widths.reduce(0, +) - SlideLayout.width))
            }
            // A browser breaks prose at spaces, so a wrapped cell fills each line to about 90 %; a
            // formula only between its terms, each further line under its right-hand side.
            func lines(_ cells: [Double], _ formulas: [(head: Double, terms: [Double])?]) -> Int {
                cells.indices.map { c -> Int in
                    let room = max(widths[c] - 1, 1)
                    guard let formula = formulas[c] else {
                        // Less a hair: a cell exactly as wide as its column is one line, whatever the rounding.
                        return cells[c] <= room + 1e-9 ? 1 : Int((cells[c] / (0.9 * room)).rounded(.up))
                    }
                    // A formula's width is estimated to within a few per cent, and its terms do not
                    // break: one within 3 % of its column's width is taken to wrap.
                    let line = 0.97 * room - formula.head
                    if cells[c] <= 0.97 * room { return 1 }
                    var count = 1, filled = 0.0
                    for term in formula.terms {
                        if filled > 0 && filled + term > line { count += 1; filled = 0 }
                        filled += term
                    }
                    return count
                }.max() ?? 1
            }
            let rowLines = [lines(header, header.map { _ in nil })] + zip(rows, rowFormulas).map(lines)
            // A formula's row is drawn a hair taller than a plain one (its inline flex box on the
            // baseline): 0.05 rem a table to spare (lesson3's slides at 1024×768 came out 0.04 over).
            let formulaSpare = rowFormulas.contains { $0.contains { $0 != nil } } ? 0.05 : 0
            return Double(rowLines.count) * rowHeight + Double(rowLines.reduce(0, +) - rowLines.count) * wrappedLineHeight
                + 0.15 * Double(range.count) + blockGap + formulaSpare
        }
    }
}
