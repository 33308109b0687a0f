import Testing
import GRUCore

/// The PyTorch cross-check of issue 2 (float64 nn.GRU + autograd). Every expected number below
/// was printed by PyTorch and is quoted in the issue; we match to 1e-12 relative.
@Suite struct PyTorchReferenceTests {
    let trace = try! Trace.record(Fixtures.problem(Fixtures.pytorchConfig, Fixtures.pytorchParameters))

    @Test func hiddenStateAndOutputs() {
        let forward = trace.sequences[0].forward
        let h3 = forward[2].h
        #expect(relClose(h3[0], 0.5696833954757395))
        #expect(relClose(h3[1], -0.7587578311395667))
        let y = forward.map { $0.y[0] }
        for (got, want) in zip(y, [0.29039206069598494, 0.5404122802066451, 0.7453131697412704]) {
            #expect(relClose(got, want), "y = \(got), PyTorch \(want)")
        }
        #expect(relClose(trace.loss, 9.782658710274607))
    }

    @Test func gradients() {
        let g = trace.gradients
        let expected: [(ParameterName, [Double])] = [
            (.Wz, [1.7982508360988014, 0.7840044870641552]),
            (.Uh, [-0.06228133243756176, 0.06343587001909139, 0.16236931683332473, -0.17321779827495637]),
            (.bhn, [-0.8190022120128138, 1.1902025392214355]),
            (.Why, [-3.190267509416852, 3.9871504597202003]),
            (.by, [-7.4238824893560995]),
        ]
        for (name, want) in expected {
            for (i, (got, w)) in zip(g[name], want).enumerated() {
                #expect(relClose(got, w), "∂L/∂\(name.rawValue)[\(i)] = \(got), PyTorch \(w)")
            }
        }
    }
}
