import GRUCore

/// The formula for one scalar of the trace, written over other keys: what a student computes by
/// hand for that one entry. `t2.z[1]` is `σ(t2.a_z[1])`; `t1.h[1]` is
/// `t1.z[1]·h0[1] + (1 − t1.z[1])·t1.h_tilde[1]`.
///
/// One value serves three purposes: evaluated on the trace it gives the key's value (a test
/// proves this for every key under every convention); evaluated on a student's own earlier
/// answers it decides follow-through; and its text and inputs are what a wrong mark shows.
public indirect enum Formula: Equatable, Sendable, CustomStringConvertible {
    /// A value read from the sheet or the trace.
    case value(TraceKey)
    case constant(Double)
    case sum([Formula])
    case product([Formula])
    case difference(Formula, Formula)
    case square(Formula)
    case sigmoid(Formula)
    case tanh(Formula)

    /// The formula's value, reading every key through `lookup`.
    public func evaluate(_ lookup: (TraceKey) -> Double) -> Double {
        switch self {
        case .value(let key): return lookup(key)
        case .constant(let c): return c
        case .sum(let terms): return terms.reduce(0) { $0 + $1.evaluate(lookup) }
        case .product(let factors): return factors.dropFirst().reduce(factors.first?.evaluate(lookup) ?? 1) { $0 * $1.evaluate(lookup) }
        case .difference(let a, let b): return a.evaluate(lookup) - b.evaluate(lookup)
        case .square(let a): let v = a.evaluate(lookup); return v * v
        case .sigmoid(let a): return GRUCore.sigmoid(a.evaluate(lookup))
        case .tanh(let a): return hyperbolicTangent(a.evaluate(lookup))
        }
    }

    /// The keys the formula reads, each once, in the order they appear.
    public var inputs: [TraceKey] {
        var seen: Set<TraceKey> = []
        var out: [TraceKey] = []
        func walk(_ f: Formula) {
            switch f {
            case .value(let key): if seen.insert(key).inserted { out.append(key) }
            case .constant: break
            case .sum(let fs), .product(let fs): fs.forEach(walk)
            case .difference(let a, let b): walk(a); walk(b)
            case .square(let a), .sigmoid(let a), .tanh(let a): walk(a)
            }
        }
        walk(self)
        return out
    }

    /// The formula over keys: `param.Wz[1][1]·t2.x[1] + param.bz[1]`, `σ(t2.a_z[1])`.
    public var description: String { text(parent: 0) }

    /// Precedence: 0 top, 1 inside a sum, 2 inside a product or on the right of a minus.
    private func text(parent: Int) -> String {
        switch self {
        case .value(let key): return key.description
        case .constant(let c): return Self.constantText(c)
        case .sum(let terms):
            let s = terms.map { $0.text(parent: 1) }.joined(separator: " + ")
            return parent >= 2 ? "(\(s))" : s
        case .difference(let a, let b):
            let s = a.text(parent: 1) + " − " + b.text(parent: 2)
            return parent >= 2 ? "(\(s))" : s
        case .product(let factors): return factors.map { $0.text(parent: 2) }.joined(separator: "·")
        case .square(let a): return a.text(parent: 3) + "²"
        case .sigmoid(let a): return "σ(\(a.text(parent: 0)))"
        case .tanh(let a): return "tanh(\(a.text(parent: 0)))"
        }
    }

    /// `½`, `2`, `1/3`, or the shortest decimal.
    private static func constantText(_ c: Double) -> String {
        if c == 0.5 { return "½" }
        if c == c.rounded() && abs(c) < 1e15 { return String(Int(c)) }
        if c > 0, c < 1, (1 / c) == (1 / c).rounded(), 1 / c < 1e6 { return "1/\(Int(1 / c))" }
        return "\(c)"
    }
}

/// `tanh` from the C library (inside `Formula` the name means the case).
private func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }

extension Formula {
    static func + (a: Formula, b: Formula) -> Formula {
        if case .sum(let terms) = a { return .sum(terms + [b]) }
        return .sum([a, b])
    }
    static func * (a: Formula, b: Formula) -> Formula {
        if case .product(let factors) = a { return .product(factors + [b]) }
        return .product([a, b])
    }
    static func - (a: Formula, b: Formula) -> Formula { .difference(a, b) }
    /// The terms of a sum; a formula that is not a sum is one term.
    var terms: [Formula] {
        if case .sum(let terms) = self { return terms }
        return [self]
    }
    /// `c·f`, or `f` alone when c is 1.
    static func scaled(_ c: Double, _ f: Formula) -> Formula { c == 1 ? f : .constant(c) * f }
    /// Σ over a list; a list of one is that term.
    static func total(_ terms: [Formula]) -> Formula { terms.count == 1 ? terms[0] : .sum(terms) }
}
