import Testing
@testable import GRUCore

/// Training runs `FastPass`, which skips the trace. It must give the same Doubles, bit for bit,
/// as the recorded `Training.pass`: the numbers a lesson shows for epoch 1 are then exactly the
/// ones training starts from.
@Suite struct FastPassTests {
    static var everyConvention: [ModelConfig] {
        var configs: [ModelConfig] = []
        for update in UpdateRule.allCases {
            for reset in ResetPlacement.allCases {
                for loss in LossKind.allCases {
                    for reduction in Reduction.allCases {
                        for sequenceReduction in Reduction.allCases {
                            configs.append(ModelConfig(inputSize: 2, hiddenSize: 3, outputSize: 2, update: update,
                                                       reset: reset, loss: loss, reduction: reduction,
                                                       sequenceReduction: sequenceReduction))
                        }
                    }
                }
            }
        }
        return configs
    }

    /// Random models (SplitMix64 seeds 5 and 6), three sequences of lengths 2, 4 and 3, h0 ≠ 0.
    static func problem(_ c: ModelConfig) -> Problem {
        var rng = SplitMix64(seed: 6)
        let sequences = [2, 4, 3].map { Fixtures.randomSequence(c, T: $0, rng: &rng) }
        var problem = Fixtures.problem(c, Fixtures.randomParameters(c, seed: 5), sequences: sequences, lr: 0.05, epochs: 4)
        problem.h0 = [0.3, -0.2, 0.1]
        return problem
    }

    @Test(arguments: everyConvention)
    func sameLossAndGradientsAsTheRecordedPass(_ c: ModelConfig) {
        let problem = Self.problem(c)
        let recorded = Training.pass(problem.parameters, problem)
        var fast = FastPass(problem)
        #expect(fast.run(problem.parameters) == recorded.loss)
        #expect(fast.gradients == recorded.gradients)
        // A second run on the same buffers starts from zero again.
        #expect(fast.run(problem.parameters) == recorded.loss)
        #expect(fast.gradients == recorded.gradients)
    }

    /// `Training.train` against the plain loop it replaces: pass, then one SGD step, per epoch.
    @Test(arguments: everyConvention)
    func trainingEqualsTheRecordedLoop(_ c: ModelConfig) throws {
        let problem = Self.problem(c)
        var p = problem.parameters
        var losses: [Double] = []
        for _ in 0..<problem.epochs {
            let (loss, gradients, _) = Training.pass(p, problem)
            losses.append(loss)
            p = p.sgdStep(gradients: gradients, learningRate: problem.learningRate)
        }
        let trained = try Training.train(problem, from: problem.parameters, epochs: problem.epochs)
        #expect(trained.losses == losses)
        #expect(trained.parameters == p)
    }
}
