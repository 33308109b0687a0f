#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// L and ∂L/∂θ over all sequences without recording a trace: what `Training.train` runs every
/// epoch.
///
/// `Training.pass` keeps every step's values (`StepForward`, `StepBackward` with its own gradient
/// `Parameters`) so that a lesson can show them; over thousands of epochs those allocations cost
/// far more than the arithmetic. This pass does the same arithmetic in the same order into buffers
/// allocated once, so its loss and gradients are the same Doubles, bit for bit, as `pass` gives
/// (FastPassTests checks every convention). Read `GRUCell` for the math; the comments here only
/// name the step.
struct FastPass {
    let problem: Problem
    let H: Int, I: Int, O: Int
    /// Row 0 is h0, row t is h_t.                                  ((T+1)×H)
    private var hs: [Double]
    /// Forward values, row t−1 for timestep t.                     (T×H)
    private var z: [Double], r: [Double], hTilde: [Double]
    /// `rh` under before_matmul, `n_h` under after_matmul.         (T×H)
    private var reset: [Double]
    private var y: [Double]                                         // (T×O)
    // Backward vectors of one step.
    private var dy: [Double]                                        // (O)
    private var dh: [Double], dz: [Double], dhTilde: [Double], daH: [Double], dReset: [Double]
    private var dr: [Double], daGate: [Double], dhPrev: [Double], dhRec: [Double], sum: [Double]  // (H)
    /// ∂L_seq/∂θ of the sequence being processed, and ∂L/∂θ.
    private var sequenceGradients: Parameters
    private(set) var gradients: Parameters

    init(_ problem: Problem) {
        self.problem = problem
        let c = problem.config
        H = c.hiddenSize; I = c.inputSize; O = c.outputSize
        let T = problem.sequences.map(\.inputs.count).max() ?? 0
        func zeros(_ n: Int) -> [Double] { [Double](repeating: 0, count: n) }
        hs = zeros((T + 1) * H)
        z = zeros(T * H); r = zeros(T * H); hTilde = zeros(T * H); reset = zeros(T * H)
        y = zeros(T * O)
        dy = zeros(O)
        dh = zeros(H); dz = zeros(H); dhTilde = zeros(H); daH = zeros(H); dReset = zeros(H)
        dr = zeros(H); daGate = zeros(H); dhPrev = zeros(H); dhRec = zeros(H); sum = zeros(H)
        sequenceGradients = Parameters(zerosFor: c)
        gradients = Parameters(zerosFor: c)
    }

    /// L at `p`; `gradients` then holds ∂L/∂θ.
    mutating func run(_ p: Parameters) -> Double {
        zero(&gradients)
        var loss = 0.0
        for s in problem.sequences {
            zero(&sequenceGradients)
            loss += sequence(p, s)
            for name in ParameterName.allCases {
                let add = sequenceGradients[name]
                gradients.modify(name) { for i in $0.indices { $0[i] += add[i] } }
            }
        }
        return loss
    }

    private func zero(_ g: inout Parameters) {
        for name in ParameterName.allCases { g.modify(name) { for i in $0.indices { $0[i] = 0 } } }
    }

    /// Forward, loss and BPTT of one sequence; returns L_seq and leaves ∂L_seq/∂θ in `sequenceGradients`.
    private mutating func sequence(_ p: Parameters, _ s: TrainingSequence) -> Double {
        let c = problem.config
        let T = s.inputs.count
        let weight = problem.sequenceWeight
        for i in 0..<H { hs[i] = problem.h0[i] }
        var loss = 0.0
        for k in 0..<T {
            forward(p, c, k, s.inputs[k])
            loss += weight * Loss.term(c, y: Array(y[(k * O)..<((k + 1) * O)]), target: s.targets[k], T: T)
        }
        for i in 0..<H { dhRec[i] = 0 }
        for k in stride(from: T - 1, through: 0, by: -1) {
            let g = Loss.gradient(c, y: Array(y[(k * O)..<((k + 1) * O)]), target: s.targets[k], T: T)
            for o in 0..<O { dy[o] = weight * g[o] }
            backward(p, c, k, s.inputs[k])
            for i in 0..<H { dhRec[i] = dhPrev[i] }
        }
        return loss
    }

