/// The first place where a file stops being UTF-8 text: a byte that is not well-formed UTF-8
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or a NUL byte, which no
/// text file holds. Lesson files (`JSONParser`) and answer sheets both refuse a file with it.
public struct UTF8Problem: Equatable, Sendable, CustomStringConvertible {
    /// The offset of the byte in the file.
    public var offset: Int
    /// The byte: 0x00 for a NUL.
    public var byte: UInt8
    /// Its 1-based line, counted as an editor counts (`\n`, `\r\n` and a lone `\r` end a line).
    public var line: Int
    /// The offset where that line starts.
    public var lineStart: Int
    /// Its 1-based column, in Unicode scalars, so that it matches what an editor shows.
    public var column: Int

    /// "invalid byte 0xFF"; "an incomplete or invalid UTF-8 sequence starting with byte 0xE5"
    /// for a byte that starts a sequence whose continuation is missing or wrong; "a NUL byte".
    public var description: String {
        if byte == 0 { return "a NUL byte" }
        return (0xC2...0xF4).contains(byte)
            ? "an incomplete or invalid UTF-8 sequence starting with byte \(hex)"
            : "invalid byte \(hex)"
    }

    /// The byte as `0xE5`.
    public var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    /// The first problem of `bytes`, or nil when they are UTF-8 text.
    public static func first(in bytes: UnsafeBufferPointer<UInt8>) -> UTF8Problem? {
        var k = 0
        var line = 1, lineStart = 0
        let n = bytes.count
        func continuation(_ at: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            at < n && range.contains(bytes[at])
        }
        while k < n {
            let b = bytes[k]
            // Most bytes are ASCII from space to DEL: passed over before the switch's range patterns.
            if b >= 0x20 && b < 0x80 { k += 1; continue }
            var width = 1
            switch b {
            case 0x00:
                width = 0
            case 0x0A:
                line += 1; lineStart = k + 1
            case 0x0D:
                if k + 1 == n || bytes[k + 1] != 0x0A { line += 1; lineStart = k + 1 }
            case 0x01..<0x80:
                break
            case 0xC2...0xDF:
                width = continuation(k + 1) ? 2 : 0
            case 0xE0:
                width = continuation(k + 1, 0xA0...0xBF) && continuation(k + 2) ? 3 : 0
            case 0xED:
                width = continuation(k + 1, 0x80...0x9F) && continuation(k + 2) ? 3 : 0
            case 0xE1...0xEF:
                width = continuation(k + 1) && continuation(k + 2) ? 3 : 0
            case 0xF0:
                width = continuation(k + 1, 0x90...0xBF) && continuation(k + 2) && continuation(k + 3) ? 4 : 0
            case 0xF1...0xF3:
                width = continuation(k + 1) && continuation(k + 2) && continuation(k + 3) ? 4 : 0
            case 0xF4:
                width = continuation(k + 1, 0x80...0x8F) && continuation(k + 2) && continuation(k + 3) ? 4 : 0
            default:
                width = 0
            }
            if width == 0 {
                // Everything before k on this line is UTF-8: count its scalars.
                let column = bytes[lineStart..<k].reduce(1) { c, byte in (byte & 0xC0) == 0x80 ? c : c + 1 }
                return UTF8Problem(offset: k, byte: b, line: line, lineStart: lineStart, column: column)
            }
            k += width
        }
        return nil
    }

    /// The first problem of `bytes`, or nil when they are UTF-8 text.
    public static func first(in bytes: [UInt8]) -> UTF8Problem? {
        bytes.withUnsafeBufferPointer { first(in: $0) }
    }
}
