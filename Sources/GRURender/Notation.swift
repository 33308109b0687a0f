/// A timestep as it appears in a formula: a number (`x₁`, `h₀`) or the symbol t with an offset
/// (`xₜ`, `hₜ₋₁`, `hₜ₊₁`).
public enum Step: Hashable, Sendable {
    case number(Int)
    case symbolic(offset: Int)

    /// The symbol t.
    public static let t = Step.symbolic(offset: 0)

    /// This step moved by `delta`: `.number(2) + (−1)` is `.number(1)`, `t + (−1)` is `t−1`.
    public static func + (step: Step, delta: Int) -> Step {
        switch step {
        case .number(let n): return .number(n + delta)
        case .symbolic(let o): return .symbolic(offset: o + delta)
        }
    }

    /// The subscript: `₁`, `ₜ`, `ₜ₋₁`.
    public var sub: String {
        switch self {
        case .number(let n): return Notation.subscripted(String(n))
        case .symbolic(let o):
            if o == 0 { return "ₜ" }
            return "ₜ" + (o < 0 ? "₋" : "₊") + Notation.subscripted(String(abs(o)))
        }
    }
}

/// Subscripts and the ASCII fallback for every symbol the walkthrough uses.
public enum Notation {

    /// Digits and signs as Unicode subscripts: "12" → "₁₂".
    public static func subscripted(_ text: String) -> String {
        String(text.map { subscripts[$0] ?? $0 })
    }

    /// The same text with only ASCII symbols (CJK text is kept): `σ(Wz·x₁)` → `sigmoid(Wz*x_1)`,
    /// `r⊙h` → `r.*h` (element-wise, as in MATLAB and Octave, apart from the product `*`),
    /// `h̃₁` → `h~_1`, `∂L/∂hₜ₋₁` → `dL/dh_(t-1)`, `Whyᵀ` → `Why^T`, box drawing → `+ - |`,
    /// circled digits → `(1)`, and the separator ` · ` → ` - `.
    public static func ascii(_ text: String) -> String {
        var out = ""
        var run = ""       // a run of subscript characters, turned into _1 or _(t-1)
        func flushRun() {
            guard !run.isEmpty else { return }
            let plain = String(run.map { fromSubscript[$0] ?? $0 })
            out += plain.contains(where: { $0 == "-" || $0 == "+" }) ? "_(" + plain + ")" : "_" + plain
            run = ""
        }
        // A spaced middle dot separates labels ("时间步 1 · 更新门"); unspaced, it multiplies.
        let text = text.replacing(" · ", with: " - ").replacing("½·", with: "½")
        for scalar in text.unicodeScalars {
            let ch = Character(scalar)
            if fromSubscript[ch] != nil { run.append(ch); continue }
            flushRun()
            if scalar.isASCII || DisplayWidth.isWide(scalar.value) {
                out.unicodeScalars.append(scalar)
            } else if let replacement = asciiFor[scalar] {
                out += replacement
            } else if let n = circledNumber(scalar) {
                out += "(\(n))"
            } else {
                out += "?"
            }
        }
        flushRun()
        return out
    }

    /// The number in a circled digit, as lesson notes number their points: ① → 1, ⑳ → 20.
    static func circledNumber(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1       // ① … ⑳
        case 0x24EA: return 0                                               // ⓪
        default: return nil
        }
    }

    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "−": "₋", "t": "ₜ", "(": "₍", ")": "₎",
    ]
    private static let fromSubscript: [Character: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₊": "+", "₋": "-", "ₜ": "t", "₍": "(", "₎": ")",
    ]

    /// One ASCII spelling per non-ASCII symbol in the output. A symbol missing here shows as `?`,
    /// which the tests catch.
    private static let asciiFor: [Unicode.Scalar: String] = [
        "σ": "sigmoid", "⊙": ".*", "·": "*", "×": "x", "−": "-", "½": "0.5*", "‖": "||", "∂": "d",
        "Σ": "sum", "\u{0303}": "~", "ᵀ": "^T", "²": "^2", "′": "'", "≤": "<=", "≥": ">=", "≈": "~",
        "≠": "!=", "→": "->", "←": "<-", "↓": "v", "↑": "^", "…": "...", "η": "lr", "θ": "theta", "∞": "inf", "—": "--",
        "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'", "•": "*", "▸": ">", "│": "|", "─": "-",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "━": "=", "═": "=", "\u{00A0}": " ", "ε": "eps", "✓": "+", "✗": "x",
        "√": "sqrt ",
    ]
}