    /// One forward step, timestep k+1 (as `GRUCell.forward`).
    private mutating func forward(_ p: Parameters, _ c: ModelConfig, _ k: Int, _ x: [Double]) {
        let prev = k * H, row = k * H, next = (k + 1) * H
        // a_z = Wz·x + Uz·h_{t−1} + bz;  z = σ(a_z);  a_r, r alike
        for i in 0..<H {
            z[row + i] = sigmoid((Self.dot(p.Wz, i, x) + Self.dot(p.Uz, i, hs, prev)) + p.bz[i])
            r[row + i] = sigmoid((Self.dot(p.Wr, i, x) + Self.dot(p.Ur, i, hs, prev)) + p.br[i])
        }
        switch c.reset {
        case .beforeMatmul:
            // rh = r⊙h_{t−1};  a_h = Wh·x + Uh·rh + bh
            for i in 0..<H { reset[row + i] = r[row + i] * hs[prev + i] }
            for i in 0..<H {
                hTilde[row + i] = tanh((Self.dot(p.Wh, i, x) + Self.dot(p.Uh, i, reset, row)) + p.bh[i])
            }
        case .afterMatmul:
            // n_h = Uh·h_{t−1} + bhn;  a_h = Wh·x + bh + r⊙n_h
            for i in 0..<H {
                reset[row + i] = Self.dot(p.Uh, i, hs, prev) + p.bhn[i]
                hTilde[row + i] = tanh((Self.dot(p.Wh, i, x) + p.bh[i]) + r[row + i] * reset[row + i])
            }
        }
        for i in 0..<H {
            let zi = z[row + i]
            switch c.update {
            case .zTimesPrevious: hs[next + i] = zi * hs[prev + i] + (1 - zi) * hTilde[row + i]
            case .zTimesCandidate: hs[next + i] = (1 - zi) * hs[prev + i] + zi * hTilde[row + i]
            }
        }
        // y = Why·h + by
        for o in 0..<O { y[k * O + o] = Self.dot(p.Why, o, hs, next) + p.by[o] }
    }

    /// One backward step, timestep k+1 (as `GRUCell.backward`), adding into `sequenceGradients`.
    private mutating func backward(_ p: Parameters, _ c: ModelConfig, _ k: Int, _ x: [Double]) {
        let prev = k * H, row = k * H, next = (k + 1) * H
        // y = Why·h + by
        Self.addOuter(&sequenceGradients.Why, dy, 0, hs, next)
        for o in 0..<O { sequenceGradients.by[o] += dy[o] }
        // dh = Whyᵀ·dy + dh_rec
        Self.transposeTimes(p.Why, dy, 0, into: &sum)
        for i in 0..<H { dh[i] = sum[i] + dhRec[i] }
        // h = z⊙h_{t−1} + (1−z)⊙h̃  or  (1−z)⊙h_{t−1} + z⊙h̃
        for i in 0..<H {
            let zi = z[row + i], hp = hs[prev + i], ht = hTilde[row + i]
            switch c.update {
            case .zTimesPrevious:
                dz[i] = dh[i] * (hp - ht); dhTilde[i] = dh[i] * (1 - zi); dhPrev[i] = dh[i] * zi
            case .zTimesCandidate:
                dz[i] = dh[i] * (ht - hp); dhTilde[i] = dh[i] * zi; dhPrev[i] = dh[i] * (1 - zi)
            }
            // h̃ = tanh(a_h)
            daH[i] = dhTilde[i] * (1 - ht * ht)
        }
        Self.addOuter(&sequenceGradients.Wh, daH, 0, x, 0)
        for i in 0..<H { sequenceGradients.bh[i] += daH[i] }
        switch c.reset {
        case .beforeMatmul:
            // dUh += da_h·rhᵀ;  drh = Uhᵀ·da_h;  dr = drh⊙h_{t−1};  dh_{t−1} += drh⊙r
            Self.addOuter(&sequenceGradients.Uh, daH, 0, reset, row)
            Self.transposeTimes(p.Uh, daH, 0, into: &sum)
            for i in 0..<H {
                dr[i] = sum[i] * hs[prev + i]
                dhPrev[i] += sum[i] * r[row + i]
            }
        case .afterMatmul:
            // dr = da_h⊙n_h;  dn_h = da_h⊙r;  dUh += dn_h·h_{t−1}ᵀ;  dbhn += dn_h;  dh_{t−1} += Uhᵀ·dn_h
            for i in 0..<H {
                dr[i] = daH[i] * reset[row + i]
                dReset[i] = daH[i] * r[row + i]
            }
            Self.addOuter(&sequenceGradients.Uh, dReset, 0, hs, prev)
            for i in 0..<H { sequenceGradients.bhn[i] += dReset[i] }
            Self.transposeTimes(p.Uh, dReset, 0, into: &sum)
            for i in 0..<H { dhPrev[i] += sum[i] }
        }
        gate(dr, r, row, x, prev, p.Ur, \.Wr, \.Ur, \.br)   // r = σ(a_r)
        gate(dz, z, row, x, prev, p.Uz, \.Wz, \.Uz, \.bz)   // z = σ(a_z)
    }

