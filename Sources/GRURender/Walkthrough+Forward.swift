import GRUCore

/// Sections 1–3: the model, the forward pass and the loss.
extension Walkthrough {

    // MARK: 1 · Model and parameters

    func modelSection() -> [Block] {
        let c = context()
        var out: [Block] = [
            .paragraph(text(.modelExplanation)),
            .paragraph(text(.modelSizes, String(config.inputSize), String(config.hiddenSize), String(config.outputSize))),
        ]
        if let initialisation = lesson.initialisation {
            out.append(.paragraph(text(.seededInit, String(initialisation.seed), format.given(initialisation.scale))))
        }
        if lesson.inputScale != 1 { out.append(.paragraph(text(.inputScaled, format.given(lesson.inputScale)))) }
        // The equations, in the lesson's conventions.
        var equations: [Quantity] = [.aZ, .z, .aR, .r]
        if config.reset == .afterMatmul { equations.append(.nH) }
        equations += [.aH, .hTilde, .h, .y, .loss]
        var rows: [Table.Row] = equations.map { q in [Table.Cell(text: q.name(language)), .math(q.unicodeEquation(at: .t, c))] }
        var general = c
        general.length = nil                                   // L = Σₜ Lₜ rather than L₁ + L₂ + L₃
        rows.append([Table.Cell(text: Quantity.totalLoss.name(language)), .math(Quantity.totalLoss.unicodeEquation(at: .t, general))])
        out.append(.table(Table(columns: [Table.Column(title: text(.columnQuantity)), Table.Column(title: text(.columnFormula))],
                                groups: [rows], caption: text(.captionEquations))))
        out.append(.paragraph(text(.preActivations)))
        // The conventions, named.
        var conventions: [Table.Row] = [
            [Table.Cell(text: text(.conventionUpdate)), .math(config.update.rawValue), Table.Cell(text: text(Self.meaning(config.update)))],
            [Table.Cell(text: text(.conventionReset)), .math(config.reset.rawValue), Table.Cell(text: text(Self.meaning(config.reset)))],
            [Table.Cell(text: text(.conventionLoss)), .math(config.loss.rawValue), Table.Cell(text: text(config.loss == .halfSquared ? .lossHalfSquared : .lossSquared))],
            [Table.Cell(text: text(.conventionReduction)), .math(config.reduction.rawValue), Table.Cell(text: text(config.reduction == .sum ? .reductionSum : .reductionMean))],
        ]
        // With several sequences, how their losses make the total (lesson3: the mean over 7).
        let sequenceCount = lesson.problem.sequences.count
        if sequenceCount > 1 {
            let meaning: Message = config.sequenceReduction == .sum ? .sequenceReductionSum : .sequenceReductionMean
            conventions.append([Table.Cell(text: text(.conventionSequenceReduction)), .math(config.sequenceReduction.rawValue),
                                Table.Cell(text: text(meaning, String(sequenceCount)))])
        }
        out.append(.table(Table(columns: [Table.Column(title: text(.columnConvention)), Table.Column(title: text(.columnValue)),
                                          Table.Column(title: text(.columnMeaning))],
                                groups: [conventions], caption: text(.captionConventions))))
        // Every parameter with its shape and value.
        let groups: [[Table.Row]] = ParameterName.used(by: config).map { p in
            let shape = p.shape(config)
            let lines = parameterValue(p, trace.parameters, given: true)
            return lines.enumerated().map { k, line in
                k == 0 ? [.math(p.rawValue), Table.Cell(text: p.role(language)),
                          .math(p.isVector ? "\(shape.rows)" : "\(shape.rows)×\(shape.cols)"), .math(line)]
                       : ["", "", "", .math(line)]
            }
        }
        out.append(.table(Table(columns: [Table.Column(title: text(.columnParameter)), Table.Column(title: text(.columnRole)),
                                          Table.Column(title: text(.columnShape)), Table.Column(title: text(.columnInitialValue))],
                                groups: groups, caption: text(.captionParameters))))
        out.append(.paragraph(text(.initialHidden, "h₀ = " + format.givenVector(trace.h0))))
        return out
    }

