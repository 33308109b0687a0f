import GRUCore

/// Every quantity the walkthrough shows, with its name in both languages and its formula in the
/// lesson's conventions: the recorded quantities of a timestep (`TraceKey.StepQuantity`, the
/// registry), and what the walkthrough adds around them: h_{t−1}, a step's loss, one timestep's
/// contribution to a gradient, L and ∂L/∂θ.
///
/// The walkthrough builds its rows from this catalogue; other views (a worksheet, an answer
/// checker, the comparison of conventions) label the same numbers the same way:
///
///     Quantity.z.line(at: 1, FormulaContext(config: c, language: .zh))
///     // 时间步 1 · 更新门 z₁ = σ(Wz·x₁ + Uz·h₀ + bz)
public enum Quantity: Hashable, Sendable {
    // The forward pass of one timestep, in the order it is computed.
    case x, hPrev, aZ, z, aR, r, rh, nH, aH, hTilde, h, y, target, loss
    // BPTT of one timestep, in the order it is computed.
    case dy, dhOut, dhRec, dh, dz, dhTilde, daH, drh, dnH, dr, daR, daZ, dhPrev
    /// One timestep's contribution to ∂L/∂parameter (`grads.Wz` in a backward entry).
    case grads(ParameterName)
    /// L, the loss of the whole lesson (the trace's top-level `loss`).
    case totalLoss
    /// ∂L/∂parameter, summed over timesteps and sequences (`gradients.Wz`).
    case gradient(ParameterName)

    /// The renderer's name for a recorded quantity. One case each and no `default:`, so that a
    /// quantity added to the registry does not compile until it is named here.
    public init(_ q: TraceKey.StepQuantity) {
        switch q {
        case .x: self = .x
        case .aZ: self = .aZ
        case .z: self = .z
        case .aR: self = .aR
        case .r: self = .r
        case .rh: self = .rh
        case .nH: self = .nH
        case .aH: self = .aH
        case .hTilde: self = .hTilde
        case .h: self = .h
        case .y: self = .y
        case .target: self = .target
        case .dy: self = .dy
        case .dhOut: self = .dhOut
        case .dhRec: self = .dhRec
        case .dh: self = .dh
        case .dz: self = .dz
        case .dhTilde: self = .dhTilde
        case .daH: self = .daH
        case .drh: self = .drh
        case .dnH: self = .dnH
        case .dr: self = .dr
        case .daR: self = .daR
        case .daZ: self = .daZ
        case .dhPrev: self = .dhPrev
        }
    }

    /// The quantity a key of one of these kinds names: a recorded quantity, a step's loss, a
    /// timestep's contribution to a gradient, L (of the lesson, or of one sequence) or ∂L/∂θ.
    /// Nil for the givens, updates, training and the applied model, which have no formula here.
    public init?(_ kind: TraceKey.Kind) {
        switch kind {
        case .step(let q): self.init(q)
        case .stepLoss: self = .loss
        case .loss: self = .totalLoss
        case .stepGradient(let p): self = .grads(p)
        case .gradient(let p): self = .gradient(p)
        case .learningRate, .parameter, .h0, .update, .trainingLoss, .trained, .apply: return nil
        }
    }

    /// The quantities of a forward entry: `x`, `h_prev`, then the registry's forward
    /// quantities after `x` (both `rh` and `n_h`), then the step's `loss`.
    public static let forward: [Quantity] = [.x, .hPrev]
        + TraceKey.StepQuantity.allCases.filter { !$0.isBackward && $0 != .x }.map(Quantity.init) + [.loss]
    /// The quantities of a backward entry, the registry's backward quantities in trace order
    /// (both `drh` and `dn_h`), then `grads`.
    public static let backward: [Quantity] = TraceKey.StepQuantity.allCases.filter(\.isBackward).map(Quantity.init)
        + ParameterName.allCases.map { .grads($0) }
    /// Every quantity, timestep-level first.
    public static let allCases: [Quantity] = forward + backward + [.totalLoss] + ParameterName.allCases.map { .gradient($0) }

