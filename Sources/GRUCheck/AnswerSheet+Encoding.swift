import GRUJSON

extension SheetError {
    /// Why a sheet is not UTF-8 text, with what it probably is instead. A Chinese Windows editor
    /// saves text as GBK ("ANSI") or UTF-16 ("Unicode"); read as UTF-8, every line of such a file
    /// would be a problem of its own, so the whole file gets one.
    public enum NotUTF8: Equatable, Sendable {
        /// The bytes above 0x7F pair up as GBK and GB18030 encode Chinese characters.
        case gbk(UTF8Problem)
        /// Many NUL bytes, nearly all at even or all at odd offsets: ASCII in UTF-16, without the
        /// byte order mark that would let it be read.
        case utf16WithoutBOM
        /// A NUL byte anywhere otherwise: a binary file. The problem is the first of the file.
        case binary(UTF8Problem)
        /// Anything else: a stray byte, a character cut short.
        case other(UTF8Problem)
        /// A byte order mark of UTF-16 or UTF-32 (`UTF-16LE`, …), followed by something that is not
        /// text in that encoding.
        case notAsMarked(encoding: String)

        /// The message after `file: `, one line.
        var text: String {
            let fix = "save it as UTF-8 and check it again"
            func place(_ p: UTF8Problem, _ what: String) -> String { "line \(p.line), column \(p.column): \(what)" }
            switch self {
            case .gbk(let p):
                return "the file is not UTF-8 text (\(place(p, "byte \(p.hex)"))); it is probably GBK or GB18030, "
                    + "which a Chinese Windows editor calls 'ANSI'; \(fix)"
            case .utf16WithoutBOM:
                return "the file is not UTF-8 text (many of its bytes are 0x00); it is probably UTF-16 without a byte order mark; \(fix)"
            case .binary(let p):
                return "the file is not UTF-8 text (\(place(p, p.description))); it looks like a binary file, not an answers sheet"
            case .other(let p):
                return "the file is not UTF-8 text (\(place(p, p.description))); is it a binary file? If it is text, \(fix)"
            case .notAsMarked(let encoding):
                return "the file starts with the byte order mark of \(encoding) but is not \(encoding) text; \(fix)"
            }
        }
    }
}

extension AnswerSheet {

    /// The sheet as UTF-8 text, without a byte order mark. A file that starts with the byte
    /// order mark of UTF-16 or UTF-32 is converted, as an editor reads it. Anything else that is
    /// not UTF-8 text, or that holds a NUL byte, is refused as a whole, with what it probably is.
    public static func utf8Text(_ bytes: [UInt8]) throws(SheetError) -> [UInt8] {
        var text = bytes
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        let marks: [(mark: [UInt8], name: String, decode: (ArraySlice<UInt8>) -> [UInt8]?)] = [
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE", { decode($0, as: UTF32.self, bigEndian: false) }),
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE", { decode($0, as: UTF32.self, bigEndian: true) }),
            ([0xFF, 0xFE], "UTF-16LE", { decode($0, as: UTF16.self, bigEndian: false) }),
            ([0xFE, 0xFF], "UTF-16BE", { decode($0, as: UTF16.self, bigEndian: true) }),
            ([0xEF, 0xBB, 0xBF], "UTF-8", { Array($0) }),
        ]
        if let (mark, name, decode) = marks.first(where: { bytes.starts(with: $0.mark) }) {
            guard let decoded = decode(bytes.dropFirst(mark.count)) else {
                throw SheetError(line: nil, .notUTF8(.notAsMarked(encoding: name)))
            }
            text = decoded
        }
        guard let problem = UTF8Problem.first(in: text) else { return text }
        let reason: SheetError.NotUTF8
        if text.contains(0) {
            reason = looksLikeUTF16(text) ? .utf16WithoutBOM : .binary(problem)
        } else {
            reason = looksLikeGBK(text) ? .gbk(problem) : .other(problem)
        }
        throw SheetError(line: nil, .notUTF8(reason))
    }

    /// The text of code units of `encoding`, `width` bytes each, as UTF-8; nil when it does not
    /// decode (a lone surrogate, a cut code unit).
    private static func decode<E: Unicode.Encoding>(_ bytes: ArraySlice<UInt8>, as encoding: E.Type,
                                                    bigEndian: Bool) -> [UInt8]? where E.CodeUnit: FixedWidthInteger {
        let width = E.CodeUnit.bitWidth / 8
        guard bytes.count % width == 0 else { return nil }
        var units: [E.CodeUnit] = []
        units.reserveCapacity(bytes.count / width)
        var k = bytes.startIndex
        while k < bytes.endIndex {
            var unit: E.CodeUnit = 0
            for b in 0..<width {
                unit = unit << 8 | E.CodeUnit(bytes[k + (bigEndian ? b : width - 1 - b)])
            }
            units.append(unit)
            k += width
        }
        return String(validating: units, as: E.self).map { Array($0.utf8) }
    }

    /// A quarter of the bytes or more are NUL, at least four, and nine in ten of them share the
    /// parity of their offset: the high (or low) halves of ASCII characters in UTF-16.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        var nul = [0, 0]
        for (k, b) in bytes.enumerated() where b == 0 { nul[k & 1] += 1 }
        let most = max(nul[0], nul[1]), all = nul[0] + nul[1]
        return all >= 4 && all * 4 >= bytes.count && most * 10 >= all * 9
    }

    /// No control characters but tab and line ends, and every byte above 0x7F part of a GBK
    /// pair (0x81–0xFE, then 0x40–0x7E or 0x80–0xFE) or of a four-byte GB18030 sequence
    /// (0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39). A heuristic: Big5 and Shift-JIS text
    /// passes too, and the message says "probably".
    static func looksLikeGBK(_ bytes: [UInt8]) -> Bool {
        let lead: ClosedRange<UInt8> = 0x81...0xFE, digit: ClosedRange<UInt8> = 0x30...0x39
        var k = 0, pairs = 0
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            if b < 0x80 {
                guard b >= 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return false }
                k += 1
            } else if lead.contains(b), k + 1 < n, (0x40...0x7E).contains(bytes[k + 1]) || (0x80...0xFE).contains(bytes[k + 1]) {
                k += 2
                pairs += 1
            } else if lead.contains(b), k + 3 < n, digit.contains(bytes[k + 1]), lead.contains(bytes[k + 2]), digit.contains(bytes[k + 3]) {
                k += 4
                pairs += 1
            } else {
                return false
            }
        }
        return pairs > 0
    }
}
