/// A boxed table: every column as wide as its widest cell (in display columns), numbers
/// right-aligned, a rule between row groups.
///
/// When the table is wider than `maxWidth`, its formula columns are broken at `+` signs, widest
/// first and only as many as needed (continuation lines indented under the first `=`), then its
/// widest prose column is wrapped at words. In a row that takes several lines, results sit on the last line of the formula, everything
/// else on the first. Wrapped prose never makes a row taller by itself: its further lines run on
/// into the rows below whose cell in that column is empty (a matrix value's next rows, a
/// quantity's next component), and only what is left over gets lines of its own, under the row.
/// So a label never pushes its values away from the row they belong to.
struct TableLayout {
    let table: Table
    let maxWidth: Int
    let ascii: Bool
    let painter: Painter

    /// No formula column is narrowed below this; a table that still does not fit stays wider.
    static let minimumMathWidth = 16
    static let minimumProseWidth = 12

    /// What each line of `lines()` is, for a pager that keeps a table's header with its first row
    /// and repeats it on the next screen.
    enum LineKind: Equatable {
        /// The top border, the column titles and the rule under them.
        case head
        /// The rule between two row groups.
        case rule
        /// A line of a row: its first line, or one of a cell that wraps.
        case row(start: Bool)
        case bottom
    }

    func lines() -> [String] { markedLines().map(\.text) }

    func markedLines() -> [(text: String, kind: LineKind)] {
        var kinds: [LineKind] = []
        let n = table.columns.count
        let rows = table.groups.flatMap { $0 }
        var widths = (0..<n).map { c in
            rows.map { DisplayWidth.of($0[c].text) }.reduce(DisplayWidth.of(table.columns[c].title), max)
        }
        let frame = 3 * n + 1
        var wrapMath: Set<Int> = [], wrapProse: Int? = nil
        // Formula columns first, widest first, each only as far as the table needs: a table of
        // two formula columns (compare's conventions) breaks both.
        while widths.reduce(frame, +) > maxWidth,
              let c = widestColumn(widths, style: .math, prose: false, except: wrapMath) {
            let fit = max(Self.minimumMathWidth, widths[c] - (widths.reduce(frame, +) - maxWidth))
            widths[c] = rows.flatMap { MathWrap.lines($0[c].text, width: fit) }.map(DisplayWidth.of).reduce(DisplayWidth.of(table.columns[c].title), max)
            wrapMath.insert(c)
        }
        if widths.reduce(frame, +) > maxWidth, let c = widestColumn(widths, style: .plain, prose: true) {
            let fit = min(widths[c], max(Self.minimumProseWidth, widths[c] - (widths.reduce(frame, +) - maxWidth)))
            // A word longer than the column stays whole, so measure what the wrapping really gives.
            widths[c] = rows.flatMap { DisplayWidth.wrap($0[c].text, width: fit) }.map(DisplayWidth.of)
                .reduce(DisplayWidth.of(table.columns[c].title), max)
            wrapProse = c
        }
        let h = ascii ? "-" : "─", v = ascii ? "|" : "│"
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            painter.paint(left + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: middle) + right, .border)
        }
        func line(_ cells: [String], styles: [Table.Cell.Style?]) -> String {
            let bar = painter.paint(v, .border)
            let parts = (0..<n).map { c in
                paint(DisplayWidth.pad(cells[c], to: widths[c], right: table.columns[c].alignRight), styles[c])
            }
            return bar + " " + parts.joined(separator: " " + bar + " ") + " " + bar
        }
        var out: [String] = []
        out.append(ascii ? rule("+", "+", "+") : rule("┌", "┬", "┐"))
        out.append(line(table.columns.map(\.title), styles: Array(repeating: nil, count: n)))
        kinds += [.head, .head]
        for (g, group) in table.groups.enumerated() {
            out.append(ascii ? rule("+", "+", "+") : rule("├", "┼", "┤"))
            kinds.append(g == 0 ? .head : .rule)
            // Lines of the wrapped prose column still to be shown: they run on into the lines below,
            // down the rows of the group whose cell in that column is empty.
            var carried: [String] = []
            var carriedStyles: [Table.Cell.Style?] = []
            func flushCarried() {
                for text in carried {
                    out.append(line((0..<n).map { $0 == wrapProse ? text : "" }, styles: carriedStyles))
                    kinds.append(.row(start: false))
                }
                carried = []
            }
            for row in group {
                let cellLines: [[String]] = (0..<n).map { c in
                    let text = row[c].text
                    if wrapMath.contains(c) { return MathWrap.lines(text, width: widths[c]) }
                    return [text]
                }
                if let p = wrapProse, !row[p].text.isEmpty {
                    // A new label: whatever is left of the one before goes under its own row first.
                    flushCarried()
                    carried = DisplayWidth.of(row[p].text) > widths[p] ? DisplayWidth.wrap(row[p].text, width: widths[p]) : [row[p].text]
                    carriedStyles = row.map(\.style)
                }
                let height = cellLines.map(\.count).max() ?? 1
                for k in 0..<height {
                    let cells = (0..<n).map { c -> String in
                        if c == wrapProse { return carried.isEmpty ? "" : carried.removeFirst() }
                        let lines = cellLines[c]
                        // Results at the bottom, next to the last line of their formula.
                        let first = row[c].style == .result ? height - lines.count : 0
                        return k >= first && k - first < lines.count ? lines[k - first] : ""
                    }
                    out.append(line(cells, styles: row.map(\.style)))
                    kinds.append(.row(start: k == 0))
                }
            }
            flushCarried()
        }
        out.append(ascii ? rule("+", "+", "+") : rule("└", "┴", "┘"))
        kinds.append(.bottom)
        return Array(zip(out, kinds)).map { (text: $0.0, kind: $0.1) }
    }

    /// The widest column all of whose cells have `style` (or are empty); for `prose`, one with
    /// words to wrap at (a column of numbers is never wrapped).
    private func widestColumn(_ widths: [Int], style: Table.Cell.Style, prose: Bool, except: Set<Int> = []) -> Int? {
        let rows = table.groups.flatMap { $0 }
        let candidates = table.columns.indices.filter { c in
            !except.contains(c) && rows.allSatisfy { $0[c].style == style || $0[c].text.isEmpty }
                && rows.contains { $0[c].style == style && !$0[c].text.isEmpty }
                && (!prose || rows.contains { $0[c].text.contains(" ") })
        }
        return candidates.max { widths[$0] < widths[$1] }
    }

    /// Colour goes around the padded text, so it never changes a width.
    private func paint(_ text: String, _ style: Table.Cell.Style?) -> String {
        switch style {
        case nil: return painter.paint(text, .header)
        case .result?: return painter.paint(text, .result)
        case .warning?: return painter.paint(text, .warning)
        case .plain?, .math?: return text
        }
    }
}