    /// The quantities a model with these conventions records: `rh` and `drh` under before_matmul,
    /// `n_h`, `dn_h` and `bhn` under after_matmul.
    public static func used(by c: ModelConfig) -> [Quantity] {
        let parameters = Set(ParameterName.used(by: c))
        let absent = Set(TraceKey.StepQuantity.allCases.filter { !$0.exists(under: c) }.map(Quantity.init))
        return allCases.filter { q in
            switch q {
            case .grads(let p), .gradient(let p): return parameters.contains(p)
            default: return !absent.contains(q)
            }
        }
    }

    /// True for the quantities recorded once per timestep (`t1.z`), false for `loss` and `gradients.*`.
    public var isPerTimestep: Bool {
        switch self {
        case .totalLoss, .gradient: return false
        default: return true
        }
    }
}

/// What a formula is written for: the model's conventions, the sequence length (for the mean
/// reduction), the number of sequences (for their mean), the language (the word "target" is
/// translated) and the notation.
public struct FormulaContext: Sendable {
    public var config: ModelConfig
    /// T, the number of timesteps, when known; formulas say `T` otherwise.
    public var length: Int?
    /// How many sequences the lesson has.
    public var sequences: Int
    public var language: Language
    /// Replace the Unicode symbols by their ASCII spelling.
    public var ascii: Bool

    public init(config: ModelConfig, length: Int? = nil, sequences: Int = 1, language: Language = .en, ascii: Bool = false) {
        self.config = config
        self.length = length
        self.sequences = sequences
        self.language = language
        self.ascii = ascii
    }

    func finish(_ text: String) -> String {
        ascii ? Notation.ascii(text) : text
    }
}

extension Quantity {

    /// The name a teacher says: 更新门 / update gate.
    public func name(_ language: Language) -> String {
        switch self {
        case .grads(let p): return Message.gradientShare.text(language, p.rawValue)
        case .gradient(let p): return Message.gradientOf.text(language, p.rawValue)
        default: return nameMessage.text(language)
        }
    }

    /// The catalogue's name of every quantity but the two named after a parameter.
    private var nameMessage: Message {
        switch self {
        case .x: return .qInput
        case .hPrev: return .qPreviousHidden
        case .aZ: return .qUpdatePre
        case .z: return .qUpdateGate
        case .aR: return .qResetPre
        case .r: return .qResetGate
        case .rh: return .qResetPrevious
        case .nH: return .qRecurrentTerm
        case .aH: return .qCandidatePre
        case .hTilde: return .qCandidate
        case .h: return .qHidden
        case .y: return .qOutput
        case .target: return .qTarget
        case .loss: return .qLossTerm
        case .dy: return .qGradOutput
        case .dhOut: return .qGradFromOutput
        case .dhRec: return .qGradFromNext
        case .dh: return .qGradHidden
        case .dz: return .qGradUpdate
        case .dhTilde: return .qGradCandidate
        case .daH: return .qGradCandidatePre
        case .drh: return .qGradResetPrevious
        case .dnH: return .qGradRecurrentTerm
        case .dr: return .qGradReset
        case .daR: return .qGradResetPre
        case .daZ: return .qGradUpdatePre
        case .dhPrev: return .qGradToPrevious
        case .totalLoss, .grads, .gradient: return .qTotalLoss
        }
    }

    /// The symbol at timestep `t`: `z₁`, `h̃ₜ`, `∂L/∂a_z₂`, `(∂L/∂Wz)₃`.
    public func symbol(at t: Step, _ c: FormulaContext) -> String {
        c.finish(unicodeSymbol(at: t, c))
    }

    /// The right-hand side in the lesson's conventions, or nil for a value that is given rather
    /// than computed (x, h_prev, target) or handed over from another timestep (dh_rec).
    public func formula(at t: Step, _ c: FormulaContext) -> String? {
        unicodeFormula(at: t, c).map(c.finish)
    }

