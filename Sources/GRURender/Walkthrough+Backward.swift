import GRUCore

/// Sections 4–5: backpropagation through time and the gradient sums.
extension Walkthrough {

    // MARK: 4 · BPTT

    func bpttSection() -> [Block] {
        var out: [Block] = [.paragraph(text(.bpttExplanation)), .paragraph(text(.bpttDerivatives))] + oneSequenceNote(in: .bptt)
        for s in detailSequences {
            out += missingStep(sequence: s)
            for t in detailSteps(sequence: s).reversed() {
                let sequence = trace.sequences[s]
                guard let b = sequence.backward.first(where: { $0.t == t }) else { continue }
                out.append(.subheading(stepLabel(sequence: s, t: t)))
                out.append(.table(Table(columns: calculationColumns(),
                                        groups: backwardGroups(b, sequence.forward[t - 1], T: sequence.forward.count,
                                                               context(sequence: s)),
                                        caption: text(.sectionBPTT) + " · " + stepLabel(sequence: s, t: t))))
            }
        }
        return out
    }

    /// The rows of one BPTT timestep, in the order the chain rule computes them.
    func backwardGroups(_ b: StepBackward, _ f: StepForward, T: Int, _ c: FormulaContext) -> [[Table.Row]] {
        let t = b.t
        let step = Step.number(t)
        let H = config.hiddenSize
        let units = unitLabels(H)
        let prevGiven = t == 1
        func rows(_ q: Quantity, _ components: [(String, Double)], labels: [String]? = nil) -> [Table.Row] {
            quantityRows(name: q.name(language), equation: q.unicodeEquation(at: step, c),
                         symbol: q.unicodeSymbol(at: step, c), components: components, labels: labels ?? units)
        }
        let op = format.operand
        func hPrev(_ i: Int) -> String { prevGiven ? format.givenOperand(f.hPrev[i]) : op(f.hPrev[i]) }
        func oneMinus(_ x: Double) -> String { "(1 − " + format.value(x) + ")" }
        /// (Mᵀ·v)ᵢ, the value of one entry of a transposed product.
        func transposeProduct(_ p: ParameterName, _ v: [Double], _ i: Int) -> Double {
            v.indices.reduce(0) { $0 + entry(p, $1, i) * v[$1] }
        }

        var groups: [[Table.Row]] = []
        let dyFactors = Quantity.lossFactors(c, derivative: true).map { $0 + "·" }.joined()
        groups.append(rows(.dy, (0..<config.outputSize).map { k in
            let error = format.value(f.y[k]) + " − " + format.givenOperand(f.target?[k] ?? 0)
            return (dyFactors.isEmpty ? error : dyFactors + "(" + error + ")", b.dy[k])
        }, labels: outputLabels(config.outputSize)))
        groups.append(rows(.dhOut, (0..<H).map { (dot(.Why, $0, b.dy, vectorGiven: false, transpose: true), b.dhOut[$0]) }))
        // Where ∂L/∂hₜ from t+1 comes from: nowhere at the last step; otherwise the last rows of
        // timestep t+1, unless --timestep leaves that table out.
        let handedOver = t == T ? text(.noLaterStep, String(t + 1))
            : options.timestep == nil ? text(.fromLaterStep, String(t + 1)) : text(.fromUnshownStep, String(t + 1))
        groups.append(rows(.dhRec, (0..<H).map { (handedOver, b.dhRec[$0]) }))
        groups.append(rows(.dh, (0..<H).map { (op(b.dhOut[$0]) + " + " + op(b.dhRec[$0]), b.dh[$0]) }))
        groups.append(rows(.dz, (0..<H).map { i in
            let difference = config.update == .zTimesPrevious
                ? "(" + hPrev(i) + " − " + op(f.hTilde[i]) + ")"
                : "(" + format.value(f.hTilde[i]) + " − " + hPrev(i) + ")"
            return (op(b.dh[i]) + "·" + difference, b.dz[i])
        }))
        groups.append(rows(.dhTilde, (0..<H).map { i in
            let gate = config.update == .zTimesPrevious ? oneMinus(f.z[i]) : op(f.z[i])
            return (op(b.dh[i]) + "·" + gate, b.dhTilde[i])
        }))
        groups.append(rows(.daH, (0..<H).map { i in
            (op(b.dhTilde[i]) + "·(1 − " + op(f.hTilde[i]) + "²)", b.daH[i])
        }))
        switch config.reset {
        case .beforeMatmul:
            let drh = b.drh ?? []
            groups.append(rows(.drh, (0..<H).map { (dot(.Uh, $0, b.daH, vectorGiven: false, transpose: true), drh[$0]) }))
            groups.append(rows(.dr, (0..<H).map { (op(drh[$0]) + "·" + hPrev($0), b.dr[$0]) }))
        case .afterMatmul:
            let dnH = b.dnH ?? [], nH = f.nH ?? []
            groups.append(rows(.dnH, (0..<H).map { (op(b.daH[$0]) + "·" + op(f.r[$0]), dnH[$0]) }))
            groups.append(rows(.dr, (0..<H).map { (op(b.daH[$0]) + "·" + op(nH[$0]), b.dr[$0]) }))
        }
        groups.append(rows(.daR, (0..<H).map { i in (op(b.dr[i]) + "·" + op(f.r[i]) + "·" + oneMinus(f.r[i]), b.daR[i]) }))
        groups.append(rows(.daZ, (0..<H).map { i in (op(b.dz[i]) + "·" + op(f.z[i]) + "·" + oneMinus(f.z[i]), b.daZ[i]) }))
        groups.append(rows(.dhPrev, (0..<H).map { i in
            // The four paths of Quantity.dhPrevTerms, in the same order; the matrix products as values.
            let direct = op(b.dh[i]) + "·" + (config.update == .zTimesPrevious ? op(f.z[i]) : oneMinus(f.z[i]))
            let reset = config.reset == .beforeMatmul
                ? op((b.drh ?? [])[i]) + "·" + op(f.r[i])
                : op(transposeProduct(.Uh, b.dnH ?? [], i))
            let terms = [direct, reset, op(transposeProduct(.Ur, b.daR, i)), op(transposeProduct(.Uz, b.daZ, i))]
            return (terms.joined(separator: " + "), b.dhPrev[i])
        }))
        return groups
    }

