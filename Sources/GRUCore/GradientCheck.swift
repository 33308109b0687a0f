/// Central finite differences: the independent check on every BPTT gradient.
///
/// For each parameter entry θ_i, `(L(θ + ε·e_i) − L(θ − ε·e_i)) / 2ε`. Its error is O(ε²) from the
/// Taylor remainder plus O(u/ε) from rounding (u ≈ 1.1e-16), so ε = 1e-5 gives about 1e-10
/// absolute accuracy on the smooth losses here.
public enum GradientCheck {
    public static let defaultEpsilon = 1e-5

    /// The numerical gradient of L with respect to every parameter the model uses.
    public static func numerical(_ problem: Problem, at p: Parameters,
                                 epsilon: Double = defaultEpsilon) -> Parameters {
        var g = Parameters(zerosFor: problem.config)
        for name in ParameterName.used(by: problem.config) {
            var entries = g[name]
            for i in entries.indices {
                var plus = p, minus = p
                plus[name] = bump(p[name], i, +epsilon)
                minus[name] = bump(p[name], i, -epsilon)
                let lPlus = Training.pass(plus, problem).loss
                let lMinus = Training.pass(minus, problem).loss
                entries[i] = (lPlus - lMinus) / (2 * epsilon)
            }
            g[name] = entries
        }
        return g
    }

    /// `|a − b| / max(|a|, |b|, floor)`: relative error that stays meaningful near zero.
    public static func relativeError(_ a: Double, _ b: Double, floor: Double = 1e-8) -> Double {
        abs(a - b) / max(abs(a), abs(b), floor)
    }

    private static func bump(_ values: [Double], _ i: Int, _ delta: Double) -> [Double] {
        var v = values
        v[i] += delta
        return v
    }
}
