/// Everything one forward timestep computes. It is both the trace record and the cache that
/// `backward` reads. Field names are the trace's public names (`a_z` is `aZ`, `h̃` is `hTilde`).
public struct StepForward: Equatable, Sendable {
    public var t: Int              // 1-based timestep
    public var x: [Double]         // (I)
    public var hPrev: [Double]     // (H)  h_{t−1}
    public var aZ: [Double]        // (H)  Wz·x + Uz·h_{t−1} + bz
    public var z: [Double]         // (H)  σ(a_z)
    public var aR: [Double]        // (H)  Wr·x + Ur·h_{t−1} + br
    public var r: [Double]         // (H)  σ(a_r)
    /// before_matmul only: `r⊙h_{t−1}`.
    public var rh: [Double]?       // (H)
    /// after_matmul only: `Uh·h_{t−1} + bhn`.
    public var nH: [Double]?       // (H)
    public var aH: [Double]        // (H)  pre-activation of the candidate
    public var hTilde: [Double]    // (H)  tanh(a_h)
    public var h: [Double]         // (H)
    public var y: [Double]         // (O)  Why·h + by
    public var target: [Double]?   // (O)  absent when the model is applied to new input
    public var loss: Double?       // L_t, already divided by T under the mean reduction
}

/// Everything one backward timestep computes, with the public names of the trace.
public struct StepBackward: Equatable, Sendable {
    public var t: Int
    public var dy: [Double]        // (O)  ∂L/∂y_t
    public var dhOut: [Double]     // (H)  Whyᵀ·dy
    public var dhRec: [Double]     // (H)  ∂L/∂h_t arriving from step t+1 (0 at t = T)
    public var dh: [Double]        // (H)  dh_out + dh_rec
    public var dz: [Double]        // (H)  ∂L/∂z_t
    public var dhTilde: [Double]   // (H)  ∂L/∂h̃_t
    public var daH: [Double]       // (H)  ∂L/∂a_h = dh̃⊙(1 − h̃²)
    /// before_matmul only: ∂L/∂(r⊙h_{t−1}) = Uhᵀ·da_h.
    public var drh: [Double]?      // (H)
    /// after_matmul only: ∂L/∂n_h = da_h⊙r.
    public var dnH: [Double]?      // (H)
    public var dr: [Double]        // (H)  ∂L/∂r_t
    public var daR: [Double]       // (H)  dr⊙r⊙(1 − r)
    public var daZ: [Double]       // (H)  dz⊙z⊙(1 − z)
    public var dhPrev: [Double]    // (H)  ∂L/∂h_{t−1}, passed on to step t−1
    /// This timestep's contribution to every parameter gradient.
    public var grads: Parameters
}

/// One GRU timestep, forward and backward. Backward mirrors forward line by line in reverse.
public enum GRUCell {

    /// The forward pass of one timestep (with the output layer `y = Why·h + by`).
    public static func forward(_ p: Parameters, _ c: ModelConfig, t: Int,
                               x: [Double], hPrev: [Double]) -> StepForward {
        // a_z = Wz·x + Uz·h_{t−1} + bz;  z = σ(a_z)                       (H)
        let aZ = plus(plus(p.Wz.times(x), p.Uz.times(hPrev)), p.bz)
        let z = aZ.map(sigmoid)
        // a_r = Wr·x + Ur·h_{t−1} + br;  r = σ(a_r)                       (H)
        let aR = plus(plus(p.Wr.times(x), p.Ur.times(hPrev)), p.br)
        let r = aR.map(sigmoid)
        var rh: [Double]? = nil, nH: [Double]? = nil
        let aH: [Double]
        switch c.reset {
        case .beforeMatmul:
            // rh = r⊙h_{t−1};  a_h = Wh·x + Uh·rh + bh                    (H)
            let rhValue = hadamard(r, hPrev)
            aH = plus(plus(p.Wh.times(x), p.Uh.times(rhValue)), p.bh)
            rh = rhValue
        case .afterMatmul:
            // n_h = Uh·h_{t−1} + bhn;  a_h = Wh·x + bh + r⊙n_h            (H)
            let nHValue = plus(p.Uh.times(hPrev), p.bhn)
            aH = plus(plus(p.Wh.times(x), p.bh), hadamard(r, nHValue))
            nH = nHValue
        }
        // h̃ = tanh(a_h)                                                   (H)
        let hTilde = aH.map(tanh)
        // h = z⊙h_{t−1} + (1−z)⊙h̃   or   h = (1−z)⊙h_{t−1} + z⊙h̃         (H)
        var h = [Double](repeating: 0, count: hPrev.count)
        for i in h.indices {
            switch c.update {
            case .zTimesPrevious: h[i] = z[i] * hPrev[i] + (1 - z[i]) * hTilde[i]
            case .zTimesCandidate: h[i] = (1 - z[i]) * hPrev[i] + z[i] * hTilde[i]
            }
        }
        // y = Why·h + by                                                   (O)
        let y = plus(p.Why.times(h), p.by)
        return StepForward(t: t, x: x, hPrev: hPrev, aZ: aZ, z: z, aR: aR, r: r, rh: rh, nH: nH,
                           aH: aH, hTilde: hTilde, h: h, y: y, target: nil, loss: nil)
    }

