/// The public names of every number in a trace, one key per scalar: `t2.z[1]`, `grad.Uz[1][2]`.
///
/// TSV output, worksheets and the answer checker all speak this vocabulary, and users' scripts
/// diff it, so the grammar is stable. docs/keys.md is its reference; in short:
///
///     key   = [ "s" K "." ] body                  sequence K of several (no prefix with one)
///     body  = "lr" | "h0" [i] | "param." P idx    given: learning rate, h0, initial parameters
///           | "t" N "." Q idx                     a forward or backward value of timestep N
///           | "t" N ".loss"                       L_t
///           | "t" N ".grad." P idx                timestep N's contribution to ∂L/∂P
///           | "loss" | "grad." P idx              L and ∂L/∂P (per sequence with the sK. prefix)
///           | "update." P idx                     P after one SGD step
///           | "train.loss" [E] | "train." P idx   L before update E; P after all updates
///           | "apply.t" N "." A [i]               the trained model applied to new input
///     idx   = [i] for a vector, [i][j] for a matrix; every number counts from 1.
///
/// The core only names and orders values; nothing here reads or writes files.
public struct TraceKey: Hashable, Sendable, CustomStringConvertible {

    /// A quantity of one timestep, by its trace name, listed in the order one step computes it:
    /// the one registry of the per-timestep vocabulary. Its order, its size and the conventions
    /// under which it exists are declared here, and the keys, the trace's JSON, the divergence
    /// checks, the cost estimate, the PyTorch export and the renderer's `Quantity` derive from it.
    ///
    /// Adding a quantity touches these places, each of which the compiler points to through an
    /// exhaustive `switch` (no `default:`):
    /// 1. a case here, with its `isBackward`, `size` and `exists(under:)`;
    /// 2. its field in `StepForward` or `StepBackward`, computed by `GRUCell.forward` or
    ///    `backward`, and the subscript below that reads it;
    /// 3. the renderer's `Quantity` (its name, symbol and formula);
    /// 4. `FormulaBook` (its formula over other keys, for worksheets and `check`);
    /// 5. its name in zh and en in the message catalogue.
    /// Then the golden files and docs/keys.md, docs/trace-format.md show it.
    public enum StepQuantity: String, CaseIterable, Sendable {
        // Forward (`x` and `target` are given by the lesson).
        case x, aZ = "a_z", z, aR = "a_r", r, rh, nH = "n_h", aH = "a_h", hTilde = "h_tilde", h, y, target
        // Backward. `drh` (before_matmul) is ∂L/∂(r⊙h_{t−1}) = Uhᵀ·da_h; `dn_h` (after_matmul) is da_h⊙r.
        case dy, dhOut = "dh_out", dhRec = "dh_rec", dh, dz, dhTilde = "dh_tilde", daH = "da_h"
        case drh, dnH = "dn_h", dr, daR = "da_r", daZ = "da_z", dhPrev = "dh_prev"

        /// True for the quantities of the backward pass (`dy` … `dh_prev`).
        public var isBackward: Bool {
            switch self {
            case .x, .aZ, .z, .aR, .r, .rh, .nH, .aH, .hTilde, .h, .y, .target: return false
            case .dy, .dhOut, .dhRec, .dh, .dz, .dhTilde, .daH, .drh, .dnH, .dr, .daR, .daZ, .dhPrev: return true
            }
        }

        /// What a quantity's vector is as long as: I, H or O.
        public enum Size: Sendable {
            case input, hidden, output
        }

        public var size: Size {
            switch self {
            case .x: return .input
            case .y, .target, .dy: return .output
            case .aZ, .z, .aR, .r, .rh, .nH, .aH, .hTilde, .h, .dhOut, .dhRec, .dh, .dz, .dhTilde, .daH,
                 .drh, .dnH, .dr, .daR, .daZ, .dhPrev:
                return .hidden
            }
        }

        /// The length of its vector in a model of these sizes.
        public func count(_ c: ModelConfig) -> Int {
            switch size {
            case .input: return c.inputSize
            case .hidden: return c.hiddenSize
            case .output: return c.outputSize
            }
        }

