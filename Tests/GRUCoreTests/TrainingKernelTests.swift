import Testing
import GRUCore

/// The trace-free kernel must compute exactly what the readable path computes: the same
/// floating-point operations in the same order, so the results are equal bit for bit.
@Suite struct TrainingKernelTests {
    @Test(arguments: GradientCheckTests.allConventions, [9, 14])
    func bitIdenticalToTheReadablePath(_ c: ModelConfig, hidden: Int) {
        var rng = SplitMix64(seed: 5)
        // Hidden size 9 (rows 4+4+1, columns 8+1) and 14 (rows 4+4+4+2, columns 8+4+2) exercise
        // every row block and column tail of the kernels; input size 5 the short rows of W.
        let big = ModelConfig(inputSize: 5, hiddenSize: hidden, outputSize: 2, update: c.update, reset: c.reset,
                              loss: c.loss, reduction: c.reduction)
        let sequences = [Fixtures.randomSequence(big, T: 4, rng: &rng), Fixtures.randomSequence(big, T: 2, rng: &rng)]
        var problem = Fixtures.problem(big, Fixtures.randomParameters(big, seed: 9), sequences: sequences)
        problem.h0 = (0..<hidden).map { Double($0) / 10 - 0.4 }
        let kernel = TrainingKernel(problem, parameters: problem.parameters)
        let reference = Training.pass(problem.parameters, problem)
        #expect(kernel.lossAndGradient() == reference.loss)
        let g = kernel.gradients
        for name in ParameterName.allCases {
            let differing = zip(g[name], reference.gradients[name]).filter { $0 != $1 }
            #expect(differing.isEmpty, "∂L/∂\(name.rawValue): \(differing.count) entries differ, e.g. \(differing.first.map { "\($0.0) vs \($0.1)" } ?? "")")
        }
    }

    @Test func trainingMatchesStepByStepUpdates() throws {
        // 20 epochs through the kernel equal 20 readable passes and SGD steps, bit for bit,
        // under the mean over two sequences.
        var c = Fixtures.pytorchConfig
        c.sequenceReduction = .mean
        var rng = SplitMix64(seed: 1)
        let problem = Fixtures.problem(c, Fixtures.pytorchParameters,
                                       sequences: [Fixtures.addOne, Fixtures.randomSequence(c, T: 5, rng: &rng)],
                                       lr: 0.1, epochs: 20)
        var p = problem.parameters
        var losses: [Double] = []
        for _ in 0..<20 {
            let pass = Training.pass(p, problem)
            losses.append(pass.loss)
            p = p.sgdStep(gradients: pass.gradients, learningRate: 0.1)
        }
        let trained = try Training.train(problem, from: problem.parameters, epochs: 20)
        #expect(trained.losses == losses)
        #expect(trained.parameters == p)
    }
}

@Suite struct TrainingKernelSizeTests {
    /// `allocatedDoubles`, which LessonCost estimates training's memory from, counts what the
    /// kernel really allocates: lesson-like problems of one and several sequences, both resets.
    @Test(arguments: [ResetPlacement.beforeMatmul, .afterMatmul])
    func theEstimateCountsTheBuffers(_ reset: ResetPlacement) {
        var c = ModelConfig(inputSize: 3, hiddenSize: 5, outputSize: 2)
        c.reset = reset
        let p = Parameters(zerosFor: c)
        let sequences = [TrainingSequence(inputs: Array(repeating: [1, 2, 3], count: 4), targets: Array(repeating: [0, 1], count: 4)),
                         TrainingSequence(inputs: Array(repeating: [1, 2, 3], count: 7), targets: Array(repeating: [0, 1], count: 7))]
        for n in 1...2 {
            let problem = Problem(config: c, parameters: p, h0: Array(repeating: 0, count: 5), sequences: Array(sequences.prefix(n)),
                                  learningRate: 0.1, epochs: 1)
            #expect(TrainingKernel(problem, parameters: p).allocated == TrainingKernel.allocatedDoubles(problem))
        }
        // By hand, one sequence of 4 steps, H = 5, I = 3, O = 2: θ is padded to 8 per parameter;
        // 3·θ + 4·3 + 4·2 + 5, then 4·(9·5 + 2·2) + 5 for h₀'s row, then 7·5.
        let one = Problem(config: c, parameters: p, h0: Array(repeating: 0, count: 5), sequences: [sequences[0]],
                          learningRate: 0.1, epochs: 1)
        let theta = ParameterName.allCases.reduce(0) { n, name in let s = name.shape(c); return n + (s.rows * s.cols + 7) / 8 * 8 }
        #expect(TrainingKernel.allocatedDoubles(one) == 3 * theta + 12 + 8 + 5 + 4 * 49 + 5 + 35)
    }
}
