import GRUCore

/// A closed interval of reals, `[lo, hi]`.
public struct Interval: Equatable, Sendable, CustomStringConvertible {
    public var lo: Double
    public var hi: Double

    public init(_ lo: Double, _ hi: Double) {
        self.lo = Swift.min(lo, hi)
        self.hi = Swift.max(lo, hi)
    }

    /// The interval of one number, `[v, v]`.
    public init(_ v: Double) { self.init(v, v) }

    /// The smallest interval holding both.
    public func hull(_ other: Interval) -> Interval { Interval(Swift.min(lo, other.lo), Swift.max(hi, other.hi)) }

    public func intersects(_ other: Interval) -> Bool { lo <= other.hi && other.lo <= hi }

    public func contains(_ v: Double) -> Bool { lo <= v && v <= hi }

    /// The largest absolute value in the interval.
    public var magnitude: Double { Swift.max(abs(lo), abs(hi)) }

    public var description: String { "[\(lo), \(hi)]" }

    static func + (a: Interval, b: Interval) -> Interval { Interval(a.lo + b.lo, a.hi + b.hi) }
    static func - (a: Interval, b: Interval) -> Interval { Interval(a.lo - b.hi, a.hi - b.lo) }
    static prefix func - (a: Interval) -> Interval { Interval(-a.hi, -a.lo) }
    static func * (a: Interval, b: Interval) -> Interval {
        let p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        return Interval(p.min()!, p.max()!)
    }
}

/// The marking rule of `gru-explain check`: **an answer is correct when an honest computation
/// gives it** (docs/check.md, "The rule").
///
/// Let g be the answer, written to d decimals, and u = 10⁻ᵈ one unit of its last digit. An
/// honest computation evaluates the key's `Formula` with
/// - each input anywhere between the lesson's value and the student's value for it (the givens
///   — lr, parameters, h0, x, target — exactly as the lesson states them), and
/// - every intermediate result (each product, partial product, sum, difference, square, σ, tanh,
///   and each input the student carries) rounded to d decimals half-up or half-even, truncated
///   to d decimals, or not rounded at all; σ and tanh may also come from an exponential so
///   rounded, as on a calculator without a σ key (`1/(1 + e^{−a})`, `(e^{2a} − 1)/(e^{2a} + 1)`).
///
/// Evaluated over intervals, this is three small rules:
/// 1. `rounded(_:unit:)`: a number v rounded or truncated to d decimals lies in
///    `[v − u, v + u/2]` when v > 0 (truncation moves it down by less than u, rounding by at
///    most u/2) and in `[v − u/2, v + u]` when v < 0. Every input and every operation below the
///    formula's root is widened so.
/// 2. `evaluate(_:unit:inputs:)`: the operations on intervals (sum, difference, product, square,
///    σ and tanh, which are monotonic, also through their rounded exponentials). A product of n ≥ 3 factors may round its partial products
///    too: it widens by u·(M + M² + … + M^(n−2)) more, M the largest magnitude of a factor.
/// 3. `accepts(_:unit:_:)`: g itself is the root's value rounded or truncated to d decimals, so g
///    is correct when the root's interval meets g's window: `[g − u/2, g + u]` for g > 0,
///    `[g − u, g + u/2]` for g < 0, `[−u, u]` for g = 0.
///
/// A whole number (no decimal point) rounds nothing (u = 0 in rules 1 and 2); its window uses the
/// unit of the value's leading digit (`Marker.within`), so `0` is not a correct 0.5987.
///
/// The rule holds no knowledge of GRUs, keys or languages: the browser workbook (issue 15)
/// implements the same three rules on the same formulas.
public enum HonestComputation {

    /// Rule 1: every value `v` in `x` rounded half-up, half-even or truncated to the decimals of
    /// `unit`, or left as it is, lies in the result. `unit` 0 leaves `x` as it is.
    public static func rounded(_ x: Interval, unit u: Double) -> Interval {
        guard u > 0 else { return x }
        return Interval(x.lo - (x.lo > 0 ? u : u / 2), x.hi + (x.hi < 0 ? u : u / 2))
    }

    /// Rule 2: the formula over intervals, `inputs` giving each key's interval (already widened
    /// by rule 1 where the student may have rounded it). Every operation below the root is
    /// widened by rule 1; the root is not, since g is its rounding (rule 3).
    public static func evaluate(_ f: Formula, unit u: Double, inputs: (TraceKey) -> Interval) -> Interval {
        // An operand: an operation's result may have been rounded before it was used.
        func operand(_ g: Formula) -> Interval {
            switch g {
            case .value, .constant: return evaluate(g, unit: u, inputs: inputs)
            default: return rounded(evaluate(g, unit: u, inputs: inputs), unit: u)
            }
        }
        switch f {
        case .value(let key): return inputs(key)
        case .constant(let c): return Interval(c)
        case .sum(let terms): return terms.map(operand).reduce(Interval(0), +)
        case .difference(let a, let b): return operand(a) - operand(b)
        case .product(let factors):
            let intervals = factors.map(operand)
            var p = intervals.dropFirst().reduce(intervals.first ?? Interval(1), *)
            if intervals.count >= 3 && u > 0 {
                // A partial product rounded by at most u, then multiplied by the factors not yet in it.
                let m = intervals.map(\.magnitude).max() ?? 0
                var power = 1.0, extra = 0.0
                for _ in 0..<(intervals.count - 2) { power *= m; extra += power }
                p = Interval(p.lo - u * extra, p.hi + u * extra)
            }
            return p
        case .square(let a):
            let x = operand(a)
            let squares = (x.lo * x.lo, x.hi * x.hi)
            if x.contains(0) { return Interval(0, Swift.max(squares.0, squares.1)) }
            return Interval(Swift.min(squares.0, squares.1), Swift.max(squares.0, squares.1))
        case .sigmoid(let a): return sigmoid(operand(a), unit: u)
        case .tanh(let a): return tanh(operand(a), unit: u)
        }
    }

