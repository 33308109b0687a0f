import GRUCore

/// The formula of every computed key of a trace, and the formulas of the known mistakes.
///
/// Each function below is one quantity of `GRUCell.forward`/`backward` (or of the loss, the sums
/// and the update), written for one entry and over keys, so that it can be evaluated on a
/// student's own answers. `FormulaBookTests` proves that every formula evaluated on the trace
/// gives the trace's value, for every convention, so the two cannot drift apart.
public struct FormulaBook: Sendable {
    public let trace: Trace
    private let c: ModelConfig
    /// 1 when sequence losses are summed, 1/N when they are averaged over N sequences.
    private let weight: Double

    public init(_ trace: Trace) {
        self.trace = trace
        self.c = trace.config
        let n = Double(trace.sequences.count)
        self.weight = trace.config.sequenceReduction == .mean ? 1 / n : 1
    }

    /// How a computed key is computed from earlier keys; nil for the givens (lr, parameters,
    /// h0, x, target), training and apply, which the marker compares with the trace directly.
    public func formula(for key: TraceKey) -> Formula? {
        guard let k = Entry(key, trace) else { return nil }
        switch key.kind {
        case .step(let q): return step(q, k)
        case .stepLoss: return stepLoss(k)
        case .loss: return loss(key)
        case .stepGradient(let p): return stepGradient(p, k)
        case .gradient(let p): return gradient(p, key)
        case .update(let p): return .value(k.param(p)) - .value(TraceKey(.learningRate)) * .value(TraceKey(.gradient(p), key.index))
        default: return nil
        }
    }

    /// What the key's value would be after a known mistake, one formula per mistake, most
    /// specific first. The generic sign error is the marker's, not listed here.
    public func mistakes(for key: TraceKey) -> [Mistake] {
        guard let k = Entry(key, trace), let right = formula(for: key) else { return [] }
        let other: UpdateRule = c.update == .zTimesPrevious ? .zTimesCandidate : .zTimesPrevious
        var out: [Mistake]
        switch key.kind {
        case .step(.h): out = [Mistake(.updateConvention, h(k, other))]
        case .step(.dz): out = [Mistake(.updateConvention, dz(k, other))]
        case .step(.dhTilde): out = [Mistake(.updateConvention, dhTilde(k, other))]
        case .step(.dhPrev): out = [Mistake(.updateConvention, dhPrev(k, other))]
        case .step(.aH): out = otherResetPlacement(k) { $0 }
        case .step(.hTilde): out = otherResetPlacement(k) { .tanh($0) }
        case .step(.dr): out = [Mistake(.resetPlacement, dr(k, otherReset: true))]
        case .step(.dh) where k.t < k.T: out = [Mistake(.recurrentTermForgotten, .value(k.at(.dhOut)))]
        case .step(.dhRec) where k.t < k.T: out = [Mistake(.recurrentTermForgotten, .constant(0))]
        case .step(.daH): out = [Mistake(.missingTanhDerivative, .value(k.at(.dhTilde)))]
        case .step(.daR): out = [Mistake(.missingSigmoidDerivative, .value(k.at(.dr)))]
        case .step(.daZ): out = [Mistake(.missingSigmoidDerivative, .value(k.at(.dz)))]
        case .step(.dy), .stepLoss, .loss:
            out = [Mistake(.lossHalfFactor, .scaled(2, right), variant: .doubled),
                   Mistake(.lossHalfFactor, .scaled(0.5, right), variant: .halved)]
        case .gradient:
            guard case .sum(let parts) = right else { out = []; break }
            out = parts.map { Mistake(.notSummedOverTimesteps, $0) }
        case .update(let p):
            let theta = Formula.value(k.param(p)), lr = Formula.value(TraceKey(.learningRate))
            let sumKey = TraceKey(.gradient(p), key.index)
            out = [Mistake(.signError, theta + lr * .value(sumKey))]
            if case .sum(let parts)? = formula(for: sumKey) {
                out += parts.map { Mistake(.notSummedOverTimesteps, theta - lr * $0) }
            }
        default: out = []
        }
        if let wrong = hInsteadOfHPrev(key) { out.append(Mistake(.hInsteadOfHPrev, wrong)) }
        if let wrong = hPrevInsteadOfH(key) { out.append(Mistake(.hPrevInsteadOfH, wrong)) }
        return out
    }