        /// Whether a model with these conventions records it: `rh` and `drh` under before_matmul,
        /// `n_h` and `dn_h` under after_matmul, every other quantity always.
        public func exists(under c: ModelConfig) -> Bool {
            switch self {
            case .rh, .drh: return c.reset == .beforeMatmul
            case .nH, .dnH: return c.reset == .afterMatmul
            case .x, .aZ, .z, .aR, .r, .aH, .hTilde, .h, .y, .target,
                 .dy, .dhOut, .dhRec, .dh, .dz, .dhTilde, .daH, .dr, .daR, .daZ, .dhPrev:
                return true
            }
        }

        /// The forward quantities a model with these conventions records, `x` … `target`, in the
        /// order one step computes them.
        public static func forward(_ c: ModelConfig) -> [StepQuantity] {
            allCases.filter { !$0.isBackward && $0.exists(under: c) }
        }

        /// The backward quantities a model with these conventions records, `dy` … `dh_prev`, in
        /// the order one step computes them.
        public static func backward(_ c: ModelConfig) -> [StepQuantity] {
            allCases.filter { $0.isBackward && $0.exists(under: c) }
        }
    }

    /// A quantity of one step of the trained model applied to new input (`apply.t1.y[1]`).
    public enum ApplyQuantity: String, CaseIterable, Sendable {
        case x, h, y, expected
    }

    public enum Kind: Hashable, Sendable {
        /// `lr`
        case learningRate
        /// `param.Wz[1][1]`: an initial parameter.
        case parameter(ParameterName)
        /// `h0[1]`
        case h0
        /// `t2.z[1]`
        case step(StepQuantity)
        /// `t2.loss`: L_t.
        case stepLoss
        /// `loss`: L, or with `sK.` the loss of sequence K.
        case loss
        /// `t2.grad.Wz[1][1]`: timestep 2's contribution to ∂L/∂Wz.
        case stepGradient(ParameterName)
        /// `grad.Wz[1][1]`: ∂L/∂Wz, or with `sK.` the part from sequence K.
        case gradient(ParameterName)
        /// `update.Wz[1][1]`: Wz after one SGD step.
        case update(ParameterName)
        /// `train.loss[E]`: L before update E.
        case trainingLoss
        /// `train.Wz[1][1]`: Wz after all training epochs.
        case trained(ParameterName)
        /// `apply.t1.y[1]`
        case apply(ApplyQuantity)
    }

    /// Where a key belongs in the walkthrough, in the order the stages come.
    public enum Stage: Int, CaseIterable, Comparable, Sendable {
        /// Numbers the lesson gives: lr, parameters, h0, x, target.
        case given
        case forward, loss, backward
        /// One timestep's contribution to a gradient (`t2.grad.Wz`).
        case stepGradient
        /// The summed gradient (`grad.Wz`, `sK.grad.Wz`).
        case gradient
        case update, training, apply

        public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    /// K of the `sK.` prefix (1-based); nil for a one-sequence lesson and for lesson-wide keys.
    public var sequence: Int?
    /// The 1-based timestep of `tN.` keys; nil otherwise.
    public var t: Int?
    public var kind: Kind
    /// 1-based: [] for a scalar, [i] for a vector entry, [i, j] for a matrix entry.
    public var index: [Int]

    public init(sequence: Int? = nil, t: Int? = nil, _ kind: Kind, _ index: [Int] = []) {
        self.sequence = sequence
        self.t = t
        self.kind = kind
        self.index = index
    }

    /// The trace name of the quantity, without timestep, sequence or index: `z`, `dh_tilde`,
    /// `loss`, `Wz` (for `param.`, `grad.`, `update.`, `train.` and `tN.grad.` keys).
    public var name: String {
        switch kind {
        case .learningRate: return "lr"
        case .h0: return "h0"
        case .step(let q): return q.rawValue
        case .stepLoss, .loss, .trainingLoss: return "loss"
        case .parameter(let p), .stepGradient(let p), .gradient(let p), .update(let p), .trained(let p):
            return p.rawValue
        case .apply(let q): return q.rawValue
        }
    }

    public var stage: Stage {
        switch kind {
        case .learningRate, .parameter, .h0: return .given
        case .step(let q):
            if q == .x || q == .target { return .given }
            return q.isBackward ? .backward : .forward
        case .stepLoss, .loss: return .loss
        case .stepGradient: return .stepGradient
        case .gradient: return .gradient
        case .update: return .update
        case .trainingLoss, .trained: return .training
        case .apply: return .apply
        }
    }

