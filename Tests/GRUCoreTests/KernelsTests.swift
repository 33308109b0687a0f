import Testing
import GRUCore

/// The blocked kernels promise the summation order of their one-row forms (`Kernels` doc
/// comments): `gemv` row i is `dot(row i, v)`, `gemvT` is one `axpy` per row from zero, and
/// `addOuters` is one `addOuter` per step for t = count−1 down to 0. Equality here is bit for bit,
/// so a block that reassociates a sum fails. The shapes cover every row block (4, 2, 1) and column
/// tail (8, 4, scalar), built for AVX2 or not.
@Suite struct KernelsTests {
    static let shapes: [(rows: Int, cols: Int)] = [(1, 1), (2, 3), (3, 4), (4, 8), (5, 9), (6, 12), (7, 13),
                                                   (9, 17), (11, 14), (14, 7), (16, 16), (13, 20)]

    func random(_ n: Int, _ rng: inout SplitMix64) -> [Double] {
        (0..<n).map { _ in rng.nextSymmetric(scale: 1.7) }
    }

    @Test func gemvRowsAreDotProducts() {
        var rng = SplitMix64(seed: 41)
        for (rows, cols) in Self.shapes {
            let m = random(rows * cols, &rng), v = random(cols, &rng)
            var out = [Double](repeating: .nan, count: rows)
            Kernels.gemv(&out, m, rows: rows, cols: cols, v)
            for i in 0..<rows {
                let expected = m.withUnsafeBufferPointer { Kernels.dot($0.baseAddress! + i * cols, v, cols) }
                #expect(out[i] == expected, "rows \(rows), cols \(cols), row \(i)")
            }
        }
    }

    @Test func gemvTIsOneAxpyPerRow() {
        var rng = SplitMix64(seed: 42)
        for (rows, cols) in Self.shapes {
            let m = random(rows * cols, &rng), v = random(rows, &rng)
            var out = [Double](repeating: .nan, count: cols)
            Kernels.gemvT(&out, m, rows: rows, cols: cols, v)
            var expected = [Double](repeating: 0, count: cols)
            for i in 0..<rows {
                m.withUnsafeBufferPointer { Kernels.axpy(&expected, v[i], $0.baseAddress! + i * cols, cols) }
            }
            #expect(out == expected, "rows \(rows), cols \(cols)")
        }
    }

    @Test func addOutersIsOneAddOuterPerStepBackwards() {
        var rng = SplitMix64(seed: 43)
        for (rows, cols) in Self.shapes {
            for count in [0, 1, 5] {
                // Strides wider than the vectors, as in the kernel's (T, H) caches.
                let uStride = rows + 1, vStride = cols + 3
                let u = random(max(count * uStride, 1), &rng), v = random(max(count * vStride, 1), &rng)
                let start = random(rows * cols, &rng)
                var m = start
                Kernels.addOuters(&m, rows: rows, cols: cols, u, uStride: uStride, v, vStride: vStride, count: count)
                var expected = start
                for t in stride(from: count - 1, through: 0, by: -1) {
                    u.withUnsafeBufferPointer { ub in
                        v.withUnsafeBufferPointer { vb in
                            Kernels.addOuter(&expected, rows: rows, cols: cols,
                                             ub.baseAddress! + t * uStride, vb.baseAddress! + t * vStride)
                        }
                    }
                }
                #expect(m == expected, "rows \(rows), cols \(cols), count \(count)")
            }
        }
    }

    @Test func dotAgainstAHandSum() {
        // 1·1 + 2·2 + … + 9·9 = 285, exact in any order; the 8-wide body and the scalar tail both count.
        let a = (1...9).map(Double.init)
        #expect(Kernels.dot(a, a, 9) == 285)
    }
}

/// The AVX2 build (Package.swift, on hosts that have it) and the baseline x86-64 build compute
/// the same bits: no fused multiply-add, and every sum in the same order. The expected bit
/// patterns below were printed by this test in a `GRU_EXPLAIN_PORTABLE=1` (SSE) build and
/// then passed unchanged in the AVX2 build; hidden size 13 takes the four-row, two-row and one-row
/// blocks and every column tail of the kernels.
@Suite struct BuildIndependenceTests {
    @Test func trainingGivesTheSameBitsInEveryBuild() throws {
        let c = ModelConfig(inputSize: 3, hiddenSize: 13, outputSize: 2, update: .zTimesCandidate, reset: .afterMatmul)
        var rng = SplitMix64(seed: 2026)
        let sequences = (0..<2).map { _ in Fixtures.randomSequence(c, T: 9, rng: &rng) }
        let problem = Fixtures.problem(c, Fixtures.randomParameters(c, seed: 77, scale: 0.4), sequences: sequences, lr: 0.05, epochs: 5)
        let trained = try Training.train(problem, from: problem.parameters, epochs: 5)
        // One number for all parameters: their bit patterns folded together (FNV-1a).
        var fold: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in ParameterName.allCases {
            for x in trained.parameters[name] { fold = (fold ^ x.bitPattern) &* 0x100_0000_01b3 }
        }
        let losses = trained.losses.map { String($0.bitPattern, radix: 16) }
        #expect(losses == Self.expectedLosses)
        #expect(String(fold, radix: 16) == Self.expectedParameters)
    }

    static let expectedLosses = ["4026870a079bad90", "4023b866cce6c78f", "402229a68a0ec11a", "4020e75497b3431c", "40202e849f823f19"]
    static let expectedParameters = "329afc4f42b938dc"
}
