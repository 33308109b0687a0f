import Foundation
import Testing
import GRUJSON

/// From a file's bytes to UTF-8 text: the byte order marks that are read, and what a file that is
/// not UTF-8 probably is. The messages are the readers': the malformed lessons
/// (GRULessonsTests/Malformed) and sheets (GRUCheckTests/Sheets/Malformed) have them.
@Suite struct UTF8TextTests {
    /// "h₁ = 中\r\n" and a second line, in every encoding a mark names, gives back the same UTF-8
    /// without the mark.
    @Test func byteOrderMarksAreReadAndRemoved() throws {
        let text = "h\u{2081} = 中\r\n😀 x\n"
        // Foundation encodes, as a second implementation; its explicit byte orders add no mark.
        func encoded(_ mark: [UInt8], _ encoding: String.Encoding) -> [UInt8] { mark + Array(text.data(using: encoding)!) }
        let files: [(String, [UInt8])] = [
            ("UTF-8", Array(text.utf8)),
            ("UTF-8 with a mark", encoded([0xEF, 0xBB, 0xBF], .utf8)),
            ("UTF-16LE", encoded([0xFF, 0xFE], .utf16LittleEndian)),
            ("UTF-16BE", encoded([0xFE, 0xFF], .utf16BigEndian)),
            ("UTF-32LE", encoded([0xFF, 0xFE, 0, 0], .utf32LittleEndian)),
            ("UTF-32BE", encoded([0, 0, 0xFE, 0xFF], .utf32BigEndian)),
        ]
        for (name, file) in files {
            #expect(try UTF8Text.decode(file) == Array(text.utf8), "\(name)")
        }
        // Only one mark is removed: a second is text (a JSON reader refuses it).
        #expect(try UTF8Text.decode([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x31]) == [0xEF, 0xBB, 0xBF, 0x31])
        #expect(try UTF8Text.decode([0xFF, 0xFE, 0xFF, 0xFE, 0x31, 0x00]) == [0xEF, 0xBB, 0xBF, 0x31])
        #expect(try UTF8Text.decode([]) == [])
    }

    /// The place of the first byte that is not UTF-8 is counted in the text after the mark, in
    /// Unicode scalars, as an editor counts: 中 is one column.
    @Test func guessesAndTheirPlaces() {
        /// The guess for `file`, with its place as "line:column byte".
        func guess(_ file: [UInt8]) -> String {
            do {
                _ = try UTF8Text.decode(file)
                return "UTF-8"
            } catch {
                func at(_ p: UTF8Problem) -> String { "\(p.line):\(p.column) \(p.hex)" }
                switch error {
                case .gbk(let p): return "gbk " + at(p)
                case .utf16WithoutBOM: return "utf16WithoutBOM"
                case .binary(let p): return "binary " + at(p)
                case .other(let p): return "other " + at(p)
                case .notAsMarked(let encoding): return "notAsMarked " + encoding
                }
            }
        }
        // "中" then 0xFF on line 2 of a file with a UTF-8 mark: column 2, not 3.
        #expect(guess([0xEF, 0xBB, 0xBF, 0x0A, 0xE4, 0xB8, 0xAD, 0xFF]) == "other 2:2 0xFF")
        // 答案 in GBK after "# ": the first byte that is not UTF-8 is 0xB4, column 3.
        #expect(guess([0x23, 0x20, 0xB4, 0xF0, 0xB0, 0xB8, 0x0A]) == "gbk 1:3 0xB4")
        // "t1=0" in UTF-16LE without a mark.
        #expect(guess([0x74, 0, 0x31, 0, 0x3D, 0, 0x30, 0]) == "utf16WithoutBOM")
        // The first bytes of a PNG image: 0x89 comes before the NUL that makes it binary.
        #expect(guess([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) == "binary 1:1 0x89")
        // A NUL character after 中 on line 2 of UTF-16BE text with a mark: placed in characters.
        #expect(guess([0xFE, 0xFF, 0, 0x0A, 0x4E, 0x2D, 0, 0]) == "binary 2:2 0x00")
        // A mark followed by what is not that encoding: an unpaired surrogate D800, a cut unit,
        // a code point above U+10FFFF.
        #expect(guess([0xFF, 0xFE, 0x00, 0xD8, 0x61, 0x00]) == "notAsMarked UTF-16LE")
        #expect(guess([0xFE, 0xFF, 0x00]) == "notAsMarked UTF-16BE")
        #expect(guess([0, 0, 0xFE, 0xFF, 0, 0x11, 0, 0]) == "notAsMarked UTF-32BE")
    }

    /// The edges of the two guesses.
    @Test func encodingGuesses() {
        // "t1" in UTF-16LE and BE without a mark: NUL at every odd (even) offset.
        #expect(UTF8Text.looksLikeUTF16([0x74, 0, 0x31, 0, 0x3D, 0, 0x30, 0]))
        #expect(UTF8Text.looksLikeUTF16([0, 0x74, 0, 0x31, 0, 0x3D, 0, 0x30]))
        // One NUL in text, or NULs at both parities (binary), is not UTF-16.
        #expect(!UTF8Text.looksLikeUTF16(Array("garbage".utf8) + [0]))
        #expect(!UTF8Text.looksLikeUTF16([0, 0, 0, 0, 1, 2, 3, 4]))
        // 答案 in GBK; ₁ (U+2081) in GB18030 is four bytes, 81 36 AE 39 (python3: '₁'.encode('gb18030')).
        #expect(UTF8Text.looksLikeGBK([0x23, 0x20, 0xB4, 0xF0, 0xB0, 0xB8, 0x0A]))
        #expect(UTF8Text.looksLikeGBK(Array("z".utf8) + [0x81, 0x36, 0xAE, 0x39]))
        // A byte that cannot start a GBK character (0x80, 0xFF), a lead byte at the end, a control byte.
        #expect(!UTF8Text.looksLikeGBK([0x30, 0xFF, 0xFE]))
        #expect(!UTF8Text.looksLikeGBK([0x30, 0x80, 0x41]))
        #expect(!UTF8Text.looksLikeGBK([0x30, 0xB4]))
        #expect(!UTF8Text.looksLikeGBK([0x01, 0xB4, 0xF0]))
        // Plain ASCII has no pair: it is not GBK (it is UTF-8).
        #expect(!UTF8Text.looksLikeGBK(Array("t1.z[1] = 0.5987".utf8)))
    }
}
