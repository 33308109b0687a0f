/// Everything the engine needs to run a lesson: the model, its starting point, the data, the
/// training schedule and, optionally, new input to apply the trained model to.
public struct Problem: Equatable, Sendable {
    public var config: ModelConfig
    public var parameters: Parameters
    public var h0: [Double]                 // (H)
    public var sequences: [TrainingSequence]
    public var learningRate: Double
    public var epochs: Int
    public var applyInputs: [[Double]]?     // T × (I)
    public var applyExpected: [[Double]]?   // T × (O)

    public init(config: ModelConfig, parameters: Parameters, h0: [Double],
                sequences: [TrainingSequence], learningRate: Double, epochs: Int,
                applyInputs: [[Double]]? = nil, applyExpected: [[Double]]? = nil) {
        self.config = config
        self.parameters = parameters
        self.h0 = h0
        self.sequences = sequences
        self.learningRate = learningRate
        self.epochs = epochs
        self.applyInputs = applyInputs
        self.applyExpected = applyExpected
    }

    /// The weight of each sequence's loss in L: 1 under sum, 1/N under mean.
    public var sequenceWeight: Double {
        config.sequenceReduction == .mean ? 1 / Double(sequences.count) : 1
    }
}

/// The numbers stopped being finite. Names where it happened, by the key of the value
/// (docs/keys.md), so that the user can see why.
public struct Divergence: Error, Equatable, Sendable {
    /// Where the first value that stopped being finite (or that grew largest) stands.
    public enum Site: Equatable, Sendable {
        /// A value of one timestep: a forward or backward quantity (`t2.a_z[1]`, `s2.t1.dz[1]`)
        /// or a timestep's contribution to a gradient (`t3.grad.Uh[1][2]`). The key carries the
        /// `sK.` prefix only in a lesson of several sequences.
        case step(TraceKey)
        /// A parameter entry after an SGD step (`update.Why[1][2]`): θ − lr·∂L/∂θ overflowed.
        case update(TraceKey)
        /// The output of the trained model applied to new input (`apply.t2.y[1]`).
        case applied(TraceKey)
        /// L itself, when no output was there to blame.
        case loss
    }

    /// 1-based epoch; epoch 1 is the detailed pass shown in the trace.
    public var epoch: Int
    public var site: Site
    public var value: Double
    /// True when the loss stayed finite: a value that the trace would show overflowed (and
    /// saturated what followed it), or an update or the applied model did. False when the loss
    /// of this epoch itself was not finite.
    public var lossIsFinite: Bool

    public init(epoch: Int, site: Site, value: Double, lossIsFinite: Bool) {
        self.epoch = epoch
        self.site = site
        self.value = value
        self.lossIsFinite = lossIsFinite
    }

    /// The key of the site, nil for `.loss`.
    public var key: TraceKey? {
        switch site {
        case .step(let key), .update(let key), .applied(let key): return key
        case .loss: return nil
        }
    }
}

/// SGD training: one epoch is a forward pass over every sequence, BPTT, the gradients summed,
/// and one step `θ ← θ − lr·∂L/∂θ`.
public enum Training {

    /// L and ∂L/∂θ over all sequences, recorded step by step.
    public static func pass(_ p: Parameters, _ problem: Problem) -> (loss: Double, gradients: Parameters, sequences: [SequenceTrace]) {
        var loss = 0.0
        var gradients = Parameters(zerosFor: problem.config)
        var traces: [SequenceTrace] = []
        for s in problem.sequences {
            let trace = SequencePass.run(p, problem.config, h0: problem.h0, sequence: s, weight: problem.sequenceWeight)
            loss += trace.loss
            gradients.add(trace.gradients)
            traces.append(trace)
        }
        return (loss, gradients, traces)
    }

    /// Runs `epochs` SGD steps from `start` without recording a trace. `losses[k]` is L before
    /// update k+1. Uses `TrainingKernel`, whose numbers are bit-identical to `pass`.
    public static func train(_ problem: Problem, from start: Parameters, epochs: Int) throws(Divergence) -> (losses: [Double], parameters: Parameters) {
        let kernel = TrainingKernel(problem, parameters: start)
        var losses: [Double] = []
        losses.reserveCapacity(max(epochs, 0))
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let loss = kernel.lossAndGradient()
            if !loss.isFinite || !kernel.gradientIsFinite {
                // Re-run this epoch with the readable path to name where it went wrong.
                let (l, g, traces) = pass(kernel.parameters, problem)
                try check(loss: l, gradients: g, traces: traces, epoch: epoch)
            }
            losses.append(loss)
            kernel.step(learningRate: problem.learningRate)
        }
        return (losses, kernel.parameters)
    }

    /// Throws a `Divergence` naming the first non-finite quantity, if the loss or a gradient is
    /// not finite.
    public static func check(loss: Double, gradients: Parameters, traces: [SequenceTrace], epoch: Int) throws(Divergence) {
        if loss.isFinite && gradients.isFinite { return }
        let several = traces.count > 1
        for (si, trace) in traces.enumerated() {
            for f in trace.forward {
                if let (q, i, value) = firstNonFinite(f) {
                    let key = TraceKey(sequence: several ? si + 1 : nil, t: f.t, .step(q), [i + 1])
                    throw Divergence(epoch: epoch, site: .step(key), value: value, lossIsFinite: false)
                }
            }
        }
        // The forward values are finite but their squares or products overflowed: name the largest output.
        var worst = Divergence(epoch: epoch, site: .loss, value: loss, lossIsFinite: false)
        var largest = -1.0
        for (si, trace) in traces.enumerated() {
            for f in trace.forward {
                for (i, v) in f.y.enumerated() where abs(v) > largest {
                    largest = abs(v)
                    let key = TraceKey(sequence: several ? si + 1 : nil, t: f.t, .step(.y), [i + 1])
                    worst = Divergence(epoch: epoch, site: .step(key), value: v, lossIsFinite: false)
                }
            }
        }
        throw worst
    }

    /// The first quantity of a forward step, in the order it is computed, that is not finite,
    /// with the 0-based entry. A finite output whose square overflowed the step's loss is named
    /// by its largest entry.
    static func firstNonFinite(_ f: StepForward) -> (TraceKey.StepQuantity, Int, Double)? {
        for q in TraceKey.StepQuantity.allCases where !q.isBackward {
            guard let values = f[q], let i = values.firstIndex(where: { !$0.isFinite }) else { continue }
            return (q, i, values[i])
        }
        if let loss = f.loss, !loss.isFinite, let i = f.y.indices.max(by: { abs(f.y[$0]) < abs(f.y[$1]) }) {
            return (.y, i, f.y[i])
        }
        return nil
    }
}

