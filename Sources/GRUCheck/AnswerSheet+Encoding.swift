import GRUJSON

extension SheetError {
    /// The message after `file: ` for a sheet that is not UTF-8 text (`UTF8Text.decode` says
    /// what it probably is), one line. A Chinese Windows editor saves text as GBK ("ANSI") or
    /// UTF-16 ("Unicode"); read as UTF-8, every line of such a file would be a problem of its
    /// own, so the whole file gets one.
    static func notUTF8Message(_ reason: NotUTF8) -> String {
        let fix = "save it as UTF-8 and check it again"
        func place(_ p: UTF8Problem, _ what: String) -> String { "line \(p.line), column \(p.column): \(what)" }
        switch reason {
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

extension AnswerSheet {

    /// The sheet as UTF-8 text, without a byte order mark (`UTF8Text.decode`): UTF-16 or UTF-32
    /// with a byte order mark is converted; anything else that is not UTF-8 text, or that holds a
    /// NUL byte, is one error for the whole file.
    public static func utf8Text(_ bytes: [UInt8]) throws(SheetError) -> [UInt8] {
        do {
            return try UTF8Text.decode(bytes)
        } catch {
            throw SheetError(line: nil, .notUTF8(error))
        }
    }
}
