import Testing
@testable import GRUExplainCLI

@Suite struct GradcheckCommandTests {
    @Test(arguments: ["lesson1", "lesson2", "lesson3"])
    func passesOnEveryBundledLesson(_ id: String) {
        let r = runCLI(["gradcheck", id, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("entries pass; the largest relative error is"))
        #expect(r.stdout.contains("∂L/∂Why split by timestep"))
    }

    /// With tolerance 0 no central difference can pass: exit 1, the report on stdout and one
    /// line on stderr.
    @Test func failsWithStatus1() {
        let r = runCLI(["gradcheck", "lesson1", "--tolerance", "0", "--lang", "en"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("✗ FAIL"))
        #expect(r.stderr.hasPrefix("gru-explain: gradcheck: 27 of 27 gradient entries exceed the tolerance 0.0"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// A step far from the default makes the central difference, not BPTT, the likely culprit;
    /// the report and the stderr line say so. 24 and 27 of 27 entries, 0.28 and 0.11: what this
    /// build measured for lesson1 at ε = 1 (truncation, ∝ ε²) and ε = 1e-12 (rounding, ∝ 1/ε).
    @Test func aStepFarFromTheDefaultIsNamedAsTheLikelierCause() {
        let large = runCLI(["gradcheck", "lesson1", "--epsilon", "1", "--lang", "en"])
        #expect(large.status == 1)
        #expect(large.stderr == "gru-explain: gradcheck: 24 of 27 gradient entries exceed the tolerance 1e-06 (largest relative error 0.28 at Wz[1][1]); the step --epsilon 1 is the likelier cause, try the default 1e-05\n")
        #expect(large.stdout.contains("The step ε = 1 is large"))
        let small = runCLI(["gradcheck", "lesson1", "--epsilon", "1e-12", "--lang", "zh"])
        #expect(small.status == 1)
        #expect(small.stderr.hasSuffix("; the step --epsilon 1e-12 is the likelier cause, try the default 1e-05\n"))
        #expect(small.stdout.contains("太小"))
        // At the default step, a failure is not blamed on the step.
        #expect(!runCLI(["gradcheck", "lesson1", "--tolerance", "0"]).stderr.contains("likelier cause"))
    }

    @Test func usageErrorsAreOneLine() {
        let cases: [([String], String)] = [
            (["gradcheck", "lesson1", "--epsilon", "0"], "--epsilon must be a number > 0 such as 1e-05, found '0'"),
            (["gradcheck", "lesson1", "--epsilon", "nan"], "--epsilon must be a number > 0"),
            (["gradcheck", "lesson1", "--epsilon", "1e308"], "--epsilon must be at most 1 (the step of a central difference, such as 1e-05), found '1e308'"),
            (["gradcheck", "lesson1", "--tolerance", "-1"], "--tolerance must be a number ≥ 0"),
            (["gradcheck", "lesson1", "--split", "bhn"], "--split: 'bhn' is not a parameter of this model"),
            (["gradcheck", "lesson1", "--split", "why"], "did you mean Why?"),
            (["gradcheck", "lesson1", "extra"], "unexpected argument 'extra'"),
        ]
        expectUsageErrors(cases)
        #expect(runCLI(["gradcheck", "lesson2", "--split", "bhn", "--lang", "en"]).stdout.contains("∂L/∂bhn split by timestep"))
        #expect(runCLI(["gradcheck", "--help"]).stdout.contains("max(|bptt|, |numerical|, 0.01)"))
    }
}
