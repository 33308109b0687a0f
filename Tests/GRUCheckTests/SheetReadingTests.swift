import Foundation
import Testing
import GRURender
import GRUCore
@testable import GRUCheck

/// Reading answer sheets: numbers, separators, comments, full-width text, and the malformed
/// sheets under Sheets/Malformed with the messages they must produce.
@Suite struct SheetReadingTests {

    @Test func writtenNumbersKnowTheirPrecision() {
        // (text, value, unit): the unit is the place value of the last written digit.
        let cases: [(String, Double, Double)] = [
            ("0.1854", 0.1854, 1e-4), ("0.50", 0.5, 1e-2), ("12", 12, 1), ("-3.36", -3.36, 1e-2),
            ("+2", 2, 1), (".5", 0.5, 0.1), ("5.", 5, 1), ("1.854e-1", 0.1854, 1e-4),
            ("6E-1", 0.6, 0.1), ("1.2e3", 1200, 100), ("2.8331e-05", 2.8331e-05, 1e-9), ("0", 0, 1),
        ]
        for (text, value, unit) in cases {
            let n = WrittenNumber(text)
            #expect(n?.value == value, "\(text)")
            #expect(n.map { abs($0.unit - unit) <= unit * 1e-12 } == true, "\(text): unit \(String(describing: n?.unit))")
        }
        #expect(WrittenNumber("0.1854")?.decimals == 4)
        #expect(WrittenNumber("1.2e3")?.decimals == 0)
        for bad in ["", "-", ".", "e5", "1e", "1e+", "0x10", "nan", "inf", "1e999", "1.2.3", "1 2", "１", "1,5", "--1"] {
            #expect(WrittenNumber(bad) == nil, "\(bad)")
        }
    }

    @Test func separatorsCommentsAndBlanks() {
        let text = """
            # lesson1 · 时间步 1
            t1.a_z[1] = 0.4
            t1.a_z[2]: 0.4   # the same as unit 1
            t1.z[1]\t0.5987
            t1.z[2] 0.5987

              t1.a_r[1] =
            t1.a_r[2] = ?
            t1.r[1] = 0.6106 # copied from the seed
            """
        let (sheet, errors) = AnswerSheet.parse(Array(text.utf8))
        #expect(errors.isEmpty)
        #expect(sheet.lines.map(\.keyText) == ["t1.a_z[1]", "t1.a_z[2]", "t1.z[1]", "t1.z[2]", "t1.a_r[1]", "t1.a_r[2]", "t1.r[1]"])
        #expect(sheet.lines.map(\.line) == [2, 3, 4, 5, 7, 8, 9])
        #expect(sheet.lines.map { $0.value?.value } == [0.4, 0.4, 0.5987, 0.5987, nil, nil, 0.6106])
    }

    @Test func fullWidthAndChineseDecimalPoints() throws {
        // A student typing with a Chinese input method: full-width key, ＝, full-width digits,
        // 。 or ． as the decimal point, full-width minus; ：as the separator; a BOM; CRLF.
        let text = "\u{FEFF}ｔ１．ｚ［１］＝０。５９８７\r\nt1.z[2]：０．５９８７\r\nt3.dy[1] = －３．３６４３\r\nt3.dh_out[1] = −1.6822\r\n"
        let (sheet, errors) = AnswerSheet.parse(Array(text.utf8))
        #expect(errors.isEmpty)
        #expect(sheet.lines.map(\.keyText) == ["t1.z[1]", "t1.z[2]", "t3.dy[1]", "t3.dh_out[1]"])
        #expect(sheet.lines.map { $0.value?.value } == [0.5987, 0.5987, -3.3643, -1.6822])
        // Marked against lesson1 (z₁ = 0.5987 in the seed; dy₃ = y₃ − 4 = −3.3643…): all correct.
        let report = try Marker.check(Array(text.utf8), against: Fixtures.lesson1Trace)
        #expect(report.summary.correct == 4)
    }

