import GRUCore

/// Sections 6–8: one parameter update, training, and the trained model applied to new input.
extension Walkthrough {

    // MARK: 6 · Parameter update

    func updateSection() -> [Block] {
        let lr = trace.update.learningRate
        var out: [Block] = [.paragraph(text(.updateExplanation, format.given(lr)))]
        let columns = [Table.Column(title: text(.columnParameter)), Table.Column(title: text(.columnOldValue), alignRight: true),
                       Table.Column(title: "∂L/∂θ", alignRight: true), Table.Column(title: "η·∂L/∂θ", alignRight: true),
                       Table.Column(title: text(.columnNewValue), alignRight: true)]
        // The seed shows Why; it comes first, then the others in lesson order.
        let order = [ParameterName.Why] + ParameterName.used(by: config).filter { $0 != .Why }
        let groups: [[Table.Row]] = order.map { p in
            entries(p).map { e in
                let gradient = trace.gradients[p][e.index]
                return [.math(e.name), Table.Cell(text: format.given(trace.parameters[p][e.index])),
                        Table.Cell(text: format.value(gradient)), Table.Cell(text: format.value(lr * gradient)),
                        .result(format.value(trace.update.parameters[p][e.index]))]
            }
        }
        if let first = entries(.Why).first {
            let old = trace.parameters[.Why][first.index], gradient = trace.gradients[.Why][first.index]
            let worked = format.given(old) + " − " + format.given(lr) + "·" + format.operand(gradient)
                + " = " + format.value(trace.update.parameters[.Why][first.index])
            out.append(.paragraph(text(.updateExample, format.given(lr), first.name, worked)))
        }
        out.append(.table(Table(columns: columns, groups: groups, caption: text(.sectionUpdate))))
        return out
    }

    // MARK: 7 · Training

    func trainingSection() -> [Block] {
        let training = trace.training
        let losses = training.losses
        var out: [Block] = [.paragraph(text(.trainingExplanation, String(training.epochs), format.given(training.learningRate)))]
        guard !losses.isEmpty else { return out }
        let rows: [Table.Row] = Self.sampleEpochs(losses.count).map { epoch in
            [Table.Cell(text: String(epoch)), Table.Cell(text: format.short(losses[epoch - 1]))]
        }
        out.append(.table(Table(columns: [Table.Column(title: text(.columnEpoch), alignRight: true),
                                          Table.Column(title: text(.columnLossBeforeUpdate), alignRight: true)],
                                groups: [rows], caption: text(.captionEpochs))))
        let plot = LossPlot(losses: losses, format: format, ascii: options.ascii, epochLabel: text(.columnEpoch))
        out.append(.paragraph(text(trainingDiverged ? .lossCurveGrowing : plot.logarithmic ? .lossCurveLogarithmic : .lossCurve)))
        out.append(.lossCurve(plot))
        out.append(.paragraph(text(.trainedParameters)))
        let groups: [[Table.Row]] = ParameterName.used(by: config).map { p in
            let before = parameterValue(p, trace.parameters, given: true)
            let after = parameterValue(p, training.parameters, given: false)
            return before.indices.map { k in
                [k == 0 ? .math(p.rawValue) : "", .math(before[k]), .math(after[k])]
            }
        }
        out.append(.table(Table(columns: [Table.Column(title: text(.columnParameter)), Table.Column(title: text(.columnInitialValue)),
                                          Table.Column(title: text(.columnTrainedValue))],
                                groups: groups, caption: text(.captionTrained))))
        return out
    }

    /// A few epochs to list: 1, 2, 3, 5, 10, 20, 50, 100, … up to N, and N itself.
    static func sampleEpochs(_ n: Int) -> [Int] {
        var epochs = [1, 2, 3].filter { $0 <= n }
        var decade = 1
        while 5 * decade <= n {
            for k in [5, 10, 20] where k * decade <= n && !epochs.contains(k * decade) { epochs.append(k * decade) }
            decade *= 10
        }
        if !epochs.contains(n) { epochs.append(n) }
        return epochs
    }

    // MARK: 8 · Application

