import GRUCore

/// The charts of the HTML slides as inline SVG, with labelled axes and a text title for screen
/// readers: the loss per epoch (on a logarithmic axis when `LossPlot` uses one) and bars such as
/// ‖∂L/∂hₜ‖ per timestep. Colours come from the style sheet (`.chart` classes).
enum SVGChart {
    static let width = 960.0, height = 360.0
    /// The plot area inside the view box: room on the left for tick labels, below for the axis name.
    static let left = 112.0, right = 48.0, top = 18.0, bottom = 78.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    static func loss(_ plot: LossPlot, id: String, lossLabel: String) -> String {
        let losses = plot.losses
        guard let first = losses.first, let last = losses.last else { return "" }
        let n = losses.count
        let logarithmic = plot.logarithmic
        // The vertical axis: whole decades around the losses, or 0 to a round number.
        let ticks: [(value: Double, label: String)]
        let low: Double, high: Double
        if logarithmic {
            let lo = floor(log10(losses.min() ?? 1)), hi = ceil(log10(losses.max() ?? 1))
            low = lo
            high = max(hi, lo + 1)
            let step = (high - low) > 8 ? 2.0 : 1.0
            ticks = stride(from: low, through: high, by: step).map { ($0, "10" + superscript(Int($0))) }
        } else {
            low = 0
            let stepSize = niceStep((losses.max() ?? 1) / 4)
            high = max(stepSize, ((losses.max() ?? 1) / stepSize).rounded(.up) * stepSize)
            ticks = stride(from: 0.0, through: high + stepSize / 2, by: stepSize).map { ($0, plot.format.given($0)) }
        }
        func y(_ loss: Double) -> Double {
            let v = logarithmic ? log10(loss) : loss
            return top + (high - v) / (high - low) * plotHeight
        }
        func x(_ epoch: Int) -> Double {
            n == 1 ? left + plotWidth / 2 : left + Double(epoch - 1) / Double(n - 1) * plotWidth
        }
        var out = open(id: id, title: "\(lossLabel) · \(plot.epochLabel) 1–\(n): \(plot.format.value(first)) → \(plot.format.short(last))")
        for tick in ticks {
            let ty = y(logarithmic ? pow(10, tick.value) : tick.value)
            out += line(left, ty, width - right, ty, "grid")
            out += text(tick.label, x: left - 10, y: ty + 7, anchor: "end")
        }
        let epochStep = max(1, Int(niceStep(Double(n) / 5)))
        var epochTicks = [1] + stride(from: epochStep, through: n, by: epochStep).filter { $0 > 1 }
        if epochTicks.last != n && n - (epochTicks.last ?? 0) >= epochStep / 2 { epochTicks.append(n) }
        for e in epochTicks {
            out += line(x(e), top + plotHeight, x(e), top + plotHeight + 8, "axis")
            out += text(String(e), x: x(e), y: top + plotHeight + 32, anchor: "middle")
        }
        out += axes()
        out += text(plot.epochLabel, x: left + plotWidth / 2, y: height - 12, anchor: "middle", cls: "label")
        out += text(lossLabel, x: 24, y: top + plotHeight / 2, anchor: "middle", cls: "label", rotate: true)
        // Every epoch, thinned to at most 1000 points.
        let stride = max(1, n / 1000)
        var points = Array(Swift.stride(from: 1, through: n, by: stride))
        if points.last != n { points.append(n) }
        out += "<polyline class=\"series\" points=\""
            + points.map { coordinate(x($0)) + "," + coordinate(y(losses[$0 - 1])) }.joined(separator: " ") + "\"/>"
        return out + "</svg></figure>"
    }

    /// The width in view-box units of `text` at the charts' 22 px type, a little more than DejaVu
    /// Sans Bold draws it (0.7 em a Latin character, 1 em a CJK one): what the layout leaves room for.
    static func textWidth(_ text: String) -> Double {
        HeightEstimate.width(text, letter: 0.7 * 22, wide: 22)
    }