    /// `symbol = formula`, or the symbol alone when there is no formula. The pre-activation
    /// gradients show the chain-rule step too: `∂L/∂a_zₜ = ∂L/∂zₜ⊙σ′(a_zₜ) = ∂L/∂zₜ⊙zₜ⊙(1 − zₜ)`.
    public func equation(at t: Step, _ c: FormulaContext) -> String {
        c.finish(unicodeEquation(at: t, c))
    }

    func unicodeEquation(at t: Step, _ c: FormulaContext) -> String {
        let lhs = unicodeSymbol(at: t, c)
        guard let rhs = unicodeFormula(at: t, c) else { return lhs }
        return ([lhs] + (unicodeChainRule(at: t).map { [$0] } ?? []) + [rhs]).joined(separator: " = ")
    }

    /// For the pre-activation gradients, the chain-rule step before the derivative is written
    /// out: `∂L/∂h̃ₜ⊙tanh′(a_hₜ)` (tanh′ = 1 − tanh²), `∂L/∂zₜ⊙σ′(a_zₜ)` (σ′ = σ(1 − σ)).
    func unicodeChainRule(at t: Step) -> String? {
        let s = t.sub
        switch self {
        case .daH: return "∂L/∂h̃\(s)⊙tanh′(a_h\(s))"
        case .daR: return "∂L/∂r\(s)⊙σ′(a_r\(s))"
        case .daZ: return "∂L/∂z\(s)⊙σ′(a_z\(s))"
        default: return nil
        }
    }

    func unicodeSymbol(at t: Step, _ c: FormulaContext) -> String {
        let s = t.sub, p = (t + -1).sub, n = (t + 1).sub
        switch self {
        case .x: return "x" + s
        case .hPrev: return "h" + p
        case .aZ: return "a_z" + s
        case .z: return "z" + s
        case .aR: return "a_r" + s
        case .r: return "r" + s
        case .rh: return "r\(s)⊙h\(p)"
        case .nH: return "n_h" + s
        case .aH: return "a_h" + s
        case .hTilde: return "h̃" + s
        case .h: return "h" + s
        case .y: return "y" + s
        case .target: return Message.targetSymbol.text(c.language) + s
        case .loss: return "L" + s
        case .dy: return "∂L/∂y" + s
        case .dhOut: return "∂L/∂y\(s)·∂y\(s)/∂h\(s)"
        case .dhRec: return "∂L/∂h\(n)·∂h\(n)/∂h\(s)"
        case .dh: return "∂L/∂h" + s
        case .dz: return "∂L/∂z" + s
        case .dhTilde: return "∂L/∂h̃" + s
        case .daH: return "∂L/∂a_h" + s
        case .drh: return "∂L/∂(r\(s)⊙h\(p))"
        case .dnH: return "∂L/∂n_h" + s
        case .dr: return "∂L/∂r" + s
        case .daR: return "∂L/∂a_r" + s
        case .daZ: return "∂L/∂a_z" + s
        case .dhPrev: return "∂L/∂h\(s)·∂h\(s)/∂h\(p)"
        case .grads(let q): return "(∂L/∂\(q.rawValue))" + s
        case .totalLoss: return "L"
        case .gradient(let q): return "∂L/∂" + q.rawValue
        }
    }

