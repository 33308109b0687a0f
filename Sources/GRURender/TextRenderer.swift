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
        let painter = Painter(enabled: options.color)
        let separator = options.language == .zh ? "：" : ": "
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let title):
                out.append(painter.paint(title, .title))
                out.append(String(repeating: options.ascii ? "=" : "═", count: DisplayWidth.of(title)))
            case .heading(let heading):
                let lead = options.ascii ? "== " : "━━ "
                let fill = max(2, width - DisplayWidth.of(lead + heading) - 1)
                out.append("")
                out.append(painter.paint(lead + heading + " " + String(repeating: options.ascii ? "=" : "━", count: fill), .heading))
            case .subheading(let text):
                out.append(painter.paint((options.ascii ? "> " : "▸ ") + text, .subheading))
            case .paragraph(let text):
                out += DisplayWidth.wrap(text, width: width)
            case .note(let label, let text):
                let bar = options.ascii ? "| " : "│ "
                // A note of several paragraphs: a line of the bar alone between them.
                for (p, paragraph) in text.split(separator: "\n\n").enumerated() {
                    if p > 0 { out.append(painter.paint(String(bar.dropLast()), .note)) }
                    let lines = DisplayWidth.wrap(p == 0 ? label + separator + paragraph : String(paragraph), width: width - 2)
                    for (k, line) in lines.enumerated() {
                        if p == 0, k == 0, line.hasPrefix(label) {
                            out.append(painter.paint(bar, .note) + painter.paint(label, .noteLabel) + String(line.dropFirst(label.count)))
                        } else {
                            out.append(painter.paint(bar, .note) + line)
                        }
                    }
                }
            case .table(let table):
                out += TableLayout(table: table, maxWidth: width, ascii: options.ascii, painter: painter).lines()
            case .lossCurve(let plot):
                out += plot.lines().map { "  " + $0 }
            case .barChart(let chart):
                out += chart.lines(ascii: options.ascii).map { "  " + $0 }
            }
            out.append("")
        }
        return out
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
