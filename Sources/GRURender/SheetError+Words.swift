import GRUJSON
import GRUCheck

// The words of a sheet that cannot be read, in the student's language; the texts are in Message.
// `SheetError.message(file:)` in GRUCheck is the English one, and `SheetWordsTests` proves the
// two English texts the same for every sheet of the malformed corpus.

extension SheetError {
    /// The message in `language`, prefixed with the file name and line number: one line, with
    /// any control character of the file or its name shown as a `\u` escape.
    public func message(file: String, language: Language) -> String {
        JSONWriter.oneLine(text(file: file, language))
    }

    private func text(file: String, _ l: Language) -> String {
        // `file:line: ` is a place an editor opens; a file alone is labelled as in the catalogue (`file：` in Chinese).
        let place = line.map { "\(file):\($0): " } ?? file + Message.labelSeparator.text(l)
        // A key is quoted whole up to 40 characters (no real key is longer), then cut.
        func shown(_ key: String) -> String { key.count > 40 ? String(key.prefix(40)) + "…" : key }
        switch problem {
        case .notKeyValue(let found): return place + Message.sheetNotKeyValue.text(l, found)
        case .notANumber(let key, let found): return place + Message.sheetNotANumber.text(l, shown(key), found)
        case .calculation(let key, let found): return place + Message.sheetCalculation.text(l, shown(key), found)
        case .vectorValue(let key, let found): return place + Message.sheetVectorValue.text(l, shown(key), found)
        case .decimalComma(let key, let found): return place + Message.sheetDecimalComma.text(l, shown(key), found)
        case .notFinite(let key, let found): return place + Message.sheetNotFinite.text(l, shown(key), found)
        case .notUTF8(let reason): return place + Self.notUTF8(reason, l)
        case .unknownKey(let key, let suggestion):
            return place + (suggestion.map { Message.sheetUnknownKey.text(l, shown(key), $0) }
                            ?? Message.sheetUnknownKeyNoSuggestion.text(l, shown(key)))
        case .duplicateKey(let key, let firstLine, let firstValue, let value):
            let blank = Message.sheetBlank.text(l)
            // What was written, quoted; a blank is said so, unquoted.
            let quoted = { (v: String) in v.isEmpty ? blank : "'\(v)'" }
            return place + Message.sheetDuplicateKey.text(l, shown(key), String(firstLine), quoted(firstValue), quoted(value))
        case .empty: return place + Message.sheetEmpty.text(l)
        case .json: return place + Message.sheetJSON.text(l)
        case .otherLesson(let sheet, let lesson): return place + Message.sheetOtherLesson.text(l, sheet, lesson, file)
        case .badVariant(let found): return place + Message.sheetBadVariant.text(l, found)
        case .headerMismatch(let variant, let student, let studentVariant):
            return place + Message.sheetHeaderMismatch.text(l, String(variant), student, String(studentVariant))
        case .variantConflict(let sheet, let option): return place + Message.sheetVariantConflict.text(l, String(sheet), String(option))
        }
    }

    /// A file that is not UTF-8 text, and what it probably is (`SheetError.notUTF8Message`).
    private static func notUTF8(_ reason: NotUTF8, _ l: Language) -> String {
        let fix = Message.sheetSaveAsUTF8.text(l)
        func place(_ p: UTF8Problem, _ what: String) -> String { Message.sheetLineColumn.text(l, String(p.line), String(p.column), what) }
        switch reason {
        case .gbk(let p): return Message.sheetNotUTF8GBK.text(l, place(p, Message.sheetByte.text(l, p.hex)), fix)
        case .utf16WithoutBOM: return Message.sheetNotUTF8UTF16.text(l, fix)
        case .binary(let p): return Message.sheetNotUTF8Binary.text(l, place(p, p.text(l)))
        case .other(let p): return Message.sheetNotUTF8Other.text(l, place(p, p.text(l)), fix)
        case .notAsMarked(let encoding): return Message.sheetNotUTF8NotAsMarked.text(l, encoding, fix)
        }
    }
}

extension SheetErrors {
    /// The lines for stderr in `language`: one per problem, at most `limit` of them, then
    /// "… and N more".
    public func messages(file: String, language: Language, limit: Int = 10) -> [String] {
        let shown = errors.prefix(limit).map { $0.message(file: file, language: language) }
        guard errors.count > limit else { return shown }
        return shown + [file + Message.labelSeparator.text(language) + Message.sheetMoreProblems.text(language, String(errors.count - limit))]
    }
}