    func unicodeFormula(at t: Step, _ c: FormulaContext) -> String? {
        let s = t.sub, p = (t + -1).sub
        let m = c.config
        switch self {
        case .x, .hPrev, .target, .dhRec, .rh: return nil
        case .aZ: return "Wz·x\(s) + Uz·h\(p) + bz"
        case .z: return "σ(" + Quantity.aZ.unicodeFormula(at: t, c)! + ")"
        case .aR: return "Wr·x\(s) + Ur·h\(p) + br"
        case .r: return "σ(" + Quantity.aR.unicodeFormula(at: t, c)! + ")"
        case .nH: return "Uh·h\(p) + bhn"
        case .aH:
            switch m.reset {
            case .beforeMatmul: return "Wh·x\(s) + Uh·(r\(s)⊙h\(p)) + bh"
            case .afterMatmul: return "Wh·x\(s) + bh + r\(s)⊙n_h\(s)"
            }
        case .hTilde: return "tanh(" + Quantity.aH.unicodeFormula(at: t, c)! + ")"
        case .h:
            switch m.update {
            case .zTimesPrevious: return "z\(s)⊙h\(p) + (1 − z\(s))⊙h̃\(s)"
            case .zTimesCandidate: return "(1 − z\(s))⊙h\(p) + z\(s)⊙h̃\(s)"
            }
        case .y: return "Why·h\(s) + by"
        case .loss:
            let error = "‖y\(s) − \(Quantity.target.unicodeSymbol(at: t, c))‖²"
            let factors = Quantity.lossFactors(c, derivative: false)
            return factors == ["½"] ? "½" + error : factors.map { $0 + "·" }.joined() + error
        case .dy:
            let error = "y\(s) − \(Quantity.target.unicodeSymbol(at: t, c))"
            let factors = Quantity.lossFactors(c, derivative: true)
            return factors.isEmpty ? error : factors.map { $0 + "·" }.joined() + "(" + error + ")"
        case .dhOut: return "Whyᵀ·∂L/∂y" + s
        case .dh: return Quantity.dhOut.unicodeSymbol(at: t, c) + " + " + Quantity.dhRec.unicodeSymbol(at: t, c)
        case .dz:
            switch m.update {
            case .zTimesPrevious: return "∂L/∂h\(s)⊙(h\(p) − h̃\(s))"
            case .zTimesCandidate: return "∂L/∂h\(s)⊙(h̃\(s) − h\(p))"
            }
        case .dhTilde:
            switch m.update {
            case .zTimesPrevious: return "∂L/∂h\(s)⊙(1 − z\(s))"
            case .zTimesCandidate: return "∂L/∂h\(s)⊙z\(s)"
            }
        case .daH: return "∂L/∂h̃\(s)⊙(1 − h̃\(s)²)"
        case .drh: return "Uhᵀ·∂L/∂a_h" + s
        case .dnH: return "∂L/∂a_h\(s)⊙r\(s)"
        case .dr:
            switch m.reset {
            case .beforeMatmul: return "∂L/∂(r\(s)⊙h\(p))⊙h\(p)"
            case .afterMatmul: return "∂L/∂a_h\(s)⊙n_h\(s)"
            }
        case .daR: return "∂L/∂r\(s)⊙r\(s)⊙(1 − r\(s))"
        case .daZ: return "∂L/∂z\(s)⊙z\(s)⊙(1 − z\(s))"
        case .dhPrev: return Quantity.dhPrevTerms(at: t, m).joined(separator: " + ")
        case .grads(let q): return Quantity.contribution(q, at: t, m)
        case .totalLoss:
            let perSequence: String
            if let T = c.length, T <= 4 {
                perSequence = (1...T).map { "L" + Notation.subscripted(String($0)) }.joined(separator: " + ")
            } else if let T = c.length {
                perSequence = "L₁ + … + L" + Notation.subscripted(String(T))
            } else {
                perSequence = "Σₜ Lₜ"
            }
            return c.sequences > 1 ? "Σ(" + perSequence + ")" : perSequence
        case .gradient(let q):
            return (c.sequences > 1 ? "Σ Σₜ " : "Σₜ ") + Quantity.contribution(q, at: .t, m)
        }
    }

    /// The four paths from h_{t−1} into step t, whose gradients add up in dh_prev: straight through
    /// the update, through the reset gate's product, through the reset gate and through the update gate.
    static func dhPrevTerms(at t: Step, _ m: ModelConfig) -> [String] {
        let s = t.sub, p = (t + -1).sub
        let direct = m.update == .zTimesPrevious ? "∂L/∂h\(s)⊙z\(s)" : "∂L/∂h\(s)⊙(1 − z\(s))"
        let reset = m.reset == .beforeMatmul ? "∂L/∂(r\(s)⊙h\(p))⊙r\(s)" : "Uhᵀ·∂L/∂n_h\(s)"
        return [direct, reset, "Urᵀ·∂L/∂a_r" + s, "Uzᵀ·∂L/∂a_z" + s]
    }

