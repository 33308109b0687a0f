/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fully specified pseudo-random generator, so
/// that a seeded initialisation gives the same numbers on every machine and in every language.
///
///     state += 0x9E3779B97F4A7C15
///     z = state
///     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// `nextUniform()` maps the top 53 bits to [0, 1): `Double(next() >> 11) * 2⁻⁵³`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A Double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A Double in [−scale, scale).
    public mutating func nextSymmetric(scale: Double) -> Double {
        (2 * nextUniform() - 1) * scale
    }
}
