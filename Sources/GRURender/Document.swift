import GRUCore
import GRULessons

/// The walkthrough as a renderer-neutral list of blocks. `Walkthrough` decides what is said;
/// `TextRenderer`, `MarkdownRenderer` and `HTMLRenderer` only decide how it looks, so all three
/// show the same content.
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
    /// The training loss per epoch: lines of bars in a terminal and in Markdown's fenced code
    /// block, an SVG chart in HTML.
    case lossCurve(LossPlot)
    /// One bar per item (the gradient reaching each timestep): an SVG chart in HTML. Only the
    /// slides carry one today (`Walkthrough.gradientFlowPage`); the text renderers would draw it as
    /// rows of bars.
    case barChart(BarChart)
}

/// Bars with a label and a value each, drawn from 0; in groups (one per sequence) when
/// `groupTitles` names more than one, each group a small chart of its own on one value axis.
struct BarChart: Equatable {
    struct Bar: Equatable {
        var label: String
        var value: Double
        /// The value as shown: `1.2345`.
        var text: String
        /// The group (`groupTitles`) the bar belongs to.
        var group: Int = 0
    }
    var bars: [Bar]
    /// The groups' titles ("序列 1"); empty for one group.
    var groupTitles: [String] = []
    /// What the bars measure: `‖∂L/∂hₜ‖`.
    var valueLabel: String
    /// What the labels name: "时间步".
    var itemLabel: String

    /// `  t = 1  ██████▌        0.4567`: one row per bar, the longest `width` columns.
    func lines(width: Int = 40, ascii: Bool) -> [String] {
        let top = bars.map(\.value).max() ?? 0
        let labelOf = { (bar: Bar) in groupTitles.count > 1 ? groupTitles[bar.group] + " · " + bar.label : bar.label }
        let labelWidth = bars.map { DisplayWidth.of(labelOf($0)) }.max() ?? 0
        let eighths: [String] = ascii ? ["", "", "", "", "", "", "", "", ""] : ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return bars.map { bar in
            let units = top > 0 && bar.value.isFinite ? Int((bar.value / top * Double(width * 8)).rounded()) : 0
            let body = String(repeating: ascii ? "#" : "█", count: units / 8) + (units % 8 == 0 ? "" : eighths[units % 8])
            return DisplayWidth.pad(labelOf(bar), to: labelWidth) + "  " + DisplayWidth.pad(body, to: width) + "  " + bar.text
        }
    }
}

/// What one pause of `run --step` shows and what becomes one HTML slide: the model and its
/// parameters, one forward timestep, the loss, one BPTT timestep, the accumulation, the update,
/// training, the application. A section's explanation stays with its first timestep, and the
/// lesson's note with its last page; the lesson's title and description open the first page.
struct Page: Equatable {
    var section: LessonSection
    /// The section's numbered heading ("2 · 前向传播"), for a slide that continues the section.
    var heading: String
    var blocks: [Block]
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
    /// What the table shows, for a screen reader (HTML's `<caption>`); the text renderers leave it out.
    var caption: String = ""
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
        case .lossCurve(var plot):
            plot.epochLabel = f(plot.epochLabel)
            return .lossCurve(plot)
        case .barChart(var chart):
            chart.bars = chart.bars.map { BarChart.Bar(label: f($0.label), value: $0.value, text: f($0.text), group: $0.group) }
            chart.groupTitles = chart.groupTitles.map(f)
            chart.valueLabel = f(chart.valueLabel)
            chart.itemLabel = f(chart.itemLabel)
            return .barChart(chart)
        case .table(var table):
            table.columns = table.columns.map { Table.Column(title: f($0.title), alignRight: $0.alignRight) }
            table.groups = table.groups.map { $0.map { $0.map { Table.Cell(text: f($0.text), style: $0.style) } } }
            table.caption = f(table.caption)
            return .table(table)
        }
    }
}
