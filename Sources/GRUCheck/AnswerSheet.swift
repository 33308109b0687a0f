import GRUCore
import GRUJSON

/// One answer line of a filled worksheet.
public struct SheetLine: Equatable, Sendable {
    /// 1-based line number in the file.
    public var line: Int
    /// The key as written, after full-width normalization and with spaces removed.
    public var keyText: String
    /// nil when the student left the value blank or wrote `?`.
    public var value: WrittenNumber?
}

/// Why one line (or the whole sheet) cannot be read. `message(file:)` is the line printed on
/// stderr: `answers.txt:7: expected 'key = value', found 'z1 0.5987 0.6106'`.
public struct SheetError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        /// The line is neither a comment, a blank, nor `key = value`.
        case notKeyValue(found: String)
        /// The value is not one number.
        case notANumber(key: String, found: String)
        /// The value is a calculation (`(1-0.5987)*0.4621`) rather than its result.
        case calculation(key: String, found: String)
        /// A whole vector on one line (`t1.h = [0.1855, 0.1855]`).
        case vectorValue(key: String, found: String)
        /// The value uses a decimal comma (`0,5987`).
        case decimalComma(key: String, found: String)
        /// The value overflows a Double (`1e999`).
        case notFinite(key: String, found: String)
        /// The file is not UTF-8 text: decided for the whole file before any line is read.
        case notUTF8(NotUTF8)
        /// The key does not exist in this lesson; `suggestion` is the nearest key that does.
        case unknownKey(key: String, suggestion: String?)
        /// The key was already answered on `firstLine`: `firstValue` there and `value` here, each
        /// as written (empty for a blank or `?`).
        case duplicateKey(key: String, firstLine: Int, firstValue: String = "", value: String = "")
        /// The file holds no `key = value` line at all.
        case empty
        /// The file is JSON (a lesson, or `check --format json` output), not a sheet.
        case json
        /// The sheet names another lesson in its title line (`# lesson1 手算工作表 · …`).
        case otherLesson(sheet: String, checkedAgainst: String)
        /// The header's `# variant:` line is not a whole number from 0 to 1,000,000 (SheetHeader).
        case badVariant(found: String)
        /// The header names a variant and a student whose variant is another.
        case headerMismatch(variant: Int, student: String, studentVariant: Int)
        /// The header names one variant and `check --variant`/`--student` another.
        case variantConflict(sheet: Int, option: Int)
    }

    /// 1-based line number; nil for a problem of the whole file.
    public var line: Int?
    public var problem: Problem

    public init(line: Int?, _ problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// The English message, prefixed with the file name and line number: always one line, with
    /// any control character of the file or its name shown as a `\u` escape.
    public func message(file: String) -> String {
        JSONWriter.oneLine(text(file: file))
    }

    private func text(file: String) -> String {
        let place = line.map { "\(file):\($0): " } ?? "\(file): "
        // A key is quoted whole up to 40 characters (no real key is longer), then cut.
        func shown(_ key: String) -> String { key.count > 40 ? String(key.prefix(40)) + "…" : key }
        switch problem {
        case .notKeyValue(let found):
            return place + "expected 'key = value', found '\(found)'"
        case .notANumber(let whole, let found):
            let key = shown(whole)
            return place + "\(key): expected a number such as 0.5987 or 5.987e-1, found '\(found)'"
        case .calculation(let whole, let found):
            let key = shown(whole)
            return place + "\(key): write the result as one number, not the calculation '\(found)'"
        case .vectorValue(let whole, let found):
            let key = shown(whole)
            return place + "\(key): write one entry per line (\(key)[1] = …, \(key)[2] = …), not '\(found)'"
        case .decimalComma(let whole, let found):
            let key = shown(whole)
            return place + "\(key): '\(found)' has a decimal comma; write the decimal point as '.'"
        case .notFinite(let whole, let found):
            let key = shown(whole)
            return place + "\(key): '\(found)' is too large to be a number"
        case .notUTF8(let reason):
            return place + Self.notUTF8Message(reason)
        case .unknownKey(let whole, let suggestion):
            let key = shown(whole)
            return place + "unknown key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; see docs/keys.md")
        case .duplicateKey(let whole, let firstLine, let firstValue, let value):
            let key = shown(whole)
            let quoted = { (v: String) in v.isEmpty ? "(blank)" : "'\(v)'" }
            return place + "'\(key)' is answered twice: \(quoted(firstValue)) on line \(firstLine) and \(quoted(value)) here; delete one of them or comment it out with '#'"
        case .empty:
            return place + "expected lines 'key = value', found none (a blank worksheet comes from 'gru-explain worksheet')"
        case .json:
            return place + "this is a JSON file (a lesson?), not an answers sheet; get a sheet to fill in with 'gru-explain worksheet <lesson>'"
        case .otherLesson(let sheet, let lesson):
            return place + "this sheet is for \(sheet) (its title line says so), not \(lesson): run 'gru-explain check \(sheet) \(file)'"
        case .badVariant(let found):
            return place + "'# variant: \(found)': expected a whole number from 0 to 1000000 (the variant of the worksheet)"
        case .headerMismatch(let variant, let student, let studentVariant):
            return place + "the header names variant \(variant), but student \(student)'s variant is \(studentVariant); was the student line changed? (docs/check.md)"
        case .variantConflict(let sheet, let option):
            return place + "the header names variant \(sheet), but the command asks for variant \(option); leave out --variant/--student to mark it against its header"
        }
    }
}

