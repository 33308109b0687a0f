/// Numbers for display. Only the text is rounded; the Double it comes from is never changed.
///
/// Rounding works on the shortest decimal text that reads back as the same Double (Swift's
/// `description`) and rounds half away from zero, so 0.12345 shows as 0.1235 at 4 digits: the
/// digits a reader sees in the lesson file round the way they would on paper.
public struct NumberFormat: Equatable, Sendable {
    /// Decimal places of a computed value.
    public var digits: Int

    public init(digits: Int) {
        self.digits = max(0, digits)
    }

    /// Magnitudes from here on are written in e-notation (`2.2701e302`), never as a wall of digits.
    public static let scientificFrom = 1e6

    /// A computed value with exactly `digits` decimals: `0.5987`, `−0.2634`, `2.0000`.
    /// Negative numbers use the minus sign U+2212 (the ASCII fallback turns it into `-`).
    /// From 10⁶ on, e-notation with `digits` decimals in the mantissa: `2.2701e302`.
    public func value(_ x: Double) -> String {
        if x.isFinite && x.magnitude >= Self.scientificFrom { return scientific(x) }
        return Self.fixed(x, decimals: digits)
    }

    /// A value the lesson gives (a parameter, an input, a target, the learning rate): as written,
    /// `0.3`, `1`, `0.05`, when it has no more than `digits` decimals; otherwise rounded to
    /// `digits` decimals without trailing zeros, so that 0.1·3 = 0.30000000000000004 (a scaled
    /// input) shows as `0.3` like its neighbours.
    public func given(_ x: Double) -> String {
        guard x.isFinite else { return Self.fixed(x, decimals: 0) }
        if x.magnitude >= Self.scientificFrom {
            // As written, too: no trailing zeros in the mantissa (1e20, 2.5e6).
            let parts = scientific(x).split(separator: "e")
            var mantissa = Substring(parts[0])
            if mantissa.contains(".") {
                while mantissa.last == "0" { mantissa.removeLast() }
                if mantissa.last == "." { mantissa.removeLast() }
            }
            return mantissa + "e" + parts[1]
        }
        var d = DecimalDigits(x)
        let decimals = max(0, d.digits.count - d.point)
        if decimals <= digits { return Self.fixed(x, decimals: decimals) }
        d.round(toDecimals: digits)
        while d.digits.count > 1, d.digits.last == 0 { d.digits.removeLast() }
        return Self.fixed(x, decimals: max(0, min(digits, d.digits.count - d.point)))
    }

    /// `d.dddde±n` with `digits` decimals in the mantissa.
    func scientific(_ x: Double) -> String {
        var d = DecimalDigits(x)
        var exponent = d.point - 1
        d.point = 1
        d.round(toDecimals: digits)
        if d.point > 1 { exponent += 1; d.point = 1 }   // 9.99996 rounds to 10.0000
        let mantissa = Self.fixed(digits: d, negative: x < 0, decimals: digits)
        return mantissa + "e" + (exponent < 0 ? "−" : "") + String(abs(exponent))
    }

    /// Like `value`, but a number that would show as zero keeps two significant digits in
    /// e-notation (`1.2e−6`), for the axis of a plot.
    public func short(_ x: Double) -> String {
        var d = DecimalDigits(x)
        guard x != 0, x.isFinite, d.point + digits <= 0 else { return value(x) }
        // |x| = 0.d₀d₁… × 10^point = d₀.d₁… × 10^(point − 1); keep two significant digits.
        var exponent = d.point - 1
        d.point = 1
        d.round(toDecimals: 1)
        if d.point > 1 { exponent += 1; d.point = 1 }   // 9.96 rounds to 10.0, which is 1.0 × 10
        let shown = d.digits + [0, 0]
        return (x < 0 ? "−" : "") + "\(shown[0]).\(shown[1])e" + (exponent < 0 ? "−" : "") + String(abs(exponent))
    }

    /// `value` for a factor inside an expression: negative numbers in parentheses, `(−0.2634)`.
    public func operand(_ x: Double) -> String {
        parenthesized(value(x))
    }

    /// `given` for a factor inside an expression.
    public func givenOperand(_ x: Double) -> String {
        parenthesized(given(x))
    }

    /// A vector of computed values: `[0.1855, 0.1855]`.
    public func vector(_ v: [Double]) -> String {
        "[" + v.map(value).joined(separator: ", ") + "]"
    }

    /// A vector of given values: `[0, 0]`.
    public func givenVector(_ v: [Double]) -> String {
        "[" + v.map(given).joined(separator: ", ") + "]"
    }

    /// A one-element vector as its number, anything longer as a vector: `2` or `[2, 3]`.
    public func compact(_ v: [Double], given isGiven: Bool = false) -> String {
        if v.count == 1 { return isGiven ? given(v[0]) : value(v[0]) }
        return isGiven ? givenVector(v) : vector(v)
    }

    private func parenthesized(_ s: String) -> String {
        s.hasPrefix("−") ? "(" + s + ")" : s
    }

    /// `x` rounded half away from zero to `decimals` places, written out without an exponent.
    static func fixed(_ x: Double, decimals: Int) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "−∞" : "∞" }
        var d = DecimalDigits(x)
        d.round(toDecimals: decimals)
        return fixed(digits: d, negative: x.sign == .minus && x != 0, decimals: decimals)
    }

    /// Rounded digits written out with `decimals` places.
    static func fixed(digits d: DecimalDigits, negative: Bool, decimals: Int) -> String {
        let sign = negative ? "−" : ""
        var integer = "0"
        if d.point > 0 {
            integer = (0..<d.point).map { $0 < d.digits.count ? String(d.digits[$0]) : "0" }.joined()
        }
        guard decimals > 0 else { return sign + integer }
        var fraction = ""
        for k in 0..<decimals {
            let index = d.point + k
            fraction += index >= 0 && index < d.digits.count ? String(d.digits[index]) : "0"
        }
        return sign + integer + "." + fraction
    }
}

/// The decimal digits of |x| and where the decimal point goes: |x| = 0.d₀d₁d₂… × 10^point.
/// So 0.4 is digits [4], point 0; 12.5 is digits [1, 2, 5], point 2; 0.05 is digits [5], point −1.
struct DecimalDigits {
    var digits: [Int]
    var point: Int

    init(_ x: Double) {
        let text = x.magnitude.description            // shortest round-trip: "0.4", "1e-05", "1.5e+20"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let dot = mantissa.firstIndex(of: ".")
        let integerPart = dot.map { mantissa[..<$0] } ?? mantissa
        var all = mantissa.compactMap { $0.wholeNumberValue }
        var point = integerPart.count + exponent
        while let first = all.first, first == 0, all.count > 1 { all.removeFirst(); point -= 1 }
        while let last = all.last, last == 0, all.count > 1 { all.removeLast() }
        if all == [0] { point = 1 }
        digits = all
        self.point = point
    }

    /// Rounds half away from zero, keeping `decimals` digits after the point.
    mutating func round(toDecimals decimals: Int) {
        let keep = point + decimals                 // how many leading digits survive
        guard keep < digits.count else { return }
        if keep < 0 { digits = [0]; point = 1; return }
        let roundUp = digits[keep] >= 5
        digits = Array(digits.prefix(keep))
        if roundUp {
            var k = digits.count - 1
            while k >= 0 && digits[k] == 9 { digits[k] = 0; k -= 1 }
            if k >= 0 { digits[k] += 1 } else { digits.insert(1, at: 0); point += 1 }
        }
        if digits.isEmpty { digits = [0]; point = 1 }
    }
}