    /// The reset gate in the place the lesson does not use, for a_h (`wrap` is the identity) or
    /// h̃ (`wrap` is tanh). A before_matmul lesson has one other placement, `r⊙(Uh·h_{t−1})`; an
    /// after_matmul lesson has two, since its bhn has no place in the course text's formula:
    /// `Uh·(r⊙h_{t−1})` as the course text writes it, and the same with bhn added.
    private func otherResetPlacement(_ k: Entry, _ wrap: (Formula) -> Formula) -> [Mistake] {
        let other = Mistake(.resetPlacement, wrap(aH(k, otherReset: true)))
        guard c.reset == .afterMatmul else { return [other] }
        let withBhn = aH(k, otherReset: true) + .value(k.param(.bhn, [k.i]))
        return [other, Mistake(.resetPlacement, wrap(withBhn), variant: .withBhn)]
    }

    /// The key's formula with h_t read where it takes h_{t−1}, for the backward quantities that
    /// read h_{t−1} itself: dz, dr under before_matmul, and the contributions to the gradients
    /// of Uz, Ur and Uh (under before_matmul, `da_h[i]·r[j]·h_t[j]` for `da_h[i]·rh[j]`), then
    /// their sums and the updates made from them. nil for every other key. The forward pass has
    /// no such mistake: h_t is computed from the values that read h_{t−1}.
    private func hInsteadOfHPrev(_ key: TraceKey) -> Formula? {
        guard var k = Entry(key, trace) else { return nil }
        k.readsHForHPrev = true
        switch key.kind {
        case .step(.dz): return dz(k, c.update)
        case .step(.dr) where c.reset == .beforeMatmul: return dr(k, otherReset: false)
        case .stepGradient(let p) where p == .Uz || p == .Ur: return stepGradient(p, k)
        case .stepGradient(.Uh) where c.reset == .afterMatmul: return stepGradient(.Uh, k)
        case .stepGradient(.Uh):
            let (i, j) = (k.index[0], k.index[1])
            return .value(k.at(.daH, i)) * .value(k.at(.r, j)) * .value(k.hPrev(j))
        case .gradient, .update: return summedAndUpdated(key, hInsteadOfHPrev)
        default: return nil
        }
    }

    /// The reverse slip: the key's formula with h_{t−1} read where it takes h_t, for the keys
    /// that read h_t itself: the output `y = Why·h_{t−1} + by`, Why's contribution
    /// `dy[i]·h_{t−1}[j]`, its sum over t and the update made from it. h_{t−1} is known before
    /// either (h₀ is a given), so every input still comes earlier in computation order. nil for
    /// every other key: a_z, a_r, a_h and the backward quantities read h_{t−1} or no h at all.
    private func hPrevInsteadOfH(_ key: TraceKey) -> Formula? {
        guard var k = Entry(key, trace) else { return nil }
        k.readsHPrevForH = true
        switch key.kind {
        case .step(.y): return step(.y, k)
        case .stepGradient(.Why): return stepGradient(.Why, k)
        case .gradient(.Why), .update(.Why): return summedAndUpdated(key, hPrevInsteadOfH)
        default: return nil
        }
    }

