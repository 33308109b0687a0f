/// What `Training.check` cannot see, because the loss and the gradients stay finite:
/// - a value of the detailed pass that overflows and saturates what follows it: a_z = ∞ gives
///   z = σ(∞) = 1, and the loss goes on finite, but the trace would show ∞ (and JSON null);
/// - an SGD step that overflows although the gradient it used was finite (θ − lr·∂L/∂θ with a
///   learning rate near 10³⁰⁸). Training checks each epoch's loss before its step, so only the
///   last step can overflow unseen;
/// - a trained model whose parameters are finite but so large that its output on new input
///   overflows.
/// Each is named by its trace key (docs/keys.md), so that the message can say exactly where.
extension Divergence {
    /// The first value of the detailed pass that is not finite, in the order of the trace: each
    /// sequence's forward pass, then its BPTT and each timestep's gradient contributions. Named by
    /// its key (`t2.a_z[1]`, `s2.t1.dz[1]`, `t3.grad.Uh[1][2]`); nil when every value is finite.
    public static func firstPass(_ sequences: [SequenceTrace], _ c: ModelConfig) -> Divergence? {
        let several = sequences.count > 1
        for (k, s) in sequences.enumerated() {
            let prefix = several ? "s\(k + 1)." : ""
            for f in s.forward {
                if let d = forward(f, prefix: prefix, sequence: k + 1) { return d }
            }
            for b in s.backward {
                if let d = backward(b, c, prefix: prefix, sequence: k + 1) { return d }
            }
        }
        return nil
    }

    /// The same, computing the detailed pass of `problem` one sequence at a time and keeping
    /// nothing of it: for a trace that is written while it is computed.
    public static func firstPass(_ problem: Problem) -> Divergence? {
        let c = problem.config, p = problem.parameters
        let several = problem.sequences.count > 1
        for (k, s) in problem.sequences.enumerated() {
            let prefix = several ? "s\(k + 1)." : ""
            let (steps, _) = SequencePass.forwardWithLoss(p, c, h0: problem.h0, sequence: s, weight: problem.sequenceWeight)
            for f in steps {
                if let d = forward(f, prefix: prefix, sequence: k + 1) { return d }
            }
            var found: Divergence?
            _ = SequencePass.bptt(p, c, steps, weight: problem.sequenceWeight) { b in
                if found == nil { found = backward(b, c, prefix: prefix, sequence: k + 1) }
            }
            if let found { return found }
        }
        return nil
    }

    private static func first(_ fields: [(String, [Double]?)], t: Int, prefix: String, sequence: Int) -> Divergence? {
        for (name, values) in fields {
            guard let values, let i = values.firstIndex(where: { !$0.isFinite }) else { continue }
            let index = name == "loss" ? "" : "[\(i + 1)]"
            return Divergence(epoch: 1, sequence: sequence, t: t, quantity: "\(prefix)t\(t).\(name)\(index)", value: values[i])
        }
        return nil
    }

    private static func forward(_ f: StepForward, prefix: String, sequence: Int) -> Divergence? {
        first([("a_z", f.aZ), ("z", f.z), ("a_r", f.aR), ("r", f.r), ("rh", f.rh), ("n_h", f.nH),
               ("a_h", f.aH), ("h_tilde", f.hTilde), ("h", f.h), ("y", f.y), ("loss", f.loss.map { [$0] })],
              t: f.t, prefix: prefix, sequence: sequence)
    }

    private static func backward(_ b: StepBackward, _ c: ModelConfig, prefix: String, sequence: Int) -> Divergence? {
        if let d = first([("dy", b.dy), ("dh_out", b.dhOut), ("dh_rec", b.dhRec), ("dh", b.dh), ("dz", b.dz),
                          ("dh_tilde", b.dhTilde), ("da_h", b.daH), ("drh", b.drh), ("dn_h", b.dnH), ("dr", b.dr),
                          ("da_r", b.daR), ("da_z", b.daZ), ("dh_prev", b.dhPrev)],
                         t: b.t, prefix: prefix, sequence: sequence) {
            return d
        }
        guard var d = update(b.grads, c, epoch: 1) else { return nil }
        d.quantity = "\(prefix)t\(b.t).grad." + d.quantity.dropFirst("update.".count)
        d.sequence = sequence
        d.t = b.t
        return d
    }

    /// The first parameter entry of the model after epoch `epoch`'s update that is not finite,
    /// named by its trace key (`update.Why[1][2]`, 1-based), or nil when all are finite.
    public static func update(_ p: Parameters, _ c: ModelConfig, epoch: Int) -> Divergence? {
        for name in ParameterName.used(by: c) {
            let values = p[name]
            guard let k = values.firstIndex(where: { !$0.isFinite }) else { continue }
            let cols = name.shape(c).cols
            let index = name.isVector ? "[\(k + 1)]" : "[\(k / cols + 1)][\(k % cols + 1)]"
            return Divergence(epoch: epoch, sequence: 1, t: nil, quantity: "update.\(name.rawValue)\(index)", value: values[k])
        }
        return nil
    }

    /// The first step of the trained model applied to new input whose output is not finite
    /// (`apply.y`, at that timestep), or nil. `epochs` is the number of training epochs.
    public static func apply(_ steps: [StepForward], epochs: Int) -> Divergence? {
        for f in steps {
            if let y = f.y.first(where: { !$0.isFinite }) {
                return Divergence(epoch: epochs, sequence: 1, t: f.t, quantity: "apply.y", value: y)
            }
        }
        return nil
    }

    /// The same for parameters `trained` for `epochs` epochs, before a trace is written: their
    /// last update (when `update`: the trace shows them, or the one detailed update they are),
    /// then the trained model applied to the lesson's new input (when `apply` and it has one).
    public static func afterTraining(_ problem: Problem, trained: Parameters, epochs: Int,
                                     update checksUpdate: Bool, apply checksApply: Bool) -> Divergence? {
        if checksUpdate, let d = update(trained, problem.config, epoch: epochs) { return d }
        guard checksApply, let inputs = problem.applyInputs else { return nil }
        return apply(SequencePass.forward(trained, problem.config, h0: problem.h0, inputs: inputs), epochs: epochs)
    }
}