    /// Numbers as students type them (issue 11): a sentence's punctuation after the number, an
    /// en dash, em dash or U+2212 as the minus (with a space after it too), ≈ and ~ in front, and
    /// a percent as hundredths, with the precision the student wrote (59.87% is 0.5987 ± 0.00005).
    @Test func numbersAsStudentsTypeThem() throws {
        let typed: [(String, Double, Int)] = [
            ("0.5987。", 0.5987, 4), ("0.5987，", 0.5987, 4), ("0.5987;", 0.5987, 4), ("0.5987；", 0.5987, 4),
            ("0。5987。", 0.5987, 4), ("5。", 5, 0), ("–3.3643", -3.3643, 4), ("—3.3643", -3.3643, 4),
            ("−3.3643", -3.3643, 4), ("− 3.3643", -3.3643, 4), ("– 3.3643。", -3.3643, 4), ("≈0.5987", 0.5987, 4),
            ("~0.5987", 0.5987, 4), ("≈ 0.5987", 0.5987, 4), ("～０．５９８７", 0.5987, 4), ("59.87%", 0.5987, 4),
            ("59.87％", 0.5987, 4), ("60%", 0.6, 2), ("≈−1.6822；", -1.6822, 4),
        ]
        for (text, value, decimals) in typed {
            let (sheet, errors) = AnswerSheet.parse(Array("t1.z[1] = \(text)\n".utf8))
            #expect(errors.isEmpty, "\(text)")
            let number = try #require(sheet.lines.first?.value, "\(text)")
            #expect(abs(number.value - value) < 1e-12 && number.decimals == decimals, "\(text)")
            #expect(number.written == text, "\(text) is quoted as typed")
        }
        // Marked against lesson1 (z₁ = 0.5987, dy₃ = −3.3643, dh₃ = −1.6822): all correct.
        let report = try Fixtures.check(text: "t1.z[1] = 59.87%\nt1.z[2] = 0.5987。\nt3.dy[1] = – 3.3643\nt3.dh[1] = ≈−1.6822；\n")
        #expect(report.summary.correct == 4)
        // Still not numbers: two decimal points, a percent of a percent, words.
        for text in ["0.59.87", "59.87%%", "about 0.6", "0.5987。。"] {
            #expect(!AnswerSheet.parse(Array("t1.z[1] = \(text)\n".utf8)).errors.isEmpty, "\(text)")
        }
    }

    /// "About" in Chinese, read as ≈ is: 约 or 大约 in front, with or without a space after it
    /// (issue 16). z₁ = z₂ = 0.5987 in lesson1 (the seed), so each is correct and keeps the
    /// precision written (约0.6 claims one decimal, like ≈0.6).
    @Test func yueAndDayueInFrontMeanAbout() throws {
        for text in ["约0.6", "约 0.6", "大约0.6", "大约 0.6", "约０．６", "≈0.6", "~0.6"] {
            let (sheet, errors) = AnswerSheet.parse(Array("t1.z[1] = \(text)\n".utf8))
            #expect(errors.isEmpty, "\(text)")
            let number = try #require(sheet.lines.first?.value, "\(text)")
            #expect(number.value == 0.6 && number.unit == 0.1 && number.text == "0.6", "\(text)")
            #expect(number.written == text, "\(text) is quoted as typed")
        }
        let report = try Fixtures.check(text: "t1.z[1] = 约0.5987\nt1.z[2] = 大约 0.5987\n")
        #expect(report.summary.correct == 2)
        // Only in front, and once.
        for text in ["0.6约", "约", "约约0.6", "大约", "大 0.6"] {
            #expect(!AnswerSheet.parse(Array("t1.z[1] = \(text)\n".utf8)).errors.isEmpty, "\(text)")
        }
    }

    /// Spaces around a value: the ideographic space of a Chinese input method, and the no-break
    /// space a word processor leaves when a line is copied from it. z₁ = 0.5987 (the seed).
    @Test func ideographicAndNoBreakSpacesAroundAValue() throws {
        let text = "t1.z[1] =\u{3000}0.5987\u{3000}\nt1.z[2] = 0.5987\u{00A0}\n"
        let (sheet, errors) = AnswerSheet.parse(Array(text.utf8))
        #expect(errors.isEmpty)
        #expect(sheet.lines.map { $0.value?.value } == [0.5987, 0.5987])
    }