    /// A page for slides after the BPTT timesteps: ‖∂L/∂hₜ‖ at every timestep, in time order, so the
    /// class sees how much gradient reaches each hidden state as BPTT carries it back. The text
    /// walkthrough leaves it out (its BPTT tables give every ∂L/∂hₜ already); `HTMLRenderer` draws it.
    func gradientFlowPage() -> Page? {
        guard options.shows(.bptt) else { return nil }
        // Each sequence's own timesteps, in a small chart of its own: the sequences are independent,
        // and one time axis across them would read as a gradient growing from one to the next.
        var bars: [BarChart.Bar] = []
        for (g, s) in detailSequences.enumerated() {
            for b in trace.sequences[s].backward.sorted(by: { $0.t < $1.t }) {
                let norm = b.dh.reduce(0) { $0 + $1 * $1 }.squareRoot()
                bars.append(BarChart.Bar(label: "t = \(b.t)", value: norm, text: format.value(norm), group: g))
            }
        }
        let titles = detailSequences.count > 1 || trace.sequences.count > 1 ? detailSequences.map { text(.sequence, String($0 + 1)) } : []
        let chart = BarChart(bars: bars, groupTitles: titles, valueLabel: "‖∂L/∂hₜ‖", itemLabel: text(.columnTimestep))
        let blocks: [Block] = [.subheading(text(.gradientFlowTitle)), .paragraph(text(.gradientFlowExplanation)), .barChart(chart)]
        let heading = heading(.bptt)
        return Page(section: .bptt, heading: options.ascii ? Notation.ascii(heading) : heading,
                    blocks: options.ascii ? blocks.map { $0.mapText(Notation.ascii) } : blocks)
    }

    // MARK: 5 · Gradient accumulation

