import Foundation
import Testing
import GRUCore

/// The numbers that survive in the seed's course text (../shared/seed), each to 4 decimals.
@Suite struct SeedNumbersTests {
    let trace = try! Trace.record(Fixtures.problem(Fixtures.seedConfig, Fixtures.seedParameters))

    @Test func timestep1() {
        let f = trace.sequences[0].forward[0]
        #expect(f.z.map { rounded($0, 4) } == [0.5987, 0.5987])          // seed: z1 = 0.5987
        #expect(f.r.map { rounded($0, 4) } == [0.6106, 0.6106])          // seed: r1 = 0.6106
        #expect(f.hTilde.map { rounded($0, 4) } == [0.4621, 0.4621])     // seed: h~1 = 0.4621
        #expect(f.h.map { rounded($0, 4) } == [0.1855, 0.1855])          // seed: h1 = [0.1855, 0.1855]
        // Hand calculation: a_z = 0.3·1 + 0.05·0 + 0.05·0 + 0.1 = 0.4 exactly as written.
        #expect(abs(f.aZ[0] - 0.4) < 1e-15)
    }

    @Test func timestep2() {
        let f = trace.sequences[0].forward[1]
        #expect(f.h.map { rounded($0, 4) } == [0.3903, 0.3903])          // seed: h2 = [0.3903, 0.3903]
        #expect(f.hPrev == trace.sequences[0].forward[0].h)
    }

    @Test func outputOfTimestep1() {
        // Hand calculation: y1 = 0.5·h1 + 0.5·h1 + 0.1 with h1 = 0.4013…·tanh(0.5).
        let f = trace.sequences[0].forward[0]
        let h1 = (1 - sigmoid(0.4)) * tanh(0.5)
        #expect(abs(f.y[0] - (h1 + 0.1)) < 1e-15)
    }

    @Test func sigmoidNeverOverflows() {
        #expect(sigmoid(-1000) == 0)
        #expect(sigmoid(1000) == 1)
        #expect(sigmoid(0) == 0.5)
        #expect(!sigmoid(-Double.greatestFiniteMagnitude).isNaN)
    }
}

