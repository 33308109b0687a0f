/// Training without a trace: the same forward pass, BPTT and SGD step as `GRUCell` and
/// `SequencePass`, over flat buffers allocated once, so an epoch allocates nothing.
///
/// It performs exactly the floating-point operations of the readable path, in the same order
/// (through `Kernels`), so its losses and parameters are bit-identical to the trace's; a test
/// holds it to that. Read `GRUCell` first: this is the same math with pointers.
public final class TrainingKernel {
    let c: ModelConfig
    let H: Int, I: Int, O: Int
    let used: [ParameterName]
    /// Offsets of every parameter inside θ (and inside the gradient buffers), row by row.
    let offset: [ParameterName: Int]
    let count: Int
    let weight: Double

    // θ and its gradients: all parameters, flat.                          (count)
    let theta: UnsafeMutablePointer<Double>
    let grad: UnsafeMutablePointer<Double>          // ∂L/∂θ over all sequences
    let seqGrad: UnsafeMutablePointer<Double>       // ∂L_seq/∂θ of the current sequence

    // The data, flat: inputs (ΣT, I) and targets (ΣT, O), with each sequence's start and length.
    let inputs: UnsafeMutablePointer<Double>
    let targets: UnsafeMutablePointer<Double>
    let starts: [Int]
    let lengths: [Int]
    let h0: UnsafeMutablePointer<Double>            // (H)

    // Forward caches for the longest sequence.                              (Tmax, H) / (Tmax, O)
    let z: UnsafeMutablePointer<Double>
    let r: UnsafeMutablePointer<Double>
    let rhOrNh: UnsafeMutablePointer<Double>        // rh under before_matmul, n_h under after_matmul
    let hTilde: UnsafeMutablePointer<Double>
    /// h₀ in row 0 and h_t in row t, so that h_{t−1} of every step lies in one strided block.
    let hs: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>

    // Scratch vectors for one step.                                         (H) / (O)
    let t1: UnsafeMutablePointer<Double>, t2: UnsafeMutablePointer<Double>
    let dh: UnsafeMutablePointer<Double>, dhRec: UnsafeMutablePointer<Double>, dhPrev: UnsafeMutablePointer<Double>
    let dz: UnsafeMutablePointer<Double>, dr: UnsafeMutablePointer<Double>
    // Every step's dy, da_z, da_r, da_h and dn_h, for the weight gradients after BPTT.     (Tmax, ·)
    let dys: UnsafeMutablePointer<Double>
    let daZs: UnsafeMutablePointer<Double>, daRs: UnsafeMutablePointer<Double>
    let daHs: UnsafeMutablePointer<Double>, dnHs: UnsafeMutablePointer<Double>

    private var allocations: [UnsafeMutablePointer<Double>] = []
    /// The doubles allocated, in all.
    public let allocated: Int

    /// Where each parameter starts inside θ, and θ's length. Each parameter starts on a 64-byte
    /// boundary, so that 4-wide loads of its rows (when H is a multiple of 8) never straddle two
    /// cache lines.
    static func layout(_ c: ModelConfig) -> (offsets: [ParameterName: Int], count: Int) {
        var offsets: [ParameterName: Int] = [:]
        var n = 0
        for name in ParameterName.allCases {
            offsets[name] = n
            let s = name.shape(c)
            n += (s.rows * s.cols + 7) / 8 * 8
        }
        return (offsets, n)
    }

    /// The doubles a kernel for `problem` allocates, before it is made: θ and its two gradient
    /// buffers, the data, h₀, then for each step of the longest sequence the forward caches and
    /// the gradients kept for the weights (9H + 2O: z, r, rh or n_h, h̃, h, y, dy, da_z, da_r,
    /// da_h, dn_h), h₀'s row, and seven scratch vectors of H. `LessonCost` estimates training's
    /// memory from it.
    public static func allocatedDoubles(_ problem: Problem) -> Int {
        allocatedDoubles(problem.config, lengths: problem.sequences.map(\.inputs.count))
    }

    /// The same from the sizes alone: a model and the lengths of its training sequences.
    public static func allocatedDoubles(_ c: ModelConfig, lengths: [Int]) -> Int {
        let H = c.hiddenSize, I = c.inputSize, O = c.outputSize
        let total = lengths.reduce(0, +), tMax = max(lengths.max() ?? 1, 1)
        let n = max(layout(c).count, 1)
        let sizes = [n, n, n, total * I, total * O, H,
                     tMax * H, tMax * H, tMax * H, tMax * H, (tMax + 1) * H, tMax * O,
                     tMax * O, tMax * H, tMax * H, tMax * H, tMax * H,
                     H, H, H, H, H, H, H]
        return sizes.reduce(0) { $0 + max($1, 1) }
    }

