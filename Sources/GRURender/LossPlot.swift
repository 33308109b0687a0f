import GRUCore

/// The training loss as a small bar chart for the terminal: one column per epoch (or per group
/// of epochs when there are more epochs than columns), bars in eighths of a row.
///
///     10.2785 ┤█
///             │█▇▆▅▄
///             │█████▇▆▅▄▃▂▁
///      1.2e−6 └──────────────
///              1     轮次    500
///
/// A loss that falls by more than a factor of 100 is drawn on a logarithmic axis (from the
/// smallest loss to the largest), otherwise on a linear one from 0.
struct LossPlot: Equatable {
    let losses: [Double]
    let format: NumberFormat
    /// Bars of `#`, `:` and `.` instead of the eighth blocks ▁▂▃▄▅▆▇█, and ASCII axes and labels.
    let ascii: Bool
    var epochLabel: String
    var height = 8
    var width = 60

    /// True when the loss falls by more than a factor of 100: then a linear axis would show one
    /// tall bar and nothing else.
    var logarithmic: Bool {
        guard let low = losses.min(), let high = losses.max(), low > 0 else { return false }
        return high / low > 100
    }

    private static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func lines() -> [String] {
        ascii ? unicodeLines().map(Notation.ascii) : unicodeLines()
    }

    private func unicodeLines() -> [String] {
        guard !losses.isEmpty else { return [] }
        let n = losses.count
        let columns = min(n, width)
        // The loss at the first epoch of each column's share of the epochs.
        let values = (0..<columns).map { losses[$0 * n / columns] }
        let top = losses.max() ?? 0, bottom = logarithmic ? (losses.min() ?? 0) : 0
        let levels = values.map { v -> Int in
            let fraction: Double
            if logarithmic {
                fraction = (log10(v) - log10(bottom)) / (log10(top) - log10(bottom))
            } else {
                fraction = top > 0 ? v / top : 0
            }
            // At least one eighth, so that no epoch disappears from a logarithmic plot.
            return max(logarithmic ? 1 : 0, Int((fraction * Double(height * 8)).rounded()))
        }
        let topLabel = format.value(top), bottomLabel = logarithmic ? format.short(bottom) : "0"
        let labelWidth = max(DisplayWidth.of(topLabel), DisplayWidth.of(bottomLabel))
        var out: [String] = []
        for row in 0..<height {
            let floor = (height - 1 - row) * 8
            let bars = String(levels.map { bar(min(8, max(0, $0 - floor))) })
            let label = row == 0 ? topLabel : ""
            let text = DisplayWidth.pad(label, to: labelWidth, right: true) + " " + (row == 0 ? "┤" : "│") + bars
            out.append(String(text.reversed().drop(while: { $0 == " " }).reversed()))
        }
        out.append(DisplayWidth.pad(bottomLabel, to: labelWidth, right: true) + " └" + String(repeating: "─", count: columns))
        // Epoch 1 under the first column, epoch N under the last, the axis name in between if it fits.
        let first = "1", last = String(n)
        let inner = columns - DisplayWidth.of(first) - DisplayWidth.of(last)
        var axis = first
        if inner >= DisplayWidth.of(epochLabel) + 2 {
            let left = (inner - DisplayWidth.of(epochLabel)) / 2
            axis += String(repeating: " ", count: left) + epochLabel
                + String(repeating: " ", count: inner - left - DisplayWidth.of(epochLabel))
        } else {
            axis += String(repeating: " ", count: max(1, inner))
        }
        axis += last
        out.append(String(repeating: " ", count: labelWidth + 2) + axis)
        return out
    }

    /// One cell of a bar filled to `level` eighths.
    private func bar(_ level: Int) -> Character {
        guard ascii else { return Self.eighths[level] }
        switch level {
        case 0: return " "
        case 8: return "#"
        case 4...7: return ":"
        default: return "."
        }
    }
}
