/// How the pages of the walkthrough become slides: a page that fits on one 16∶9 slide at the
/// projected type size is one slide; a longer one continues on the next slide, broken before a
/// block (a heading never ends a slide) or, for a table taller than a slide, between its row
/// groups, so that a quantity and its component rows always stay together.
///
/// Heights are estimated in rem, the unit of `HTMLStyle` (the slide is 64 × 36 rem, whatever the
/// screen). The estimate only chooses the breaks; the page's script still shrinks a slide's type
/// a little if the browser needs more room than estimated, and the browser test checks that no
/// slide overflows.
struct SlideLayout {
    /// What one slide shows of a page.
    struct Slide: Equatable {
        var page: Int
        var items: [Item]
        /// The block whose heading the slide repeats with "(continued)", when it starts in the middle
        /// of what that heading introduced.
        var continues: Int?
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

    /// Room for content on a slide, in rem (see `HTMLStyle`: 36 rem less the bar and the padding).
    static let height = 30.8
    /// Width for content, in rem.
    static let width = 60.8

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

    private static func slides(page k: Int, _ versions: [Page]) -> [Slide] {
        let blocks = versions[0].blocks
        func cost(_ i: Int) -> Double { versions.map { HeightEstimate.block($0.blocks[i]) }.max() ?? 0 }
        func cost(_ i: Int, groups: Range<Int>) -> Double {
            versions.map { version -> Double in
                guard case .table(let table) = version.blocks[i] else { return 0 }
                return HeightEstimate.table(table, groups: groups)
            }.max() ?? 0
        }
        // A heading, a paragraph just before a chart, and a short one just before a table
        // ("Input x₁ = 1, …") go with what follows.
        func keepsWithNext(_ i: Int) -> Bool {
            guard i + 1 < blocks.count else { return false }
            switch (blocks[i], blocks[i + 1]) {
            case (.title, _), (.heading, _), (.subheading, _): return true
            case (.paragraph, .lossCurve), (.paragraph, .barChart): return true
            case (.paragraph(let text), .table): return DisplayWidth.of(text) <= 2 * HeightEstimate.paragraphColumns
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
            let items: [Item] = [.block(i)]
            return (showsKicker(items, continues: continued(i), blocks) ? HeightEstimate.kicker : 0)
                + (continued(i) == nil ? 0 : HeightEstimate.subheading)
        }

        var out: [Slide] = []
        var current = Slide(page: k, items: [], continues: nil)
        var used = 0.0
        func startSlide(at i: Int) {
            if !current.items.isEmpty { out.append(current) }
            current = Slide(page: k, items: [], continues: continued(i))
            used = overhead(startingAt: i)
        }
        startSlide(at: 0)
        var i = 0
        while i < blocks.count {
            // The chunk: headings and lead-ins kept with the block they introduce.
            var end = i
            while keepsWithNext(end) { end += 1 }
            let chunk = (i...end).map(cost).reduce(0, +)
            if used + chunk <= height || current.items.isEmpty && !isTable(blocks[end]) {
                current.items += (i...end).map { .block($0) }
                used += chunk
                i = end + 1
                continue
            }
            if !current.items.isEmpty, overhead(startingAt: i) + chunk <= height || !isTable(blocks[end]) {
                startSlide(at: i)
                continue
            }
            // A table too tall for a slide of its own (only a table gets here: anything else was
            // placed above, on a slide of its own if need be): as many row groups as fit, then go on.
            guard case .table(let table) = blocks[end] else { break }
            let lead = (i..<end).map(cost).reduce(0, +)
            if !current.items.isEmpty && height - used - lead < 0.3 * height {
                startSlide(at: i)
                continue
            }
            current.items += (i..<end).map { .block($0) }
            used += lead
            var from = 0
            while from < table.groups.count {
                var to = from + 1
                while to < table.groups.count && used + cost(end, groups: from..<(to + 1)) <= height { to += 1 }
                if !current.items.isEmpty && used + cost(end, groups: from..<to) > height {
                    startSlide(at: end)
                    continue
                }
                current.items.append(from == 0 && to == table.groups.count ? .block(end) : .rows(block: end, groups: from..<to))
                used += cost(end, groups: from..<to)
                from = to
                if from < table.groups.count { startSlide(at: end) }
            }
            i = end + 1
        }
        if !current.items.isEmpty { out.append(current) }
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

    private static func isTable(_ block: Block) -> Bool {
        if case .table = block { return true }
        return false
    }
}

/// Estimated heights in rem, matching the sizes in `HTMLStyle`.
enum HeightEstimate {
    /// Display columns (CJK counts 2) that fit on a line of a paragraph, with room to spare.
    static let paragraphColumns = 112
    static let noteColumns = 124
    static let kicker = 1.15
    static let subheading = 1.8
    static let heading = 2.2
    static let titleLine = 2.5
    static let lineHeight = 1.3         // a paragraph line (0.95 rem type)
    static let blockGap = 0.55
    static let rowHeight = 1.17         // a table line (0.8 rem type)
    static let chart = 17.5

    static func block(_ block: Block) -> Double {
        switch block {
        case .title(let text): return titleLine * lines(text, columns: 70) + blockGap
        case .heading: return heading
        case .subheading: return subheading
        case .paragraph(let text): return lineHeight * lines(text, columns: paragraphColumns) + blockGap
        case .note(let label, let text): return 0.9 * lineHeight * lines(label + "：" + text, columns: noteColumns) + 0.9 + blockGap
        case .table(let table): return self.table(table, groups: 0..<table.groups.count)
        case .lossCurve, .barChart: return chart + blockGap
        }
    }

    static func lines(_ text: String, columns: Int) -> Double {
        Double(max(1, (DisplayWidth.of(text) + columns - 1) / columns))
    }

    /// A table's header and the lines of `groups`, with long cells wrapped the way a browser would:
    /// the widest column narrowed until the table fits the slide.
    static func table(_ table: Table, groups: Range<Int>) -> Double {
        let all = table.groups.flatMap { $0 }
        // Column widths in rem at 0.8 rem type: 0.48 rem a column in monospace, 0.42 in prose; 1 rem padding.
        func remPerColumn(_ c: Int) -> Double {
            all.contains { $0[c].style == .math } ? 0.48 : 0.42
        }
        let natural = table.columns.indices.map { c in
            Double(all.map { DisplayWidth.of($0[c].text) }.reduce(DisplayWidth.of(table.columns[c].title), max)) * remPerColumn(c) + 1
        }
        var widths = natural
        while widths.reduce(0, +) > SlideLayout.width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] = max(8, widths[widest] - (widths.reduce(0, +) - SlideLayout.width))
        }
        func rowLines(_ cells: [String]) -> Double {
            cells.indices.map { c in
                (Double(DisplayWidth.of(cells[c])) * remPerColumn(c) / max(widths[c] - 1, 1)).rounded(.up)
            }.max().map { max($0, 1) } ?? 1
        }
        let header = rowLines(table.columns.map(\.title))
        let body = table.groups[groups].flatMap { $0 }.map { rowLines($0.map(\.text)) }.reduce(0, +)
        return (header + body) * rowHeight + 0.15 * Double(groups.count) + blockGap
    }
}
