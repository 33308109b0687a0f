import Foundation
import Testing
import GRUCore
import GRURender
import GRUCheck

/// The check report as LayoutTests holds the walkthrough: every line within 100 columns
/// (汉字 count two), in both languages, with and without --ascii and --all, for every sheet under
/// Sheets/ (a full sheet, a rounded one, a slip and one sheet per diagnosed mistake). Under
/// --ascii only ASCII and Chinese text are left, as ASCIIFallbackTests asks of `run`.
@Suite struct CheckLayoutTests {

    /// Sheets/*.txt (Malformed/ holds sheets that cannot be read, so no report).
    static let sheets: [String] = {
        let folder = Bundle.module.url(forResource: "Sheets", withExtension: nil)!
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func thereAreSheetsAndMistakes() {
        #expect(Self.sheets.contains("lesson1-full.txt") && Self.sheets.contains("slip-z1.txt"))
        #expect(Self.sheets.filter { $0.hasPrefix("mistake-") }.count >= 9)
    }

    @Test(arguments: sheets) func everyLineFitsInOneHundredColumns(sheet: String) throws {
        let report = try Fixtures.check(sheet)
        let config = Fixtures.lesson1Trace.config
        for language in Language.allCases {
            for ascii in [false, true] {
                for all in [false, true] {
                    let text = CheckRenderer.text(report, config: config, language: language, all: all, ascii: ascii)
                    let variant = "\(sheet) --lang \(language)\(ascii ? " --ascii" : "")\(all ? " --all" : "")"
                    for line in text.split(separator: "\n").map(String.init) where DisplayWidth.of(line) > TextRenderer.width {
                        Issue.record("\(variant): \(DisplayWidth.of(line)) columns: \(line)")
                    }
                    guard ascii else { continue }
                    let strays = String(String.UnicodeScalarView(text.unicodeScalars.filter { !($0.isASCII || DisplayWidth.isWide($0.value)) }))
                    #expect(strays.isEmpty, "\(variant) leaves \(strays)")
                    // A symbol without an ASCII spelling would show as '?'; the student's blanks are '?' in both.
                    let unicode = CheckRenderer.text(report, config: config, language: language, all: all)
                    #expect(text.filter { $0 == "?" }.count == unicode.filter { $0 == "?" }.count, "\(variant) has a '?' for a symbol")
                }
            }
        }
    }

    /// The wrong marks of mistake-update_convention.txt at 100 columns: the diagnosis runs on to
    /// a second line two columns further in than the first, which stays under the mark; a key
    /// and the number after its `=` stay on one line.
    @Test(arguments: Language.allCases) func aLongDetailGoesOnUnderItself(language: Language) throws {
        let report = try Fixtures.check("mistake-update_convention.txt")
        let text = CheckRenderer.text(report, config: Fixtures.lesson1Trace.config, language: language, ascii: true)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("        ") && !$0.hasPrefix("         ") }, "no continuation line 8 columns in")
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasSuffix(" =") {
            let after = next.drop { $0 == " " }
            #expect(!(after.first.map { $0.isNumber || $0 == "-" } ?? false), "a number apart from its key: \(line) / \(next)")
        }
        for line in lines where line.hasPrefix("x ") {
            #expect(line.contains(language == .zh ? "错误 - 正确值 " : "wrong - expected "))
        }
    }
}
