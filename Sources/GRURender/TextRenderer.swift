import GRUCore
import GRULessons

/// The annotated walkthrough for a terminal: boxed tables whose columns line up with Chinese
/// text, paragraphs wrapped to 100 columns, ANSI colour only when `options.color`.
public enum TextRenderer {
    /// The widest line the renderer aims for. A table wider than this gets its longest prose
    /// column wrapped; formulas are already broken by the walkthrough.
    public static let width = 100

    public static func render(_ trace: Trace, lesson: Lesson, options: RenderOptions) -> String {
        let pages = Walkthrough(trace: trace, lesson: lesson, options: options).pages()
        return joined(pages.flatMap { lines($0.blocks, options: options) })
    }

    /// The same walkthrough one page at a time, for `run --step`: the model, each forward
    /// timestep, the loss, each BPTT timestep, the accumulation, the update, training, the
    /// application (see `Page`). Each page ends with a newline; blank lines around it are dropped.
    public static func pages(_ trace: Trace, lesson: Lesson, options: RenderOptions) -> [String] {
        Walkthrough(trace: trace, lesson: lesson, options: options).pages().map { page in
            var lines = lines(page.blocks, options: options)
            while lines.first == "" { lines.removeFirst() }
            return joined(lines)
        }
    }

    /// The pages of `run --step` with what each line is, prose wrapped to `width` columns (at most
    /// `TextRenderer.width`; tables keep their layout for 100), so that the pager can keep a
    /// heading with the start of its table and repeat a table's header on the next screen.
    public static func stepPages(_ trace: Trace, lesson: Lesson, options: RenderOptions, width: Int = TextRenderer.width) -> [[ScreenLine]] {
        Walkthrough(trace: trace, lesson: lesson, options: options).pages().map { page in
            var lines = markedLines(page.blocks, options: options, proseWidth: min(max(width, 20), Self.width))
            while lines.first?.text == "" { lines.removeFirst() }
            while lines.last?.text == "" { lines.removeLast() }
            return lines
        }
    }

    /// Any document made of blocks (the walkthrough, `compare`, `gradcheck`) in the same layout.
    static func document(_ blocks: [Block], options: RenderOptions) -> String {
        joined(lines(blocks, options: options))
    }

    private static func joined(_ lines: [String]) -> String {
        var lines = lines
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of some blocks, each block followed by a blank line (a heading also preceded by one).
    static func lines(_ blocks: [Block], options: RenderOptions) -> [String] {
        markedLines(blocks, options: options, proseWidth: width).map(\.text)
    }

    /// The same lines with what each one is; paragraphs, notes and headings `proseWidth` wide.
    static func markedLines(_ blocks: [Block], options: RenderOptions, proseWidth: Int) -> [ScreenLine] {
        let painter = Painter(enabled: options.color)
        let separator = Message.labelSeparator.text(options.language)
        var out: [ScreenLine] = []
        var tables = 0
        func add(_ lines: [String], _ kind: ScreenLine.Kind) { out += lines.map { ScreenLine(text: $0, kind: kind) } }
        for (b, block) in blocks.enumerated() {
            // A heading, and a lead-in of a line or two just before a table, stay with what follows.
            var keep = false
            switch block {
            case .title(let title):
                add([painter.paint(title, .title), String(repeating: options.ascii ? "=" : "═", count: DisplayWidth.of(title))], .keep)
                keep = true
            case .heading(let heading):
                let lead = options.ascii ? "== " : "━━ "
                let fill = max(2, proseWidth - DisplayWidth.of(lead + heading) - 1)
                add([""], .text)
                add([painter.paint(lead + heading + " " + String(repeating: options.ascii ? "=" : "━", count: fill), .heading)], .keep)
                keep = true
            case .subheading(let text):
                add([painter.paint((options.ascii ? "> " : "▸ ") + text, .subheading)], .keep)
                keep = true
            case .paragraph(let text):
                let lines = DisplayWidth.wrap(text, width: proseWidth)
                var leadIn = false
                if b + 1 < blocks.count, case .table = blocks[b + 1], lines.count <= 2 { leadIn = true }
                add(lines, leadIn ? .keep : .text)
                keep = leadIn
            case .note(let label, let text):
                let bar = options.ascii ? "| " : "│ "
                // A note of several paragraphs: a line of the bar alone between them.
                for (p, paragraph) in text.split(separator: "\n\n").enumerated() {
                    if p > 0 { add([painter.paint(String(bar.dropLast()), .note)], .text) }
                    let lines = DisplayWidth.wrap(p == 0 ? label + separator + paragraph : String(paragraph), width: proseWidth - 2)
                    for (k, line) in lines.enumerated() {
                        if p == 0, k == 0, line.hasPrefix(label) {
                            add([painter.paint(bar, .note) + painter.paint(label, .noteLabel) + String(line.dropFirst(label.count))], .text)
                        } else {
                            add([painter.paint(bar, .note) + line], .text)
                        }
                    }
                }
            case .table(let table):
                for (text, kind) in TableLayout(table: table, maxWidth: width, ascii: options.ascii, painter: painter).markedLines() {
                    switch kind {
                    case .head: add([text], .tableHead(tables))
                    case .rule: add([text], .tableRule(tables))
                    case .row(let start): add([text], .tableRow(tables, start: start))
                    case .bottom: add([text], .tableBottom(tables))
                    }
                }
                tables += 1
            case .lossCurve(let plot):
                add(plot.lines().map { "  " + $0 }, .text)
            case .barChart(let chart):
                add(chart.lines(ascii: options.ascii).map { "  " + $0 }, .text)
            }
            add([""], keep ? .keep : .text)
        }
        return out
    }
}

/// A line of a page of `run --step`, and what it is: where a screen may end, and which lines a
/// table continued on the next screen repeats.
public struct ScreenLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text
        /// A heading, a lead-in to a table, or the blank line after one: no screen ends here.
        case keep
        /// The top border, the column titles and the rule under them of table `n` of the page.
        case tableHead(Int)
        /// The rule between two row groups of table `n`.
        case tableRule(Int)
        /// A line of a row of table `n`: the row's first line (`start`) or a wrapped one.
        case tableRow(Int, start: Bool)
        case tableBottom(Int)

        /// The table the line belongs to.
        public var table: Int? {
            switch self {
            case .tableHead(let n), .tableRule(let n), .tableRow(let n, _), .tableBottom(let n): return n
            case .text, .keep: return nil
            }
        }
    }
    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind = .text) {
        self.text = text
        self.kind = kind
    }
}

/// ANSI escapes, or nothing when colour is off.
struct Painter {
    enum Role { case title, heading, subheading, header, result, warning, note, noteLabel, border }
    let enabled: Bool

    func paint(_ text: String, _ role: Role) -> String {
        guard enabled, !text.isEmpty else { return text }
        let code: String
        switch role {
        case .title: code = "1;4"
        case .heading: code = "1;36"
        case .subheading, .header, .result: code = "1"
        case .warning: code = "1;31"
        case .note: code = "33"
        case .noteLabel: code = "1;33"
        case .border: code = "2"
        }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}
