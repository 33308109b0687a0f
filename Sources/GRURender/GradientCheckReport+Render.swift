import GRUCore
import GRULessons

/// `gru-explain gradcheck`'s report: `GradientCheckReport` (GRUCore) as text and Markdown.
extension GradientCheckReport {

    public func text(lesson: Lesson, options: RenderOptions) -> String {
        TextRenderer.document(blocks(lesson: lesson, options: options), options: options)
    }

    public func markdown(lesson: Lesson, options: RenderOptions) -> String {
        var plain = options
        plain.color = false
        return MarkdownRenderer.document(blocks(lesson: lesson, options: plain), options: plain)
    }

    /// When entries fail at a step other than the default and all pass at the default, the step,
    /// not BPTT, is the cause: a larger ε leaves a truncation error that grows as ε², a smaller
    /// one rounding noise that grows as 1/ε. Nil otherwise.
    public var epsilonHint: Message? {
        guard defaultStepPasses == true else { return nil }
        return epsilon > Self.defaultEpsilon ? .gradcheckEpsilonLarge : .gradcheckEpsilonSmall
    }

    /// A small number in scientific notation with two significant digits: `2.7e−8`.
    static func scientific(_ x: Double) -> String {
        NumberFormat(digits: 0).short(x)
    }

    func blocks(lesson: Lesson, options: RenderOptions) -> [Block] {
        let language = options.language
        func text(_ m: Message, _ args: String...) -> String { m.text(language, args) }
        let format = NumberFormat(digits: options.digits)
        let c = lesson.problem.config
        var out: [Block] = [
            .title(text(.gradcheckTitle, lesson.id)),
            .paragraph(text(.gradcheckExplanation)),
            .paragraph(text(.gradcheckSettings, Self.scientific(epsilon), Self.scientific(tolerance), format.value(loss))),
        ]
        // Every entry, parameter by parameter.
        let groups: [[Table.Row]] = ParameterName.used(by: c).map { p in
            entries.filter { $0.parameter == p }.map { e -> Table.Row in
                let verdict = e.passes ? Table.Cell(text: "✓ " + text(.verdictPass))
                                       : Table.Cell(text: "✗ " + text(.verdictFail), style: .warning)
                return [.math("∂L/∂" + e.name), .result(format.value(e.bptt)), .result(format.value(e.numerical)),
                        Table.Cell(text: Self.scientific(e.relativeError), style: e.passes ? .plain : .warning), verdict]
            }
        }
        let columns = [Table.Column(title: text(.columnEntry)), Table.Column(title: text(.columnBPTT), alignRight: true),
                       Table.Column(title: text(.columnNumerical), alignRight: true),
                       Table.Column(title: text(.columnRelativeError), alignRight: true), Table.Column(title: text(.columnVerdict))]
        out.append(.table(Table(columns: columns, groups: groups)))
        if passes, let worst {
            out.append(.paragraph(text(.gradcheckAllPass, String(entries.count), Self.scientific(worst.relativeError), "∂L/∂" + worst.name)))
        } else {
            let failed = failures.map { "∂L/∂" + $0.name + " (" + Self.scientific($0.relativeError) + ")" }
            out.append(.paragraph(text(.gradcheckFailures, String(failures.count), String(entries.count),
                                       Self.scientific(tolerance), failed.joined(separator: text(.listSeparator)))))
            if let hint = epsilonHint { out.append(.paragraph(text(hint, Self.scientific(epsilon), Self.scientific(Self.defaultEpsilon)))) }
        }
        out += splitBlocks(lesson: lesson, options: options, format: format)
        return options.ascii ? out.map { $0.mapText(Notation.ascii) } : out
    }

    /// The split parameter's shares per timestep, their sum and the central difference, with at
    /// most five entries per table so that it stays narrow.
    private func splitBlocks(lesson: Lesson, options: RenderOptions, format: NumberFormat) -> [Block] {
        let language = options.language
        func text(_ m: Message, _ args: String...) -> String { m.text(language, args) }
        let c = FormulaContext(config: lesson.problem.config, language: language)
        var out: [Block] = [
            .heading(text(.gradcheckSplitHeading, split.rawValue)),
            .paragraph(text(.gradcheckSplitExplanation, split.rawValue, Quantity.grads(split).equation(at: .t, c))),
        ]
        let mine = entries.filter { $0.parameter == split }
        for start in stride(from: 0, to: mine.count, by: 5) {
            let chunk = Array(mine[start..<min(start + 5, mine.count)])
            let offsets = (start..<(start + chunk.count))
            let columns = [Table.Column(title: "")] + chunk.map { Table.Column(title: "∂L/∂" + $0.name, alignRight: true) }
            let shareRows: [Table.Row] = shares.map { share in
                let step = text(.timestep, String(share.t))
                let label = share.sequence.map { text(.sequence, String($0)) + " · " + step } ?? step
                return [Table.Cell(text: label)] + offsets.map { .result(format.value(share.values[$0])) }
            }
            let sums: [Table.Row] = [
                [Table.Cell(text: text(.rowBPTTSum))] + offsets.map { .result(format.value(total[$0])) },
                [Table.Cell(text: text(.columnNumerical))] + chunk.map { .result(format.value($0.numerical)) },
                [Table.Cell(text: text(.columnRelativeError))] + chunk.map { Table.Cell(text: Self.scientific($0.relativeError)) },
            ]
            out.append(.table(Table(columns: columns, groups: [shareRows, sums])))
        }
        return out
    }
}
