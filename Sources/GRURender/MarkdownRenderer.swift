import GRUCore
import GRULessons

/// The annotated walkthrough as GitHub-flavoured Markdown, for course notes: the same blocks as
/// `TextRenderer`, with formulas in code spans and the loss curve in a fenced code block.
public enum MarkdownRenderer {

    public static func render(_ trace: Trace, lesson: Lesson, options: RenderOptions) -> String {
        var plain = options
        plain.color = false
        return document(Walkthrough(trace: trace, lesson: lesson, options: plain).blocks(), options: plain)
    }

    /// Any document made of blocks (the walkthrough, `compare`, `gradcheck`) in the same layout.
    static func document(_ blocks: [Block], options: RenderOptions) -> String {
        let separator = Message.labelSeparator.text(options.language)
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let title): out.append("# " + escape(title))
            case .heading(let heading): out.append("## " + escape(heading))
            case .subheading(let text): out.append("### " + escape(text))
            case .paragraph(let text): out.append(escape(text))
            case .note(let label, let text):
                // Paragraphs of a note stay in one quote, a line of ">" between them.
                out.append("> **" + escape(label) + "**" + separator
                           + text.split(separator: "\n\n").map { escape(String($0)) }.joined(separator: "\n>\n> "))
            case .table(let table): out += lines(table)
            case .lossCurve(let plot): out += ["```text"] + plot.lines() + ["```"]
            case .barChart(let chart): out += ["```text"] + chart.lines(ascii: options.ascii) + ["```"]
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A GFM table. Cell padding is dropped (Markdown aligns by itself); formulas become code spans.
    static func lines(_ table: Table) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var out = [row(table.columns.map { escape($0.title) }),
                   row(table.columns.map { $0.alignRight ? "---:" : "---" })]
        for r in table.groups.flatMap({ $0 }) {
            out.append(row(r.map { cell in
                let text = trimmed(cell.text)
                if text.isEmpty { return "" }
                switch cell.style {
                case .math: return "`" + text.replacing("|", with: "\\|") + "`"
                case .result: return "**" + escape(text) + "**"
                case .plain, .warning: return escape(text)
                }
            }))
        }
        return out
    }

    /// Text with the characters Markdown would read as markup escaped: `*` (the ASCII ⊙), `|`, `` ` ``.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "*" || ch == "|" || ch == "`" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        String(s.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
