import Testing
import GRUJSON

@Suite struct JSONWriterTests {
    @Test func writesVectorsAndMatricesOnOneLineAndObjectsIndented() {
        let v = JSONValue.object(JSONObject([
            ("b", .doubles([0.1, 2])),
            ("a", .array([.doubles([1, 2]), .doubles([3, 4])])),
            ("s", .string("中\t\"\u{1}")),
            ("e", .array([])), ("o", .object(JSONObject())),
        ]))
        #expect(JSONWriter.write(v) == """
            {
              "b": [0.1, 2.0],
              "a": [[1.0, 2.0], [3.0, 4.0]],
              "s": "中\\t\\"\\u0001",
              "e": [],
              "o": {}
            }

            """)
    }

    @Test func writesShortestRoundTripNumbersAndNullForNonFinite() throws {
        let values: [Double] = [0.1, 1.0 / 3.0, 1e-7, 1e16, .leastNonzeroMagnitude, -0.0, .greatestFiniteMagnitude]
        let text = JSONWriter.write(.doubles(values))
        #expect(text == "[0.1, 0.3333333333333333, 1e-07, 1e+16, 5e-324, -0.0, 1.7976931348623157e+308]\n")
        guard case .array(let back) = try JSONParser.parse(text) else { Issue.record("not an array"); return }
        let doubles = back.compactMap { v -> Double? in if case .number(let n) = v { return n.value }; return nil }
        #expect(doubles.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(JSONWriter.write(.doubles([.nan, .infinity])) == "[null, null]\n")
    }

    @Test func parseThenWriteRoundTripsByteForByte() throws {
        let text = """
            {
              "format": "x",
              "nested": [
                {"k": [1, 2.50, -3e2]},
                [[1, 2], [3, 4]]
              ],
              "unicode": "中文 😀",
              "flags": [true, false, null]
            }

            """
        let parsed = try JSONParser.parse(text)
        // Number literals are kept as written, so a parse–write cycle changes nothing but layout;
        // this text is already in the writer's layout except for the object inside an array.
        let written = JSONWriter.write(parsed)
        #expect(try JSONParser.parse(written) == parsed)
        #expect(written.contains("[1, 2.50, -3e2]"))
        #expect(JSONWriter.write(try JSONParser.parse(written)) == written)
    }

    /// What a message quotes from a file stays on one line, shows what is there and sends a
    /// terminal no control sequence: C0 and C1 controls, DEL, the Unicode line and paragraph
    /// separators and invisible characters are escaped; other text, Chinese and emoji included
    /// (with the zero-width joiner inside 👩🏽‍🔬), is kept.
    @Test func oneLineEscapesEveryLineBreakAndControl() {
        #expect(JSONWriter.oneLine("a\nb\rc\u{0B}d\u{1B}[2Je\u{7F}") == #"a\u000Ab\u000Dc\u000Bd\u001B[2Je\u007F"#)
        #expect(JSONWriter.oneLine("x\u{85}y\u{9B}z\u{2028}w\u{2029}") == #"x\u0085y\u009Bz\u2028w\u2029"#)
        #expect(JSONWriter.oneLine("隐藏状态 é 👩🏽‍🔬 \u{A0}") == "隐藏状态 é 👩🏽‍🔬 \u{A0}")
        #expect(JSONWriter.oneLine("ti\u{200B}ny\u{FEFF}\u{202E}") == #"ti\u200Bny\uFEFF\u202E"#)
    }

    /// A string is copied in runs between its escapes, cut by Unicode scalars: a combining mark
    /// after a quote or a backslash (one Character with it) keeps the escape and the mark once
    /// each, and CR LF (one Character) is escaped as two. Expected: each scalar escaped on its own,
    /// as JSON (RFC 8259 §7) escapes it, which the writer did scalar by scalar before.
    @Test func quotedCopiesRunsCutByScalarsNotCharacters() {
        func byScalar(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{0}"..."\u{1F}": out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16, uppercase: true)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        #expect(JSONWriter.quoted("\"\u{301}") == "\"\\\"\u{301}\"")
        #expect(JSONWriter.quoted("a\r\nb") == #""a\r\nb""#)
        for s in ["", "\"\u{301}", "\\\u{301}x", "a\r\nb", "\u{1}\u{300}", "中\"文\"", "👩🏽‍🔬\"\u{1F}", "e\u{301}\n\t", "plain text",
                  "\u{7F}\u{85}\u{2028}", "\"\"\\\\", "\u{0}"] {
            #expect(JSONWriter.quoted(s) == byScalar(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