    /// A mistake in the contributions carried into a summed gradient, `Σ` of the same mistake in
    /// every term (timesteps, or sequences), and into the update made from that sum. `mistake`
    /// gives a contribution's wrong formula; nil when a term has none, or for any other key.
    private func summedAndUpdated(_ key: TraceKey, _ mistake: (TraceKey) -> Formula?) -> Formula? {
        switch key.kind {
        case .gradient:
            guard let right = formula(for: key) else { return nil }
            var terms: [Formula] = []
            for term in right.terms {
                guard case .value(let part) = term, let wrong = mistake(part) else { return nil }
                terms.append(wrong)
            }
            return .total(terms)
        case .update(let p):
            guard let sum = mistake(TraceKey(.gradient(p), key.index)) else { return nil }
            return .value(TraceKey(.parameter(p), key.index)) - .value(TraceKey(.learningRate)) * sum
        default: return nil
        }
    }

    // MARK: - Forward, one entry of timestep t

    private func step(_ q: TraceKey.StepQuantity, _ k: Entry) -> Formula? {
        let i = k.i
        switch q {
        case .x, .target: return nil
        // a_z = Wz·x + Uz·h_{t−1} + bz;  z = σ(a_z)
        case .aZ: return preActivation(.Wz, .Uz, .bz, k)
        case .z: return .sigmoid(.value(k.at(.aZ)))
        // a_r = Wr·x + Ur·h_{t−1} + br;  r = σ(a_r)
        case .aR: return preActivation(.Wr, .Ur, .br, k)
        case .r: return .sigmoid(.value(k.at(.aR)))
        // rh = r⊙h_{t−1}
        case .rh: return .value(k.at(.r)) * .value(k.hPrev(i))
        // n_h = Uh·h_{t−1} + bhn
        case .nH: return .total(k.row(.Uh, i, times: k.hPrev) + [.value(k.param(.bhn, [i]))])
        case .aH: return aH(k, otherReset: false)
        // h̃ = tanh(a_h)
        case .hTilde: return .tanh(.value(k.at(.aH)))
        case .h: return h(k, c.update)
        // y = Why·h + by
        case .y: return .total(k.row(.Why, i, times: k.h) + [.value(k.param(.by, [i]))])
        // Backward
        case .dy: return dy(k)
        // dh_out = Whyᵀ·dy
        case .dhOut: return .total(k.column(.Why, i, times: { k.at(.dy, $0) }))
        // dh_rec = the dh_prev of step t+1, 0 at t = T
        case .dhRec: return k.t == k.T ? .constant(0) : .value(k.at(.dhPrev, i, t: k.t + 1))
        // dh = dh_out + dh_rec
        case .dh: return .value(k.at(.dhOut)) + .value(k.at(.dhRec))
        case .dz: return dz(k, c.update)
        case .dhTilde: return dhTilde(k, c.update)
        // da_h = dh̃⊙(1 − h̃²)
        case .daH: return .value(k.at(.dhTilde)) * (.constant(1) - .square(.value(k.at(.hTilde))))
        // drh = Uhᵀ·da_h
        case .drh: return .total(k.column(.Uh, i, times: { k.at(.daH, $0) }))
        // dn_h = da_h⊙r
        case .dnH: return .value(k.at(.daH)) * .value(k.at(.r))
        case .dr: return dr(k, otherReset: false)
        // da_r = dr⊙r⊙(1−r);  da_z = dz⊙z⊙(1−z)
        case .daR: return .value(k.at(.dr)) * .value(k.at(.r)) * (.constant(1) - .value(k.at(.r)))
        case .daZ: return .value(k.at(.dz)) * .value(k.at(.z)) * (.constant(1) - .value(k.at(.z)))
        case .dhPrev: return dhPrev(k, c.update)
        }
    }

    /// `W·x + U·h_{t−1} + b`, row i.
    private func preActivation(_ w: ParameterName, _ u: ParameterName, _ b: ParameterName, _ k: Entry) -> Formula {
        .sum(k.row(w, k.i, times: k.x) + k.row(u, k.i, times: k.hPrev) + [.value(k.param(b, [k.i]))])
    }

