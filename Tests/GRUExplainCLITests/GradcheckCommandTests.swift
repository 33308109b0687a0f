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

    /// Entries that fail at another step but all pass at the default one are blamed on the step,
    /// not on BPTT, in the report and on stderr. The counts (24, 2, 27 of 27) and errors (0.28,
    /// 1.2e-06) are what this build measures for lesson1: truncation grows as ε², rounding as 1/ε.
    @Test func aStepThatAloneFailsIsNamedAsTheCause() {
        let large = runCLI(["gradcheck", "lesson1", "--epsilon", "1", "--lang", "en"])
        #expect(large.status == 1)
        #expect(large.stderr == "gru-explain: gradcheck: 24 of 27 gradient entries exceed the tolerance 1e-06 (largest relative error 0.28 at Wz[1][1]); at the default --epsilon 1e-05 every entry passes, so the step 1 is the cause\n")
        #expect(large.stdout.contains("The step ε = 1 is large"))
        // A step only a little off the default: two entries fail, and the step is still named.
        let near = runCLI(["gradcheck", "lesson1", "--epsilon", "1e-3", "--lang", "en"])
        #expect(near.stderr == "gru-explain: gradcheck: 2 of 27 gradient entries exceed the tolerance 1e-06 (largest relative error 1.2e-06 at Wh[1][1]); at the default --epsilon 1e-05 every entry passes, so the step 1e-3 is the cause\n")
        let small = runCLI(["gradcheck", "lesson1", "--epsilon", "1e-12", "--lang", "zh"])
        #expect(small.status == 1)
        #expect(small.stderr.hasSuffix("; at the default --epsilon 1e-05 every entry passes, so the step 1e-12 is the cause\n"))
        #expect(small.stdout.contains("偏小"))
        // When the default step fails too (a tolerance no difference meets), the step is not blamed.
        #expect(!runCLI(["gradcheck", "lesson1", "--epsilon", "1e-3", "--tolerance", "1e-12"]).stderr.contains("the cause"))
        #expect(!runCLI(["gradcheck", "lesson1", "--tolerance", "0"]).stderr.contains("the cause"))
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
