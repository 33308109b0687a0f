/// The walkthrough as a renderer-neutral list of blocks. `Walkthrough` decides what is said;
/// `TextRenderer` and `MarkdownRenderer` only decide how it looks, so both show the same content.
enum Block: Equatable {
    /// The lesson's title.
    case title(String)
    /// A numbered section: "2 · 前向传播".
    case heading(String)
    /// A block inside a section: "时间步 1".
    case subheading(String)
    /// An explanation in the chosen language.
    case paragraph(String)
    /// The lesson author's note for this section.
    case note(label: String, text: String)
    case table(Table)
    /// Preformatted lines (the loss curve); Markdown puts them in a fenced code block.
    case preformatted([String])
}

/// A table whose rows come in groups; the text renderer rules a line between groups.
struct Table: Equatable {
    struct Column: Equatable {
        var title: String
        var alignRight: Bool = false
    }

    struct Cell: Equatable {
        enum Style: Equatable {
            case plain
            /// A formula or a substitution: monospace in Markdown.
            case math
            /// A result the row leads up to: bold when colour is on.
            case result
            /// Something that went wrong, such as a prediction far from its expected value.
            case warning
        }
        var text: String
        var style: Style = .plain
    }

    typealias Row = [Cell]

    var columns: [Column]
    var groups: [[Row]]
}

extension Table.Cell: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self.init(text: value) }
    static func math(_ text: String) -> Table.Cell { Table.Cell(text: text, style: .math) }
    static func result(_ text: String) -> Table.Cell { Table.Cell(text: text, style: .result) }
}

extension Block {
    /// The same block with every piece of text passed through `f` (the ASCII fallback).
    func mapText(_ f: (String) -> String) -> Block {
        switch self {
        case .title(let s): return .title(f(s))
        case .heading(let s): return .heading(f(s))
        case .subheading(let s): return .subheading(f(s))
        case .paragraph(let s): return .paragraph(f(s))
        case .note(let label, let text): return .note(label: f(label), text: f(text))
        case .preformatted(let lines): return .preformatted(lines.map(f))
        case .table(var table):
            table.columns = table.columns.map { Table.Column(title: f($0.title), alignRight: $0.alignRight) }
            table.groups = table.groups.map { $0.map { $0.map { Table.Cell(text: f($0.text), style: $0.style) } } }
            return .table(table)
        }
    }
}
