import Testing
import GRUCore
@testable import GRUCheck

/// The formulas the checker marks with must be GRUCell's formulas: evaluated on the trace's own
/// values, each gives the trace's value (to 1e-12 relative: only the order of additions differs).
@Suite struct FormulaBookTests {

    static var problems: [(String, Problem)] {
        var out: [(String, Problem)] = []
        for update in UpdateRule.allCases {
            for reset in ResetPlacement.allCases {
                for loss in LossKind.allCases {
                    for reduction in Reduction.allCases {
                        var p = Fixtures.asymmetric
                        p.config.update = update
                        p.config.reset = reset
                        p.config.loss = loss
                        p.config.reduction = reduction
                        p.parameters.bhn = reset == .afterMatmul ? [0.05, -0.05] : [0, 0]
                        p.epochs = 2
                        out.append(("\(update.rawValue) \(reset.rawValue) \(loss.rawValue) \(reduction.rawValue)", p))
                    }
                }
            }
        }
        // Two sequences of different lengths whose losses are averaged.
        var two = Fixtures.asymmetric
        two.sequences.append(TrainingSequence(inputs: [[2], [-1]], targets: [[1], [0.5]]))
        two.config.sequenceReduction = .mean
        two.epochs = 2
        out.append(("two sequences, mean", two))
        return out
    }

    @Test(arguments: problems.map(\.0))
    func everyFormulaGivesTheTraceValue(_ name: String) throws {
        let problem = Self.problems.first { $0.0 == name }!.1
        let trace = try Trace.record(problem)
        let book = FormulaBook(trace)
        let keys = trace.keys
        let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var withFormula = 0
        for key in keys {
            guard let formula = book.formula(for: key) else {
                #expect(key.stage == .given || key.stage >= .training, "\(key) has no formula")
                continue
            }
            withFormula += 1
            let value = formula.evaluate { trace.value(at: $0)! }
            let truth = trace.value(at: key)!
            #expect(abs(value - truth) <= 1e-12 * max(1, abs(truth)), "\(key) = \(formula): \(value) vs \(truth)")
            // Every input comes earlier in Trace.keys, so one pass in key order marks a sheet;
            // so does every input of a known mistake, which is evaluated on the same values.
            for input in formula.inputs + book.mistakes(for: key).flatMap(\.formula.inputs) {
                #expect(position[input].map { $0 < position[key]! } == true, "\(key) reads \(input)")
            }
        }
        #expect(withFormula > 200)
    }

    @Test func formulasReadLikeTheMath() {
        let book = FormulaBook(Fixtures.lesson1Trace)
        let f = { (k: String) in book.formula(for: TraceKey(k)!)!.description }
        #expect(f("t2.z[1]") == "σ(t2.a_z[1])")
        #expect(f("t2.a_z[1]") == "param.Wz[1][1]·t2.x[1] + param.Uz[1][1]·t1.h[1] + param.Uz[1][2]·t1.h[2] + param.bz[1]")
        #expect(f("t1.h[1]") == "t1.z[1]·h0[1] + (1 − t1.z[1])·t1.h_tilde[1]")
        #expect(f("t3.da_h[2]") == "t3.dh_tilde[2]·(1 − t3.h_tilde[2]²)")
        #expect(f("t1.loss") == "½·(t1.y[1] − t1.target[1])²")
        #expect(f("t3.dh_rec[1]") == "0")
        #expect(f("t2.dh_rec[1]") == "t3.dh_prev[1]")
        #expect(f("grad.by[1]") == "t3.grad.by[1] + t2.grad.by[1] + t1.grad.by[1]")
        #expect(f("update.Why[1][2]") == "param.Why[1][2] − lr·grad.Why[1][2]")
        #expect(book.formula(for: TraceKey("t1.x[1]")!) == nil)
        #expect(book.formula(for: TraceKey("t4.z[1]")!) == nil)
    }
}
