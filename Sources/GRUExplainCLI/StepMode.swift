import GRURender

/// `run --step`: the walkthrough one page at a time (see `TextRenderer.stepPages`), with a one-line
/// prompt under each: Enter, Space or → for the next screen or page, b or ← for the previous page,
/// ↑ or PageUp for the previous screen, q to quit.
///
/// Tables are laid out for `TextRenderer.width` columns; prose is wrapped to the terminal's width
/// when it is narrower (and again after a resize). A table wider than the terminal wraps, and the
/// pager counts the rows each line really takes (`rows(_:columns:)`), so a screen never scrolls its
/// top away; the prompt is shortened to fit on one row, and the first screen says that the
/// terminal is too narrow (`OutputOptions.narrowHint`). Where screens break: see `Pager`.
enum StepMode {
    /// Clears the screen and puts the cursor at the top left.
    static let clearScreen = "\u{1B}[H\u{1B}[2J"
    /// Back to the start of the line, and the line erased.
    static let eraseLine = "\r\u{1B}[K"

    /// Pages given as text, each line `.text` (the same at every width).
    static func run(pages: [String], language: Language, color: Bool, ascii: Bool = false,
                    keyboard: inout some Keyboard, write: (String) -> Void) -> Int32 {
        let lines = pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { ScreenLine(text: String($0)) }
        }
        return run(render: { _ in lines }, language: language, color: color, ascii: ascii, keyboard: &keyboard, write: write)
    }

    /// Shows the pages `render(columns)` lays out for the terminal's width until the reader finishes
    /// or quits (status 0) or presses Ctrl-C (130).
    static func run(render: (Int) -> [[ScreenLine]], language: Language, color: Bool, ascii: Bool = false,
                    keyboard: inout some Keyboard, write: (String) -> Void) -> Int32 {
        var size = keyboard.size
        var lines: [[ScreenLine]] = []
        // The hint that the terminal is too narrow, on the first screen and on the first screen
        // after a resize; the page has that many fewer rows while it is shown.
        var notice: String? = nil
        func layout(page: Int) -> Pager {
            lines = render(size.columns)
            let widest = lines.joined().map { visibleWidth($0.text) }.max() ?? 0
            notice = OutputOptions.narrowHint(widest: widest, columns: size.columns, language: language, instead: "--format html")
                .map { "gru-explain: " + $0 }
            var noticeRows = notice.map { rows($0, columns: size.columns) } ?? 0
            if size.rows - 1 - noticeRows < 1 {
                notice = nil                 // a terminal this small has no room for it
                noticeRows = 0
            }
            let heights = lines.map { page in page.map { rows($0.text, columns: size.columns) } }
            return Pager(lineHeights: heights, blank: lines.map { $0.map { isBlank($0.text) } }, kinds: lines.map { $0.map(\.kind) },
                         rows: size.rows - 1 - noticeRows, page: page)
        }
        var pager = layout(page: 0)
        var action = Pager.Action.show
        while true {
            switch action {
            case .show:
                let page = lines[pager.page]
                let shown = pager.screenLines.map { page[$0].text }
                var screen = clearScreen
                if let notice { screen += (color ? "\u{1B}[33m" + notice + "\u{1B}[0m" : notice) + "\n" }
                screen += shown.joined(separator: "\n") + "\n"
                screen += prompt(pager, language: language, color: color, ascii: ascii, columns: size.columns)
                write(screen)
            case .stay:
                break
            case .finish, .quit:
                write(eraseLine)
                return ExitStatus.success
            case .interrupt:
                write(eraseLine)
                return 130
            }
            guard let key = keyboard.readKey() else {
                write(eraseLine)
                return ExitStatus.success
            }
            let now = keyboard.size
            if now != size {
                // The terminal was resized: lay out and measure again, and open the screen at the line
                // that holds what was at its top, so that the reader keeps their place.
                let page = pager.page
                let shown = shownBefore(line: pager.top, lines[page])
                size = now
                pager = layout(page: page)
                pager.open(at: line(holding: shown, lines[page]))
            }
            action = pager.handle(key)
            if notice != nil, key != .redraw, action == .show {
                // The reader has moved on, so has seen the hint: the next screens use every row.
                notice = nil
                pager.rows = size.rows - 1
            }
        }
    }

    /// The prompt under each screen: `[3/12] Enter/Space/→: next · b/←: previous page · ↑/PageUp:
    /// previous screen · q: quit`, in reverse video when colour is on. It never wraps: it takes at
    /// most `columns` − 1 columns (the last stays free, so the cursor waits on the prompt's row),
    /// and where the full form is wider it becomes `[3/12] Space: next · b: prev. page · ↑: prev.
    /// screen · q: quit`, then `[3/12] next: Space b ↑ q`, then that cut short.
    static func prompt(_ pager: Pager, language: Language, color: Bool, ascii: Bool = false, columns: Int = .max) -> String {
        let what: Message = pager.hasMore ? .stepMore : pager.isLastScreen ? .stepFinish : .stepNext
        let room = columns - 1
        var text = ""
        for form in [Message.stepKeys, .stepKeysShort, .stepKeysShortest] {
            let keys = form.text(language, what.text(language))
            text = "[\(pager.page + 1)/\(pager.lineHeights.count)] " + (ascii ? Notation.ascii(keys) : keys)
            if DisplayWidth.of(text) <= room { break }
        }
        text = truncate(text, toWidth: room, ascii: ascii)
        return color ? "\u{1B}[7m" + text + "\u{1B}[0m" : text
    }

    /// `text` (no escapes) cut to at most `width` columns, ending in "…" ("..." with `ascii`) when cut.
    static func truncate(_ text: String, toWidth width: Int, ascii: Bool = false) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let ellipsis = ascii ? "..." : "…"
        let room = width - DisplayWidth.of(ellipsis)
        guard room >= 0 else { return "" }
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(String(ch))
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        return out + ellipsis
    }

    /// Display columns, not counting ANSI colour escapes.
    static func visibleWidth(_ line: String) -> Int {
        var width = 0
        forEachVisible(line) { width += DisplayWidth.of($0) }
        return width
    }

    /// The screen rows `line` takes on a terminal `columns` wide, which wraps what does not fit.
    /// Colour escapes take no room; a CJK character takes two columns, and one that does not fit in
    /// what is left of a row starts the next row whole (the terminal leaves the last column empty),
    /// so a line can take more rows than its width ÷ `columns`, rounded up. A line exactly
    /// `columns` wide takes one row: the cursor waits at its end, and the "\n" after it moves
    /// down one. An empty line takes one row.
    static func rows(_ line: String, columns: Int) -> Int {
        let columns = max(columns, 1)
        var rows = 1, column = 0
        forEachVisible(line) { scalar in
            let w = DisplayWidth.of(scalar)
            guard w > 0 else { return }
            if column > 0 && column + w > columns {
                rows += 1
                column = 0
            }
            column += w
        }
        return rows
    }

    /// How many characters other than spaces `page` shows before its line `line`: a place in the
    /// page that re-wrapping its prose for another width keeps.
    static func shownBefore(line: Int, _ page: [ScreenLine]) -> Int {
        var count = 0
        for l in page.prefix(line) { forEachVisible(l.text) { if $0 != " " { count += 1 } } }
        return count
    }

    /// The line of `page` that holds its character number `shown` (counted as `shownBefore`).
    static func line(holding shown: Int, _ page: [ScreenLine]) -> Int {
        var count = 0
        for (k, l) in page.enumerated() {
            forEachVisible(l.text) { if $0 != " " { count += 1 } }
            if count > shown { return k }
        }
        return max(page.count - 1, 0)
    }

    /// True when `line` shows nothing but spaces: a place where a page breaks well, between two
    /// paragraphs or before a table.
    static func isBlank(_ line: String) -> Bool {
        var blank = true
        forEachVisible(line) { if $0 != " " { blank = false } }
        return blank
    }

    /// Calls `body` with each Unicode scalar of `line` that is shown: not those of an ANSI escape
    /// (ESC, then up to and including the first letter, as in `ESC [1;36m`).
    private static func forEachVisible(_ line: String, _ body: (Unicode.Scalar) -> Void) {
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if scalar.properties.isAlphabetic && scalar.isASCII { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                body(scalar)
            }
        }
    }
}