    /// One small chart per group (`BarChart.groupTitles`), in rows of at most four, each with its
    /// own time axis and its title above, all on one value axis (ticks on the left of each row).
    /// Every bar's slot is wider than its value and its label, so no two labels meet.
    static func bars(_ chart: BarChart, id: String) -> String {
        let values = chart.bars.map(\.value).filter(\.isFinite)
        // Room above the tallest bar for its value.
        let stepSize = niceStep((values.max() ?? 1) * 1.12 / 4)
        let high = max(stepSize, ((values.max() ?? 1) * 1.12 / stepSize).rounded(.up) * stepSize)
        let groupCount = max(1, chart.groupTitles.count)
        let groups = (0..<groupCount).map { g in chart.bars.filter { $0.group == g } }
        let perRow = groupCount <= 4 ? groupCount : Int((Double(groupCount) / Double((groupCount + 3) / 4)).rounded(.up))
        let rowCount = (groupCount + perRow - 1) / perRow
        let slot = max(chart.bars.map { max(textWidth($0.text), textWidth($0.label)) + 16 }.max() ?? 0,
                       groupCount == 1 ? plotWidth / Double(max(chart.bars.count, 1)) : 0)
        let longest = Double(groups.map(\.count).max() ?? 1)
        let gap = groupCount == 1 ? 0.0 : 28.0
        let panelWidth = max(slot * longest, chart.groupTitles.map { textWidth($0) + 8 }.max() ?? 0)
        let width = max(Self.width, left + Double(perRow) * panelWidth + Double(perRow - 1) * gap + right)
        // A row: its title (with several groups), the plot, the bars' labels.
        let titleRoom = groupCount == 1 ? 0.0 : 34.0
        let plot = groupCount == 1 ? plotHeight : 170.0
        let rowHeight = top + titleRoom + plot + 44
        let height = Double(rowCount) * rowHeight + 34
        let title = chart.valueLabel + ": " + (0..<groupCount).map { g in
            (chart.groupTitles.indices.contains(g) ? chart.groupTitles[g] + ": " : "") + groups[g].map { $0.label + " " + $0.text }.joined(separator: ", ")
        }.joined(separator: "; ")
        var out = open(id: id, title: title, width: width, height: height, em: barsHeight(chart))
        for row in 0..<rowCount {
            let rowTop = Double(row) * rowHeight + top + titleRoom
            func y(_ v: Double) -> Double { rowTop + (high - v) / high * plot }
            let members = (row * perRow)..<min(groupCount, (row + 1) * perRow)
            let rowRight = left + Double(members.count) * panelWidth + Double(members.count - 1) * gap
            for tick in stride(from: 0.0, through: high + stepSize / 2, by: stepSize) {
                out += line(left, y(tick), groupCount == 1 ? width - right : rowRight, y(tick), "grid")
                out += text(NumberFormat(digits: 4).given(tick), x: left - 10, y: y(tick) + 7, anchor: "end")
            }
            for (n, g) in members.enumerated() {
                let x0 = left + Double(n) * (panelWidth + gap)
                if chart.groupTitles.count > 1 {
                    out += text(chart.groupTitles[g], x: x0 + panelWidth / 2, y: rowTop - 12, anchor: "middle", cls: "label")
                }
                let panelSlot = groupCount == 1 ? plotWidth / Double(max(groups[g].count, 1)) : slot
                for (k, bar) in groups[g].enumerated() {
                    let barWidth = min(panelSlot * 0.6, 120)
                    let bx = x0 + panelSlot * Double(k) + (panelSlot - barWidth) / 2
                    let barTop = y(bar.value.isFinite ? min(bar.value, high) : 0)
                    out += "<rect class=\"bar\" x=\"\(coordinate(bx))\" y=\"\(coordinate(barTop))\" width=\"\(coordinate(barWidth))\" height=\"\(coordinate(y(0) - barTop))\"/>"
                    out += text(bar.text, x: bx + barWidth / 2, y: barTop - 8, anchor: "middle", cls: "value")
                    out += text(bar.label, x: bx + barWidth / 2, y: y(0) + 30, anchor: "middle")
                }
                let axisRight = groupCount == 1 ? width - right : x0 + panelWidth
                out += line(x0, rowTop, x0, rowTop + plot, "axis") + line(x0, rowTop + plot, axisRight, rowTop + plot, "axis")
            }
        }
        out += text(chart.itemLabel, x: left + (width - left - right) / 2, y: height - 10, anchor: "middle", cls: "label")
        out += text(chart.valueLabel, x: 24, y: top + titleRoom + plot / 2, anchor: "middle", cls: "label", rotate: true)
        return out + "</svg></figure>"
    }

    /// How tall a bar chart is drawn on a slide, in em of the slide's type: 16.5 for one row of
    /// charts, more for several (see `HTMLStyle`'s `figure.chart svg`).
    static func barsHeight(_ chart: BarChart) -> Double {
        let groupCount = max(1, chart.groupTitles.count)
        guard groupCount > 1 else { return 16.5 }
        let perRow = groupCount <= 4 ? groupCount : Int((Double(groupCount) / Double((groupCount + 3) / 4)).rounded(.up))
        let rows = Double((groupCount + perRow - 1) / perRow)
        // A row of small charts is 266 units tall (see `bars`), the axis name below 34.
        return (16.5 * min(1.2, (rows * 266 + 34) / height) * 10).rounded() / 10
    }

    private static func open(id: String, title: String, width: Double = width, height: Double = height, em: Double = 16.5) -> String {
        let tall = em != 16.5 ? " style=\"height: \(NumberFormat.fixed(em, decimals: 1))em\"" : ""
        return "<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"\(id)\" viewBox=\"0 0 \(Int(width.rounded(.up))) \(Int(height.rounded(.up)))\"\(tall)>"
            + "<title id=\"\(id)\">\(HTMLRenderer.escape(title))</title>"
    }

    private static func axes() -> String {
        line(left, top, left, top + plotHeight, "axis") + line(left, top + plotHeight, width - right, top + plotHeight, "axis")
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) -> String {
        "<line class=\"\(cls)\" x1=\"\(coordinate(x1))\" y1=\"\(coordinate(y1))\" x2=\"\(coordinate(x2))\" y2=\"\(coordinate(y2))\"/>"
    }

    private static func text(_ s: String, x: Double, y: Double, anchor: String, cls: String? = nil, rotate: Bool = false) -> String {
        var attributes = "x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" text-anchor=\"\(anchor)\""
        if let cls { attributes += " class=\"\(cls)\"" }
        if rotate { attributes += " transform=\"rotate(-90 \(coordinate(x)) \(coordinate(y)))\"" }
        return "<text \(attributes)>\(HTMLRenderer.escape(s))</text>"
    }

    /// A coordinate with one decimal, so the file stays small and the same on every machine.
    static func coordinate(_ v: Double) -> String {
        NumberFormat.fixed(v, decimals: 1).replacing("−", with: "-")
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * power >= raw { return m * power }
        return 10 * power
    }

    /// −6 → ⁻⁶.
    static func superscript(_ n: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(n).map { digits[$0] ?? $0 })
    }
}
