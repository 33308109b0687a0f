import Testing
import GRUCore

/// BPTT against central finite differences (ε = 1e-5) on random small models, for every
/// combination of update × reset × loss × reduction, plus several sequences summed or averaged.
@Suite struct GradientCheckTests {
    static var allConventions: [ModelConfig] {
        var configs: [ModelConfig] = []
        for update in UpdateRule.allCases {
            for reset in ResetPlacement.allCases {
                for loss in LossKind.allCases {
                    for reduction in Reduction.allCases {
                        configs.append(ModelConfig(inputSize: 2, hiddenSize: 3, outputSize: 2, update: update,
                                                   reset: reset, loss: loss, reduction: reduction))
                    }
                }
            }
        }
        return configs
    }

    @Test(arguments: allConventions)
    func bpttMatchesFiniteDifferences(_ c: ModelConfig) {
        var rng = SplitMix64(seed: 42)
        let p = Fixtures.randomParameters(c, seed: 7)
        let sequences = [Fixtures.randomSequence(c, T: 4, rng: &rng)]
        var problem = Fixtures.problem(c, p, sequences: sequences)
        problem.h0 = [0.3, -0.2, 0.1]   // a non-zero h0 exercises every h_{t−1} term at t = 1
        assertGradientsMatch(problem)
    }

    @Test(arguments: [Reduction.sum, Reduction.mean])
    func severalSequences(_ sequenceReduction: Reduction) {
        let c = ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1, reset: .afterMatmul,
                            sequenceReduction: sequenceReduction)
        var rng = SplitMix64(seed: 3)
        let sequences = (0..<3).map { Fixtures.randomSequence(c, T: 2 + $0, rng: &rng) }
        assertGradientsMatch(Fixtures.problem(c, Fixtures.randomParameters(c, seed: 11), sequences: sequences))
    }

    @Test func seedLessonAndPyTorchCase() {
        assertGradientsMatch(Fixtures.problem(Fixtures.seedConfig, Fixtures.seedParameters))
        assertGradientsMatch(Fixtures.problem(Fixtures.pytorchConfig, Fixtures.pytorchParameters))
    }

    @Test func timestepContributionsSumToTheGradient() {
        let trace = try! Trace.record(Fixtures.problem(Fixtures.pytorchConfig, Fixtures.pytorchParameters))
        var sum = Parameters(zerosFor: Fixtures.pytorchConfig)
        for b in trace.sequences[0].backward { sum.add(b.grads) }
        for name in ParameterName.allCases {
            for (a, b) in zip(sum[name], trace.gradients[name]) { #expect(abs(a - b) <= 1e-15 * max(1, abs(b))) }
        }
        // dh_rec at t = T is zero, and each step's dh_rec is the next step's dh_prev.
        let backward = trace.sequences[0].backward
        #expect(backward.map(\.t) == [3, 2, 1])
        #expect(backward[0].dhRec == [0, 0])
        #expect(backward[1].dhRec == backward[0].dhPrev)
        #expect(backward[2].dhRec == backward[1].dhPrev)
    }

    private func assertGradientsMatch(_ problem: Problem, sourceLocation: SourceLocation = #_sourceLocation) {
        let analytic = Training.pass(problem.parameters, problem).gradients
        let numeric = GradientCheck.numerical(problem, at: problem.parameters)
        var worst = 0.0
        for name in ParameterName.used(by: problem.config) {
            for (a, n) in zip(analytic[name], numeric[name]) {
                worst = max(worst, GradientCheck.relativeError(a, n, floor: 1e-6))
            }
        }
        #expect(worst < 1e-6, "largest relative error \(worst)", sourceLocation: sourceLocation)
    }
}

extension ModelConfig: CustomTestStringConvertible {
    public var testDescription: String {
        "\(update.rawValue)/\(reset.rawValue)/\(loss.rawValue)/\(reduction.rawValue)"
    }
}