    /// before_matmul: `a_h = Wh·x + Uh·rh + bh`;  after_matmul: `a_h = Wh·x + bh + r⊙n_h`.
    /// `otherReset` gives the formula of the placement the lesson does not use, from r and h_{t−1}:
    /// `Wh·x + bh + r⊙(Uh·h_{t−1})`, or the course text's `Wh·x + Uh·(r⊙h_{t−1}) + bh` (no bhn).
    private func aH(_ k: Entry, otherReset: Bool) -> Formula {
        let i = k.i
        let wx = k.row(.Wh, i, times: k.x), bh = Formula.value(k.param(.bh, [i]))
        switch (c.reset, otherReset) {
        case (.beforeMatmul, false): return .sum(wx + k.row(.Uh, i, times: { k.at(.rh, $0) }) + [bh])
        case (.afterMatmul, false): return .sum(wx + [bh, .value(k.at(.r)) * .value(k.at(.nH))])
        case (.beforeMatmul, true): return .sum(wx + [bh, .value(k.at(.r)) * .total(k.row(.Uh, i, times: k.hPrev))])
        case (.afterMatmul, true):
            let products = (1...c.hiddenSize).map { j in
                Formula.value(k.param(.Uh, [i, j])) * .value(k.at(.r, j)) * .value(k.hPrev(j))
            }
            return .sum(wx + products + [bh])
        }
    }

    /// `h = z⊙h_{t−1} + (1−z)⊙h̃`  or  `h = (1−z)⊙h_{t−1} + z⊙h̃`.
    private func h(_ k: Entry, _ rule: UpdateRule) -> Formula {
        let z = Formula.value(k.at(.z)), hPrev = Formula.value(k.hPrev(k.i)), hTilde = Formula.value(k.at(.hTilde))
        switch rule {
        case .zTimesPrevious: return z * hPrev + (.constant(1) - z) * hTilde
        case .zTimesCandidate: return (.constant(1) - z) * hPrev + z * hTilde
        }
    }

    // MARK: - Loss

    /// `L_t = weight·(½ or 1)·(1/T under mean)·Σ_k (y_k − target_k)²`, as `Loss.term`.
    private func stepLoss(_ k: Entry) -> Formula {
        var factor = c.loss == .halfSquared ? 0.5 : 1
        if c.reduction == .mean { factor /= Double(k.T) }
        let squares = (1...c.outputSize).map { Formula.square(.value(k.at(.y, $0)) - .value(k.at(.target, $0))) }
        return .scaled(weight * factor, .total(squares))
    }

    /// `dy = weight·(1 or 2)·(1/T under mean)·(y − target)`, as `Loss.gradient`.
    private func dy(_ k: Entry) -> Formula {
        var factor = c.loss == .halfSquared ? 1.0 : 2.0
        if c.reduction == .mean { factor /= Double(k.T) }
        return .scaled(weight * factor, .value(k.at(.y)) - .value(k.at(.target)))
    }

    /// `sK.loss = Σ_t L_t`;  `loss = Σ_K sK.loss` (or Σ_t L_t with one sequence).
    private func loss(_ key: TraceKey) -> Formula? {
        guard key.t == nil, key.index.isEmpty else { return nil }
        return .total(parts(of: key) { s, t in TraceKey(sequence: s, t: t, .stepLoss) } sequence: { TraceKey(sequence: $0, .loss) })
    }

    /// The terms a lesson-wide or sequence total adds up: the sequences' totals when the key is
    /// lesson-wide and there are several, otherwise the timesteps of one sequence, in the order
    /// they are computed (t = 1…T for losses, t = T…1 for gradients).
    private func parts(of key: TraceKey, backward: Bool = false, step: (Int?, Int) -> TraceKey,
                       sequence: (Int) -> TraceKey) -> [Formula] {
        if trace.keysNameSequences && key.sequence == nil {
            return trace.sequences.indices.map { .value(sequence($0 + 1)) }
        }
        let s = trace.sequences[key.sequence.map { $0 - 1 } ?? 0]
        let steps = backward ? s.backward.map(\.t) : s.forward.map(\.t)
        return steps.map { .value(step(key.sequence, $0)) }
    }

