import Foundation
import Testing
@testable import GRURender
import GRUCheck

extension WorkbookBrowserTests {
    /// 约 and 大约 in front of a number (issue 16): the page reads them as `AnswerSheet` does,
    /// from the one list `AnswerSheet.aboutSigns` that the page's data carries.
    @Test(.enabled(if: enabled, "Chromium or python3 is not installed: the workbook's browser tests are skipped"))
    func readsYueAsTheSheetDoes() async throws {
        let corpus = ["约0.6", "约 0.6", "大约0.6", "大约 0.5987", "约－0.6", "约0.5987。", "0.6约", "约", "约约0.6", "≈0.6"]
        // The first four are numbers, as ≈0.6 is; the page must say so too.
        #expect(corpus.prefix(4).allSatisfy { AnswerSheet.parse(Array("t1.z[1] = \($0)\n".utf8)).errors.isEmpty })
        try await Self.expectPageReadsAsSheet(corpus, page: Self.page("lesson1", languages: [.zh], start: .zh))
    }

    /// Each typed value read by the page (`gruExplain.read`) and by `AnswerSheet`: both refuse it,
    /// or both read the same value, text, unit, decimals and form quoted back.
    static func expectPageReadsAsSheet(_ corpus: [String], page: URL) async throws {
        let values = try await evaluate(page, corpus.map { "JSON.stringify(gruExplain.read(\(quoted($0))))" })
        for (text, value) in zip(corpus, values) {
            let (sheet, errors) = AnswerSheet.parse(Array("t1.z[1] = \(text)\n".utf8))
            let expected = errors.isEmpty ? sheet.lines.first?.value : nil
            let read = (try? JSONSerialization.jsonObject(with: Data(((value as? String) ?? "null").utf8), options: [.fragmentsAllowed])) as? [String: Any]
            #expect((read == nil) == (expected == nil), "'\(text)': the page reads \(String(describing: read)), the sheet \(String(describing: expected))")
            guard let read, let expected else { continue }
            #expect(read["value"] as? Double == expected.value, "'\(text)'")
            #expect(read["text"] as? String == expected.text, "'\(text)'")
            #expect(read["unit"] as? Double == expected.unit, "'\(text)'")
            #expect(read["decimals"] as? Int == expected.decimals, "'\(text)'")
            #expect(read["written"] as? String == expected.written, "'\(text)'")
        }
    }
}
