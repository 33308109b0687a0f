import GRUCore
import GRULessons

/// The annotated walkthrough as slides in one self-contained HTML file, for projecting in class:
/// the same pages as `run --step` (see `Page`), each a slide or, when it is long, a few (see
/// `SlideLayout`); the loss curve and the gradient flowing back through time as inline SVG; a
/// zh/en switch when both languages are asked for. Inline CSS and script, no network, no fonts
/// to download; without the script the slides read as one long page, and printed (A4) they run
/// on with numbered pages, no slide cut between two (see `HTMLStyle`).
public enum HTMLRenderer {

    /// `languages`: the languages the file carries (the switch appears with more than one);
    /// `options.language` is the one it opens in. Default: just `options.language`.
    public static func render(_ trace: Trace, lesson: Lesson, options: RenderOptions, languages: [Language]? = nil) -> String {
        var languages = languages ?? [options.language]
        if !languages.contains(options.language) { languages.insert(options.language, at: 0) }
        // The breaks suit every language, whichever the file carries, so that slide N is the same
        // in the zh, the en and the both deck.
        let all = Language.allCases.map { pages(trace, lesson: lesson, options: options, language: $0) }
        let decks = languages.map { all[Language.allCases.firstIndex(of: $0)!] }
        let slides = SlideLayout.slides(all)
        // The tables cut between slides: their columns keep one width on every slide (and sheet).
        var cut: Set<Int> = []
        for slide in slides { for case .rows(let b, _) in slide.items { cut.insert(b) } }
        let start = options.language
        let title = { (l: Language) in lesson.shownTitle(l) }

        var out = "<!DOCTYPE html>\n"
        out += "<html lang=\"\(tag(start))\" data-lang=\"\(start.rawValue)\""
        for l in languages { out += " data-title-\(l.rawValue)=\"\(escape(title(l)))\"" }
        out += ">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"gru-explain\">\n"
        out += "<title>\(escape(title(start)))</title>\n"
        out += "<style>\n\(HTMLStyle.css)\(HTMLStyle.pageNumbers(Message.printPage.template(start)))</style>\n</head>\n<body>\n<main id=\"deck\">\n"
        for (n, slide) in slides.enumerated() {
            // "first": the slide opens a page of the walkthrough.
            let opensPage = n == 0 || slides[n - 1].page != slide.page
            out += "<section class=\"slide\(opensPage ? " first" : "")\" id=\"slide-\(n + 1)\">\n"
            for (l, language) in languages.enumerated() {
                let page = decks[l][slide.page]
                out += "<div class=\"content\" lang=\"\(tag(language))\" data-lang=\"\(language.rawValue)\">\n"
                out += html(slide, page, id: "s\(n + 1)\(language.rawValue)", language: language,
                            widths: { b in cut.contains(b) ? columnShares(page.blocks[b]) : nil })
                out += "</div>\n"
            }
            out += "</section>\n"
        }
        out += "</main>\n"
        out += controls(languages: languages, start: start, count: slides.count)
        out += help(languages: languages)
        out += "<div id=\"blank\"></div>\n"
        out += "<script>\n\(HTMLScript.js)</script>\n</body>\n</html>\n"
        return out
    }

    /// The walkthrough's pages in `language`, with the gradient-flow chart after the BPTT timesteps.
    static func pages(_ trace: Trace, lesson: Lesson, options: RenderOptions, language: Language) -> [Page] {
        var o = options
        o.language = language
        o.color = false
        let walkthrough = Walkthrough(trace: trace, lesson: lesson, options: o)
        var pages = walkthrough.pages()
        if let flow = walkthrough.gradientFlowPage(), let lastBPTT = pages.lastIndex(where: { $0.section == .bptt }) {
            pages.insert(flow, at: lastBPTT + 1)
        }
        for k in pages.indices {
            pages[k].blocks = pages[k].blocks.map { block in
                guard case .table(let table) = block else { return block }
                return .table(cutLongGroups(table))
            }
        }
        return pages
    }

    /// The most rows a row group keeps on a slide.
    static let maxGroupRows = 16

    /// The table with every row group longer than `maxGroupRows` cut into pieces, so that slides can
    /// break inside it (the update table gives a 5×5 matrix 25 rows in one group).
    static func cutLongGroups(_ table: Table) -> Table {
        var table = table
        table.groups = table.groups.flatMap { group in
            stride(from: 0, to: group.count, by: maxGroupRows).map { Array(group[$0..<min($0 + maxGroupRows, group.count)]) }
        }
        return table
    }

    /// The BCP 47 tag: zh-Hans (simplified Chinese) or en.
    static func tag(_ l: Language) -> String { l == .zh ? "zh-Hans" : "en" }