    public var description: String {
        var s = sequence.map { "s\($0)." } ?? ""
        if case .apply = kind { s += "apply." }
        if let t { s += "t\(t)." }
        switch kind {
        case .learningRate: s += "lr"
        case .parameter(let p): s += "param." + p.rawValue
        case .h0: s += "h0"
        case .step(let q): s += q.rawValue
        case .stepLoss, .loss: s += "loss"
        case .stepGradient(let p), .gradient(let p): s += "grad." + p.rawValue
        case .update(let p): s += "update." + p.rawValue
        case .trainingLoss: s += "train.loss"
        case .trained(let p): s += "train." + p.rawValue
        case .apply(let q): s += q.rawValue
        }
        for i in index { s += "[\(i)]" }
        return s
    }

    /// Reads a key written in the grammar above. Syntax only: whether the key exists in a given
    /// trace (timestep, sequence and index in range) is `Trace.value(at:)`'s business.
    public init?(_ text: String) {
        var rest = Substring(text)
        // Trailing indices: [i], [i][j], ...
        var index: [Int] = []
        while rest.hasSuffix("]"), let open = rest.lastIndex(of: "[") {
            guard let i = Self.number(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]) else { return nil }
            index.insert(i, at: 0)
            rest = rest[..<open]
        }
        var parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        var sequence: Int? = nil, t: Int? = nil
        func take(_ letter: Character) -> Int? {
            guard let first = parts.first, first.first == letter, let n = Self.number(first.dropFirst()) else { return nil }
            parts.removeFirst()
            return n
        }
        sequence = take("s")
        let isApply = parts.first == "apply"
        if isApply { parts.removeFirst() }
        t = take("t")
        if isApply && t == nil { return nil }
        // The body: a word, or a word and a parameter's name (`grad.Wz`).
        guard let head = parts.first, parts.count <= 2 else { return nil }
        let name: Substring? = parts.count == 2 ? parts[1] : nil
        let kind: Kind
        if let word = Word(rawValue: String(head)) {
            switch word {
            case .lr:
                guard t == nil, name == nil else { return nil }
                kind = .learningRate
            case .h0:
                guard t == nil, name == nil else { return nil }
                kind = .h0
            case .loss:
                guard name == nil else { return nil }
                kind = t == nil ? .loss : .stepLoss
            case .param:
                guard t == nil, let p = name.flatMap(Self.parameter) else { return nil }
                kind = .parameter(p)
            case .grad:
                guard let p = name.flatMap(Self.parameter) else { return nil }
                kind = t == nil ? .gradient(p) : .stepGradient(p)
            case .update:
                guard t == nil, let p = name.flatMap(Self.parameter) else { return nil }
                kind = .update(p)
            case .train:
                guard t == nil, let name else { return nil }
                if name == "loss" {
                    kind = .trainingLoss
                } else {
                    guard let p = Self.parameter(name) else { return nil }
                    kind = .trained(p)
                }
            }
        } else {
            // A quantity of timestep t: of the applied model after `apply.`, else of the lesson.
            guard t != nil, name == nil else { return nil }
            if isApply {
                guard let q = ApplyQuantity(rawValue: String(head)) else { return nil }
                kind = .apply(q)
            } else {
                guard let q = StepQuantity(rawValue: String(head)) else { return nil }
                kind = .step(q)
            }
        }
        if isApply, case .apply = kind {} else if isApply { return nil }
        self.init(sequence: sequence, t: t, kind, index)
    }

    /// The words a key's body starts with, other than a quantity's name (`z`, `apply.t1.y`).
    private enum Word: String {
        case lr, h0, loss, param, grad, update, train
    }

    private static func parameter(_ name: Substring) -> ParameterName? {
        ParameterName(rawValue: String(name))
    }

    /// A positive decimal integer without sign or leading zeros: the only numbers a key holds.
    private static func number(_ s: Substring) -> Int? {
        guard let first = s.first, first != "0", s.count <= 9, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }
}

/// One scalar of a trace under its key.
public struct TraceEntry: Equatable, Sendable {
    public var key: TraceKey
    public var value: Double

    public init(key: TraceKey, value: Double) {
        self.key = key
        self.value = value
    }
}

extension Trace {

    /// Whether keys carry the `sK.` prefix: only when the lesson has several sequences.
    public var keysNameSequences: Bool { sequences.count > 1 }