    /// One timestep's contribution to ∂L/∂q: the gradient arriving at the layer times its input.
    static func contribution(_ q: ParameterName, at t: Step, _ m: ModelConfig) -> String {
        let s = t.sub, p = (t + -1).sub
        switch q {
        case .Wz: return "∂L/∂a_z\(s)·x\(s)ᵀ"
        case .Uz: return "∂L/∂a_z\(s)·h\(p)ᵀ"
        case .bz: return "∂L/∂a_z" + s
        case .Wr: return "∂L/∂a_r\(s)·x\(s)ᵀ"
        case .Ur: return "∂L/∂a_r\(s)·h\(p)ᵀ"
        case .br: return "∂L/∂a_r" + s
        case .Wh: return "∂L/∂a_h\(s)·x\(s)ᵀ"
        case .Uh:
            return m.reset == .beforeMatmul ? "∂L/∂a_h\(s)·(r\(s)⊙h\(p))ᵀ" : "∂L/∂n_h\(s)·h\(p)ᵀ"
        case .bh: return "∂L/∂a_h" + s
        case .bhn: return "∂L/∂n_h" + s
        case .Why: return "∂L/∂y\(s)·h\(s)ᵀ"
        case .by: return "∂L/∂y" + s
        }
    }

    /// The factors in front of the squared error (`½`), or of the error in its derivative (`2`),
    /// with 1/T under the mean reduction and 1/N under the mean over N sequences.
    static func lossFactors(_ c: FormulaContext, derivative: Bool) -> [String] {
        let m = c.config
        var factors: [String] = []
        if derivative && m.loss == .squared { factors.append("2") }
        if !derivative && m.loss == .halfSquared { factors.append("½") }
        if m.reduction == .mean { factors.append("(1/\(c.length.map(String.init) ?? "T"))") }
        if m.sequenceReduction == .mean && c.sequences > 1 { factors.append("(1/\(c.sequences))") }
        return factors
    }
}

extension Quantity {
    /// A one-line label: `时间步 1 · 更新门 z₁ = σ(Wz·x₁ + Uz·h₀ + bz)`,
    /// `Timestep 3 · gradient arriving from timestep 4 ∂L/∂h₄·∂h₄/∂h₃`, `total loss L = L₁ + L₂ + L₃`.
    /// `t` is the 1-based timestep, nil for a quantity of no one timestep (L, ∂L/∂θ).
    public func line(at t: Int?, _ c: FormulaContext) -> String {
        let step = t.map { Step.number($0) } ?? .t
        let body = name(c.language) + " " + equation(at: step, c)
        guard let t else { return c.finish(body) }
        return c.finish(Message.timestep.text(c.language, String(t)) + " · " + body)
    }
}

extension ParameterName {
    /// What the parameter does: 更新门 · 输入权重 / update gate · input weights.
    public func role(_ language: Language) -> String {
        let (part, kind): (Message, Message)
        switch self {
        case .Wz: (part, kind) = (.qUpdateGate, .roleInputWeights)
        case .Uz: (part, kind) = (.qUpdateGate, .roleRecurrentWeights)
        case .bz: (part, kind) = (.qUpdateGate, .roleBias)
        case .Wr: (part, kind) = (.qResetGate, .roleInputWeights)
        case .Ur: (part, kind) = (.qResetGate, .roleRecurrentWeights)
        case .br: (part, kind) = (.qResetGate, .roleBias)
        case .Wh: (part, kind) = (.qCandidate, .roleInputWeights)
        case .Uh: (part, kind) = (.qCandidate, .roleRecurrentWeights)
        case .bh: (part, kind) = (.qCandidate, .roleBias)
        case .bhn: (part, kind) = (.qCandidate, .roleRecurrentBias)
        case .Why: (part, kind) = (.roleOutputLayer, .roleWeights)
        case .by: (part, kind) = (.roleOutputLayer, .roleBias)
        }
        return part.text(language) + " · " + kind.text(language)
    }
}