    static func meaning(_ u: UpdateRule) -> Message {
        u == .zTimesPrevious ? .updateZTimesPrevious : .updateZTimesCandidate
    }

    static func meaning(_ r: ResetPlacement) -> Message {
        r == .beforeMatmul ? .resetBeforeMatmul : .resetAfterMatmul
    }

    // MARK: 2 · Forward pass

    func forwardSection() -> [Block] {
        var out: [Block] = [.paragraph(text(.forwardExplanation))] + oneSequenceNote(in: .forward)
        for s in detailSequences {
            out += missingStep(sequence: s)
            for t in detailSteps(sequence: s) {
                let f = trace.sequences[s].forward[t - 1]
                let c = context(sequence: s)
                let step = Step.number(t)
                out.append(.subheading(stepLabel(sequence: s, t: t)))
                let hPrev = (t == 1 ? format.givenVector(f.hPrev) : format.vector(f.hPrev))
                out.append(.paragraph(text(.forwardGiven,
                                           Quantity.x.unicodeSymbol(at: step, c) + " = " + format.compact(f.x, given: true),
                                           Quantity.hPrev.unicodeSymbol(at: step, c) + " = " + hPrev,
                                           Quantity.target.unicodeSymbol(at: step, c) + " = " + format.compact(f.target ?? [], given: true))))
                out.append(.table(Table(columns: calculationColumns(), groups: forwardGroups(f, c),
                                        caption: text(.sectionForward) + " · " + stepLabel(sequence: s, t: t))))
            }
        }
        return out
    }

    func calculationColumns() -> [Table.Column] {
        [Table.Column(title: text(.columnQuantity)), Table.Column(title: text(.columnCalculation)),
         Table.Column(title: text(.columnResult), alignRight: true)]
    }

    /// The rows of one forward timestep: z, r, r⊙h or n_h, h̃, h, y, L_t.
    func forwardGroups(_ f: StepForward, _ c: FormulaContext) -> [[Table.Row]] {
        let step = Step.number(f.t)
        let H = config.hiddenSize
        let prevGiven = f.t == 1            // h₀ comes from the lesson
        let units = unitLabels(H)
        func rows(_ q: Quantity, _ components: [(String, Double)], labels: [String]? = nil) -> [Table.Row] {
            quantityRows(name: q.name(language), equation: q.unicodeEquation(at: step, c),
                         symbol: q.unicodeSymbol(at: step, c), components: components, labels: labels ?? units)
        }
        func hPrev(_ i: Int) -> String {
            prevGiven ? format.givenOperand(f.hPrev[i]) : format.operand(f.hPrev[i])
        }
        func gate(_ w: ParameterName, _ u: ParameterName, _ b: ParameterName, _ a: [Double], _ i: Int) -> String {
            let sum = [dot(w, i, f.x, vectorGiven: true), dot(u, i, f.hPrev, vectorGiven: prevGiven),
                       format.givenOperand(entry(b, i))].joined(separator: " + ")
            return "σ(" + sum + ") = σ(" + format.value(a[i]) + ")"
        }
        var groups: [[Table.Row]] = []
        groups.append(rows(.z, (0..<H).map { (gate(.Wz, .Uz, .bz, f.aZ, $0), f.z[$0]) }))
        groups.append(rows(.r, (0..<H).map { (gate(.Wr, .Ur, .br, f.aR, $0), f.r[$0]) }))
        let inner: [String]
        switch config.reset {
        case .beforeMatmul:
            let rh = f.rh ?? []
            groups.append(rows(.rh, (0..<H).map { (format.operand(f.r[$0]) + "·" + hPrev($0), rh[$0]) }))
            inner = (0..<H).map { i in
                [dot(.Wh, i, f.x, vectorGiven: true), dot(.Uh, i, rh, vectorGiven: false),
                 format.givenOperand(entry(.bh, i))].joined(separator: " + ")
            }
        case .afterMatmul:
            let nH = f.nH ?? []
            groups.append(rows(.nH, (0..<H).map { i in
                ([dot(.Uh, i, f.hPrev, vectorGiven: prevGiven), format.givenOperand(entry(.bhn, i))].joined(separator: " + "), nH[i])
            }))
            inner = (0..<H).map { i in
                [dot(.Wh, i, f.x, vectorGiven: true), format.givenOperand(entry(.bh, i)),
                 format.operand(f.r[i]) + "·" + format.operand(nH[i])].joined(separator: " + ")
            }
        }
        groups.append(rows(.hTilde, (0..<H).map { i in
            ("tanh(" + inner[i] + ") = tanh(" + format.value(f.aH[i]) + ")", f.hTilde[i])
        }))
        groups.append(rows(.h, (0..<H).map { i in
            let z = format.value(f.z[i]), h̃ = format.operand(f.hTilde[i])
            switch config.update {
            case .zTimesPrevious: return (z + "·" + hPrev(i) + " + (1 − " + z + ")·" + h̃, f.h[i])
            case .zTimesCandidate: return ("(1 − " + z + ")·" + hPrev(i) + " + " + z + "·" + h̃, f.h[i])
            }
        }))
        groups.append(rows(.y, (0..<config.outputSize).map { k in
            ([dot(.Why, k, f.h, vectorGiven: false), format.givenOperand(entry(.by, k))].joined(separator: " + "), f.y[k])
        }, labels: outputLabels(config.outputSize)))
        if let loss = f.loss, let target = f.target {
            groups.append(rows(.loss, [(lossSubstitution(y: f.y, target: target, c), loss)], labels: []))
        }
        return groups
    }