    /// Every key of this trace in the stable order of TSV output and worksheets:
    /// 1. given: `lr`, `param.*` (in `ParameterName` order, only those the model uses), `h0`;
    /// 2. the forward pass of every sequence, t = 1…T, each step in computation order
    ///    (`x`, `a_z`, `z`, `a_r`, `r`, `rh` or `n_h`, `a_h`, `h_tilde`, `h`, `y`, `target`, `loss`),
    ///    then `sK.loss` per sequence when there are several, then `loss`;
    /// 3. per sequence: BPTT t = T…1, each step in computation order (`dy` … `dh_prev`), then the
    ///    per-timestep gradient contributions t = T…1, then `sK.grad.*` when there are several;
    /// 4. `grad.*`, then `update.*`;
    /// 5. `train.loss[1…N]`, `train.*`, then `apply.tN.*` when the lesson applies its model.
    public var keys: [TraceKey] {
        let c = config
        let params = ParameterName.used(by: c)
        let H = c.hiddenSize
        let several = keysNameSequences
        var keys: [TraceKey] = [TraceKey(.learningRate)]
        func elements(_ p: ParameterName) -> [[Int]] {
            let (rows, cols) = p.shape(c)
            return p.isVector ? (0..<rows).map { [$0 + 1] } : (0..<rows).flatMap { i in (0..<cols).map { [i + 1, $0 + 1] } }
        }
        func add(_ s: Int?, _ t: Int?, _ kind: (ParameterName) -> TraceKey.Kind) {
            for p in params { for i in elements(p) { keys.append(TraceKey(sequence: s, t: t, kind(p), i)) } }
        }
        func add(_ s: Int?, _ t: Int?, _ q: TraceKey.StepQuantity, _ n: Int) {
            keys += (0..<n).map { TraceKey(sequence: s, t: t, .step(q), [$0 + 1]) }
        }
        add(nil, nil, TraceKey.Kind.parameter)
        keys += (0..<H).map { TraceKey(.h0, [$0 + 1]) }

        let forward = TraceKey.StepQuantity.forward(c)
        let backward = TraceKey.StepQuantity.backward(c)
        for (si, s) in sequences.enumerated() {
            let sk = several ? si + 1 : nil
            for f in s.forward {
                for q in forward { add(sk, f.t, q, q.count(c)) }
                keys.append(TraceKey(sequence: sk, t: f.t, .stepLoss))
            }
            if several { keys.append(TraceKey(sequence: sk, .loss)) }
        }
        keys.append(TraceKey(.loss))
        for (si, s) in sequences.enumerated() {
            let sk = several ? si + 1 : nil
            for b in s.backward { for q in backward { add(sk, b.t, q, q.count(c)) } }
            for b in s.backward { add(sk, b.t, TraceKey.Kind.stepGradient) }
            if several { add(sk, nil, TraceKey.Kind.gradient) }
        }
        add(nil, nil, TraceKey.Kind.gradient)
        add(nil, nil, TraceKey.Kind.update)
        keys += training.losses.indices.map { TraceKey(.trainingLoss, [$0 + 1]) }
        add(nil, nil, TraceKey.Kind.trained)
        if let apply {
            for f in apply.steps {
                var quantities: [(TraceKey.ApplyQuantity, Int)] = [(.x, c.inputSize), (.h, H), (.y, c.outputSize)]
                if apply.expected != nil { quantities.append((.expected, c.outputSize)) }
                for (q, n) in quantities { keys += (0..<n).map { TraceKey(t: f.t, .apply(q), [$0 + 1]) } }
            }
        }
        return keys
    }

    /// Every scalar of the trace under its key, in the order of `keys`.
    public var entries: [TraceEntry] {
        keys.compactMap { key in value(at: key).map { TraceEntry(key: key, value: $0) } }
    }

