import GRUCore

/// Models shared by the core tests, with the source of every number.
enum Fixtures {
    /// lesson1: the seed's worked example. Wz = 0.3, bz = 0.1, by = 0.1 and h0 = 0 come from the
    /// seed; the other values were chosen (issue 2) so that the seed's surviving numbers come out.
    static let seedConfig = ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1)
    static let seedParameters = Parameters(
        Wz: Matrix([[0.3], [0.3]]), Uz: Matrix([[0.05, 0.05], [0.05, 0.05]]), bz: [0.1, 0.1],
        Wr: Matrix([[0.25], [0.25]]), Ur: Matrix([[0.3, 0.3], [0.3, 0.3]]), br: [0.2, 0.2],
        Wh: Matrix([[0.5], [0.5]]), Uh: Matrix([[0.5, 0.5], [0.5, 0.5]]), bh: [0, 0], bhn: [0, 0],
        Why: Matrix([[0.5, 0.5]]), by: [0.1])
    static let addOne = TrainingSequence(inputs: [[1], [2], [3]], targets: [[2], [3], [4]])

    /// The PyTorch cross-check of issue 2: float64 nn.GRU (after_matmul, z_times_previous),
    /// half_squared, sum, inputs [1,2,3], targets [2,3,4], h0 = 0.
    static let pytorchConfig = ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1,
                                           update: .zTimesPrevious, reset: .afterMatmul)
    static let pytorchParameters = Parameters(
        Wz: Matrix([[0.3], [-0.2]]), Uz: Matrix([[0.1, 0.4], [-0.3, 0.2]]), bz: [0.1, -0.1],
        Wr: Matrix([[0.25], [0.5]]), Ur: Matrix([[0.2, -0.1], [0.3, 0.1]]), br: [0.2, 0.0],
        Wh: Matrix([[0.5], [-0.4]]), Uh: Matrix([[0.5, -0.3], [0.2, 0.6]]), bh: [0.0, 0.1], bhn: [0.05, -0.05],
        Why: Matrix([[0.6, -0.4]]), by: [0.1])

    static func problem(_ c: ModelConfig, _ p: Parameters, sequences: [TrainingSequence] = [addOne],
                        lr: Double = 0.1, epochs: Int = 1) -> Problem {
        Problem(config: c, parameters: p, h0: .init(repeating: 0, count: c.hiddenSize),
                sequences: sequences, learningRate: lr, epochs: epochs)
    }

    /// Random parameters in [−scale, scale) from a seeded SplitMix64.
    static func randomParameters(_ c: ModelConfig, seed: UInt64, scale: Double = 0.8) -> Parameters {
        var rng = SplitMix64(seed: seed)
        var p = Parameters(zerosFor: c)
        for name in ParameterName.allCases {
            p[name] = p[name].map { _ in rng.nextSymmetric(scale: scale) }
        }
        return p
    }

    static func randomSequence(_ c: ModelConfig, T: Int, rng: inout SplitMix64) -> TrainingSequence {
        TrainingSequence(
            inputs: (0..<T).map { _ in (0..<c.inputSize).map { _ in rng.nextSymmetric(scale: 1.5) } },
            targets: (0..<T).map { _ in (0..<c.outputSize).map { _ in rng.nextSymmetric(scale: 1.5) } })
    }
}

/// `|a − b| ≤ tol·max(|a|, |b|)`: relative closeness, as the PyTorch contract states it.
func relClose(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool {
    abs(a - b) <= tol * max(abs(a), abs(b))
}

/// Rounds half away from zero to `digits` decimals, as the seed's printed numbers are.
func rounded(_ x: Double, _ digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return (x * scale).rounded() / scale
}