/// The sheet could not be read: every problem found, in line order.
public struct SheetErrors: Error, Equatable, Sendable {
    public var errors: [SheetError]

    public init(errors: [SheetError]) {
        self.errors = errors
    }

    /// The lines for stderr: one per problem, at most `limit` of them, then "… and N more". A
    /// lesson file given as the answers would otherwise print a line for each of its 74 lines.
    public func messages(file: String, limit: Int = 10) -> [String] {
        let shown = errors.prefix(limit).map { $0.message(file: file) }
        guard errors.count > limit else { return shown }
        return shown + ["\(file): … and \(errors.count - limit) more problems like these"]
    }
}

/// A filled worksheet, read line by line.
///
/// What it accepts (docs/check.md):
/// - `key = value`, `key: value`, `key<TAB>value` (so a TSV trace is a sheet), or `key value`;
/// - a blank value or `?` for "not attempted"; `#` starts a comment, anywhere on a line;
/// - blank lines, and the keys in any order;
/// - plain or scientific numbers;
/// - full-width characters (`ｔ１．ｚ［１］＝０．５９８７`), the Chinese full stop `。` and the
///   minus sign `−` (or an en or em dash) as a decimal point and a minus; a byte-order mark; CRLF
///   line ends, and a lone CR (old Mac files) as a line end too;
/// - a number as a sentence ends it (`0.5987。`, `，`, `;`, `；`), with "about" in front (`≈`, `~`,
///   `约`, `大约`: `aboutSigns`), a space after its minus (`− 0.5987`), or as a percent (`59.87%` is 0.5987);
/// - UTF-8, or UTF-16 or UTF-32 with a byte order mark (Windows Notepad's "Unicode").
public struct AnswerSheet: Equatable, Sendable {
    public var lines: [SheetLine]