    func applySection() -> [Block] {
        guard let apply = trace.apply, !apply.steps.isEmpty else { return [.paragraph(text(.applyMissing))] }
        let c = context()
        let expected = apply.expected
        var out: [Block] = [.paragraph(text(.applyExplanation))]
        if lesson.inputScale != 1 { out.append(.paragraph(text(.inputScaled, format.given(lesson.inputScale)))) }
        var columns = [Table.Column(title: text(.columnTimestep)),
                       Table.Column(title: Quantity.x.unicodeSymbol(at: .t, c), alignRight: true),
                       Table.Column(title: Quantity.h.unicodeSymbol(at: .t, c), alignRight: true),
                       Table.Column(title: Quantity.y.unicodeSymbol(at: .t, c), alignRight: true)]
        if expected != nil {
            columns += [Table.Column(title: text(.columnExpected), alignRight: true),
                        Table.Column(title: text(.columnDifference), alignRight: true)]
        }
        var largest = 0.0
        let rows: [Table.Row] = apply.steps.map { f in
            var row: Table.Row = [Table.Cell(text: String(f.t)), Table.Cell(text: format.compact(f.x, given: true)),
                                  .math(format.vector(f.h)), .result(format.compact(f.y))]
            if let e = expected?[f.t - 1] {
                let difference = zip(f.y, e).map { $0 - $1 }
                largest = max(largest, difference.map(abs).max() ?? 0)
                row += [Table.Cell(text: format.compact(e, given: true)), Table.Cell(text: format.compact(difference))]
            }
            return row
        }
        out.append(.table(Table(columns: columns, groups: [rows], caption: text(.captionPredictions))))
        guard let expected else { return out }
        if largest <= Self.closeEnough {
            out.append(.paragraph(text(.applyMatches, format.value(largest))))
            return out
        }
        out.append(.paragraph(text(.applyDiffers, format.value(largest))))
        if trainingDiverged {
            out.append(.paragraph(text(.applyAfterDivergence)))
            return out
        }
        out += ceiling(expected: expected)
        return out
    }

    /// Training made the loss larger rather than smaller: the trained model is no model at all.
    var trainingDiverged: Bool {
        (trace.training.losses.last ?? 0) > (trace.training.losses.first ?? 0)
    }

    /// How far a prediction may be from its expected value and still count as right.
    static let closeEnough = 0.05

    /// The bound tanh puts on the output: every |hⱼ| ≤ max(1, |h₀|), so
    /// |y_k| ≤ Σⱼ|Why_kj|·max(1, |h₀|) + |by_k|. With h₀ inside [−1, 1] that is Σ|Why| + |by|.
    func ceiling(expected: [[Double]]) -> [Block] {
        let trained = trace.training.parameters
        let hMax = max(1, trace.h0.map(abs).max() ?? 0)
        var out: [Block] = []
        for k in 0..<config.outputSize {
            let weights = (0..<config.hiddenSize).map { entry(.Why, k, $0, in: trained) }
            let bias = entry(.by, k, in: trained)
            let bound = (weights.map(abs).reduce(0, +)) * hMax + abs(bias)
            let weightTerms = weights.map { "|" + format.value($0) + "|" }.joined(separator: " + ")
            let biasTerm = "|" + format.value(bias) + "|"
            let symbol = config.outputSize > 1 ? "|y[\(k + 1)]|" : "|y|"
            let ceiling = hMax == 1
                ? symbol + " ≤ Σ|Why| + |by| = " + weightTerms + " + " + biasTerm
                : symbol + " ≤ Σ|Why|·max(1, |h₀|) + |by| = " + format.value(hMax) + "·(" + weightTerms + ") + " + biasTerm
            out.append(.paragraph(text(.ceilingExplanation, ceiling + " = " + format.value(bound))
                                  + (hMax > 1 ? " " + text(.ceilingWideStart) : "")))
            let beyond = expected.map { $0[k] }.filter { abs($0) > bound }
            if !beyond.isEmpty {
                let list = beyond.map(format.given).joined(separator: text(.listSeparator))
                out.append(.paragraph(text(.ceilingTooLow, format.value(bound), list)))
            } else {
                out.append(.paragraph(text(.ceilingNotTheCause)))
            }
        }
        return out
    }
}