    // MARK: - Backward, one entry of timestep t

    /// `dz = dh⊙(h_{t−1} − h̃)`  or  `dz = dh⊙(h̃ − h_{t−1})`.
    private func dz(_ k: Entry, _ rule: UpdateRule) -> Formula {
        let dh = Formula.value(k.at(.dh)), hPrev = Formula.value(k.hPrev(k.i)), hTilde = Formula.value(k.at(.hTilde))
        return rule == .zTimesPrevious ? dh * (hPrev - hTilde) : dh * (hTilde - hPrev)
    }

    /// `dh̃ = dh⊙(1−z)`  or  `dh̃ = dh⊙z`.
    private func dhTilde(_ k: Entry, _ rule: UpdateRule) -> Formula {
        let dh = Formula.value(k.at(.dh)), z = Formula.value(k.at(.z))
        return rule == .zTimesPrevious ? dh * (.constant(1) - z) : dh * z
    }

    /// before_matmul: `dr = drh⊙h_{t−1}`;  after_matmul: `dr = da_h⊙n_h`.
    private func dr(_ k: Entry, otherReset: Bool) -> Formula {
        let i = k.i
        switch (c.reset, otherReset) {
        case (.beforeMatmul, false): return .value(k.at(.drh)) * .value(k.hPrev(i))
        case (.afterMatmul, false): return .value(k.at(.daH)) * .value(k.at(.nH))
        case (.beforeMatmul, true): return .value(k.at(.daH)) * .total(k.row(.Uh, i, times: k.hPrev))
        case (.afterMatmul, true): return .total(k.column(.Uh, i, times: { k.at(.daH, $0) })) * .value(k.hPrev(i))
        }
    }

    /// `dh_{t−1} = dh⊙z (or dh⊙(1−z)) + [drh⊙r | Uhᵀ·dn_h] + Urᵀ·da_r + Uzᵀ·da_z`.
    private func dhPrev(_ k: Entry, _ rule: UpdateRule) -> Formula {
        let j = k.i
        let dh = Formula.value(k.at(.dh)), z = Formula.value(k.at(.z))
        let direct = rule == .zTimesPrevious ? dh * z : dh * (.constant(1) - z)
        let throughCandidate: [Formula] = c.reset == .beforeMatmul
            ? [.value(k.at(.drh)) * .value(k.at(.r))]
            : k.column(.Uh, j, times: { k.at(.dnH, $0) })
        return .sum([direct] + throughCandidate + k.column(.Ur, j, times: { k.at(.daR, $0) })
                    + k.column(.Uz, j, times: { k.at(.daZ, $0) }))
    }

    // MARK: - Gradients and the update

    /// One timestep's contribution, as `GRUCell.backward` adds it: an outer product entry
    /// `(da·xᵀ)[i][j]`, `(da·h_{t−1}ᵀ)[i][j]`, `(dy·hᵀ)[i][j]`, or a bias entry `da[i]`.
    private func stepGradient(_ p: ParameterName, _ k: Entry) -> Formula {
        let i = k.index[0]
        let j = k.index.count > 1 ? k.index[1] : 0
        let delta: (TraceKey.StepQuantity) -> Formula = { .value(k.at($0, i)) }
        switch p {
        case .Wz: return delta(.daZ) * .value(k.at(.x, j))
        case .Uz: return delta(.daZ) * .value(k.hPrev(j))
        case .bz: return delta(.daZ)
        case .Wr: return delta(.daR) * .value(k.at(.x, j))
        case .Ur: return delta(.daR) * .value(k.hPrev(j))
        case .br: return delta(.daR)
        case .Wh: return delta(.daH) * .value(k.at(.x, j))
        case .Uh: return c.reset == .beforeMatmul ? delta(.daH) * .value(k.at(.rh, j)) : delta(.dnH) * .value(k.hPrev(j))
        case .bh: return delta(.daH)
        case .bhn: return delta(.dnH)
        case .Why: return delta(.dy) * .value(k.h(j))
        case .by: return delta(.dy)
        }
    }

