import Foundation
import GRUCore
import GRUCheck

/// A student with a calculator, simulated key by key over the `FormulaBook` (whose formulas
/// `FormulaBookTests` proves against the trace): each key is computed from the values already
/// written on the sheet, as a person computes it by hand.
public enum HandStudent {
    public enum Mode: String, CaseIterable, Sendable {
        /// Computes at full precision and rounds (half away from zero) only what is written down;
        /// the calculator keeps the full value for later keys.
        case roundsAnswers
        /// Rounds every sub-result of the formula (each product, partial product, sum,
        /// difference, square, σ, tanh) to d decimals, and computes on with the written values.
        case roundsEveryStep
        /// The same, truncating every sub-result to d decimals instead.
        case truncatesEveryStep
        /// Rounds every sub-result, on a calculator without σ and tanh keys: σ(a) = 1/(1 + e^{−a})
        /// and tanh(a) = (e^{2a} − 1)/(e^{2a} + 1), the exponential rounded to d decimals.
        case exponentials
        /// The same through the other forms: σ(a) = e^{a}/(1 + e^{a}) and
        /// tanh(a) = (e^{a} − e^{−a})/(e^{a} + e^{−a}), each exponential rounded to d decimals.
        case exponentialPairs
        /// σ(a) = ½(1 + tanh(a/2)) and tanh(a) = (1 − e^{−2a})/(1 + e^{−2a}), on a calculator with a
        /// hyp key but no σ key, truncating tanh(a/2) and the exponential to d decimals and
        /// rounding every other sub-result (variant 25 of lesson1: tanh(−0.01) = −0.0099997 → −0.0099, ½(1 − 0.0099) =
        /// 0.49505 → z₁ = 0.4951, where σ gives 0.49500017 → 0.4950).
        case halfTanhTruncated
    }

    /// The worksheet's keys (forward pass to update), in computation order.
    public static func keys(_ trace: Trace) -> [TraceKey] {
        trace.keys.filter { $0.stage > .given && $0.stage < .training }
    }

    /// The sheet as `key = value` lines, every worksheet key answered to `decimals` decimals.
    /// `mistake` replaces the formula of one key; everything after is computed from what the
    /// student has, so the mistake carries through.
    public static func sheet(_ trace: Trace, decimals d: Int, _ mode: Mode, mistake: (TraceKey, Formula)? = nil,
                      only: (TraceKey) -> Bool = { _ in true }) -> String {
        let book = FormulaBook(trace)
        var calculator: [TraceKey: Double] = [:]   // what the student computes on
        var lines: [String] = []
        for key in keys(trace) {
            guard var formula = book.formula(for: key) else { continue }
            if let (k, f) = mistake, k == key { formula = f }
            let lookup = { (k: TraceKey) in calculator[k] ?? trace.value(at: k)! }
            let exact: Double
            switch mode {
            case .roundsAnswers: exact = formula.evaluate(lookup)
            case .roundsEveryStep: exact = evaluate(formula, lookup) { round($0, d) }
            case .truncatesEveryStep: exact = evaluate(formula, lookup) { truncate($0, d) }
            case .exponentials, .exponentialPairs:
                exact = evaluate(formula, lookup, activation: mode) { round($0, d) }
            case .halfTanhTruncated:
                exact = evaluate(formula, lookup, activation: mode, inner: { truncate($0, d) }) { round($0, d) }
            }
            let written = mode == .truncatesEveryStep ? truncate(exact, d) : round(exact, d)
            calculator[key] = mode == .roundsAnswers ? exact : written
            if only(key) { lines.append("\(key) = " + String(format: "%.\(d)f", written)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The formula with `step` applied to every operation's result (products left to right, one
    /// multiplication at a time), as a calculator user who writes down each sub-result.
    /// With `activation` `.exponentials` or `.exponentialPairs`, σ and tanh are computed from
    /// exponentials that `step` rounds, as that mode says.
    /// `inner` (default `step`) is applied to the value σ or tanh is taken from (the exponential
    /// or tanh(a/2)).
    public static func evaluate(_ f: Formula, _ lookup: (TraceKey) -> Double, activation: Mode = .roundsEveryStep,
                         inner innerStep: ((Double) -> Double)? = nil, _ step: (Double) -> Double) -> Double {
        func within(_ x: Double) -> Double { innerStep.map { $0(x) } ?? step(x) }
        func inner(_ g: Formula) -> Double { evaluate(g, lookup, activation: activation, inner: innerStep, step) }
        switch f {
        case .value(let k): return lookup(k)
        case .constant(let c): return c
        case .sum(let terms): return step(terms.map(inner).reduce(0, +))
        case .product(let factors):
            let values = factors.map(inner)
            return values.dropFirst().reduce(values[0]) { step($0 * $1) }
        case .difference(let a, let b): return step(inner(a) - inner(b))
        case .square(let a): let v = inner(a); return step(v * v)
        case .sigmoid(let a):
            let x = inner(a)
            switch activation {
            case .exponentials: return step(1 / (1 + step(exp(-x))))
            case .exponentialPairs: let e = step(exp(x)); return step(e / (1 + e))
            case .halfTanhTruncated: return step((1 + within(Foundation.tanh(x / 2))) / 2)
            default: return step(GRUCore.sigmoid(x))
            }
        case .tanh(let a):
            let x = inner(a)
            switch activation {
            case .exponentials: let e = step(exp(2 * x)); return step((e - 1) / (e + 1))
            case .exponentialPairs: let p = step(exp(x)), m = step(exp(-x)); return step((p - m) / (p + m))
            case .halfTanhTruncated: let e = within(exp(-2 * x)); return step((1 - e) / (1 + e))
            default: return step(Foundation.tanh(x))
            }
        }
    }

    /// Half away from zero, on the decimal digits (a tiny nudge keeps 0.12345 from reading as 0.1234499…).
    public static func round(_ v: Double, _ d: Int) -> Double {
        let s = pow(10, Double(d))
        return (v * s * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero) / s
    }

    public static func truncate(_ v: Double, _ d: Int) -> Double {
        let s = pow(10, Double(d))
        return (v * s * (1 + 1e-12)).rounded(.towardZero) / s
    }
}