    /// Reads a sheet. Collects a problem per line that cannot be read rather than stopping at the
    /// first; a file that is not UTF-8 text is one problem (`utf8Text`). Whether each key exists
    /// is decided later, against a lesson's trace (`Marker`).
    public static func parse(_ raw: [UInt8]) -> (sheet: AnswerSheet, errors: [SheetError]) {
        var lines: [SheetLine] = []
        var errors: [SheetError] = []
        var start = 0
        var number = 0
        let bytes: [UInt8]
        do {
            bytes = try utf8Text(raw)
        } catch {
            return (AnswerSheet(lines: []), [error])
        }
        // No sheet line starts with '{' or '[': this is JSON, and one line says so.
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return (AnswerSheet(lines: []), [SheetError(line: nil, .json)])
        }
        while start < bytes.count {
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            let lineBytes = bytes[start..<end]
            start = end + (bytes[end...].starts(with: [0x0D, 0x0A]) ? 2 : 1)
            switch readLine(String(decoding: lineBytes, as: UTF8.self)) {
            case .none: continue
            case .answer(let key, let value): lines.append(SheetLine(line: number, keyText: key, value: value))
            case .problem(let problem): errors.append(SheetError(line: number, problem))
            }
        }
        if errors.isEmpty && lines.isEmpty { errors.append(SheetError(line: nil, .empty)) }
        return (AnswerSheet(lines: lines), errors)
    }

    private enum LineReading {
        case none
        case answer(key: String, value: WrittenNumber?)
        case problem(SheetError.Problem)
    }

    private static func readLine(_ original: String) -> LineReading {
        var text = normalize(original)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        let uncommented = text
        text = trimmed(text)
        if text.isEmpty { return .none }
        let found = shortened(trimmed(original))

        // key = value | key: value | key<TAB>value | key value
        let keyPart: String, valuePart: String
        let separator = text.firstIndex { $0 == "=" || $0 == ":" || $0 == "\t" }
        if let sep = separator {
            keyPart = String(text[..<sep])
            valuePart = String(text[text.index(after: sep)...])
        } else if let space = text.firstIndex(of: " ") {
            keyPart = String(text[..<space])
            valuePart = String(text[space...])
        } else {
            keyPart = text
            valuePart = ""
        }
        let key = keyPart.filter { $0 != " " && $0 != "\t" }
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._[]".contains($0)) }) else {
            return .problem(.notKeyValue(found: found))
        }
        let typed = trimmed(valuePart)
        if typed.isEmpty || typed == "?" { return .answer(key: key, value: nil) }
        // What the student typed, for quoting it back: the original text, not its ASCII form.
        let written = asWritten(typed, endOf: uncommented, in: original)
        let value = numberText(typed)
        if let number = WrittenNumber(value, written: written) {
            return .answer(key: key, value: number)
        }
        // Without '=' or ':' only "key number" is an answer; anything else is prose.
        if separator == nil { return .problem(.notKeyValue(found: found)) }

        let shown = shortened(written)
        if value.contains(",") && WrittenNumber(value.replacing(",", with: ".")) != nil {
            return .problem(.decimalComma(key: key, found: shown))
        }
        if value.hasPrefix("[") || (value.hasPrefix("(") && value.contains(",")) {
            return .problem(.vectorValue(key: key, found: shown))
        }
        let isArithmetic = value.allSatisfy { $0.isASCII && $0.isNumber || " .+-*/×÷()^".contains($0) }
        if isArithmetic && value.dropFirst().contains(where: { "+-*/×÷()^".contains($0) }) {
            return .problem(.calculation(key: key, found: shown))
        }
        if !value.contains(" "), let d = Double(value), !d.isFinite, !d.isNaN, value.allSatisfy({ $0.isNumber || ".eE+-".contains($0) }) {
            return .problem(.notFinite(key: key, found: shown))
        }
        if value.contains("=") || value.contains(":") {
            return .problem(.notKeyValue(found: found))
        }
        return .problem(.notANumber(key: key, found: shown))
    }

    /// The text of `original` that normalizes to `value`, the last word before the comment.
    /// `normalize` maps one scalar to one scalar, so `value` ends at the last non-space scalar of
    /// `uncommented` (the normalized line up to `#`) and has as many scalars in `original`.
    private static func asWritten(_ value: String, endOf uncommented: String, in original: String) -> String {
        let line = Array(uncommented.unicodeScalars), originalScalars = Array(original.unicodeScalars)
        guard let last = line.lastIndex(where: { !" \t".unicodeScalars.contains($0) }) else { return value }
        let start = last + 1 - value.unicodeScalars.count
        guard start >= 0, last < originalScalars.count else { return value }
        var written = String.UnicodeScalarView()
        written.append(contentsOf: originalScalars[start...last])
        return String(written)
    }

    /// Full-width ASCII (U+FF01…U+FF5E) to ASCII, the ideographic space to a space, `。` to `.`,
    /// the minus sign `−` (U+2212), the en dash `–` and the em dash `—` to `-`, and the
    /// ideographic comma `、` to `,`. One scalar becomes one scalar (`asWritten` relies on it).
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            case 0x3002: out.append(".")
            case 0x2212, 0x2013, 0x2014: out.append("-")
            case 0x3001: out.append(",")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// What a student writes before a number to say "about": `≈0.5987`, `~0.5987` (also `～`,
    /// normalized), `约0.6`, `大约 0.6`. The workbook's page reads the same list
    /// (`WorkbookRenderer.reading`); "大约" comes before "约", which it ends with.
    public static let aboutSigns = ["≈", "~", "大约", "约"]

    /// The number in a (normalized) value as a student types it: without the one punctuation mark
    /// that ends a sentence (`0.5987。`, `0.5987，`, `0.5987;`, `0.5987；`), an "about" in front
    /// (`aboutSigns`: `≈0.5987`, `~0.5987`, `约 0.6`), or a space after a minus (`− 0.5987`). A percent
    /// (`59.87%`, `59.87％`) is left for `WrittenNumber`, which reads it as hundredths.
    static func numberText(_ value: String) -> String {
        var v = Substring(value)
        // A trailing '.' is a full stop only after a number that has its decimal point already
        // ("5." is a number).
        if let last = v.last, ",;".contains(last) || (last == "." && v.dropLast().contains(".")) {
            v = v.dropLast()
            while let l = v.last, l == " " || l == "\t" { v = v.dropLast() }
        }
        if let sign = aboutSigns.first(where: { v.hasPrefix($0) }) {
            v = v.dropFirst(sign.count)
            while let f = v.first, f == " " || f == "\t" { v = v.dropFirst() }
        }
        if let first = v.first, first == "-" || first == "+" {
            var rest = v.dropFirst()
            while let f = rest.first, f == " " || f == "\t" { rest = rest.dropFirst() }
            if rest.first?.isNumber == true || rest.first == "." { v = Substring(String(first) + rest) }
        }
        return String(v)
    }

    private static func trimmed(_ s: String) -> String {
        // Tabs, the ideographic space of a Chinese input method, and the no-break space that a
        // word processor leaves when a line is copied from it.
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(s[first...last])
    }

    private static func shortened(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : s
    }
}
