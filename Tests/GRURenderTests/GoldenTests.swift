import Foundation
import Testing
import GRURender

/// The walkthrough of lesson1 compared with the files under Golden/, one per renderer × language
/// (plus the ASCII fallback). `GRU_EXPLAIN_RECORD=1 swift test` rewrites them in the source tree;
/// a mismatch prints a line diff.
@Suite struct GoldenTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var markdown: Bool
        var options: RenderOptions
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "lesson1.zh.txt", markdown: false, options: RenderOptions(language: .zh)),
        Case(file: "lesson1.en.txt", markdown: false, options: RenderOptions(language: .en)),
        Case(file: "lesson1.zh.md", markdown: true, options: RenderOptions(language: .zh)),
        Case(file: "lesson1.en.md", markdown: true, options: RenderOptions(language: .en)),
        Case(file: "lesson1.en.ascii.txt", markdown: false, options: RenderOptions(language: .en, ascii: true)),
    ]

    @Test(arguments: cases) func matchesGolden(_ c: Case) throws {
        let actual = c.markdown
            ? MarkdownRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: c.options)
            : TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: c.options)
        try Golden.check(actual, file: c.file)
    }
}

enum Golden {
    /// The Golden/ folder in the source tree, next to this file (where recording writes).
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, file: String) throws {
        if ProcessInfo.processInfo.environment["GRU_EXPLAIN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try actual.write(to: sourceDirectory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            return
        }
        let url = Bundle.module.url(forResource: "Golden/" + file, withExtension: nil)
            ?? sourceDirectory.appendingPathComponent(file)
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if actual != expected {
            let message = "\(file) differs from its golden file (re-record with GRU_EXPLAIN_RECORD=1):\n" + lineDiff(expected, actual)
            Issue.record(Comment(rawValue: message))
        }
    }

    /// A page with its style sheet and its script left out, `<style>…</style>` and
    /// `<script>…</script>`, so that a change of style or behaviour does not rewrite the golden
    /// file of the page's content. A script that holds data (`<script type="application/json">`)
    /// stays: it is content. The style and the script are tested where they act: in the browser.
    static func content(ofPage html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = [rest.range(of: "<style>"), rest.range(of: "<script>")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let tag = rest[open].dropFirst().dropLast()
            guard let close = rest[open.upperBound...].range(of: "</\(tag)>") else { break }
            out += rest[..<open.upperBound] + "…"
            rest = rest[close.lowerBound...]
        }
        return out + rest
    }

    /// A small line diff: `-` for golden lines that are gone, `+` for new ones, with their line numbers.
    static func lineDiff(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence, then walk it.
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] { i += 1; j += 1; continue }
            if j < b.count && (i == a.count || lcs[i][j + 1] > lcs[i + 1][j]) {
                out.append("+\(j + 1): " + b[j]); j += 1
            } else {
                out.append("-\(i + 1): " + a[i]); i += 1
            }
            if out.count >= 60 { out.append("… (diff cut at 60 lines)"); break }
        }
        return out.joined(separator: "\n")
    }
}
