import Testing
import GRUJSON
import GRURender

/// The reasons of GRUJSON's parser (`JSONSyntaxError.Reason`) in the catalogue's words: each
/// reason the parser gives, for a small document that provokes it, in English (the parser's
/// former English messages, unchanged) and in Chinese.
@Suite struct JSONSyntaxWordsTests {
    static func reason(_ bytes: [UInt8]) -> JSONSyntaxError.Reason? {
        do { _ = try JSONParser.parse(bytes); return nil } catch { return error.reason }
    }
    static func reason(_ text: String) -> JSONSyntaxError.Reason? { reason(Array(text.utf8)) }

    /// (document, English, Chinese)
    static let cases: [(String, String, String)] = [
        ("", "the file is empty; expected a JSON value", "文件是空的；应为一个 JSON 值"),
        ("[1] // note", "unexpected '//' after the end of the JSON value", "JSON 值已经结束，后面却还有 '//'"),
        ("{\n\"a\": 1\0}", "the file contains a NUL byte: it looks like a binary file, not JSON text",
         "文件含有 NUL 字节：它像是二进制文件，不是 JSON 文本"),
        (String(repeating: "[", count: 300), "nesting deeper than 200 levels", "嵌套超过了 200 层"),
        ("[1,", "unexpected end of file; expected a value", "文件在这里就结束了；应为一个值"),
        ("[\u{1B}]", #"expected a value, found '\u001B'"#, #"应为一个值，实际是 '\u001B'"#),
        ("[NaN]", "'NaN' is not JSON: NaN and Infinity cannot be written in JSON; write a finite number",
         "'NaN' 不是 JSON：JSON 里不能写 NaN 和 Infinity；请写一个有限的数"),
        ("[-Infinity]", "-Infinity is not JSON; write a finite number", "-Infinity 不是 JSON；请写一个有限的数"),
        ("[.5]", "expected a value, found '.5'; a number in JSON starts with a digit: write 0.5",
         "应为一个值，实际是 '.5'；JSON 的数要以数字开头：请写成 0.5"),
        ("[+1]", "a number in JSON has no '+' sign, found '+1'", "JSON 的数前面不能带 '+' 号，实际是 '+1'"),
        ("[tiny]", "expected a value, found 'tiny'; a string is written in double quotes",
         "应为一个值，实际是 'tiny'；字符串要写在双引号里"),
        ("[tru]", "expected a value, found 'tru'; did you mean true?", "应为一个值，实际是 'tru'；是不是想写 true？"),
        ("{'a': 1}", "strings in JSON use double quotes (\"), found a single quote", "JSON 的字符串要用双引号（\"），这里是单引号"),
        ("{\n  // note\n}", "comments are not allowed in JSON", "JSON 里不能写注释"),
        ("[1, 2,]", "trailing comma before ']' is not allowed in JSON", "']' 前面多了一个逗号，JSON 不允许这样写"),
        ("{\"a\": 1,}", "trailing comma before '}' is not allowed in JSON", "'}' 前面多了一个逗号，JSON 不允许这样写"),
        ("{1: 2}", "expected a member name in double quotes, found '1:'", "应为写在双引号里的成员名，实际是 '1:'"),
        ("{\"a\": 1, \"a\": 2}", #"duplicate key "a""#, #"键 "a" 重复了"#),
        ("{\"a\" 1}", #"expected ':' after "a", found '1'"#, #""a" 后面应为 ':'，实际是 '1'"#),
        ("{\"a\": 1 \"b\": 2}", #"expected ',' or '}' after the value of "a", found '"b":'"#, #""a" 的值后面应为 ',' 或 '}'，实际是 '"b":'"#),
        ("{\"a\": 1", #"expected ',' or '}' after the value of "a", found the end of the file"#, #""a" 的值后面应为 ',' 或 '}'，实际是文件末尾"#),
        ("[1 x]", "expected ',' or ']' in an array, found 'x'", "数组里应为 ',' 或 ']'，实际是 'x'"),
        ("[\"abc", "unterminated string: the file ends before its closing quote", "字符串没有结束：文件在右引号之前就结束了"),
        ("[\"abc\\", "unterminated string: the file ends in an escape", "字符串没有结束：文件结束在转义序列中"),
        ("[\"a\nb\"]", #"unterminated string: a line break inside a string (write \n)"#, #"字符串没有结束：字符串里有换行（请写成 \n）"#),
        ("[\"a\tb\"]", #"a tab inside a string; write \t, or a space"#, #"字符串里有制表符；请写成 \t，或改用空格"#),
        ("[\"a\u{01}b\"]", #"control character U+0001 inside a string; write it as \u0001, or remove it"#,
         #"字符串里有控制字符 U+0001；请写成 \u0001，或删除它"#),
        (#"["C:\Users"]"#, #"invalid escape \U in a string; JSON has \" \\ \/ \b \f \n \r \t and \uXXXX (write a backslash as \\)"#,
         #"字符串里有无效的转义 \U；JSON 只有 \" \\ \/ \b \f \n \r \t 和 \uXXXX 这几种（反斜杠本身要写成 \\）"#),
        (#"["\u12"#, #"\u escape needs four hex digits"#, #"\u 转义需要四位十六进制数字"#),
        (#"["\u12x4"]"#, #"\u escape needs four hex digits, found 'x4"'"#, #"\u 转义需要四位十六进制数字，实际是 'x4"'"#),
        (#"["\ud800\u0041"]"#, #"invalid UTF-16 surrogate pair in \u escape"#, #"\u 转义里的 UTF-16 代理对无效"#),
        (#"["\ud800"]"#, #"\uD800 is half of a UTF-16 surrogate pair; write the character itself, or both halves (\uD83D\uDE00)"#,
         #"\uD800 只是 UTF-16 代理对的一半；请直接写出这个字符，或把两半都写出来（\uD83D\uDE00）"#),
        ("[01]", "numbers in JSON cannot have leading zeros", "JSON 的数不能以多余的 0 开头"),
        ("[0x1F]", "hexadecimal numbers are not JSON, found '0x1F'; write the number in decimal", "JSON 里不能写十六进制数，实际是 '0x1F'；请写成十进制"),
        ("[-a]", "expected a digit in a number, found 'a'", "数里这一位应为数字，实际是 'a'"),
        ("[1.]", "expected a digit after the decimal point, found ']'", "小数点后应为数字，实际是 ']'"),
        ("[1e]", "expected a digit in the exponent, found ']'", "指数部分应为数字，实际是 ']'"),
    ]

    @Test func everyReasonInBothLanguages() {
        for (document, en, zh) in Self.cases {
            let reason = Self.reason(document)
            #expect(reason?.text(.en) == en, "\(document.debugDescription)")
            #expect(reason?.text(.zh) == zh, "\(document.debugDescription)")
        }
    }

    @Test func bytesThatAreNotUTF8() {
        // A PNG's first byte; 中 (E4 B8 AD) cut short.
        let png = Self.reason([0x89, 0x50, 0x4E, 0x47])
        #expect(png?.text(.en) == "the file is not UTF-8 text (invalid byte 0x89); is it a binary file?")
        #expect(png?.text(.zh) == "文件不是 UTF-8 文本（无效字节 0x89）；是二进制文件吗？")
        let cut = Self.reason([0x5B, 0x22, 0xE4, 0xB8, 0x22, 0x5D])
        #expect(cut?.text(.en) == "the file is not UTF-8 text (an incomplete or invalid UTF-8 sequence starting with byte 0xE4); is it a binary file?")
        #expect(cut?.text(.zh) == "文件不是 UTF-8 文本（以字节 0xE4 开头的不完整或无效的 UTF-8 序列）；是二进制文件吗？")
    }
}