    /// Windows Notepad's "Unicode" is UTF-16 with a byte order mark; a sheet saved so reads as
    /// the same sheet. lesson1-rounded.txt (make_sheets.py) has all 259 answers correct.
    @Test func unicodeWithAByteOrderMarkIsRead() throws {
        let text = String(decoding: Fixtures.sheet("lesson1-rounded.txt"), as: UTF8.self) + "# 完\n"
        let utf8 = AnswerSheet.parse(Array(text.utf8))
        #expect(utf8.errors.isEmpty && utf8.sheet.lines.count == 259)
        let u16 = Array(text.utf16), u32 = text.unicodeScalars.map(\.value)
        let encodings: [(String, [UInt8])] = [
            ("UTF-16LE", [0xFF, 0xFE] + u16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("UTF-16BE", [0xFE, 0xFF] + u16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("UTF-32LE", [0xFF, 0xFE, 0, 0] + u32.flatMap { v in (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }),
            ("UTF-32BE", [0, 0, 0xFE, 0xFF] + u32.flatMap { v in (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }),
        ]
        for (name, bytes) in encodings {
            #expect(try AnswerSheet.utf8Text(bytes) == Array(text.utf8), "\(name)")
            let read = AnswerSheet.parse(bytes)
            #expect(read.errors.isEmpty && read.sheet == utf8.sheet, "\(name)")
            #expect(try Marker.check(bytes, against: Fixtures.lesson1Trace).summary.correct == 259, "\(name)")
        }
        // A mark followed by what is not that encoding: an unpaired surrogate D800, a cut unit.
        for (bytes, name) in [([0xFF, 0xFE, 0x00, 0xD8, 0x61, 0x00], "UTF-16LE"), ([0xFE, 0xFF, 0x00], "UTF-16BE")] as [([UInt8], String)] {
            #expect(throws: SheetError(line: nil, .notUTF8(.notAsMarked(encoding: name)))) { try AnswerSheet.utf8Text(bytes) }
        }
    }

    @Test func aBlankWorksheetIsAllUnanswered() throws {
        let report = try Fixtures.check(text: "t1.a_z[1] =\nt1.a_z[2] = ?\nt1.z[1] = ？\n")
        #expect(report.results.map(\.status) == [.unanswered, .unanswered, .unanswered])
        #expect(report.exitStatus == 0)
    }

    static let malformed: [String] = {
        let dir = Bundle.module.url(forResource: "Sheets/Malformed", withExtension: nil)!
        return (try! FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func thereAreAtLeastTwentyMalformedSheets() {
        #expect(Self.malformed.count >= 20)
    }

    /// Each NN-name.txt fails with exactly the lines of NN-name.expected (see its README).
    @Test(arguments: malformed)
    func malformedSheets(_ name: String) throws {
        let expectedFile = "Malformed/" + name.dropLast(4) + ".expected"
        let expected = String(decoding: Fixtures.sheet(expectedFile), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty)
        do {
            let report = try Fixtures.check("Malformed/" + name)
            Issue.record("\(name) was read: \(report.summary)")
        } catch {
            #expect(error.errors.map { $0.message(file: name) } == expected)
            // The catalogue's English is the same; its Chinese is another text of one line.
            #expect(error.errors.map { $0.message(file: name, language: .en) } == expected)
            let zh = error.errors.map { $0.message(file: name, language: .zh) }
            #expect(zh.allSatisfy { !$0.contains("\n") && $0.hasPrefix(name) } && zh != expected)
            // Every message names a line, except for a sheet that has no answer lines at all, is
            // JSON, or is not UTF-8 text (one message for the whole file, which then says where).
            #expect(error.errors.allSatisfy {
                if case .notUTF8 = $0.problem { return $0.line == nil && error.errors.count == 1 }
                return $0.line != nil || $0.problem == .empty || $0.problem == .json
            })
        }
    }

    /// A lesson file given as the answers printed a line for each of its 74 lines; one says what
    /// it is (44-json-lesson.txt holds the start of one). A sheet with many problems prints ten of
    /// them and a count of the rest.
    @Test func manyProblemsAreCappedAtTen() throws {
        let text = (1...12).map { "t1.zz[\($0)] = 1" }.joined(separator: "\n")
        do {
            _ = try Fixtures.check(text: text)
            Issue.record("read")
        } catch {
            #expect(error.errors.count == 12)
            let lines = error.messages(file: "a.txt")
            #expect(lines.count == 11)
            #expect(lines[0] == "a.txt:1: unknown key 't1.zz[1]'; did you mean 't1.z[1]'?")
            #expect(lines[10] == "a.txt: … and 2 more problems like these")
            #expect(error.messages(file: "a.txt", language: .zh)[10] == "a.txt：… 还有 2 个类似的问题")
            #expect(error.messages(file: "a.txt", language: .zh)[0] == "a.txt:1: 本课没有 't1.zz[1]' 这个键；你是不是想写 't1.z[1]'？")
            #expect(error.messages(file: "a.txt", limit: 12).count == 12)
        }
    }

    /// A key pressed twice is suggested without the repeat (issue 16): by edit distance alone
    /// `t1.hh[1]` got `t1.rh[1]`, the first of `t1.rh[1]`, `t1.h[1]`, `t1.dh[1]` (each one edit
    /// away) in the keys' order.
    @Test func aKeyPressedTwiceIsSuggestedOnce() {
        let valid = Fixtures.lesson1Trace.keys.map(\.description)
        let s = { Marker.nearestKey(to: $0, among: valid) }
        #expect(s("t1.hh[1]") == "t1.h[1]")
        #expect(s("t1.aa_z[1]") == "t1.a_z[1]")
        #expect(s("t11.z[1]") == "t1.z[1]")
        #expect(s("t3.dhh[2]") == "t3.dh[2]")
        #expect(s("grad.Wzz[1][1]") == "grad.Wz[1][1]")
        let (sheet, _) = AnswerSheet.parse(Array("t1.hh[1] = 0.5\n".utf8))
        let e = #expect(throws: SheetErrors.self) { try Marker.mark(sheet, against: Fixtures.lesson1Trace) }
        #expect(e?.messages(file: "a.txt") == ["a.txt:1: unknown key 't1.hh[1]'; did you mean 't1.h[1]'?"])
    }

    @Test func suggestionsForUnknownKeys() {
        let valid = Fixtures.lesson1Trace.keys.map(\.description)
        let s = { Marker.nearestKey(to: $0, among: valid) }
        #expect(s("t1.zz[1]") == "t1.z[1]")
        #expect(s("T1.Z[1]") == "t1.z[1]")
        #expect(s("grad.Wz[1]") == "grad.Wz[1][1]")
        #expect(s("h_tilde[1]") == "t1.h_tilde[1]")
        #expect(s("t2.dn_h[1]") == "t2.drh[1]")
        #expect(s("update.Why[1][3]") == "update.Why[1][1]")
        #expect(s("z1") == nil)
        #expect(s("hello world") == nil)
    }
}