    /// The backward pass of one timestep. `dy` is ∂L/∂y_t and `dhRec` the gradient arriving from
    /// step t+1. Returns every intermediate gradient and this step's parameter contributions.
    public static func backward(_ p: Parameters, _ c: ModelConfig, _ f: StepForward,
                                dy: [Double], dhRec: [Double]) -> StepBackward {
        var g = Parameters(zerosFor: c)
        // y = Why·h + by:  dWhy += dy·hᵀ;  dby += dy;  dh_out = Whyᵀ·dy
        g.Why.addOuter(dy, f.h)
        g.by = dy
        let dhOut = p.Why.transposeTimes(dy)
        // dh = dh_out + dh_rec
        let dh = plus(dhOut, dhRec)
        // h = z⊙h_{t−1} + (1−z)⊙h̃:  dz = dh⊙(h_{t−1} − h̃);  dh̃ = dh⊙(1−z);  dh_{t−1} = dh⊙z
        // h = (1−z)⊙h_{t−1} + z⊙h̃:  dz = dh⊙(h̃ − h_{t−1});  dh̃ = dh⊙z;  dh_{t−1} = dh⊙(1−z)
        let H = dh.count
        var dz = [Double](repeating: 0, count: H)
        var dhTilde = [Double](repeating: 0, count: H)
        var dhPrev = [Double](repeating: 0, count: H)
        for i in 0..<H {
            switch c.update {
            case .zTimesPrevious:
                dz[i] = dh[i] * (f.hPrev[i] - f.hTilde[i])
                dhTilde[i] = dh[i] * (1 - f.z[i])
                dhPrev[i] = dh[i] * f.z[i]
            case .zTimesCandidate:
                dz[i] = dh[i] * (f.hTilde[i] - f.hPrev[i])
                dhTilde[i] = dh[i] * f.z[i]
                dhPrev[i] = dh[i] * (1 - f.z[i])
            }
        }
        // h̃ = tanh(a_h):  da_h = dh̃⊙(1 − h̃²)
        let daH = (0..<H).map { dhTilde[$0] * (1 - f.hTilde[$0] * f.hTilde[$0]) }
        g.Wh.addOuter(daH, f.x)
        g.bh = daH
        var drh: [Double]? = nil, dnH: [Double]? = nil
        let dr: [Double]
        switch c.reset {
        case .beforeMatmul:
            // a_h = Wh·x + Uh·rh + bh, rh = r⊙h_{t−1}:
            //   dUh += da_h·rhᵀ;  drh = Uhᵀ·da_h;  dr = drh⊙h_{t−1};  dh_{t−1} += drh⊙r
            let rh = f.rh ?? hadamard(f.r, f.hPrev)
            g.Uh.addOuter(daH, rh)
            let drhValue = p.Uh.transposeTimes(daH)
            dr = hadamard(drhValue, f.hPrev)
            addInPlace(&dhPrev, hadamard(drhValue, f.r))
            drh = drhValue
        case .afterMatmul:
            // a_h = Wh·x + bh + r⊙n_h, n_h = Uh·h_{t−1} + bhn:
            //   dr = da_h⊙n_h;  dn_h = da_h⊙r;  dUh += dn_h·h_{t−1}ᵀ;  dbhn += dn_h;  dh_{t−1} += Uhᵀ·dn_h
            let nH = f.nH ?? plus(p.Uh.times(f.hPrev), p.bhn)
            dr = hadamard(daH, nH)
            let dnHValue = hadamard(daH, f.r)
            g.Uh.addOuter(dnHValue, f.hPrev)
            g.bhn = dnHValue
            addInPlace(&dhPrev, p.Uh.transposeTimes(dnHValue))
            dnH = dnHValue
        }
        // r = σ(a_r):  da_r = dr⊙r⊙(1−r);  dWr += da_r·xᵀ;  dUr += da_r·h_{t−1}ᵀ;  dbr += da_r;  dh_{t−1} += Urᵀ·da_r
        let daR = (0..<H).map { dr[$0] * f.r[$0] * (1 - f.r[$0]) }
        g.Wr.addOuter(daR, f.x)
        g.Ur.addOuter(daR, f.hPrev)
        g.br = daR
        addInPlace(&dhPrev, p.Ur.transposeTimes(daR))
        // z = σ(a_z):  da_z = dz⊙z⊙(1−z);  dWz += da_z·xᵀ;  dUz += da_z·h_{t−1}ᵀ;  dbz += da_z;  dh_{t−1} += Uzᵀ·da_z
        let daZ = (0..<H).map { dz[$0] * f.z[$0] * (1 - f.z[$0]) }
        g.Wz.addOuter(daZ, f.x)
        g.Uz.addOuter(daZ, f.hPrev)
        g.bz = daZ
        addInPlace(&dhPrev, p.Uz.transposeTimes(daZ))
        return StepBackward(t: f.t, dy: dy, dhOut: dhOut, dhRec: dhRec, dh: dh, dz: dz,
                            dhTilde: dhTilde, daH: daH, drh: drh, dnH: dnH, dr: dr, daR: daR,
                            daZ: daZ, dhPrev: dhPrev, grads: g)
    }
}
