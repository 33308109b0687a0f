import Testing
import GRUCore

@Suite struct TrainingTests {
    @Test func oneUpdateIsTheFirstTrainingEpoch() throws {
        let problem = Fixtures.problem(Fixtures.seedConfig, Fixtures.seedParameters, lr: 0.1, epochs: 3)
        let trace = try Trace.record(problem)
        // The loss before update 1 is the detailed pass's loss.
        #expect(trace.training.losses.count == 3)
        #expect(trace.training.losses[0] == trace.loss)
        // One epoch of training is exactly the shown update: θ − lr·∂L/∂θ.
        let afterOne = try Training.train(problem, from: problem.parameters, epochs: 1).parameters
        #expect(afterOne == trace.update.parameters)
        // Hand calculation for one entry: by_new = by − lr·∂L/∂by.
        #expect(trace.update.parameters.by[0] == 0.1 - 0.1 * trace.gradients.by[0])
    }

    @Test func lossFallsOnTheSeedLesson() throws {
        let trace = try Trace.record(Fixtures.problem(Fixtures.seedConfig, Fixtures.seedParameters, lr: 0.1, epochs: 300))
        let losses = trace.training.losses
        #expect(losses.last! < losses.first! / 100)
    }

    @Test func divergenceIsReportedWithWhereItHappened() {
        let problem = Fixtures.problem(Fixtures.seedConfig, Fixtures.seedParameters, lr: 1e200, epochs: 20)
        #expect(throws: Divergence.self) { try Trace.record(problem) }
        do {
            _ = try Trace.record(problem)
        } catch {
            #expect(error.epoch >= 2)
            #expect(!error.value.isFinite || abs(error.value) > 1e100)
        }
    }

    @Test func splitMix64MatchesItsPublishedSequence() {
        // Reference values of SplitMix64 for seed 0 (the first outputs, as in the C reference code).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
