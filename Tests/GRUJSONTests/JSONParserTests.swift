import Testing
import GRUJSON

/// The parser's contract: RFC 8259 JSON in, an order-keeping tree out, and for anything else a
/// one-line error with the 1-based line and column of the offending character.
@Suite struct JSONParserTests {
    /// Parses `text` and returns the error it must raise.
    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func keepsMemberOrderAndNumberLiterals() throws {
        let v = try JSONParser.parse(#"{"b": 1.50, "a": [1e2, -0, 3], "c": {"z": null, "y": true}}"#)
        guard case .object(let o) = v else { Issue.record("not an object"); return }
        #expect(o.keys == ["b", "a", "c"])
        #expect(o["b"] == .number(JSONNumber(literal: "1.50", value: 1.5)))
        guard case .array(let a)? = o["a"], case .number(let e2) = a[0], case .number(let minusZero) = a[1] else {
            Issue.record("a is not an array of numbers"); return
        }
        #expect(e2.literal == "1e2" && e2.value == 100)
        #expect(minusZero.value == 0 && minusZero.value.sign == .minus)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(#"["a\"b\\c\/d\n\t", "\u00e9\u4e2d", "\ud83d\ude00"]"#)
        #expect(v == .array([.string("a\"b\\c/d\n\t"), .string("é中"), .string("😀")]))
    }

    @Test func tooLargeNumberBecomesInfinityAndKeepsItsLiteral() throws {
        let v = try JSONParser.parse("[1e999, -1e999, 1e-999]")
        guard case .array(let a) = v, case .number(let big) = a[0], case .number(let negative) = a[1],
              case .number(let tiny) = a[2] else { Issue.record("not three numbers"); return }
        #expect(big.literal == "1e999" && big.value == .infinity)
        #expect(negative.value == -.infinity)
        #expect(tiny.value == 0)   // underflow is an ordinary finite number
    }

    @Test func reportsLineAndColumnOfAMissingComma() {
        // Line 3 is `  "b": 2`; the parser stops at its opening quote, column 3.
        let e = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(e?.line == 3 && e?.column == 3)
        #expect(e?.reason == .expectedCommaOrBrace(key: "a", .text(#""b":"#)))
    }

    @Test func columnsCountCharactersNotBytes() {
        // "中文" is 6 bytes but 2 columns; the stray `x` is the 10th character, not the 14th byte.
        let e = syntaxError(#"{"中文": 1 x}"#)
        #expect(e?.line == 1 && e?.column == 10)
    }

    @Test func rejectsDuplicateKeysAtTheSecondKey() {
        let e = syntaxError("{\"a\": 1,\n \"a\": 2}")
        #expect(e?.line == 2 && e?.column == 2 && e?.reason == .duplicateKey("a"))
    }

    @Test func namesTheUsualNonJSONTokens() {
        #expect(syntaxError("[NaN]")?.reason == .notFinite(.text("NaN")))
        #expect(syntaxError("[-Infinity]")?.reason == .negativeInfinity)
        #expect(syntaxError("[1, 2,]")?.reason == .trailingComma(closing: "]"))
        #expect(syntaxError("{'a': 1}")?.reason == .singleQuote)
        #expect(syntaxError("{\n  // note\n}").map { "\($0.line):\($0.column)" } == "2:3")
        #expect(syntaxError("{\n  // note\n}")?.reason == .comment)
        #expect(syntaxError("[1 x]")?.reason == .expectedCommaOrBracket(.text("x")))
        #expect(syntaxError("[1] // note")?.reason == .afterTheEnd(.text("//")))
        #expect(syntaxError("[01]")?.reason == .leadingZero)
        #expect(syntaxError("[+1]")?.reason == .plusSign(.text("+1")))
        #expect(syntaxError("[0x1F]")?.reason == .hexadecimal(.text("0x1F")))
        #expect(syntaxError("[tiny]")?.reason == .unquotedString(.text("tiny")))
        #expect(syntaxError("[sum]")?.reason == .unquotedString(.text("sum")))
        #expect(syntaxError("[tru]")?.reason == .literalCutShort(.text("tru"), word: "true"))
        #expect(syntaxError(#"["C:\Users"]"#)?.reason == .invalidEscape("U"))
        #expect(syntaxError(#"["\ud800"]"#)?.reason == .loneSurrogate(hex: "D800"))
    }

    @Test func limitsNestingDepthWithoutExhaustingTheStack() {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(syntaxError(ok) == nil)
        let deep = String(repeating: "[", count: 100_000)
        let e = syntaxError(deep)
        #expect(e?.reason == .tooDeep(limit: JSONParser.maxDepth))
        #expect(e?.column == JSONParser.maxDepth + 1)
    }

    /// The parser reads text: a byte order mark belongs to the file, and `UTF8Text.decode` removes
    /// it first, so that columns count from the character after it (a second mark is refused).
    @Test func aByteOrderMarkIsTheFilesNotTheJSONs() throws {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let e = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(mark + Array("[1]".utf8)) }
        #expect(e?.line == 1 && e?.column == 1 && e?.reason == .expectedValue(.text(#"\uFEFF[1"#)))
        #expect(try JSONParser.parse(UTF8Text.decode(mark + Array("[1]".utf8))) == .array([.number(JSONNumber(literal: "1", value: 1))]))
        let e2 = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(UTF8Text.decode(mark + Array("[1 2]".utf8))) }
        #expect(e2?.column == 4)
    }

