/// Writes a `JSONValue` as indented JSON text.
///
/// Objects keep their member order, so output is stable byte for byte. Arrays of numbers (vectors)
/// and arrays of such arrays (matrices) stay on one line, which keeps a trace readable.
/// Numbers are written with their literal, which for computed values is the shortest text that
/// reads back to the same Double. A non-finite number is written as `null` (JSON has no NaN).
public enum JSONWriter {
    public static func write(_ value: JSONValue, indent: String = "  ") -> String {
        var out = ""
        write(value, into: &out, level: 0, indent: indent)
        out += "\n"
        return out
    }

    /// `value` as it appears nested `level` deep in a document written by `write` (no newline).
    public static func fragment(_ value: JSONValue, level: Int, indent: String = "  ") -> String {
        var out = ""
        write(value, into: &out, level: level, indent: indent)
        return out
    }

    /// A member name as written: quoted and escaped.
    public static func key(_ name: String) -> String {
        var out = ""
        writeString(name, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, level: Int, indent: String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.value.isFinite ? n.literal : "null"
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            if isCompact(value) {
                out += "["
                for (k, e) in elements.enumerated() {
                    if k > 0 { out += ", " }
                    write(e, into: &out, level: level, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (k, e) in elements.enumerated() {
                out += String(repeating: indent, count: level + 1)
                write(e, into: &out, level: level + 1, indent: indent)
                out += k + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: indent, count: level) + "]"
        case .object(let o):
            if o.members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (k, m) in o.members.enumerated() {
                out += String(repeating: indent, count: level + 1)
                writeString(m.key, into: &out)
                out += ": "
                write(m.value, into: &out, level: level + 1, indent: indent)
                out += k + 1 < o.members.count ? ",\n" : "\n"
            }
            out += String(repeating: indent, count: level) + "}"
        }
    }

    /// A vector or a matrix of scalars: written on one line.
    private static func isCompact(_ v: JSONValue) -> Bool {
        guard case .array(let elements) = v else { return true }
        return elements.allSatisfy { e in
            switch e {
            case .array(let inner): return inner.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            case .object: return false
            default: return true
            }
        }
    }

    /// `s` with every control character (U+0000–U+001F, U+007F–U+009F), the line and paragraph
    /// separators U+2028 and U+2029, and the invisible characters (the zero-width space, direction
    /// marks, embeddings and isolates, word joiners, the byte order mark; not the joiners that
    /// emoji and scripts need) written as `\u` escapes, so that a
    /// message quoting it stays on one line, shows what is there, and cannot send a terminal an
    /// escape sequence.
    public static func oneLine(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x00..<0x20, 0x7F...0x9F, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
                out += unicodeEscape(u)
            default:
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// "U+001B": how a message names a character, four hex digits or more.
    public static func codePoint(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `\u001B` for U+001B: four uppercase hex digits.
    private static func unicodeEscape(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `s` as a JSON string literal: in double quotes, with `"`, `\\` and control characters escaped.
    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Every character that is escaped is ASCII, so the text between two of them is copied
        // whole (a byte below 0x80 is never part of a longer character's UTF-8). The runs are cut
        // by Unicode scalars: cut by Characters, a combining mark after `"` would take the quote
        // with it.
        let utf8 = s.utf8, scalars = s.unicodeScalars
        var copied = utf8.startIndex
        for i in utf8.indices {
            let escape: String
            switch utf8[i] {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0x00...0x1F: escape = unicodeEscape(Unicode.Scalar(utf8[i]))
            default: continue
            }
            out += Substring(scalars[copied..<i])
            out += escape
            copied = utf8.index(after: i)
        }
        out += Substring(scalars[copied...])
        out += "\""
    }
}
