import Foundation
import Testing
@testable import GRUExplainCLI

/// `run --sequence K`: the walkthrough of one of a lesson's sequences (lesson3 has 7), for text,
/// markdown, html and --step; a usage error for the full traces (json, tsv) and out of range.
@Suite struct SequenceOptionTests {
    @Test func outOfRangeOrForAFullTraceIsAUsageError() {
        let cases: [([String], String)] = [
            (["run", "lesson3", "--sequence", "8"], "run: --sequence must be a whole number from 1 to 7, found '8'"),
            (["run", "lesson3", "--sequence", "0"], "run: --sequence must be a whole number from 1 to 7, found '0'"),
            (["run", "lesson1", "--sequence", "2"], "run: --sequence: lesson1 has only one sequence, found '2'"),
            (["run", "lesson3", "--sequence", "two"], "run: --sequence must be a whole number from 1 to 7, found 'two'"),
            // --timestep counts within the sequence shown.
            (["run", "lesson3", "--sequence", "2", "--timestep", "4"], "run: --timestep must be a whole number from 1 to 3, found '4'"),
            (["run", "lesson3", "--sequence", "2", "--format", "json"],
             "run: --sequence chooses the sequence the walkthrough details (text, markdown, html); --format json is the full trace of every sequence"),
            (["run", "lesson3", "--sequence", "2", "--format", "tsv"],
             "run: --sequence chooses the sequence the walkthrough details (text, markdown, html); --format tsv is the full trace of every sequence (keep one with grep '^sK\\.')"),
        ]
        for (arguments, message) in cases {
            let r = runCLI(arguments)
            #expect(r.status == 2 && r.stdout.isEmpty, "\(arguments)")
            #expect(r.stderr == "gru-explain: \(message)\n", "\(arguments)")
        }
    }

    @Test func markdownAndSlidesShowTheChosenSequence() {
        let markdown = runCLI(["run", "lesson3", "--sequence", "6", "--format", "markdown", "--lang", "en"])
        #expect(markdown.status == 0 && markdown.stderr.isEmpty)
        #expect(markdown.stdout.contains("Sequence 6 · Timestep 1") && !markdown.stdout.contains("Sequence 1 · Timestep 1"))
        #expect(markdown.stdout.contains("here is sequence 6 in detail"))
        // 82 slides instead of 246 (HTMLTests.noSlideIsNearlyEmpty).
        let html = runCLI(["run", "lesson3", "--sequence", "1", "--format", "html", "--lang", "both"])
        #expect(html.status == 0 && html.stderr.isEmpty)
        #expect(html.stdout.components(separatedBy: "<section class=\"slide").count - 1 == 82)
    }

    /// --totals: lesson3's accumulation as its sums only (no per-timestep shares), sequence 2's
    /// shares with --sequence 2; json and tsv refuse it, with exit status 2.
    @Test func totalsShortenTheAccumulation() {
        let text = runCLI(["run", "lesson3", "--totals", "--only", "accumulation", "--lang", "en"])
        #expect(text.status == 0 && text.stderr.isEmpty)
        #expect(text.stdout.contains("(--totals)") && !text.stdout.contains("Sequence 1 · t = 1") && text.stdout.contains("Σ = ∂L/∂θ"))
        let one = runCLI(["run", "lesson3", "--totals", "--sequence", "2", "--only", "accumulation", "--lang", "en"])
        #expect(one.stdout.contains("Sequence 2 · t = 3") && one.stdout.contains("The other 6 sequences") && !one.stdout.contains("Sequence 1 · t = 1"))
        for format in ["json", "tsv"] {
            let refused = runCLI(["run", "lesson3", "--totals", "--format", format])
            #expect(refused.status == 2 && refused.stderr.contains("--totals"), "\(format)")
        }
    }

    /// --step without a terminal prints the plain walkthrough: the same one --sequence limits.
    @Test func stepModeUsesTheSamePages() {
        let plain = runCLI(["run", "lesson3", "--sequence", "3", "--lang", "zh"])
        let step = runCLI(["run", "lesson3", "--sequence", "3", "--lang", "zh", "--step"])
        #expect(step.status == 0 && step.stdout == plain.stdout)
        #expect(plain.stdout.contains("▸ 序列 3 · 时间步 1") && !plain.stdout.contains("▸ 序列 4 · 时间步 1"))
    }

    @Test func helpExplainsIt() {
        let help = runCLI(["run", "--help"]).stdout
        #expect(help.contains("--sequence K"))
        #expect(help.contains("json and tsv are the full trace and refuse it"))
    }
}