    /// σ over an interval, as σ itself or as a calculator without a σ key computes it, from an
    /// exponential rounded or truncated to the answer's decimals: `1/(1 + e^{−a})` or
    /// `e^{a}/(1 + e^{a})`, or from a rounded `tanh(a/2)`: `½(1 + tanh(a/2))`. Each form is
    /// monotonic in what is rounded, so its ends give its range.
    public static func sigmoid(_ x: Interval, unit u: Double) -> Interval {
        var result = Interval(GRUCore.sigmoid(x.lo), GRUCore.sigmoid(x.hi))
        guard u > 0 else { return result }
        let m = exponential(-x, unit: u), p = exponential(x, unit: u)
        result = hull(result, 1 / (1 + m.hi), 1 / (1 + m.lo))
        result = hull(result, p.lo / (1 + p.lo), p.hi / (1 + p.hi))
        // ½(1 + tanh(a/2)), on a calculator with a hyp key but no σ key, tanh(a/2) rounded.
        let half = rounded(Interval(hyperbolicTangent(x.lo / 2), hyperbolicTangent(x.hi / 2)), unit: Swift.min(u, coarsestExponentialUnit))
        return hull(result, (1 + half.lo) / 2, (1 + half.hi) / 2)
    }

    /// tanh over an interval, as tanh itself or from rounded exponentials:
    /// `(e^{2a} − 1)/(e^{2a} + 1)`, `(1 − e^{−2a})/(1 + e^{−2a})` or
    /// `(e^{a} − e^{−a})/(e^{a} + e^{−a})`, each monotonic in its exponentials.
    public static func tanh(_ x: Interval, unit u: Double) -> Interval {
        var result = Interval(hyperbolicTangent(x.lo), hyperbolicTangent(x.hi))
        guard u > 0 else { return result }
        let twice = exponential(x + x, unit: u), twiceNegative = exponential(-(x + x), unit: u)
        result = hull(result, (twice.lo - 1) / (twice.lo + 1), (twice.hi - 1) / (twice.hi + 1))
        result = hull(result, (1 - twiceNegative.hi) / (1 + twiceNegative.hi), (1 - twiceNegative.lo) / (1 + twiceNegative.lo))
        let p = exponential(x, unit: u), m = exponential(-x, unit: u)
        return hull(result, (p.lo - m.hi) / (p.lo + m.hi), (p.hi - m.lo) / (p.hi + m.lo))
    }

    /// e^{x} over an interval, rounded or truncated by rule 1 to the answer's decimals, or to 2
    /// decimals when the answer has fewer (nobody takes σ from an exponential rounded to 1
    /// decimal, and on top of rule 1's widening of a it would let 0.7 pass for σ(0.4) = 0.5987).
    /// An exponential is positive, and rounds to 0 at the lowest.
    public static let coarsestExponentialUnit = 0.01

    static func exponential(_ x: Interval, unit u: Double) -> Interval {
        let e = rounded(Interval(exp(x.lo), exp(x.hi)), unit: Swift.min(u, coarsestExponentialUnit))
        return Interval(Swift.max(0, e.lo), e.hi)
    }

    /// `a` widened to hold `[lo, hi]`, unless an end is not finite (an exponential overflowed).
    static func hull(_ a: Interval, _ lo: Double, _ hi: Double) -> Interval {
        lo.isFinite && hi.isFinite ? a.hull(Interval(lo, hi)) : a
    }

    /// Rule 3's window: the values that round (half-up or half-even) or truncate to `g` at the
    /// decimals of `unit`, widened by a relative 1e-9 for binary rounding.
    public static func window(_ g: Double, unit u: Double) -> Interval {
        let slack = u * 1e-9 + 1e-12 * abs(g)
        if g > 0 { return Interval(g - u / 2 - slack, g + u + slack) }
        if g < 0 { return Interval(g - u - slack, g + u / 2 + slack) }
        return Interval(-u - slack, u + slack)
    }

    /// Rule 3: g, written with last-digit unit `unit`, is consistent with the formula's interval
    /// `root`.
    public static func accepts(_ g: Double, unit u: Double, _ root: Interval) -> Bool {
        root.lo.isFinite && root.hi.isFinite && window(g, unit: u).intersects(root)
    }
}

/// `tanh` from the C library (inside `HonestComputation` the name would be ambiguous).
private func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
