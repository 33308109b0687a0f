import GRUCore

/// `"init": {"seed": 7, "scale": 0.5}`: random starting parameters that come out the same on
/// every machine and in every language (docs/lesson-format.md, "init").
///
/// One SplitMix64 generator, seeded with `seed`, draws every entry of every parameter the model
/// uses, in `ParameterName` order (Wz, Uz, bz, Wr, Ur, br, Wh, Uh, bh, then bhn only under
/// after_matmul, then Why, by), a matrix row by row. Each entry is
///
///     u = (next() >> 11) · 2⁻⁵³          a uniform number in [0, 1) with 53 random bits
///     θ = (2u − 1) · scale               uniform in [−scale, scale)
public struct SeededInitialisation: Equatable, Sendable {
    /// The largest seed a lesson file may give: every whole number up to 2⁵³ is exact in JSON.
    public static let maxSeed: UInt64 = 1 << 53

    public var seed: UInt64
    public var scale: Double

    public init(seed: UInt64, scale: Double) {
        self.seed = seed
        self.scale = scale
    }

    /// The starting parameters for `c`. `bhn` stays zero under before_matmul, where it has no role.
    public func parameters(for c: ModelConfig) -> Parameters {
        var rng = SplitMix64(seed: seed)
        var p = Parameters(zerosFor: c)
        for name in ParameterName.used(by: c) {
            p[name] = p[name].map { _ in rng.nextSymmetric(scale: scale) }
        }
        return p
    }
}