    func accumulationSection() -> [Block] {
        if options.totals && trace.sequences.count > 1 { return accumulationTotals() }
        var out: [Block] = [.paragraph(text(.accumulationExplanation))]
        // Every timestep of every sequence, in forward order, with its share of the gradients; a
        // sequence not shown in detail (--sequence) as one share, the sum over its timesteps.
        let detailed = detailSequences
        let steps: [(label: String, grads: Parameters)] = trace.sequences.enumerated().flatMap { s, sequence in
            guard detailed.contains(s) else { return [(text(.sequenceAllSteps, String(s + 1)), sequence.gradients)] }
            return sequence.backward.sorted { $0.t < $1.t }.map { b in
                (trace.sequences.count > 1 ? text(.sequence, String(s + 1)) + " · t = \(b.t)" : "t = \(b.t)", b.grads)
            }
        }
        let c = context()
        let parameters = ParameterName.used(by: config)
        if steps.count <= 6 {
            // One column per timestep, then the sum.
            let columns = [Table.Column(title: text(.columnParameter)), Table.Column(title: text(.columnShare))]
                + steps.map { Table.Column(title: $0.label, alignRight: true) }
                + [Table.Column(title: "Σ = ∂L/∂θ", alignRight: true)]
            let groups: [[Table.Row]] = parameters.map { p in
                entries(p).enumerated().map { k, e in
                    let shares = steps.map { Table.Cell(text: format.value($0.grads[p][e.index])) }
                    let formula: Table.Cell = k == 0 ? .math(Quantity.grads(p).unicodeEquation(at: .t, c)) : ""
                    return [.math(e.name), formula] + shares + [.result(format.value(trace.gradients[p][e.index]))]
                }
            }
            out.append(.table(Table(columns: columns, groups: groups, caption: text(.sectionAccumulation))))
        } else {
            // Too many timesteps for columns: one row per timestep with the running sum.
            let columns = [Table.Column(title: text(.columnParameter)), Table.Column(title: text(.columnShare)),
                           Table.Column(title: text(.columnTimestep)), Table.Column(title: text(.columnContribution), alignRight: true),
                           Table.Column(title: text(.columnRunningSum), alignRight: true)]
            var groups: [[Table.Row]] = []
            for p in parameters {
                for (k, e) in entries(p).enumerated() {
                    var running = 0.0
                    var rows: [Table.Row] = []
                    for (n, step) in steps.enumerated() {
                        let share = step.grads[p][e.index]
                        running += share
                        let formula: Table.Cell = k == 0 && n == 0 ? .math(Quantity.grads(p).unicodeEquation(at: .t, c)) : ""
                        let last = n == steps.count - 1
                        rows.append([n == 0 ? .math(e.name) : "", formula, Table.Cell(text: step.label),
                                     Table.Cell(text: format.value(share)),
                                     last ? .result(format.value(trace.gradients[p][e.index]))
                                          : Table.Cell(text: format.value(running))])
                    }
                    groups.append(rows)
                }
            }
            out.append(.table(Table(columns: columns, groups: groups, caption: text(.sectionAccumulation))))
        }
        return out
    }

    /// `--totals`: one row per entry with the total Σ = ∂L/∂θ; with `--sequence K`, sequence K's
    /// share at each of its timesteps and the other sequences' share as one sum before it.
    func accumulationTotals() -> [Block] {
        var out: [Block] = [.paragraph(text(.accumulationExplanation)), .paragraph(text(.accumulationTotals))]
        let c = context()
        let detailed = options.sequence.map { [$0 - 1] } ?? []
        var steps: [(label: String, grads: Parameters)] = []
        for s in detailed where trace.sequences.indices.contains(s) {
            steps += trace.sequences[s].backward.sorted { $0.t < $1.t }.map { b in (text(.sequence, String(s + 1)) + " · t = \(b.t)", b.grads) }
        }
        let others = trace.sequences.indices.filter { !detailed.contains($0) }
        var columns = [Table.Column(title: text(.columnParameter)), Table.Column(title: text(.columnShare))]
            + steps.map { Table.Column(title: $0.label, alignRight: true) }
        if !detailed.isEmpty && !others.isEmpty {
            columns.append(Table.Column(title: text(.columnOtherSequences, String(others.count)), alignRight: true))
        }
        columns.append(Table.Column(title: "Σ = ∂L/∂θ", alignRight: true))
        let groups: [[Table.Row]] = ParameterName.used(by: config).map { p in
            entries(p).enumerated().map { k, e in
                let shares = steps.map { Table.Cell(text: format.value($0.grads[p][e.index])) }
                var rest: [Table.Cell] = []
                if !detailed.isEmpty && !others.isEmpty {
                    rest = [Table.Cell(text: format.value(others.reduce(0) { $0 + trace.sequences[$1].gradients[p][e.index] }))]
                }
                let formula: Table.Cell = k == 0 ? .math(Quantity.grads(p).unicodeEquation(at: .t, c)) : ""
                return [.math(e.name), formula] + shares + rest + [.result(format.value(trace.gradients[p][e.index]))]
            }
        }
        out.append(.table(Table(columns: columns, groups: groups, caption: text(.sectionAccumulation))))
        return out
    }
}
