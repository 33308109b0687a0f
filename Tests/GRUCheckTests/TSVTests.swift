import Testing
import GRUCore
import GRURender
@testable import GRUCheck

/// `run lesson1 --format tsv`: the keys of docs/keys.md with the trace's values.
@Suite struct TSVTests {
    let trace = Fixtures.lesson1Trace

    @Test func lesson1ReadsBackExactly() {
        let tsv = TSVRenderer.render(trace)
        #expect(tsv.hasSuffix("\n"))
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let keys = trace.keys
        #expect(lines.count == keys.count)   // 837 for lesson1 (TraceKeysTests counts them)
        var seen: Set<String> = []
        for (line, key) in zip(lines, keys) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 2, "\(line)")
            // The order is Trace.keys' order, and every key is unique.
            #expect(String(fields[0]) == key.description)
            #expect(seen.insert(String(fields[0])).inserted)
            // Full precision: the text reads back to the very same Double, bit for bit.
            let value = Double(String(fields[1]))
            #expect(value?.bitPattern == trace.value(at: key)!.bitPattern, "\(line)")
        }
    }

    @Test func theOrderIsStable() throws {
        // The same lesson recorded twice gives the same bytes.
        let again = try Trace.record(Fixtures.lesson1)
        #expect(TSVRenderer.render(again) == TSVRenderer.render(trace))
        #expect(TSVRenderer.render(trace).hasPrefix("lr\t0.05\nparam.Wz[1][1]\t0.3\nparam.Wz[2][1]\t0.3\n"))
    }

    @Test func theTSVIsAFullyCorrectAnswerSheet() throws {
        let report = try Marker.check(Array(TSVRenderer.render(trace).utf8), against: trace)
        #expect(report.summary.correct == trace.keys.count)
    }

    @Test func digitsRound() {
        let tsv = TSVRenderer.render(trace, digits: 4)
        // The seed's numbers (issue 2): z₁ = 0.5987, r₁ = 0.6106, h̃₁ = 0.4621, h₁ = 0.1855, h₂ = 0.3903.
        for line in ["t1.z[1]\t0.5987", "t1.r[1]\t0.6106", "t1.h_tilde[1]\t0.4621", "t1.h[2]\t0.1855", "t2.h[1]\t0.3903",
                     "lr\t0.0500", "t3.dh_rec[1]\t0.0000"] {
            #expect(("\n" + tsv).contains("\n" + line + "\n"), "\(line)")
        }
        // Nothing rounds to "-0.0000".
        #expect(!tsv.contains("\t-0.0000\n"))
        #expect(!TSVRenderer.render(trace, digits: 0).contains("\t-0\n"))
    }
}
