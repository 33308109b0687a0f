/// A number as a student wrote it: its value and the precision the writing shows.
///
/// The precision is the place value of the last written digit (`unit`): 0.0001 for `0.1854`,
/// 0.01 for `0.50`, 1 for `12`, 0.001 for `1.854e-1`. A student who writes `0.1854` claims the
/// value to within half a unit, ±0.00005, and is marked on that claim.
public struct WrittenNumber: Equatable, Sendable, CustomStringConvertible {
    /// The number in ASCII, as read after full-width normalization (`０．５` reads as `0.5`).
    public var text: String
    /// The number exactly as the student wrote it (`０．５`, `−1.6822`), for quoting it back to
    /// them; `text` when it was not read from a sheet.
    public var written: String
    public var value: Double
    /// The place value of the last written digit.
    public var unit: Double

    /// Reads plain or scientific notation: `0.5987`, `-3.36`, `+2`, `.5`, `5.`, `5.987e-1`, `6E-1`,
    /// and a percent of either, `59.87%` (0.5987, unit 0.0001).
    /// Returns nil for anything else, including `nan`, `inf`, hexadecimal and numbers too large
    /// for a Double. `written` is the text before normalization, when it differs.
    public init?(_ text: String, written: String? = nil) {
        // A percent is hundredths: `59.87%` is 0.5987 to four decimals.
        if text.hasSuffix("%"), text.count > 1, !text.dropLast().hasSuffix("%"),
           let number = WrittenNumber(String(text.dropLast())) {
            self.text = text
            self.written = written ?? text
            self.value = number.value / 100
            self.unit = number.unit / 100
            return
        }
        let chars = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < chars.count, chars[i] >= UInt8(ascii: "0"), chars[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") { i += 1 }
        let whole = digits()
        var fraction = 0
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits()
        }
        guard whole + fraction > 0 else { return nil }
        var exponent = 0
        if i < chars.count, chars[i] == UInt8(ascii: "e") || chars[i] == UInt8(ascii: "E") {
            i += 1
            var negative = false
            if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
                negative = chars[i] == UInt8(ascii: "-")
                i += 1
            }
            let start = i
            guard digits() > 0, i - start <= 4, let e = Int(String(decoding: chars[start..<i], as: UTF8.self)) else { return nil }
            exponent = negative ? -e : e
        }
        guard i == chars.count, let value = Double(text), value.isFinite,
              let unit = Double("1e\(exponent - fraction)"), unit > 0 else { return nil }
        self.text = text
        self.written = written ?? text
        self.value = value
        self.unit = unit
    }

    /// True for a number written without a decimal point or an exponent: `0`, `12`, `-3`.
    public var isWholeNumber: Bool {
        !text.contains(".") && !text.contains("e") && !text.contains("E") && !text.hasSuffix("%")
    }

    /// How many decimals the writing shows: 4 for `0.1854`, 0 for `12` or `1.2e3`.
    public var decimals: Int {
        var d = 0
        var u = unit
        while u < 0.5 && d < 40 { u *= 10; d += 1 }
        return d
    }

    public var description: String { text }
}