    public init(_ problem: Problem, parameters p: Parameters) {
        c = problem.config
        H = c.hiddenSize; I = c.inputSize; O = c.outputSize
        used = ParameterName.used(by: c)
        let (offsets, n) = Self.layout(c)
        offset = offsets
        count = n
        weight = problem.sequenceWeight
        lengths = problem.sequences.map(\.inputs.count)
        var begin = 0
        var firstRows: [Int] = []
        for length in lengths { firstRows.append(begin); begin += length }
        starts = firstRows
        let total = lengths.reduce(0, +)
        let tMax = max(lengths.max() ?? 1, 1)

        var made: [UnsafeMutablePointer<Double>] = []
        var sizes: [Int] = []
        func buffer(_ n: Int) -> UnsafeMutablePointer<Double> {
            sizes.append(max(n, 1))
            let b = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1) * MemoryLayout<Double>.stride, alignment: 64)
                .bindMemory(to: Double.self, capacity: max(n, 1))
            b.initialize(repeating: 0, count: max(n, 1))
            made.append(b)
            return b
        }
        // The sizes here are the ones `allocatedDoubles` adds up (a test holds them together).
        theta = buffer(n); grad = buffer(n); seqGrad = buffer(n)
        inputs = buffer(total * I); targets = buffer(total * O); h0 = buffer(H)
        z = buffer(tMax * H); r = buffer(tMax * H); rhOrNh = buffer(tMax * H)
        hTilde = buffer(tMax * H); hs = buffer((tMax + 1) * H); y = buffer(tMax * O)
        dys = buffer(tMax * O); daZs = buffer(tMax * H); daRs = buffer(tMax * H); daHs = buffer(tMax * H); dnHs = buffer(tMax * H)
        t1 = buffer(H); t2 = buffer(H)
        dh = buffer(H); dhRec = buffer(H); dhPrev = buffer(H)
        dz = buffer(H); dr = buffer(H)
        allocations = made
        allocated = sizes.reduce(0, +)

        var row = 0
        for sequence in problem.sequences {
            for (x, target) in zip(sequence.inputs, sequence.targets) {
                for k in 0..<I { inputs[row * I + k] = x[k] }
                for k in 0..<O { targets[row * O + k] = target[k] }
                row += 1
            }
        }
        for k in 0..<H { h0[k] = problem.h0[k] }
        hs.update(from: h0, count: H)
        self.parameters = p
    }

    deinit {
        for b in allocations { b.deallocate() }
    }

    /// The current parameters (θ unpacked).
    public var parameters: Parameters {
        get {
            var p = Parameters(zerosFor: c)
            for name in ParameterName.allCases {
                p[name] = Array(UnsafeBufferPointer(start: theta + offset[name]!, count: p[name].count))
            }
            return p
        }
        set {
            for name in ParameterName.allCases {
                let values = newValue[name]
                for k in values.indices { theta[offset[name]! + k] = values[k] }
            }
        }
    }

    /// The gradient of the last `lossAndGradient()` call.
    public var gradients: Parameters {
        var g = Parameters(zerosFor: c)
        for name in ParameterName.allCases {
            g[name] = Array(UnsafeBufferPointer(start: grad + offset[name]!, count: g[name].count))
        }
        return g
    }

    /// True when every entry of the last gradient is finite.
    public var gradientIsFinite: Bool {
        for k in 0..<count where !grad[k].isFinite { return false }
        return true
    }

    @inline(__always) private func param(_ name: ParameterName) -> UnsafeMutablePointer<Double> { theta + offset[name]! }
    @inline(__always) private func dparam(_ name: ParameterName) -> UnsafeMutablePointer<Double> { seqGrad + offset[name]! }

    /// L and ∂L/∂θ (into `grad`) over every sequence. Returns L.
    public func lossAndGradient() -> Double {
        grad.update(repeating: 0, count: count)
        var loss = 0.0
        for s in starts.indices {
            loss += sequence(s)
            for k in 0..<count { grad[k] += seqGrad[k] }
        }
        return loss
    }

    /// One SGD step with the gradient of the last `lossAndGradient()`: θ ← θ − lr·∂L/∂θ.
    public func step(learningRate lr: Double) {
        for k in 0..<count { theta[k] = theta[k] - lr * grad[k] }
    }

    /// Forward, loss and BPTT of sequence `s`; its gradient goes to `seqGrad`. Returns L_seq.
    private func sequence(_ s: Int) -> Double {
        let T = lengths[s]
        let X = inputs + starts[s] * I, Y = targets + starts[s] * O
        let (Wz, Uz, bz) = (param(.Wz), param(.Uz), param(.bz))
        let (Wr, Ur, br) = (param(.Wr), param(.Ur), param(.br))
        let (Wh, Uh, bh, bhn) = (param(.Wh), param(.Uh), param(.bh), param(.bhn))
        let (Why, by) = (param(.Why), param(.by))
        func hPrev(_ t: Int) -> UnsafeMutablePointer<Double> { hs + t * H }

        // Forward, t = 1…T (0-based here), as GRUCell.forward.
        var loss = 0.0
        for t in 0..<T {
            let x = X + t * I, hp = hPrev(t)
            let zt = z + t * H, rt = r + t * H, qt = rhOrNh + t * H, ht = hTilde + t * H, hNew = hs + (t + 1) * H
            // a_z = Wz·x + Uz·h_{t−1} + bz;  z = σ(a_z)
            Kernels.gemv(t1, Wz, rows: H, cols: I, x)
            Kernels.gemv(t2, Uz, rows: H, cols: H, hp)
            for i in 0..<H { zt[i] = sigmoid((t1[i] + t2[i]) + bz[i]) }
            // a_r = Wr·x + Ur·h_{t−1} + br;  r = σ(a_r)
            Kernels.gemv(t1, Wr, rows: H, cols: I, x)
            Kernels.gemv(t2, Ur, rows: H, cols: H, hp)
            for i in 0..<H { rt[i] = sigmoid((t1[i] + t2[i]) + br[i]) }
            Kernels.gemv(t1, Wh, rows: H, cols: I, x)
            switch c.reset {
            case .beforeMatmul:
                // rh = r⊙h_{t−1};  h̃ = tanh(Wh·x + Uh·rh + bh)
                for i in 0..<H { qt[i] = rt[i] * hp[i] }
                Kernels.gemv(t2, Uh, rows: H, cols: H, qt)
                for i in 0..<H { ht[i] = tanh((t1[i] + t2[i]) + bh[i]) }
            case .afterMatmul:
                // n_h = Uh·h_{t−1} + bhn;  h̃ = tanh(Wh·x + bh + r⊙n_h)
                Kernels.gemv(t2, Uh, rows: H, cols: H, hp)
                for i in 0..<H { qt[i] = t2[i] + bhn[i] }
                for i in 0..<H { ht[i] = tanh((t1[i] + bh[i]) + rt[i] * qt[i]) }
            }
            // h = z⊙h_{t−1} + (1−z)⊙h̃   or   (1−z)⊙h_{t−1} + z⊙h̃
            switch c.update {
            case .zTimesPrevious: for i in 0..<H { hNew[i] = zt[i] * hp[i] + (1 - zt[i]) * ht[i] }
            case .zTimesCandidate: for i in 0..<H { hNew[i] = (1 - zt[i]) * hp[i] + zt[i] * ht[i] }
            }
            // y = Why·h + by;  L_t
            let yt = y + t * O
            Kernels.gemv(yt, Why, rows: O, cols: H, hNew)
            for k in 0..<O { yt[k] = yt[k] + by[k] }
            loss += weight * Loss.term(c, y: yt, target: Y + t * O, count: O, T: T)
        }

        // BPTT, t = T…1, as GRUCell.backward.
        seqGrad.update(repeating: 0, count: count)
        dhRec.update(repeating: 0, count: H)
        let (dWz, dUz, dbz) = (dparam(.Wz), dparam(.Uz), dparam(.bz))
        let (dWr, dUr, dbr) = (dparam(.Wr), dparam(.Ur), dparam(.br))
        let (dWh, dUh, dbh, dbhn) = (dparam(.Wh), dparam(.Uh), dparam(.bh), dparam(.bhn))
        let (dWhy, dby) = (dparam(.Why), dparam(.by))
        for t in stride(from: T - 1, through: 0, by: -1) {
            let hp = hPrev(t)
            let zt = z + t * H, rt = r + t * H, qt = rhOrNh + t * H, ht = hTilde + t * H
            // This step's dy, da_h, dn_h, da_r and da_z are kept: the weight gradients (their outer
            // products with h, x, rh and h_{t−1}) are summed over all steps after the loop.
            let dy = dys + t * O, daH = daHs + t * H, dnH = dnHs + t * H, daR = daRs + t * H, daZ = daZs + t * H
            // dy = ∂L/∂y_t;  dby += dy;  dh = Whyᵀ·dy + dh_rec
            Loss.gradient(c, y: y + t * O, target: Y + t * O, count: O, T: T, into: dy)
            for k in 0..<O { dy[k] = weight * dy[k] }
            for k in 0..<O { dby[k] += dy[k] }
            Kernels.gemvT(t1, Why, rows: O, cols: H, dy)
            for i in 0..<H { dh[i] = t1[i] + dhRec[i] }
            // dz, dh̃ (kept in t2), and the direct part of dh_{t−1}
            for i in 0..<H {
                switch c.update {
                case .zTimesPrevious:
                    dz[i] = dh[i] * (hp[i] - ht[i]); t2[i] = dh[i] * (1 - zt[i]); dhPrev[i] = dh[i] * zt[i]
                case .zTimesCandidate:
                    dz[i] = dh[i] * (ht[i] - hp[i]); t2[i] = dh[i] * zt[i]; dhPrev[i] = dh[i] * (1 - zt[i])
                }
            }
            // da_h = dh̃⊙(1 − h̃²);  dWh += da_h·xᵀ;  dbh += da_h
            for i in 0..<H { daH[i] = t2[i] * (1 - ht[i] * ht[i]) }
            for i in 0..<H { dbh[i] += daH[i] }
            switch c.reset {
            case .beforeMatmul:
                // dUh += da_h·rhᵀ;  drh = Uhᵀ·da_h;  dr = drh⊙h_{t−1};  dh_{t−1} += drh⊙r
                Kernels.gemvT(t1, Uh, rows: H, cols: H, daH)
                for i in 0..<H { dr[i] = t1[i] * hp[i] }
                for i in 0..<H { dhPrev[i] += t1[i] * rt[i] }
            case .afterMatmul:
                // dr = da_h⊙n_h;  dn_h = da_h⊙r;  dUh += dn_h·h_{t−1}ᵀ;  dbhn += dn_h;  dh_{t−1} += Uhᵀ·dn_h
                for i in 0..<H { dr[i] = daH[i] * qt[i]; dnH[i] = daH[i] * rt[i] }
                for i in 0..<H { dbhn[i] += dnH[i] }
                Kernels.gemvT(t1, Uh, rows: H, cols: H, dnH)
                for i in 0..<H { dhPrev[i] += t1[i] }
            }
            // da_r = dr⊙r⊙(1−r);  dWr, dUr, dbr;  dh_{t−1} += Urᵀ·da_r
            for i in 0..<H { daR[i] = dr[i] * rt[i] * (1 - rt[i]) }
            for i in 0..<H { dbr[i] += daR[i] }
            Kernels.gemvT(t1, Ur, rows: H, cols: H, daR)
            for i in 0..<H { dhPrev[i] += t1[i] }
            // da_z = dz⊙z⊙(1−z);  dWz, dUz, dbz;  dh_{t−1} += Uzᵀ·da_z
            for i in 0..<H { daZ[i] = dz[i] * zt[i] * (1 - zt[i]) }
            for i in 0..<H { dbz[i] += daZ[i] }
            Kernels.gemvT(t1, Uz, rows: H, cols: H, daZ)
            for i in 0..<H { dhPrev[i] += t1[i] }
            dhRec.update(from: dhPrev, count: H)
        }
        // The weight gradients: for each, Σ over t = T…1 of the step's outer product, added in
        // BPTT's order, as GRUCell.backward's per-step contributions are.
        Kernels.addOuters(dWhy, rows: O, cols: H, dys, uStride: O, hs + H, vStride: H, count: T)
        Kernels.addOuters(dWh, rows: H, cols: I, daHs, uStride: H, X, vStride: I, count: T)
        switch c.reset {
        case .beforeMatmul: Kernels.addOuters(dUh, rows: H, cols: H, daHs, uStride: H, rhOrNh, vStride: H, count: T)
        case .afterMatmul: Kernels.addOuters(dUh, rows: H, cols: H, dnHs, uStride: H, hs, vStride: H, count: T)
        }
        Kernels.addOuters(dWr, rows: H, cols: I, daRs, uStride: H, X, vStride: I, count: T)
        Kernels.addOuters(dUr, rows: H, cols: H, daRs, uStride: H, hs, vStride: H, count: T)
        Kernels.addOuters(dWz, rows: H, cols: I, daZs, uStride: H, X, vStride: I, count: T)
        Kernels.addOuters(dUz, rows: H, cols: H, daZs, uStride: H, hs, vStride: H, count: T)
        return loss
    }
}