    /// `½·(0.2855 − 2)²`, or `½·((…)² + (…)²)` for several outputs, with the 1/T and 1/N factors.
    func lossSubstitution(y: [Double], target: [Double], _ c: FormulaContext) -> String {
        let squares = zip(y, target).map { "(" + format.value($0) + " − " + format.givenOperand($1) + ")²" }
        let sum = squares.count == 1 ? squares[0] : "(" + squares.joined(separator: " + ") + ")"
        return Quantity.lossFactors(c, derivative: false).map { $0 + "·" }.joined() + sum
    }

    // MARK: 3 · Loss

    func lossSection() -> [Block] {
        let c = context()
        var out: [Block] = [.paragraph(text(.lossExplanation))] + oneSequenceNote(in: .loss)
        var rows: [Table.Row] = [["", .math(Quantity.loss.unicodeEquation(at: .t, c)), ""]]
        var terms: [String] = []
        let detailed = detailSequences
        for (s, sequence) in trace.sequences.enumerated() {
            let cs = context(sequence: s)
            guard detailed.contains(s) else {
                // A sequence not shown in detail: its terms as one sum (its weighted loss).
                rows.append([Table.Cell(text: text(.sequenceAllSteps, String(s + 1))),
                             .math("Σₜ " + Quantity.loss.unicodeSymbol(at: .t, cs)), .result(format.value(sequence.loss))])
                terms.append(format.operand(sequence.loss))
                continue
            }
            for f in sequence.forward {
                guard let loss = f.loss, let target = f.target else { continue }
                rows.append([Table.Cell(text: stepLabel(sequence: s, t: f.t)),
                             .math(Quantity.loss.unicodeSymbol(at: .number(f.t), cs) + " = " + lossSubstitution(y: f.y, target: target, cs)),
                             .result(format.value(loss))])
                terms.append(format.operand(loss))
            }
        }
        let total = "L = " + Quantity.totalLoss.unicodeFormula(at: .t, c)! + " = " + terms.joined(separator: " + ")
        let totalGroup: [Table.Row] = [[Table.Cell(text: Quantity.totalLoss.name(language)), .math(total), .result(format.value(trace.loss))]]
        out.append(.table(Table(columns: [Table.Column(title: text(.columnTimestep)), Table.Column(title: text(.columnCalculation)),
                                          Table.Column(title: text(.columnResult), alignRight: true)],
                                groups: [rows, totalGroup], caption: text(.sectionLoss))))
        return out
    }
}