    /// The bar at the foot of every slide: back, the counter, next, and the language switch.
    static func controls(languages: [Language], start: Language, count: Int) -> String {
        func labels(_ m: Message) -> String {
            languages.map { " data-label-\($0.rawValue)=\"\(escape(m.text($0)))\"" }.joined()
        }
        var out = "<nav class=\"controls\" aria-label=\"\(escape(Message.slideKeys.text(start)))\"\(labels(.slideKeys))>\n"
        out += "<button type=\"button\" id=\"prev\" aria-label=\"\(escape(Message.slidePrevious.text(start)))\"\(labels(.slidePrevious))>←</button>\n"
        out += "<span id=\"counter\" aria-live=\"polite\" data-of-zh=\"\(escape(Message.slideCounter.template(.zh)))\" data-of-en=\"\(escape(Message.slideCounter.template(.en)))\">1 / \(count)</span>\n"
        out += "<button type=\"button\" id=\"next\" aria-label=\"\(escape(Message.slideNext.text(start)))\"\(labels(.slideNext))>→</button>\n"
        out += "<span id=\"goto\" aria-live=\"polite\"></span>\n"
        out += "<button type=\"button\" id=\"help-button\" aria-label=\"\(escape(Message.slideHelpButton.text(start)))\"\(labels(.slideHelpButton))>?</button>\n"
        out += languageSwitch(languages: languages, start: start)
        out += "</nav>\n"
        return out
    }

    /// The zh/en switch of a page with more than one language (the slides' controls, the
    /// workbook's toolbar); "" for a page in one language. A button per language, named in its
    /// own language, pressed for `start`; the group's label is in `start`'s language and carries
    /// the others as `data-label-xx`, which each page's script puts in `aria-label` on a switch.
    static func languageSwitch(languages: [Language], start: Language) -> String {
        guard languages.count > 1 else { return "" }
        let labels = languages.map { " data-label-\($0.rawValue)=\"\(escape(Message.languageSwitch.text($0)))\"" }.joined()
        var out = "<span class=\"langs\" role=\"group\" aria-label=\"\(escape(Message.languageSwitch.text(start)))\"\(labels)>\n"
        for l in languages {
            out += "<button type=\"button\" class=\"lang\" data-set-lang=\"\(l.rawValue)\" lang=\"\(tag(l))\" aria-pressed=\"\(l == start)\">\(l.ownName)</button>\n"
        }
        return out + "</span>\n"
    }

    /// The presenter's keys, shown over the slide by `?` (and the ? button), in each language.
    static func help(languages: [Language]) -> String {
        var out = "<div id=\"help\" role=\"dialog\">\n"
        for l in languages {
            let space = Message.keysSpace.text(l)
            var rows: [(String, Message)] = [
                ("→ ↓ \(space) PageDown n", .keyNext), ("← ↑ PageUp p", .keyBack), ("Home End", .keyEnds),
                ("12 Enter", .keyGoto), ("+ −", .keyTextSize), ("t", .keyTheme),
            ]
            if languages.count > 1 { rows.append(("l", .keyLanguage)) }
            rows += [("b .", .keyBlack), ("f", .keyFullScreen), ("?", .keyHelp)]
            out += "<div class=\"content\" lang=\"\(tag(l))\" data-lang=\"\(l.rawValue)\">\n<h2>\(escape(Message.keysTitle.text(l)))</h2>\n<table>\n"
            for (keys, what) in rows {
                let shown = keys.split(separator: " ").map { "<kbd>\(escape(String($0)))</kbd>" }.joined(separator: " ")
                out += "<tr><th scope=\"row\">\(shown)</th><td>\(escape(what.text(l)))</td></tr>\n"
            }
            out += "</table>\n</div>\n"
        }
        return out + "</div>\n"
    }

    /// A table's columns as shares of its natural width, and that width in the table's em (its
    /// type is 0.8 rem), with a little to spare: from the widest cell of each column over all its
    /// rows, so that every part of a table cut between slides lines up with the others. Nil for a
    /// table wider than the slide.
    static func columnShares(_ block: Block) -> (shares: [Double], em: Double)? {
        guard case .table(let table) = block else { return nil }
        let widths = HeightEstimate.TableProfile(table).naturalWidths
        let total = widths.reduce(0, +)
        // A table wider than the slide wraps its formulas as the browser's own layout does (and
        // as `HeightEstimate` expects): its parts fill the slide alike.
        guard total > 0, total <= SlideLayout.width else { return nil }
        return (widths.map { $0 / total }, min(total / 0.8 * 1.06, 76))
    }

