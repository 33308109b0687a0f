import Testing
@testable import GRUExplainCLI

@Suite struct CompareCommandTests {
    @Test func comparesTheFourConventions() {
        let r = runCLI(["compare", "lesson1", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        for name in ["seed", "pytorch", "chung", "candidate-after"] { #expect(r.stdout.contains(name)) }
        #expect(r.stdout.contains("The first value that differs, in the order the numbers are computed, is t1.h[1]"))
    }

    @Test func someConventionsOnlyInChinese() {
        let r = runCLI(["compare", "lesson2", "--conventions", "keras,d2l", "--lang", "zh", "--digits", "6"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("pytorch") && r.stdout.contains("seed (d2l)") && !r.stdout.contains("chung"))
        #expect(r.stdout.contains("从哪里开始不同"))
        #expect(r.stdout.contains("0.530532"))   // a_h₁[1] under after_matmul: 0.5 + 0.6106·0.05
    }

    @Test func usageErrorsAreOneLine() {
        let cases: [([String], String)] = [
            (["compare", "lesson1", "--conventions", "pytroch"], "unknown convention 'pytroch'; did you mean pytorch?"),
            (["compare", "lesson1", "--conventions", "seed,d2l"], "needs at least two different conventions, found 1"),
            (["compare", "lesson1", "--sequence", "2"], "compare: --sequence: lesson1 has only one sequence, found '2'"),
            (["compare", "lesson1", "--format", "json"], "--format must be one of text, markdown"),
            (["compare"], "which lesson?"),
        ]
        expectUsageErrors(cases)
        #expect(runCLI(["compare", "--help"]).stdout.contains("candidate-after"))
    }
}