/// One SGD step, shown in detail.
public struct UpdateTrace: Equatable, Sendable {
    public var learningRate: Double
    /// θ − lr·∂L/∂θ
    public var parameters: Parameters
}

/// The result of training for `epochs` epochs.
public struct TrainingTrace: Equatable, Sendable {
    public var epochs: Int
    public var learningRate: Double
    /// L before update 1, …, L before update N.
    public var losses: [Double]
    /// The parameters after N updates.
    public var parameters: Parameters
}

/// The trained model applied to new input, from the lesson's h0.
public struct ApplyTrace: Equatable, Sendable {
    public var steps: [StepForward]
    public var expected: [[Double]]?
}

/// A complete record of a lesson: the detailed forward and backward pass with the initial
/// parameters, one SGD update, training, and the application of the trained model.
public struct Trace: Equatable, Sendable {
    public var config: ModelConfig
    public var parameters: Parameters
    public var h0: [Double]
    public var sequences: [SequenceTrace]
    public var loss: Double
    public var gradients: Parameters
    public var update: UpdateTrace
    public var training: TrainingTrace
    public var apply: ApplyTrace?

    /// Runs the whole lesson. Throws when the loss or a gradient stops being finite, or when a
    /// value among the `sections` to be shown (nil: all) overflowed while the loss stayed finite
    /// (`Divergence.unseen`): no ∞ is ever shown as a result.
    ///
    /// With `detailed: false` (for `--only training` and `--only apply`), the detailed pass is
    /// skipped: `sequences` is empty and `loss`, `gradients` and `update` are placeholders
    /// (L before update 1, zeros, the initial parameters) that no one should show.
    /// With `trained: false` (a worksheet, `--only forward`), training is skipped: `training`
    /// has no losses and holds the initial parameters, and `apply` is nil. So a lesson whose
    /// training diverges can still show its first pass.
    public static func record(_ problem: Problem, detailed: Bool = true, trained train: Bool = true,
                              sections: Set<LessonSection>? = nil) throws(Divergence) -> Trace {
        let p0 = problem.parameters
        var (loss, gradients, sequences) = (0.0, Parameters(zerosFor: problem.config), [SequenceTrace]())
        if detailed {
            (loss, gradients, sequences) = Training.pass(p0, problem)
            try Training.check(loss: loss, gradients: gradients, traces: sequences, epoch: 1)
        }
        let (losses, trained) = train ? try Training.train(problem, from: p0, epochs: problem.epochs) : ([], p0)
        if !detailed { loss = losses.first ?? 0 }
        var (update, training, apply) = after(problem, gradients: detailed ? gradients : nil, losses: losses, trained: trained)
        if !train { apply = nil }
        if let d = Divergence.unseen(problem.config, sections: sections, epochs: problem.epochs,
                                     firstPass: { Divergence.firstPass(sequences, problem.config) },
                                     updated: update.parameters, trained: train ? trained : nil, applied: apply?.steps) {
            throw d
        }
        return Trace(config: problem.config, parameters: p0, h0: problem.h0, sequences: sequences,
                     loss: loss, gradients: gradients, update: update, training: training, apply: apply)
    }

    /// What follows the detailed pass: one SGD step with `gradients` (none: the initial
    /// parameters), training's record, and the trained model applied to the lesson's new input.
    public static func after(_ problem: Problem, gradients: Parameters?, losses: [Double],
                             trained: Parameters) -> (UpdateTrace, TrainingTrace, ApplyTrace?) {
        let p0 = problem.parameters
        let updated = gradients.map { p0.sgdStep(gradients: $0, learningRate: problem.learningRate) } ?? p0
        let apply = problem.applyInputs.map { inputs in
            ApplyTrace(steps: SequencePass.forward(trained, problem.config, h0: problem.h0, inputs: inputs),
                       expected: problem.applyExpected)
        }
        return (UpdateTrace(learningRate: problem.learningRate, parameters: updated),
                TrainingTrace(epochs: problem.epochs, learningRate: problem.learningRate, losses: losses, parameters: trained),
                apply)
    }
}