    /// The backward step of a gate g = σ(W·x + U·h_{t−1} + b) given dg = ∂L/∂g:
    /// da = dg⊙g⊙(1−g);  dW += da·xᵀ;  dU += da·h_{t−1}ᵀ;  db += da;  dh_{t−1} += Uᵀ·da
    private mutating func gate(_ dg: [Double], _ g: [Double], _ row: Int, _ x: [Double], _ prev: Int, _ U: Matrix,
                               _ dW: WritableKeyPath<Parameters, Matrix>, _ dU: WritableKeyPath<Parameters, Matrix>,
                               _ db: WritableKeyPath<Parameters, [Double]>) {
        for i in 0..<H { daGate[i] = dg[i] * g[row + i] * (1 - g[row + i]) }
        Self.addOuter(&sequenceGradients[keyPath: dW], daGate, 0, x, 0)
        Self.addOuter(&sequenceGradients[keyPath: dU], daGate, 0, hs, prev)
        for i in 0..<H { sequenceGradients[keyPath: db][i] += daGate[i] }
        Self.transposeTimes(U, daGate, 0, into: &sum)
        for i in 0..<H { dhPrev[i] += sum[i] }
    }

    /// Row i of `m` times `v[offset ..< offset + m.cols]`, summed from 0 in column order.
    @inline(__always)
    private static func dot(_ m: Matrix, _ i: Int, _ v: [Double], _ offset: Int = 0) -> Double {
        var s = 0.0
        let base = i * m.cols
        for j in 0..<m.cols { s += m.values[base + j] * v[offset + j] }
        return s
    }

    /// `sum = mᵀ·u`, summed from 0 in row order (as `Matrix.transposeTimes`).
    @inline(__always)
    private static func transposeTimes(_ m: Matrix, _ u: [Double], _ offset: Int, into sum: inout [Double]) {
        for j in 0..<m.cols { sum[j] = 0 }
        for i in 0..<m.rows {
            let ui = u[offset + i], base = i * m.cols
            for j in 0..<m.cols { sum[j] += m.values[base + j] * ui }
        }
    }

    /// `m += u·vᵀ`.
    @inline(__always)
    private static func addOuter(_ m: inout Matrix, _ u: [Double], _ uOffset: Int, _ v: [Double], _ vOffset: Int) {
        let cols = m.cols
        for i in 0..<m.rows {
            let ui = u[uOffset + i], base = i * cols
            for j in 0..<cols { m.values[base + j] += ui * v[vOffset + j] }
        }
    }
}

extension Parameters {
    /// Runs `body` on the stored entries of `name` in place: unlike the subscript's get and set,
    /// this copies nothing.
    mutating func modify(_ name: ParameterName, _ body: (inout [Double]) -> Void) {
        switch name {
        case .Wz: body(&Wz.values)
        case .Uz: body(&Uz.values)
        case .bz: body(&bz)
        case .Wr: body(&Wr.values)
        case .Ur: body(&Ur.values)
        case .br: body(&br)
        case .Wh: body(&Wh.values)
        case .Uh: body(&Uh.values)
        case .bh: body(&bh)
        case .bhn: body(&bhn)
        case .Why: body(&Why.values)
        case .by: body(&by)
        }
    }
}