    /// The value a key names in this trace, or nil when the key does not exist here (a timestep,
    /// sequence or index out of range, `rh` under after_matmul, an `sK.` prefix on a
    /// one-sequence lesson, a parameter the model does not use, …).
    public func value(at key: TraceKey) -> Double? {
        let c = config
        // Which sequence a key refers to: sK. with several sequences, none with one.
        func sequence() -> SequenceTrace? {
            if keysNameSequences {
                guard let k = key.sequence, sequences.indices.contains(k - 1) else { return nil }
                return sequences[k - 1]
            }
            return key.sequence == nil ? sequences.first : nil
        }
        func lessonWide() -> Bool { key.sequence == nil && key.t == nil }
        func parameter(_ p: Parameters, _ name: ParameterName) -> Double? {
            guard ParameterName.used(by: c).contains(name) else { return nil }
            let (rows, cols) = name.shape(c)
            let values = p[name]
            if name.isVector { return Self.entry(values, key.index) }
            guard key.index.count == 2, key.index[0] >= 1, key.index[0] <= rows, key.index[1] >= 1, key.index[1] <= cols else { return nil }
            return values[(key.index[0] - 1) * cols + key.index[1] - 1]
        }

        switch key.kind {
        case .learningRate:
            return lessonWide() && key.index.isEmpty ? update.learningRate : nil
        case .parameter(let name):
            return lessonWide() ? parameter(parameters, name) : nil
        case .h0:
            return lessonWide() ? Self.entry(h0, key.index) : nil
        case .update(let name):
            return lessonWide() ? parameter(update.parameters, name) : nil
        case .trained(let name):
            return lessonWide() ? parameter(training.parameters, name) : nil
        case .trainingLoss:
            return lessonWide() ? Self.entry(training.losses, key.index) : nil
        case .loss:
            guard key.t == nil, key.index.isEmpty else { return nil }
            if key.sequence == nil { return loss }
            return keysNameSequences ? sequence()?.loss : nil
        case .gradient(let name):
            guard key.t == nil else { return nil }
            if key.sequence == nil { return parameter(gradients, name) }
            guard keysNameSequences, let s = sequence() else { return nil }
            return parameter(s.gradients, name)
        case .stepLoss:
            guard key.index.isEmpty, let t = key.t, let s = sequence(), s.forward.indices.contains(t - 1) else { return nil }
            return s.forward[t - 1].loss
        case .stepGradient(let name):
            guard let t = key.t, let s = sequence(), let b = s.backward.first(where: { $0.t == t }) else { return nil }
            return parameter(b.grads, name)
        case .step(let q):
            guard let t = key.t, let s = sequence(), s.forward.indices.contains(t - 1) else { return nil }
            if q.isBackward {
                guard let b = s.backward.first(where: { $0.t == t }) else { return nil }
                return Self.entry(b[q], key.index)
            }
            return Self.entry(s.forward[t - 1][q], key.index)
        case .apply(let q):
            guard key.sequence == nil, let t = key.t, let apply, apply.steps.indices.contains(t - 1) else { return nil }
            let f = apply.steps[t - 1]
            switch q {
            case .x: return Self.entry(f.x, key.index)
            case .h: return Self.entry(f.h, key.index)
            case .y: return Self.entry(f.y, key.index)
            case .expected:
                guard let expected = apply.expected, expected.indices.contains(t - 1) else { return nil }
                return Self.entry(expected[t - 1], key.index)
            }
        }
    }

    /// `values[i − 1]` for a one-element, 1-based index in range.
    private static func entry(_ values: [Double]?, _ index: [Int]) -> Double? {
        guard let values, index.count == 1, index[0] >= 1, index[0] <= values.count else { return nil }
        return values[index[0] - 1]
    }
}

extension StepForward {
    /// A forward quantity by its key name; nil for backward names and for `rh`/`n_h` under the
    /// other reset placement.
    public subscript(q: TraceKey.StepQuantity) -> [Double]? {
        switch q {
        case .x: return x
        case .aZ: return aZ
        case .z: return z
        case .aR: return aR
        case .r: return r
        case .rh: return rh
        case .nH: return nH
        case .aH: return aH
        case .hTilde: return hTilde
        case .h: return h
        case .y: return y
        case .target: return target
        case .dy, .dhOut, .dhRec, .dh, .dz, .dhTilde, .daH, .drh, .dnH, .dr, .daR, .daZ, .dhPrev: return nil
        }
    }
}

extension StepBackward {
    /// A backward quantity by its key name; nil for forward names and for `drh`/`dn_h` under the
    /// other reset placement.
    public subscript(q: TraceKey.StepQuantity) -> [Double]? {
        switch q {
        case .dy: return dy
        case .dhOut: return dhOut
        case .dhRec: return dhRec
        case .dh: return dh
        case .dz: return dz
        case .dhTilde: return dhTilde
        case .daH: return daH
        case .drh: return drh
        case .dnH: return dnH
        case .dr: return dr
        case .daR: return daR
        case .daZ: return daZ
        case .dhPrev: return dhPrev
        case .x, .aZ, .z, .aR, .r, .rh, .nH, .aH, .hTilde, .h, .y, .target: return nil
        }
    }
}
