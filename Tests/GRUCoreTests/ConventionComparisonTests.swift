import Testing
import GRUCore

/// `compare`'s computation: one problem run under the four conventions, and where they part.
/// (GRURenderTests' ComparisonReportTests checks the report's words.)
@Suite struct ConventionComparisonTests {
    static let all = ConventionPreset.all
    /// lesson1's model, data and apply input (lessons/lesson1.json), with 3 epochs instead of 500:
    /// enough for `train.loss[2]`, the first value after one update.
    static let lesson1 = {
        var p = Fixtures.problem(Fixtures.seedConfig, Fixtures.seedParameters, lr: 0.05, epochs: 3)
        p.applyInputs = [[4], [5], [6]]
        return p
    }()
    /// lesson2's (the PyTorch cross-check of issue 2), likewise.
    static let lesson2 = {
        var p = Fixtures.problem(Fixtures.pytorchConfig, Fixtures.pytorchParameters, lr: 0.05, epochs: 3)
        p.applyInputs = [[4], [5], [6]]
        return p
    }()

    @Test func presetsAreParsedByNameAndAlias() throws {
        func names(_ list: String) -> [String]? { try? ConventionPreset.parse(list).get().map(\.name) }
        #expect(names("all") == ["seed", "pytorch", "chung", "candidate-after"])
        #expect(names("keras,d2l") == ["pytorch", "seed"])
        #expect(names("seed, d2l ,SEED") == ["seed"])            // one pair named three times
        #expect(names("wikipedia,all") == ["chung", "seed", "pytorch", "candidate-after"])
        #expect(throws: ConventionPreset.UnknownName(name: "pytroch")) { try ConventionPreset.parse("seed,pytroch").get() }
        let pairs = ConventionPreset.all.map { "\($0.update.rawValue)+\($0.reset.rawValue)" }
        #expect(pairs == ["z_times_previous+before_matmul", "z_times_previous+after_matmul",
                          "z_times_candidate+before_matmul", "z_times_candidate+after_matmul"])
        #expect(ConventionPreset.names == ["all", "seed", "d2l", "pytorch", "keras", "chung", "wikipedia", "candidate-after"])
        #expect(ConventionPreset.all.map(\.label) == ["seed (d2l)", "pytorch (keras)", "chung (wikipedia)", "candidate-after"])
    }

    /// Each run is the engine's own trace under that convention, with the problem's parameters.
    @Test func eachRunIsTheProblemUnderThatConvention() throws {
        let comparison = ConventionComparison(Self.lesson2, presets: Self.all)
        #expect(comparison.problem == Self.lesson2)
        for run in comparison.runs {
            var problem = Self.lesson2
            problem.config.update = run.preset.update
            problem.config.reset = run.preset.reset
            #expect(run.problem == problem)
            #expect(run.trace == (try Trace.record(problem)))
            #expect(run.divergence == nil)
        }
        // pytorch is lesson2's own convention: issue 2's PyTorch loss.
        let loss = try #require(comparison.runs[1].trace?.loss)
        #expect(abs(loss - 9.782658710274607) <= 1e-12 * 9.782658710274607)
    }

    /// The shared values are the trace's keys in its order, without the givens (the same in every
    /// run by construction) and without the keys only one reset placement has.
    @Test func theSharedValuesAreTheKeysEveryRunHas() throws {
        let comparison = ConventionComparison(Self.lesson1, presets: Self.all)
        let seed = try #require(comparison.runs[0].trace)
        let expected = seed.keys.filter { key in
            guard key.stage != .given else { return false }
            if case .step(let q) = key.kind, q == .rh || q == .drh { return false }
            return true
        }
        #expect(comparison.values.map(\.key) == expected)
        #expect(!comparison.values.contains { $0.name.contains("n_h") || $0.name.contains("bhn") || $0.name.contains("rh[") })
        // Each value is read from each run's own trace.
        for v in comparison.values.prefix(40) {
            for (k, run) in comparison.runs.enumerated() { #expect(v.values[k] == run.trace?.value(at: v.key)) }
        }
    }

    /// lesson1 has bhn = 0 and h0 = 0, and its two units are copies, so every component of r is
    /// equal: the reset placement changes nothing in the detailed pass. The update rule parts the
    /// conventions at h₁; seed and pytorch part only in training (bhn learns under after_matmul).
    @Test func lesson1FirstDivergesAtH1AndSeedMeetsPytorchUntilTraining() throws {
        let comparison = ConventionComparison(Self.lesson1, presets: Self.all)
        #expect(comparison.firstDivergence?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(0, 1)?.name == "train.loss[2]")
        #expect(comparison.firstDivergence(0, 2)?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(0, 3)?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(1, 3)?.name == "t1.h[1]")
        // The seed's numbers: h₁ = 0.1855 under seed, and z₁ = 0.5987 in every convention.
        let h1 = try #require(comparison.values.first { $0.name == "t1.h[1]" })
        #expect((h1.values[0] * 10_000).rounded() == 1855)
        let z1 = try #require(comparison.values.first { $0.name == "t1.z[1]" })
        #expect(!z1.differs && (z1.values[0] * 10_000).rounded() == 5987)
        #expect(comparison.values.first { $0.name == "t2.z[1]" }?.differs == true)
    }

    /// lesson2 has bhn ≠ 0, so the reset placement matters from a_h at timestep 1.
    @Test func lesson2FirstDivergesAtTheCandidatePreActivation() {
        let comparison = ConventionComparison(Self.lesson2, presets: Self.all)
        #expect(comparison.firstDivergence?.name == "t1.a_h[1]")
        #expect(comparison.firstDivergence(0, 1)?.name == "t1.a_h[1]")
        #expect(comparison.firstDivergence(0, 2)?.name == "t1.h[1]")
        #expect(comparison.firstDivergence(0, 3)?.name == "t1.a_h[1]")
    }

    /// A convention that is not one of the runs is run on its own against run `a`, and only the
    /// values the comparison shares count: the same answers as when it is one of the runs.
    @Test func aConventionOutsideTheRunsIsRunOnItsOwn() {
        let two = ConventionComparison(Self.lesson1, presets: [Self.all[0], Self.all[3]])
        #expect(two.firstDivergence(0, Self.all[1])?.name == "train.loss[2]")    // seed against pytorch
        #expect(two.firstDivergence(0, Self.all[2])?.name == "t1.h[1]")          // seed against chung
        #expect(two.firstDivergence(0, Self.all[0]) == nil)                       // seed against itself
        #expect(two.firstDivergence(1, Self.all[3]) == nil)
    }

    /// `|a − b| > 1e-12 · max(1, |a|, |b|)`, and NaN (a run that diverged) differs from everything.
    @Test func valuesDifferBeyondTheTolerance() {
        #expect(!ConventionComparison.differ(1, 1 + 1e-13))
        #expect(ConventionComparison.differ(1, 1 + 1e-11))
        #expect(!ConventionComparison.differ(1e6, 1e6 + 1e-7))                // relative above 1
        #expect(ConventionComparison.differ(0, 2e-12))                          // absolute below 1
        #expect(ConventionComparison.differ(.nan, .nan) && ConventionComparison.differ(0, .nan))
    }
}
