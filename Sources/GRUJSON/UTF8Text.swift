/// Why a file is not UTF-8 text, with what it probably is instead. A Chinese Windows editor
/// saves text as GBK ("ANSI") or UTF-16 ("Unicode"); read as UTF-8, such a file would fail at
/// its first Chinese character or its first NUL byte, and "is it a binary file?" would mislead.
/// Each reader words the guess in its own message: a lesson (`LessonDecoder`), an answers sheet
/// (`SheetError`).
public enum NotUTF8: Error, Equatable, Sendable {
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
}

/// The text of a file, as UTF-8: what lesson files and answer sheets are read from.
public enum UTF8Text {

    /// The file's text as UTF-8, without a byte order mark. A file that starts with the byte
    /// order mark of UTF-16 or UTF-32 is converted, as an editor reads it. Anything else that is
    /// not UTF-8 text, or that holds a NUL byte, is refused as a whole, with what it probably is.
    ///
    /// The result holds the same characters and the same line ends as the file, so a line and a
    /// column counted in it, in Unicode scalars after the mark, are those an editor shows for
    /// the file in any of these encodings. The places in `NotUTF8` are counted so too.
    public static func decode(_ file: [UInt8]) throws(NotUTF8) -> [UInt8] {
        var text = file
        // UTF-32 first: its little-endian mark begins with UTF-16's.
        let marks: [(mark: [UInt8], name: String, decode: (ArraySlice<UInt8>) -> [UInt8]?)] = [
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE", { transcode($0, from: UTF32.self, bigEndian: false) }),
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE", { transcode($0, from: UTF32.self, bigEndian: true) }),
            ([0xFF, 0xFE], "UTF-16LE", { transcode($0, from: UTF16.self, bigEndian: false) }),
            ([0xFE, 0xFF], "UTF-16BE", { transcode($0, from: UTF16.self, bigEndian: true) }),
            ([0xEF, 0xBB, 0xBF], "UTF-8", { Array($0) }),
        ]
        if let (mark, name, decode) = marks.first(where: { file.starts(with: $0.mark) }) {
            guard let decoded = decode(file.dropFirst(mark.count)) else { throw .notAsMarked(encoding: name) }
            text = decoded
        }
        guard let problem = UTF8Problem.first(in: text) else { return text }
        if text.contains(0) {
            throw looksLikeUTF16(text) ? .utf16WithoutBOM : .binary(problem)
        }
        throw looksLikeGBK(text) ? .gbk(problem) : .other(problem)
    }

    /// The text of code units of `encoding`, `width` bytes each, as UTF-8; nil when it does not
    /// decode (a lone surrogate, a cut code unit).
    private static func transcode<E: Unicode.Encoding>(_ bytes: ArraySlice<UInt8>, from encoding: E.Type,
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
    public static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        var nul = [0, 0]
        for (k, b) in bytes.enumerated() where b == 0 { nul[k & 1] += 1 }
        let most = max(nul[0], nul[1]), all = nul[0] + nul[1]
        return all >= 4 && all * 4 >= bytes.count && most * 10 >= all * 9
    }

    /// No control characters but tab and line ends, and every byte above 0x7F part of a GBK
    /// pair (0x81–0xFE, then 0x40–0x7E or 0x80–0xFE) or of a four-byte GB18030 sequence
    /// (0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39). A heuristic: Big5 and Shift-JIS text
    /// passes too, and the messages say "probably".
    public static func looksLikeGBK(_ bytes: [UInt8]) -> Bool {
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
