import Testing
@testable import GRUExplainCLI

/// `run --format tsv` (docs/keys.md). The values are the lesson1 trace's; GRUCheckTests proves
/// the TSV reads back bit for bit, so these tests pin the command line only.
@Suite struct TSVFormatTests {
    @Test func fullPrecisionByDefault() {
        let r = runCLI(["run", "lesson1", "--format", "tsv"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 837)   // TraceKeysTests: every key of lesson1
        #expect(lines.first == "lr\t0.05")
        #expect(lines.contains("t1.z[1]\t0.598687660112452"))   // σ(0.4); the seed's 0.5987
    }

    @Test func digitsOnlyTimestepFilter() {
        let r = runCLI(["run", "lesson1", "--format", "tsv", "--digits", "4", "--only", "forward", "--timestep", "2"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.hasPrefix("t2.") })
        #expect(lines.contains("t2.h[1]\t0.3903"))               // the seed's h₂
        #expect(lines.count == 17)                               // a_z … y of one step: 8 × 2 + 1
    }

    @Test func formatsListTSV() {
        #expect(runCLI(["run", "--help"]).stdout.contains("tsv"))
        let bad = runCLI(["run", "lesson1", "--format", "csv"])
        #expect(bad.status == 2 && bad.stderr.contains("tsv"))
    }
}
