/// A syntax error, with the 1-based line and column where it was found, and what is wrong there
/// as data (`Reason`): the words, in each language, are in GRURender's catalogue
/// (`JSONSyntaxError.Reason.text(_:)`), so that a Chinese user reads the reason in Chinese.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: Reason

    /// What stands where the parser stopped: a short quotation of the text (up to the next
    /// whitespace, `,`, `]` or `}`, about 12 bytes, control characters as `\u` escapes), or the
    /// end of the file.
    public enum Found: Equatable, Sendable {
        case text(String)
        case endOfFile
    }

    /// What is wrong, with what the parser expected and what it found.
    public enum Reason: Equatable, Sendable {
        // The document
        /// Nothing but white space (`UTF8Text.decode` has removed a byte order mark).
        case empty
        /// More after the one value a document holds.
        case afterTheEnd(Found)
        case nulByte
        case notUTF8(UTF8Problem)
        case tooDeep(limit: Int)
        // Values
        /// The file ends where a value must come (after `[`, `:` or `,`).
        case endOfFileInValue
        case expectedValue(Found)
        /// `NaN`, `Infinity`, `nan`, `inf`: what Python and C print for a number that is not finite.
        case notFinite(Found)
        case negativeInfinity
        /// `.5`: `digits` is what follows the point ("5"), for the fix `0.5`.
        case leadingDecimalPoint(Found, digits: String)
        case plusSign(Found)
        /// A word that is no literal, such as `tiny`: a string without its quotes.
        case unquotedString(Found)
        /// `tru`: the literal `word` (true, false, null) cut short.
        case literalCutShort(Found, word: String)
        case singleQuote
        case comment
        // Objects and arrays
        /// `closing` is "}" or "]".
        case trailingComma(closing: String)
        case expectedMemberName(Found)
        case duplicateKey(String)
        case expectedColon(key: String, Found)
        case expectedCommaOrBrace(key: String, Found)
        case expectedCommaOrBracket(Found)
        // Strings
        case unterminatedString
        case unterminatedEscape
        case lineBreakInString
        case tabInString
        /// A control character other than a line break or a tab, as `00XX`.
        case controlCharacter(hex: String)
        /// `\U`: the escape as written after the backslash (one character).
        case invalidEscape(String)
        case unicodeEscapeShort
        case unicodeEscapeDigit(Found)
        case invalidSurrogatePair
        /// `\uD800` alone: the escape's hex digits, upper case.
        case loneSurrogate(hex: String)
        // Numbers
        case leadingZero
        case hexadecimal(Found)
        case expectedDigit(Found)
        case expectedDigitAfterPoint(Found)
        case expectedDigitInExponent(Found)
    }

    /// A form for debugging; the command line words `reason` in the user's language.
    public var description: String { "line \(line), column \(column): \(reason)" }
}

/// A strict JSON (RFC 8259) reader over UTF-8 bytes.
///
/// Beyond the RFC it rejects duplicate keys and nesting deeper than `maxDepth`, and it names the
/// usual non-JSON tokens (`NaN`, `Infinity`, comments, trailing commas, single quotes) in its
/// reasons. Columns count Unicode scalars, so they match what an editor shows.
///
/// It reads text, not a file: a byte order mark is refused like any other character outside a
/// string. `UTF8Text.decode` turns a file into text first (it removes one mark, and reads UTF-16
/// and UTF-32), so that lines and columns are counted in the text after the mark.
public struct JSONParser {
    public static let maxDepth = 200

