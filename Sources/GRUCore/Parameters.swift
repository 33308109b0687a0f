/// The names of a GRU's parameters, in the order the lesson shows them.
///
/// The raw value is the public name used in lesson files, traces and answer keys.
public enum ParameterName: String, CaseIterable, Sendable {
    case Wz, Uz, bz, Wr, Ur, br, Wh, Uh, bh, bhn, Why, by

    /// True for the bias vectors (`bz`, `br`, `bh`, `bhn`, `by`).
    public var isVector: Bool {
        switch self {
        case .bz, .br, .bh, .bhn, .by: return true
        default: return false
        }
    }

    /// The shape (rows, cols) of this parameter; vectors have `cols == 1`.
    public func shape(_ c: ModelConfig) -> (rows: Int, cols: Int) {
        switch self {
        case .Wz, .Wr, .Wh: return (c.hiddenSize, c.inputSize)     // (H, I)
        case .Uz, .Ur, .Uh: return (c.hiddenSize, c.hiddenSize)    // (H, H)
        case .bz, .br, .bh, .bhn: return (c.hiddenSize, 1)         // (H)
        case .Why: return (c.outputSize, c.hiddenSize)             // (O, H)
        case .by: return (c.outputSize, 1)                         // (O)
        }
    }

    /// The parameters a model with these conventions uses. `bhn` exists only under after_matmul.
    public static func used(by c: ModelConfig) -> [ParameterName] {
        c.reset == .afterMatmul ? allCases : allCases.filter { $0 != .bhn }
    }
}

/// All parameters of a GRU cell plus its linear output layer. Gradients use the same type.
public struct Parameters: Equatable, Sendable {
    public var Wz: Matrix   // (H, I)
    public var Uz: Matrix   // (H, H)
    public var bz: [Double] // (H)
    public var Wr: Matrix   // (H, I)
    public var Ur: Matrix   // (H, H)
    public var br: [Double] // (H)
    public var Wh: Matrix   // (H, I)
    public var Uh: Matrix   // (H, H)
    public var bh: [Double] // (H)
    /// The bias inside the reset product under after_matmul; zeros and unused under before_matmul.
    public var bhn: [Double] // (H)
    public var Why: Matrix  // (O, H)
    public var by: [Double] // (O)

    public init(Wz: Matrix, Uz: Matrix, bz: [Double], Wr: Matrix, Ur: Matrix, br: [Double],
                Wh: Matrix, Uh: Matrix, bh: [Double], bhn: [Double], Why: Matrix, by: [Double]) {
        self.Wz = Wz; self.Uz = Uz; self.bz = bz
        self.Wr = Wr; self.Ur = Ur; self.br = br
        self.Wh = Wh; self.Uh = Uh; self.bh = bh; self.bhn = bhn
        self.Why = Why; self.by = by
    }

    /// All zeros, shaped for `c`. The starting point of every gradient sum.
    public init(zerosFor c: ModelConfig) {
        let H = c.hiddenSize, I = c.inputSize, O = c.outputSize
        self.init(Wz: Matrix(zeros: H, I), Uz: Matrix(zeros: H, H), bz: .init(repeating: 0, count: H),
                  Wr: Matrix(zeros: H, I), Ur: Matrix(zeros: H, H), br: .init(repeating: 0, count: H),
                  Wh: Matrix(zeros: H, I), Uh: Matrix(zeros: H, H), bh: .init(repeating: 0, count: H),
                  bhn: .init(repeating: 0, count: H),
                  Why: Matrix(zeros: O, H), by: .init(repeating: 0, count: O))
    }

    /// One parameter's entries, row by row (a vector is a single column).
    public subscript(name: ParameterName) -> [Double] {
        get {
            switch name {
            case .Wz: return Wz.values
            case .Uz: return Uz.values
            case .bz: return bz
            case .Wr: return Wr.values
            case .Ur: return Ur.values
            case .br: return br
            case .Wh: return Wh.values
            case .Uh: return Uh.values
            case .bh: return bh
            case .bhn: return bhn
            case .Why: return Why.values
            case .by: return by
            }
        }
        set {
            switch name {
            case .Wz: Wz.values = newValue
            case .Uz: Uz.values = newValue
            case .bz: bz = newValue
            case .Wr: Wr.values = newValue
            case .Ur: Ur.values = newValue
            case .br: br = newValue
            case .Wh: Wh.values = newValue
            case .Uh: Uh.values = newValue
            case .bh: bh = newValue
            case .bhn: bhn = newValue
            case .Why: Why.values = newValue
            case .by: by = newValue
            }
        }
    }

    /// `self += other`, entry by entry, for every parameter.
    public mutating func add(_ other: Parameters) {
        for name in ParameterName.allCases {
            var mine = self[name]
            let theirs = other[name]
            for i in mine.indices { mine[i] += theirs[i] }
            self[name] = mine
        }
    }

    /// `self *= factor`, entry by entry.
    public mutating func scale(by factor: Double) {
        for name in ParameterName.allCases {
            self[name] = self[name].map { $0 * factor }
        }
    }

    /// One SGD step: `θ ← θ − lr·∂L/∂θ`.
    public func sgdStep(gradients g: Parameters, learningRate lr: Double) -> Parameters {
        var next = self
        for name in ParameterName.allCases {
            next[name] = zip(self[name], g[name]).map { $0 - lr * $1 }
        }
        return next
    }

    /// True when every entry is finite.
    public var isFinite: Bool {
        ParameterName.allCases.allSatisfy { self[$0].allSatisfy { $0.isFinite } }
    }
}
