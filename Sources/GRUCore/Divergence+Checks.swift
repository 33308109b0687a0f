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
            let sequence = several ? k + 1 : nil
            for f in s.forward {
                if let d = forward(f, c, sequence: sequence) { return d }
            }
            for b in s.backward {
                if let d = backward(b, c, sequence: sequence) { return d }
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
            let sequence = several ? k + 1 : nil
            let (steps, _) = SequencePass.forwardWithLoss(p, c, h0: problem.h0, sequence: s, weight: problem.sequenceWeight)
            for f in steps {
                if let d = forward(f, c, sequence: sequence) { return d }
            }
            var found: Divergence?
            _ = SequencePass.bptt(p, c, steps, weight: problem.sequenceWeight) { b in
                if found == nil { found = backward(b, c, sequence: sequence) }
            }
            if let found { return found }
        }
        return nil
    }

    /// The first entry of the listed quantities of timestep t that is not finite, with the
    /// step's loss after the forward quantities.
    private static func first(_ quantities: [TraceKey.StepQuantity], _ values: (TraceKey.StepQuantity) -> [Double]?,
                              loss: Double?, t: Int, sequence: Int?) -> Divergence? {
        for q in quantities {
            guard let v = values(q), let i = v.firstIndex(where: { !$0.isFinite }) else { continue }
            return Divergence(epoch: 1, site: .step(TraceKey(sequence: sequence, t: t, .step(q), [i + 1])),
                              value: v[i], lossIsFinite: true)
        }
        if let loss, !loss.isFinite {
            return Divergence(epoch: 1, site: .step(TraceKey(sequence: sequence, t: t, .stepLoss)), value: loss, lossIsFinite: true)
        }
        return nil
    }

    private static func forward(_ f: StepForward, _ c: ModelConfig, sequence: Int?) -> Divergence? {
        first(TraceKey.StepQuantity.forward(c).filter { $0 != .x && $0 != .target }, { f[$0] },
              loss: f.loss, t: f.t, sequence: sequence)
    }

    private static func backward(_ b: StepBackward, _ c: ModelConfig, sequence: Int?) -> Divergence? {
        if let d = first(TraceKey.StepQuantity.backward(c), { b[$0] }, loss: nil, t: b.t, sequence: sequence) {
            return d
        }
        guard let (name, index, value) = firstNonFinite(b.grads, c) else { return nil }
        return Divergence(epoch: 1, site: .step(TraceKey(sequence: sequence, t: b.t, .stepGradient(name), index)),
                          value: value, lossIsFinite: true)
    }

    /// The first entry of `p` that is not finite, by parameter and 1-based index, in lesson order.
    private static func firstNonFinite(_ p: Parameters, _ c: ModelConfig) -> (ParameterName, [Int], Double)? {
        for name in ParameterName.used(by: c) {
            let values = p[name]
            guard let k = values.firstIndex(where: { !$0.isFinite }) else { continue }
            let cols = name.shape(c).cols
            return (name, name.isVector ? [k + 1] : [k / cols + 1, k % cols + 1], values[k])
        }
        return nil
    }

    /// The first parameter entry of the model after epoch `epoch`'s update that is not finite,
    /// named by its trace key (`update.Why[1][2]`, 1-based), or nil when all are finite.
    public static func update(_ p: Parameters, _ c: ModelConfig, epoch: Int) -> Divergence? {
        guard let (name, index, value) = firstNonFinite(p, c) else { return nil }
        return Divergence(epoch: epoch, site: .update(TraceKey(.update(name), index)), value: value, lossIsFinite: true)
    }

    /// The first output of the trained model applied to new input that is not finite
    /// (`apply.t2.y[1]`), or nil. `epochs` is the number of training epochs.
    public static func apply(_ steps: [StepForward], epochs: Int) -> Divergence? {
        for f in steps {
            if let i = f.y.firstIndex(where: { !$0.isFinite }) {
                return Divergence(epoch: epochs, site: .applied(TraceKey(t: f.t, .apply(.y), [i + 1])),
                                  value: f.y[i], lossIsFinite: true)
            }
        }
        return nil
    }

    /// The one policy for what `Training.check` cannot see, among the `sections` a caller shows
    /// (nil: all), in the order the walkthrough shows them: a value of the detailed pass (when
    /// the forward pass, the loss, BPTT or the accumulation is shown), the one update (when it is
    /// shown), the parameters after `epochs` epochs of training (when training is shown and was
    /// run: `trained` is nil otherwise), and the trained model applied to new input (when shown
    /// and the lesson has one). `Trace.record` and the streamed JSON trace both ask it.
    public static func unseen(_ c: ModelConfig, sections: Set<LessonSection>?, epochs: Int,
                              firstPass: () -> Divergence?, updated: Parameters,
                              trained: Parameters?, applied: [StepForward]?) -> Divergence? {
        func shows(_ s: LessonSection) -> Bool { sections?.contains(s) ?? true }
        if [LessonSection.forward, .loss, .bptt, .accumulation].contains(where: shows), let d = firstPass() { return d }
        if shows(.update), let d = update(updated, c, epoch: 1) { return d }
        if shows(.training), let trained, let d = update(trained, c, epoch: epochs) { return d }
        if shows(.apply), let applied, let d = apply(applied, epochs: epochs) { return d }
        return nil
    }
}