    /// The document's bytes, borrowed for the duration of `parse`. A buffer rather than an array,
    /// so that the small helpers below do not retain and release it at every byte.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var p = JSONParser(bytes: buffer)
            return try p.document()
        }
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Grammar

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        try checkUTF8()
        skipWhitespace()
        if i == bytes.count { throw error(.empty) }
        let v = try value()
        skipWhitespace()
        if i < bytes.count { throw error(.afterTheEnd(found())) }
        return v
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error(.endOfFileInValue) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        // "nan", "inf": what Python and C print for a number that is not finite.
        case UInt8(ascii: "n") where bytes[i...].starts(with: Array("nan".utf8)),
             UInt8(ascii: "i") where bytes[i...].starts(with: Array("inf".utf8)):
            throw error(.notFinite(found()))
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error(.notFinite(found()))
        case UInt8(ascii: "."):
            // ".5": JSON numbers start with a digit.
            var end = i + 1
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            let digits = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            if digits.isEmpty { throw error(.expectedValue(found())) }
            throw error(.leadingDecimalPoint(found(), digits: digits))
        case UInt8(ascii: "+"):
            throw error(.plusSign(found()))
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            throw error(.unquotedString(found()))
        default:
            throw commonMistake() ?? error(.expectedValue(found()))
        }
    }

    /// The message for a single quote or a comment where JSON needs a string or a value.
    private func commonMistake() -> JSONSyntaxError? {
        if peek(UInt8(ascii: "'")) { return error(.singleQuote) }
        if peek(UInt8(ascii: "/")) { return error(.comment) }
        return nil
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        i += 1  // {
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(JSONObject(members)) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                if peek(UInt8(ascii: "}")) { throw error(.trailingComma(closing: "}")) }
                throw commonMistake() ?? error(.expectedMemberName(found()))
            }
            // The position is worked out only for an error: counting the columns of every key
            // would take quadratic time on a long line.
            let keyStart = i
            let key = try string()
            if !seen.insert(key).inserted {
                i = keyStart   // a key holds no line break, so `line` still holds
                throw error(.duplicateKey(key))
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error(.expectedColon(key: key, found())) }
            i += 1
            skipWhitespace()
            members.append((key, try value()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(JSONObject(members)) }
            throw error(.expectedCommaOrBrace(key: key, found()))
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        i += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { throw error(.trailingComma(closing: "]")) }
            elements.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(elements) }
            throw error(.expectedCommaOrBracket(found()))
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw error(.tooDeep(limit: JSONParser.maxDepth))
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error(.unterminatedString) }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw error(.unterminatedEscape) }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), bytes[i...].starts(with: [0x5C, UInt8(ascii: "u")]) {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error(.invalidSurrogatePair) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else {
                        throw error(.loneSurrogate(hex: String(scalar, radix: 16, uppercase: true)))
                    }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    i -= 1
                    var end = i + 1
                    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }   // the whole character
                    let shown = JSONWriter.oneLine(String(decoding: bytes[i..<end], as: UTF8.self))
                    throw error(.invalidEscape(shown))
                }
            case 0x00..<0x20:
                switch b {
                case 0x0A: throw error(.lineBreakInString)
                case 0x09: throw error(.tabInString)
                default: throw error(.controlCharacter(hex: hex(b)))
                }
            default:
                out.append(b)
                i += 1
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error(.unicodeEscapeShort) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error(.unicodeEscapeDigit(found()))
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = i
        if peek(UInt8(ascii: "-")) {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "I") {
                throw error(.negativeInfinity)
            }
        }
        guard i < bytes.count, isDigit(bytes[i]) else { throw error(.expectedDigit(found())) }
        if bytes[i] == UInt8(ascii: "0"), i + 1 < bytes.count, isDigit(bytes[i + 1]) {
            throw error(.leadingZero)
        }
        if bytes[i] == UInt8(ascii: "0"), i + 1 < bytes.count, bytes[i + 1] | 0x20 == UInt8(ascii: "x") {
            throw error(.hexadecimal(found()))
        }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        if peek(UInt8(ascii: ".")) {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error(.expectedDigitAfterPoint(found())) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error(.expectedDigitInExponent(found())) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let literal = String(decoding: bytes[start..<i], as: UTF8.self)
        // Every literal of the JSON grammar parses; a too-large one becomes ±∞ and is judged later.
        let value = Double(literal) ?? .nan
        return JSONNumber(literal: literal, value: value)
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard bytes[i...].starts(with: w) else {
            // "tru" is true cut short; "tiny" is a string without its quotes.
            var end = i
            while end < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) { end += 1 }
            throw error(w.starts(with: bytes[i..<end]) ? .literalCutShort(found(), word: word) : .unquotedString(found()))
        }
        i += w.count
    }

    // MARK: Helpers

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09: i += 1
            // A line ends at \n, at \r\n, and at a \r alone (old Mac files), as in an editor.
            case 0x0D:
                i += 1
                if !peek(0x0A) { line += 1; lineStart = i }
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    /// 1-based (line, column), counting Unicode scalars in the column.
    private func position() -> (Int, Int) {
        let column = bytes[lineStart..<min(i, bytes.count)].reduce(1) { n, b in (b & 0xC0) == 0x80 ? n : n + 1 }
        return (line, column)
    }

    /// A short quotation of what stands at the current position, for messages: up to the next
    /// whitespace, `,`, `]` or `}`, and at most about 12 bytes.
    private func found() -> JSONSyntaxError.Found {
        guard i < bytes.count else { return .endOfFile }
        var end = i
        while end < bytes.count, end - i < 12, ![0x20, 0x0A, 0x0D, 0x09, 0x2C, 0x5D, 0x7D].contains(bytes[end]) { end += 1 }
        if end == i { end = i + 1 }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }   // never split a character
        // Control characters are shown as \u escapes, so that the message stays on one line.
        return .text(JSONWriter.oneLine(String(decoding: bytes[i..<end], as: UTF8.self)))
    }

    private func error(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
        let (l, c) = position()
        return JSONSyntaxError(line: l, column: c, reason: reason)
    }

    private func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "00" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }

    /// Rejects bytes that are not UTF-8 before parsing. A lesson file is refused before it gets
    /// here, by `UTF8Text.decode` with a guess at what it is; this keeps any other caller safe.
    private mutating func checkUTF8() throws(JSONSyntaxError) {
        guard let problem = UTF8Problem.first(in: bytes) else { return }
        i = problem.offset; line = problem.line; lineStart = problem.lineStart
        throw error(problem.byte == 0 ? .nulByte : .notUTF8(problem))
    }
}