    @Test func rejectsBinaryAndNonUTF8Input() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let e1 = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(png) }
        guard case .notUTF8(let p1)? = e1?.reason else { Issue.record("not a UTF-8 problem: \(String(describing: e1))"); return }
        #expect(p1.byte == 0x89 && p1.description == "invalid byte 0x89")
        let e2 = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("{\n\"a\": 1\0}".utf8)) }
        #expect(e2?.line == 2 && e2?.column == 7 && e2?.reason == .nulByte)
        // A character cut short (中 is E4 B8 AD): the lead byte is valid, the sequence is not.
        let e3 = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x5B, 0x22, 0xE4, 0xB8, 0x22, 0x5D]) }
        #expect(e3?.line == 1 && e3?.column == 3)
        guard case .notUTF8(let p3)? = e3?.reason else { Issue.record("not a UTF-8 problem: \(String(describing: e3))"); return }
        #expect(p3.description == "an incomplete or invalid UTF-8 sequence starting with byte 0xE4")
    }

    /// A line ends at \n, at \r\n and at a lone \r, as in an editor: a file saved with Windows or
    /// old Mac line ends gets the line an editor shows.
    @Test func countsLinesEndedByCRLFAndByALoneCR() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["{", "  \"a\": 1,", "  \"b\": 2 \"c\": 3", "}"].joined(separator: end)
            #expect(syntaxError(text).map { "\($0.line):\($0.column)" } == "3:10", "\(Array(end.utf8))")
            // The same positions for errors found by the UTF-8 check.
            let binary = Array(["{", "  \"a\": 1,", "  \"b\": \u{0}"].joined(separator: end).utf8)
            let e = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(binary) }
            #expect(e.map { "\($0.line):\($0.column)" } == "3:8", "\(Array(end.utf8))")
        }
    }

    @Test func messagesStayOnOneLine() {
        // A duplicate key with an escaped line break, and a control character where a value should be.
        #expect(syntaxError(#"{"a\nb": 1, "a\nb": 2}"#)?.reason == .duplicateKey("a\nb"))
        #expect(syntaxError("[\u{1B}]")?.reason == .expectedValue(.text(#"\u001B"#)))
    }

    @Test func quotationsNeverSplitACharacter() {
        // Quotations are cut after 12 bytes, which here would fall inside 符 (bytes 11 to 13).
        #expect(syntaxError("[1 a中文字符]")?.reason == .expectedCommaOrBracket(.text("a中文字符")))
        #expect(syntaxError("[1 a中文字符号]")?.reason == .expectedCommaOrBracket(.text("a中文字符")))
    }

    @Test func reportsAnEmptyDocument() {
        #expect(syntaxError("").map { "\($0.line):\($0.column)" } == "1:1" && syntaxError("")?.reason == .empty)
        #expect(syntaxError("\n  ").map { "\($0.line):\($0.column)" } == "2:3" && syntaxError("\n  ")?.reason == .empty)
    }

    @Test func kindDescriptionsQuoteWhatWasFound() {
        #expect(JSONValue.array([]).kindDescription == "an empty array")
        #expect(JSONValue.array([.null]).kindDescription == "an array of 1 value")
        #expect(JSONValue.array([.null, .null]).kindDescription == "an array of 2 values")
        #expect(JSONValue.string("").kindDescription == "an empty string")
        #expect(JSONValue.string("a\"\n").kindDescription == #"the string "a\"\n""#)
        #expect(JSONValue.number(JSONNumber(literal: "1e999", value: .infinity)).kindDescription == "the number 1e999")
    }
}
