import Testing
import GRUCore
import GRULessons

/// The cost estimate a lesson is held to before it runs (docs/robustness.md).
@Suite struct LessonCostTests {
    /// lesson1: H = 2, I = O = 1, so P = 3·2·1 + 3·2·2 + 3·2 + 1·2 + 1 = 27 (no bhn under
    /// before_matmul); T = 3, 500 epochs, 3 applied steps.
    @Test func lesson1sCountsFollowFromItsSizes() throws {
        let cost = LessonCost(try LessonLibrary.load("lesson1").problem)
        #expect(cost.parameters == 27)
        #expect(cost.timesteps == 3 && cost.applyTimesteps == 3 && cost.epochs == 500)
        // Per timestep: P + (I + 8H + 2O + 1) + (11H + O) = 27 + 20 + 23 = 70; the one sequence
        // adds P, the lesson 4P and, per applied step, I + 8H + 2O + 1 + O = 21.
        let numbers: Double = 3 * 70 + 27 + 4 * 27 + 3 * 21
        #expect(cost.detailNumbers == numbers)
        // 3P multiply-adds per timestep, over the detailed pass and 500 epochs; P per applied step.
        let work: Double = 501 * 3 * 3 * 27 + 3 * 27
        #expect(cost.work == work)
        // gradcheck: two passes of 3 timesteps × 3P for each of the 27 entries.
        let gradcheck: Double = 2 * 27 * 3 * 3 * 27
        #expect(cost.gradientCheckWork == gradcheck)
    }

    /// The estimate counts at least every number the trace has a key for (the TSV lines), and
    /// not wildly more: the estimate is of the trace, and the keys list nearly all of it.
    @Test(arguments: LessonLibrary.bundledIDs)
    func theEstimateCoversEveryKeyOfTheTrace(_ id: String) throws {
        var problem = try LessonLibrary.load(id).problem
        problem.epochs = min(problem.epochs, 20)   // the keys of training grow with epochs, and so does the time
        let keys = Double(try Trace.record(problem).keys.count)
        let cost = LessonCost(problem)
        let estimate = cost.detailNumbers + Double(cost.epochs)
        #expect(estimate >= keys, "\(id): \(estimate) < \(keys) keys")
        #expect(estimate <= 1.5 * keys, "\(id): \(estimate) > 1.5 × \(keys) keys")
    }

    @Test func memoryGrowsWithWhatIsShown() throws {
        let cost = LessonCost(try LessonLibrary.load("lesson1").problem)
        let base = LessonCost.baseBytes + cost.trainingBytes
        #expect(cost.memoryBytes(.text) == base + cost.detailNumbers * 800 + 500 * 16)
        #expect(cost.memoryBytes(.json) == base + cost.detailNumbers * 32 + 500 * 16)
        #expect(cost.memoryBytes(.tsv) == base + (cost.detailNumbers + 500) * 300)
        // Without the detailed sections, run skips the detailed pass: its numbers cost nothing.
        for output in [LessonCost.Output.json, .tsv, .text, .markdown, .html] {
            #expect(cost.memoryBytes(output, showsDetail: false) == base + 500 * (output == .tsv ? 300 : 16), "\(output)")
        }
        // The worksheet and the check need the detailed pass whatever they show.
        #expect(cost.memoryBytes(.check, showsDetail: false) == cost.memoryBytes(.check))
    }

    @Test func theStandardLimitsAreAGibibyteAndATrillionMultiplyAdds() {
        #expect(LessonCost.Limits.standard(physicalMemory: 64 << 30) == .init(memoryBytes: Double(1 << 30), work: 1e12))
        #expect(LessonCost.Limits.standard(physicalMemory: 2 << 30).memoryBytes == Double(512 << 20))
        // A machine that does not say: 1 GiB.
        #expect(LessonCost.Limits.standard(physicalMemory: 0).memoryBytes == Double(1 << 30))
    }

    @Test func sizesAndCountsAreWrittenForPeople() {
        #expect(LessonCost.describeBytes(512) == "512 bytes")
        #expect(LessonCost.describeBytes(1536) == "1.5 KiB")
        #expect(LessonCost.describeBytes(Double(1 << 30)) == "1 GiB")
        #expect(LessonCost.describeBytes(13.04 * Double(1 << 30)) == "13 GiB")
        #expect(LessonCost.describeBytes(12.2 * Double(1 << 30)) == "12.2 GiB")
        #expect(LessonCost.describeBytes(364.4 * Double(1 << 20)) == "364 MiB")
        #expect(LessonCost.describeCount(870_000) == "870000")
        #expect(LessonCost.describeCount(2e7) == "2e7")
        #expect(LessonCost.describeCount(1.49e12) == "1.5e12")
        #expect(LessonCost.describeCount(9.96e9) == "1e10")
    }
}