/// Breaks a formula that is too wide at its `+` signs, outermost first:
///
///     ∂L/∂h₃·∂h₃/∂h₂ = ∂L/∂h₃⊙z₃ + ∂L/∂(r₃⊙h₂)⊙r₃
///                      + Urᵀ·∂L/∂a_r₃ + Uzᵀ·∂L/∂a_z₃
///
/// Continuation lines start under the text after the first `= `. A formula without a `+` to
/// break at is broken before its `=` signs instead, continuation lines indented by two.
enum MathWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width else { return [text] }
        let hang = String(repeating: " ", count: hangWidth(text))
        var best: [String] = [text]
        for depth in 0...3 {
            best = greedy(pieces(text, at: "+", maxDepth: depth), width: width, hang: hang)
            if best.allSatisfy({ DisplayWidth.of($0) <= width }) { return best }
        }
        let atEquals = greedy(pieces(text, at: "=", maxDepth: 0), width: width, hang: "  ")
        return atEquals.map(DisplayWidth.of).max() ?? 0 < best.map(DisplayWidth.of).max() ?? 0 ? atEquals : best
    }

    /// Where continuation lines start: just after the first `= ` (or 4 columns in).
    static func hangWidth(_ text: String) -> Int {
        guard let range = text.firstRange(of: "= ") else { return 4 }
        return DisplayWidth.of(String(text[..<range.lowerBound])) + 2
    }

    /// The text cut before every ` + ` (or ` = `) whose parenthesis depth is at most `maxDepth`.
    static func pieces(_ text: String, at sign: Character, maxDepth: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        let chars = Array(text)
        var k = 0
        while k < chars.count {
            let ch = chars[k]
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if depth <= maxDepth && ch == " " && k + 2 < chars.count && chars[k + 1] == sign && chars[k + 2] == " " {
                pieces.append(current)
                current = String(sign)
                k += 2                  // past the space and the sign; the space after it follows
                continue
            }
            current.append(ch)
            k += 1
        }
        pieces.append(current)
        return pieces
    }

    private static func greedy(_ pieces: [String], width: Int, hang: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if line.isEmpty { line = piece; continue }
            if DisplayWidth.of(line + " " + piece) > width {
                lines.append(line)
                line = hang + piece
            } else {
                line += " " + piece
            }
        }
        lines.append(line)
        return lines
    }
}
