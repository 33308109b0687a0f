import Foundation
import Testing
@testable import GRUExplainCLI

/// `run --format html` and `--lang both` on the command line.
@Suite struct HTMLCommandTests {
    @Test func bothLanguagesOnlyForHTML() {
        for format in ["text", "markdown", "json"] {
            let r = runCLI(["run", "lesson1", "--format", format, "--lang", "both"])
            #expect(r.status == 2)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == "gru-explain: run: --lang both works only with --format html (slides with a zh/en switch); for \(format) choose --lang zh or --lang en\n")
        }
        #expect(runCLI(["run", "lesson1", "--lang", "both"]).stderr.contains("--lang both works only with --format html"))
    }

    @Test func htmlWithBothLanguagesOpensInTheLocalesLanguage() {
        let zh = runCLI(["run", "lesson1", "--format", "html", "--lang", "both"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 0 && zh.stderr.isEmpty)
        #expect(zh.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\" data-lang=\"zh\""))
        #expect(zh.stdout.contains("data-set-lang=\"en\""))                      // the switch
        let en = runCLI(["run", "lesson1", "--format", "html", "--lang", "BOTH"], environment: [:])
        #expect(en.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-lang=\"en\""))
        // One language: no switch, no other language's content.
        let one = runCLI(["run", "lesson1", "--format", "html", "--lang", "zh"])
        #expect(!one.stdout.contains("data-set-lang=\"en\"") && !one.stdout.contains(" lang=\"en\"") && !one.stdout.contains("data-lang=\"en\">"))
    }

    @Test func htmlIsSelfContained() {
        let html = runCLI(["run", "lesson1", "--format", "html", "--lang", "both", "--color", "always"]).stdout
        #expect(!html.contains("\u{1B}"))                                       // never a colour escape
        for reference in ["http://", "https://", "src=", "@import", "url(", "<link"] {
            #expect(!html.contains(reference), "the page refers to something outside itself: \(reference)")
        }
    }

    @Test func runHelpMentionsStepAndHTML() {
        let help = runCLI(["run", "--help"]).stdout
        #expect(help.contains("--step"))
        #expect(help.contains("zh|en|both"))
        #expect(help.contains("html"))
    }
}