    /// One language's content of a slide.
    /// `widths`: for a table cut between slides, its columns' shares of its width and that width in
    /// em (see `columnShares`), the same on every slide that shows a part of it.
    static func html(_ slide: SlideLayout.Slide, _ page: Page, id: String, language: Language,
                     widths: (Int) -> (shares: [Double], em: Double)? = { _ in nil }) -> String {
        var out = ""
        if SlideLayout.showsKicker(slide.items, continues: slide.continues, page.blocks) {
            out += "<p class=\"kicker\">\(escape(page.heading))</p>\n"
        }
        if let k = slide.continues {
            let heading: String
            switch page.blocks[k] {
            case .title(let s), .heading(let s), .subheading(let s): heading = s
            default: heading = ""
            }
            out += "<h3 class=\"continued\">\(escape(Message.slideContinued.text(language, heading)))</h3>\n"
        }
        for (n, item) in slide.items.enumerated() {
            switch item {
            case .block(let b):
                if case .table(let table) = page.blocks[b] {
                    out += html(table, widths: widths(b))
                } else {
                    out += html(page.blocks[b], id: "\(id)-\(n)", language: language)
                }
            case .rows(let b, let groups):
                guard case .table(var table) = page.blocks[b] else { continue }
                table.groups = Array(table.groups[groups])
                out += html(table, widths: widths(b))
            }
        }
        return out
    }

    static func html(_ block: Block, id: String, language: Language) -> String {
        switch block {
        case .title(let s): return "<h1>\(escape(s))</h1>\n"
        case .heading(let s): return "<h2>\(escape(s))</h2>\n"
        case .subheading(let s): return "<h3>\(escape(s))</h3>\n"
        case .paragraph(let s): return "<p>\(escape(s))</p>\n"
        case .note(let label, let text):
            let paragraphs = text.split(separator: "\n\n").map { escape(String($0)) }
            let first = "<p><strong>\(escape(label))</strong>\(Message.labelSeparator.text(language))\(paragraphs.first ?? "")</p>"
            return "<aside class=\"note\">" + first + paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined() + "</aside>\n"
        case .table(let table): return html(table)
        case .lossCurve(let plot):
            return SVGChart.loss(plot, id: id, lossLabel: Message.chartLossAxis.text(language)) + "\n"
        case .barChart(let chart):
            return SVGChart.bars(chart, id: id) + "\n"
        }
    }

    /// A table with its caption, column headers, one `<tbody>` per row group, and the name in the
    /// first column as the row's header.
    static func html(_ table: Table, widths: (shares: [Double], em: Double)? = nil) -> String {
        var out = "<table>\n"
        if let widths {
            out = "<table class=\"cut\" style=\"--width: \(NumberFormat.fixed(widths.em, decimals: 1))em\">\n"
        }
        if !table.caption.isEmpty { out += "<caption>\(escape(table.caption))</caption>\n" }
        if let widths {
            out += "<colgroup>" + widths.shares.map { "<col style=\"width: \(NumberFormat.fixed(100 * $0, decimals: 1))%\">" }.joined() + "</colgroup>\n"
        }
        out += "<thead><tr>"
        for column in table.columns {
            out += "<th scope=\"col\"\(column.alignRight ? " class=\"num\"" : "")>\(escape(column.title))</th>"
        }
        out += "</tr></thead>\n"
        for group in table.groups {
            out += "<tbody>\n"
            for row in group {
                out += "<tr>"
                for (c, cell) in row.enumerated() {
                    var classes: [String] = []
                    if c < table.columns.count, table.columns[c].alignRight { classes.append("num") }
                    switch cell.style {
                    case .math: classes.append("math")
                    case .result: classes.append("result")
                    case .warning: classes.append("warning")
                    case .plain: break
                    }
                    var text = cell.text
                    if cell.style != .math {
                        // "  unit 1" under its quantity: indented by the style sheet, not by spaces.
                        let indent = text.prefix(while: { $0 == " " }).count
                        text = String(text.dropFirst(indent)).trimmingTrailingSpaces
                        if indent > 0 { classes.append("sub") }
                    }
                    let attributes = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                    let shown = cell.style == .math ? formula(text) : escape(text)
                    if c == 0 && !text.isEmpty {
                        out += "<th scope=\"row\"\(attributes)>\(shown)</th>"
                    } else {
                        out += "<td\(attributes)>\(shown)</td>"
                    }
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
        return out
    }

    /// A formula that breaks only between its terms (see `FormulaBreaks`): its head on the first
    /// line, then the terms, each kept whole, on as many lines as the column needs, every line
    /// under the right-hand side. A formula of one term is one unbreakable run.
    static func formula(_ text: String) -> String {
        let breaks = FormulaBreaks(text)
        if breaks.head.isEmpty && breaks.terms.count <= 1 { return escape(text.trimmingTrailingSpaces) }
        var out = "<span class=\"formula\">"
        if !breaks.head.isEmpty { out += "<span class=\"head\">\(escape(breaks.head))</span>" }
        out += "<span class=\"rhs\">" + breaks.terms.map { "<span>\(escape($0))</span>" }.joined(separator: " ") + "</span></span>"
        return out
    }

    /// Text for HTML content and attribute values: `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
