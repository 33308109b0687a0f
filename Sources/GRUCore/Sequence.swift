/// One training sequence: inputs x_1…x_T and targets target_1…target_T.
public struct TrainingSequence: Equatable, Sendable {
    public var inputs: [[Double]]   // T × (I)
    public var targets: [[Double]]  // T × (O)
    public init(inputs: [[Double]], targets: [[Double]]) {
        self.inputs = inputs
        self.targets = targets
    }
}

/// The loss of one timestep and its gradient, in the model's conventions.
public enum Loss {
    /// `L_t` for one timestep of a sequence of length `T`; under the mean reduction it already
    /// carries the factor 1/T, so that `L_seq = Σ_t L_t` in both reductions.
    public static func term(_ c: ModelConfig, y: [Double], target: [Double], T: Int) -> Double {
        y.withUnsafeBufferPointer { y in
            target.withUnsafeBufferPointer { target in
                term(c, y: y.baseAddress!, target: target.baseAddress!, count: y.count, T: T)
            }
        }
    }

    public static func term(_ c: ModelConfig, y: UnsafePointer<Double>, target: UnsafePointer<Double>,
                            count: Int, T: Int) -> Double {
        var s = 0.0
        for k in 0..<count { let e = y[k] - target[k]; s += e * e }
        let perKind = c.loss == .halfSquared ? 0.5 * s : s
        return c.reduction == .mean ? perKind / Double(T) : perKind
    }

    /// `∂L_t/∂y_t`: `(y − target)` for half_squared, `2(y − target)` for squared, times 1/T under mean.
    public static func gradient(_ c: ModelConfig, y: [Double], target: [Double], T: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: y.count) { out, n in
            y.withUnsafeBufferPointer { y in
                target.withUnsafeBufferPointer { target in
                    gradient(c, y: y.baseAddress!, target: target.baseAddress!, count: y.count, T: T, into: out.baseAddress!)
                }
            }
            n = y.count
        }
    }

    public static func gradient(_ c: ModelConfig, y: UnsafePointer<Double>, target: UnsafePointer<Double>,
                                count: Int, T: Int, into out: UnsafeMutablePointer<Double>) {
        var factor = c.loss == .halfSquared ? 1.0 : 2.0
        if c.reduction == .mean { factor /= Double(T) }
        for k in 0..<count { out[k] = factor * (y[k] - target[k]) }
    }
}

/// The forward pass, the loss and BPTT over one sequence, recorded step by step.
public struct SequenceTrace: Equatable, Sendable {
    /// t = 1…T
    public var forward: [StepForward]
    /// L_seq
    public var loss: Double
    /// t = T…1, in the order BPTT computes them.
    public var backward: [StepBackward]
    /// ∂L_seq/∂θ: the sum of every timestep's `grads`.
    public var gradients: Parameters
}

public enum SequencePass {
    /// The forward pass over `inputs` from `h0`, with no targets: how a trained model is applied.
    public static func forward(_ p: Parameters, _ c: ModelConfig, h0: [Double],
                               inputs: [[Double]]) -> [StepForward] {
        var steps: [StepForward] = []
        steps.reserveCapacity(inputs.count)
        var h = h0
        for (i, x) in inputs.enumerated() {
            let step = GRUCell.forward(p, c, t: i + 1, x: x, hPrev: h)
            h = step.h
            steps.append(step)
        }
        return steps
    }

    /// Forward, loss and backpropagation through time for one sequence, recorded step by step.
    ///
    /// `weight` multiplies this sequence's loss (1 when sequence losses are summed, 1/N when they
    /// are averaged over N sequences); it scales every recorded gradient too.
    public static func run(_ p: Parameters, _ c: ModelConfig, h0: [Double],
                           sequence s: TrainingSequence, weight: Double = 1) -> SequenceTrace {
        let (forward, loss) = forwardWithLoss(p, c, h0: h0, sequence: s, weight: weight)
        var backward: [StepBackward] = []
        backward.reserveCapacity(forward.count)
        let gradients = bptt(p, c, forward, weight: weight) { backward.append($0) }
        return SequenceTrace(forward: forward, loss: loss, backward: backward, gradients: gradients)
    }

    /// The forward pass with targets and loss terms: `L_seq = Σ_t L_t`.
    public static func forwardWithLoss(_ p: Parameters, _ c: ModelConfig, h0: [Double],
                                       sequence s: TrainingSequence, weight: Double = 1) -> (forward: [StepForward], loss: Double) {
        let T = s.inputs.count
        var forward = self.forward(p, c, h0: h0, inputs: s.inputs)
        var loss = 0.0
        for i in forward.indices {
            forward[i].target = s.targets[i]
            let term = weight * Loss.term(c, y: forward[i].y, target: s.targets[i], T: T)
            forward[i].loss = term
            loss += term
        }
        return (forward, loss)
    }

    /// BPTT over a recorded forward pass, from t = T down to 1: `dh_rec` carries ∂L/∂h_t back from
    /// step t+1. Each step's record goes to `onStep` as soon as it is computed (and is not kept),
    /// so a caller can stream it; returns ∂L_seq/∂θ, the sum of the steps' contributions.
    public static func bptt(_ p: Parameters, _ c: ModelConfig, _ forward: [StepForward], weight: Double = 1,
                            onStep: (StepBackward) -> Void) -> Parameters {
        let T = forward.count
        var gradients = Parameters(zerosFor: c)
        var dhRec = [Double](repeating: 0, count: c.hiddenSize)
        for f in forward.reversed() {
            let dy = Loss.gradient(c, y: f.y, target: f.target ?? f.y, T: T).map { weight * $0 }
            let b = GRUCell.backward(p, c, f, dy: dy, dhRec: dhRec)
            gradients.add(b.grads)
            dhRec = b.dhPrev
            onStep(b)
        }
        return gradients
    }
}
