import Testing
import GRUCore

/// The key vocabulary of docs/keys.md, checked on lesson1 (issue 2's parameters, lr 0.05, 500
/// epochs, applied to [4, 5, 6]) and on two small variants. The values a key names are read
/// straight from the trace's fields, so these tests pin the naming and the order, not the math.
@Suite struct TraceKeysTests {
    static let lesson1 = Problem(config: Fixtures.seedConfig, parameters: Fixtures.seedParameters, h0: [0, 0],
                                 sequences: [Fixtures.addOne], learningRate: 0.05, epochs: 500,
                                 applyInputs: [[4], [5], [6]], applyExpected: [[5], [6], [7]])
    let trace = try! Trace.record(lesson1)

    @Test func keysOfLesson1StartWithTheGivensAndFollowTheComputation() {
        let names = trace.keys.map(\.description)
        // lr, 11 parameters of lesson1 (bhn is not used under before_matmul), h0.
        #expect(Array(names.prefix(4)) == ["lr", "param.Wz[1][1]", "param.Wz[2][1]", "param.Uz[1][1]"])
        #expect(!names.contains { $0.hasPrefix("param.bhn") })
        // Timestep 1 in computation order, x first and the step's loss last.
        let t1 = names.filter { $0.hasPrefix("t1.") && !$0.hasPrefix("t1.grad") && !$0.hasPrefix("t1.d") }
        #expect(t1 == ["t1.x[1]", "t1.a_z[1]", "t1.a_z[2]", "t1.z[1]", "t1.z[2]", "t1.a_r[1]", "t1.a_r[2]",
                       "t1.r[1]", "t1.r[2]", "t1.rh[1]", "t1.rh[2]", "t1.a_h[1]", "t1.a_h[2]",
                       "t1.h_tilde[1]", "t1.h_tilde[2]", "t1.h[1]", "t1.h[2]", "t1.y[1]", "t1.target[1]", "t1.loss"])
        // Forward t = 1…3, then loss, then BPTT from t = 3, then contributions, sums, update.
        let position = { (k: String) in names.firstIndex(of: k)! }
        #expect(position("t3.loss") < position("loss"))
        #expect(position("loss") == position("t3.dy[1]") - 1)
        #expect(position("t3.dh_prev[2]") < position("t2.dy[1]"))
        #expect(position("t1.dh_prev[2]") < position("t3.grad.Wz[1][1]"))
        #expect(position("t1.grad.by[1]") == position("grad.Wz[1][1]") - 1)
        #expect(position("grad.by[1]") == position("update.Wz[1][1]") - 1)
        #expect(position("update.by[1]") == position("train.loss[1]") - 1)
        #expect(names.last == "apply.t3.expected[1]")
    }

    @Test func everyKeyIsUniqueReadsBackAndHasAValue() {
        let keys = trace.keys
        #expect(Set(keys).count == keys.count)
        // lr, the 27 entries of the 11 parameters, h0 (2); 3 steps × 20 forward (x, 8 vectors of
        // 2, y, target, loss); loss; 3 × 23 backward (dy, 11 vectors of 2); 3 × 27 contributions;
        // 27 sums; 27 updates; 500 epoch losses; 27 trained; 3 × 5 apply (x, h[2], y, expected).
        #expect(keys.count == 1 + 27 + 2 + 3 * 20 + 1 + 3 * 23 + 3 * 27 + 27 + 27 + 500 + 27 + 3 * 5)
        for key in keys {
            #expect(TraceKey(key.description) == key, "\(key)")
            #expect(trace.value(at: key) != nil, "\(key)")
        }
        #expect(trace.entries.count == keys.count)
    }

    @Test func valuesAreTheTraceFields() {
        let s = trace.sequences[0]
        #expect(trace.value(at: TraceKey("t1.z[1]")!) == s.forward[0].z[0])              // seed: 0.5987…
        #expect(trace.value(at: TraceKey("t2.h_tilde[2]")!) == s.forward[1].hTilde[1])
        #expect(trace.value(at: TraceKey("t3.dh[2]")!) == s.backward[0].dh[1])          // backward[0] is t = 3
        #expect(trace.value(at: TraceKey("t1.dh_prev[1]")!) == s.backward[2].dhPrev[0])
        #expect(trace.value(at: TraceKey("t2.grad.Wz[1][1]")!) == s.backward[1].grads.Wz[0, 0])
        #expect(trace.value(at: TraceKey("grad.Uz[1][2]")!) == trace.gradients.Uz[0, 1])
        #expect(trace.value(at: TraceKey("update.Why[1][1]")!) == trace.update.parameters.Why[0, 0])
        #expect(trace.value(at: TraceKey("t1.loss")!) == s.forward[0].loss)
        #expect(trace.value(at: TraceKey("loss")!) == trace.loss)
        #expect(trace.value(at: TraceKey("lr")!) == 0.05)
        #expect(trace.value(at: TraceKey("param.Ur[2][1]")!) == 0.3)
        #expect(trace.value(at: TraceKey("train.loss[500]")!) == trace.training.losses[499])
        #expect(trace.value(at: TraceKey("apply.t3.expected[1]")!) == 7)
    }

    @Test func keysThatDoNotParse() {
        for text in ["", "t0.z[1]", "t1.z[01]", "t1.z[0]", "t1.zz[1]", "t1.z[1", "t1.z[a]", "t1..z[1]",
                     "z[1]", "t1.grad[1]", "grad.Wx[1][1]", "tt.z[1]", "T1.z[1]", "t1.z [1]", "s.t1.z[1]",
                     "apply.z[1]", "apply.t1.z[1]", "t1.lr", "param.Wq[1]", "train.t1.loss", "t-1.z[1]"] {
            #expect(TraceKey(text) == nil, "\(text)")
        }
    }

    /// Every combination of these prefixes, words, names and indices (16,800 strings): 436 parse,
    /// the number the parser gave before its switch lost its `default:` (issue 16; the old and the
    /// new parser were run side by side on this corpus and agreed on every string), and each one
    /// that parses is written back as the same text.
    @Test func aCorpusOfNearKeysParsesAsBefore() {
        let prefixes = ["", "s1.", "s2.", "s0.", "apply.", "s1.apply.", "t1.", "t12.", "apply.t2.", "s1.t3.", "s01.",
                        "s1.apply.t1.", "t1.apply.", "t0."]
        let words = ["lr", "h0", "loss", "param", "grad", "update", "train", "z", "x", "y", "h", "expected", "n_h", "rh",
                     "dh_prev", "drh", "apply", "t1", "Wz", "bhn", "foo", "", "target", "dy"]
        let names = ["", ".Wz", ".loss", ".bhn", ".x", ".z", ".foo", ".Wz.Uz", ".", ".by"]
        let indices = ["", "[1]", "[1][2]", "[0]", "[3][1][2]"]
        var count = 0, parsed = 0
        for p in prefixes { for w in words { for n in names { for i in indices {
            let text = p + w + n + i
            count += 1
            guard let key = TraceKey(text) else { continue }
            parsed += 1
            #expect(key.description == text)
        } } } }
        #expect(count == 16_800 && parsed == 436)
    }

    @Test func keysThatParseButAreNotInLesson1() {
        for text in ["t4.z[1]", "t1.z[3]", "t1.z", "t1.z[1][1]", "t1.n_h[1]", "t1.dn_h[1]", "param.bhn[1]",
                     "s1.t1.z[1]", "s1.loss", "param.Wz", "param.Wz[1]", "param.Wz[1][2]", "grad.by[2]", "t1.loss[1]",
                     "train.loss[501]", "apply.t4.y[1]", "h0[3]", "lr[1]", "s1.apply.t1.y[1]"] {
            let key = TraceKey(text)
            #expect(key != nil, "\(text)")
            if let key { #expect(trace.value(at: key) == nil, "\(text)") }
        }
    }

    @Test func severalSequencesArePrefixed() throws {
        // lesson1's model on two sequences; L = L_s1 + L_s2 and ∂L/∂θ = the sum of both (issue 2).
        var problem = Self.lesson1
        problem.sequences.append(TrainingSequence(inputs: [[2], [3]], targets: [[3], [4]]))
        problem.epochs = 2
        let trace = try Trace.record(problem)
        let names = trace.keys.map(\.description)
        #expect(names.contains("s2.t2.h[1]") && names.contains("s1.t3.dh_prev[2]"))
        #expect(!names.contains("t1.z[1]") && !names.contains("s3.t1.z[1]"))
        #expect(Set(names).count == names.count)
        let s1 = trace.value(at: TraceKey("s1.loss")!)!, s2 = trace.value(at: TraceKey("s2.loss")!)!
        #expect(s1 + s2 == trace.value(at: TraceKey("loss")!)!)
        #expect(trace.value(at: TraceKey("s2.grad.by[1]")!) == trace.sequences[1].gradients.by[0])
        // Forward of both sequences before the total loss, and the total before any backward.
        #expect(names.firstIndex(of: "s2.loss")! < names.firstIndex(of: "loss")!)
        #expect(names.firstIndex(of: "loss")! < names.firstIndex(of: "s1.t3.dy[1]")!)
        #expect(names.firstIndex(of: "s2.grad.by[1]")! < names.firstIndex(of: "grad.Wz[1][1]")!)
        #expect(trace.value(at: TraceKey("t1.z[1]")!) == nil)
    }

    @Test func afterMatmulNamesNh() throws {
        let trace = try Trace.record(Fixtures.problem(Fixtures.pytorchConfig, Fixtures.pytorchParameters))
        let names = trace.keys.map(\.description)
        #expect(names.contains("t2.n_h[1]") && names.contains("t2.dn_h[2]") && names.contains("grad.bhn[2]"))
        #expect(!names.contains("t2.rh[1]") && !names.contains("t2.drh[1]"))
        // PyTorch (issue 2): ∂L/∂bhn = [-0.8190022120128138, 1.1902025392214355].
        #expect(relClose(trace.value(at: TraceKey("grad.bhn[1]")!)!, -0.8190022120128138))
        #expect(!names.contains { $0.hasPrefix("apply.") })
    }
}