    /// `grad.P = Σ_t tN.grad.P`, or `Σ_K sK.grad.P` with several sequences.
    private func gradient(_ p: ParameterName, _ key: TraceKey) -> Formula {
        .total(parts(of: key, backward: true) { s, t in TraceKey(sequence: s, t: t, .stepGradient(p), key.index) }
               sequence: { TraceKey(sequence: $0, .gradient(p), key.index) })
    }
}

/// One entry of a key, with the names its formulas need: the sequence prefix, the timestep,
/// the entry's index, T, and the keys of the neighbouring quantities.
private struct Entry {
    let s: Int?
    let t: Int
    let T: Int
    let index: [Int]
    let c: ModelConfig
    /// For the mistake `h_t_instead_of_h_prev`: `hPrev(j)` gives h_t[j].
    var readsHForHPrev = false
    /// For the mistake `h_prev_instead_of_h_t`: `h(j)` gives h_{t−1}[j].
    var readsHPrevForH = false

    /// nil when the key has no value in the trace.
    init?(_ key: TraceKey, _ trace: Trace) {
        guard trace.value(at: key) != nil else { return nil }
        s = key.sequence
        let sequence = trace.sequences[(key.sequence ?? 1) - 1]
        T = sequence.forward.count
        t = key.t ?? 0
        index = key.index
        c = trace.config
    }

    /// The entry's (first) index.
    var i: Int { index.first ?? 1 }

    /// The same quantity family at this timestep: `tN.q[i]`.
    func at(_ q: TraceKey.StepQuantity, _ i: Int? = nil, t: Int? = nil) -> TraceKey {
        TraceKey(sequence: s, t: t ?? self.t, .step(q), [i ?? self.i])
    }

    /// h_{t−1}[j] as the formulas read it (h_t[j] for the mistake `h_t_instead_of_h_prev`).
    func hPrev(_ j: Int) -> TraceKey {
        readsHForHPrev ? at(.h, j) : previousH(j)
    }

    /// h_t[j]: `tN.h[j]`, as y and Why's gradient read it (h_{t−1}[j] for the mistake
    /// `h_prev_instead_of_h_t`).
    func h(_ j: Int) -> TraceKey {
        readsHPrevForH ? previousH(j) : at(.h, j)
    }

    /// h_{t−1}[j] itself: `t(N−1).h[j]`, or `h0[j]` at t = 1.
    private func previousH(_ j: Int) -> TraceKey {
        t == 1 ? TraceKey(.h0, [j]) : at(.h, j, t: t - 1)
    }

    func x(_ j: Int) -> TraceKey { at(.x, j) }

    func param(_ p: ParameterName, _ index: [Int]? = nil) -> TraceKey {
        TraceKey(.parameter(p), index ?? self.index)
    }

    /// `Σ_j P[i][j]·v[j]`, as a list of products: row i of P times a vector.
    func row(_ p: ParameterName, _ i: Int, times v: (Int) -> TraceKey) -> [Formula] {
        (1...p.shape(c).cols).map { j in .value(param(p, [i, j])) * .value(v(j)) }
    }

    /// `Σ_i P[i][j]·v[i]`, column j of P times a vector: one entry of Pᵀ·v.
    func column(_ p: ParameterName, _ j: Int, times v: (Int) -> TraceKey) -> [Formula] {
        (1...p.shape(c).rows).map { i in .value(param(p, [i, j])) * .value(v(i)) }
    }
}
