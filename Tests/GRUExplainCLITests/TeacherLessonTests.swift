import Foundation
import Testing
import GRULessons

/// Lessons as a teacher writes them from docs/lesson-format.md (issue 14): in one language, with
/// every problem reported at once, in the user's language, and nothing raw reaching a terminal.
@Suite struct TeacherLessonTests {
    /// The one-language example of docs/lesson-format.md: English only, no description, a note of
    /// two paragraphs.
    static let english = """
    {
      "format": "gru-explain.lesson/1",
      "id": "add-one",
      "title": "Adding one, by hand",
      "notes": {"forward": "Watch z.\\n\\nThen watch h."},
      "model": {"input_size": 1, "hidden_size": 2, "output_size": 1},
      "init": {"seed": 7, "scale": 0.5},
      "sequences": [{"inputs": [1, 2], "targets": [2, 3]}],
      "training": {"learning_rate": 0.1, "epochs": 20}
    }
    """

    /// The same in Chinese only, with a description of two paragraphs and an application.
    static let chinese = """
    {
      "format": "gru-explain.lesson/1",
      "id": "jia-yi",
      "title": {"zh": "学会加一"},
      "description": {"zh": "一个很小的 GRU。\\n\\n先算前向传播，再看梯度。"},
      "model": {"input_size": 1, "hidden_size": 2, "output_size": 1},
      "init": {"seed": 7, "scale": 0.5},
      "sequences": [{"inputs": [1, 2], "targets": [2, 3]}],
      "training": {"learning_rate": 0.1, "epochs": 20},
      "apply": {"inputs": [3]}
    }
    """

    static func write(_ text: String, _ name: String, in folder: URL) -> String {
        let url = folder.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(arguments: ["en", "zh"])
    func aOneLanguageLessonRunsInEveryFormatAndCommand(_ lang: String) throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (text, title) in [(Self.english, "Adding one, by hand"), (Self.chinese, "学会加一")] {
            let path = Self.write(text, "lesson.json", in: dir)
            for format in ["text", "markdown", "json", "tsv", "html"] {
                let r = runCLI(["run", path, "--format", format, "--lang", lang])
                #expect(r.status == 0 && r.stderr.isEmpty, "\(format): \(r.stderr)")
                // The title, in the one language it was written in, whatever --lang is (tsv has no words).
                if format != "tsv" { #expect(r.stdout.contains(title), "\(format) \(lang)") }
            }
            // The rest of the output stays in the language asked for.
            let text = runCLI(["run", path, "--lang", lang]).stdout
            #expect(text.contains(lang == "zh" ? "前向传播" : "Forward pass"))
            for command in [["worksheet", path], ["compare", path], ["gradcheck", path], ["export", path, "--to", "pytorch"]] {
                let r = runCLI(command + ["--lang", lang])
                #expect(r.status == 0, "\(command[0]): \(r.stderr)")
                #expect(!r.stdout.isEmpty, "\(command[0])")
            }
            let sheet = Self.write(runCLI(["worksheet", path, "--lang", lang]).stdout, "sheet.txt", in: dir)
            #expect(runCLI(["check", path, sheet, "--lang", lang]).status == 0)
        }
    }

    /// Paragraph breaks (`\n\n`) of a description or a note are paragraphs in every format.
    @Test func paragraphsAreShownAsParagraphs() throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        let zh = Self.write(Self.chinese, "zh.json", in: dir)
        let text = runCLI(["run", zh, "--lang", "zh", "--only", "model"]).stdout
        #expect(text.contains("一个很小的 GRU。\n\n先算前向传播，再看梯度。"))
        let markdown = runCLI(["run", zh, "--lang", "zh", "--only", "model", "--format", "markdown"]).stdout
        #expect(markdown.contains("一个很小的 GRU。\n\n先算前向传播，再看梯度。"))
        let html = runCLI(["run", zh, "--lang", "zh", "--only", "model", "--format", "html"]).stdout
        #expect(html.contains("<p>一个很小的 GRU。</p>") && html.contains("<p>先算前向传播，再看梯度。</p>"))
        let en = Self.write(Self.english, "en.json", in: dir)
        let note = runCLI(["run", en, "--lang", "en", "--only", "forward"]).stdout
        #expect(note.contains("│ About this lesson: Watch z.\n│\n│ Then watch h."))
        let noteMarkdown = runCLI(["run", en, "--lang", "en", "--only", "forward", "--format", "markdown"]).stdout
        #expect(noteMarkdown.contains("> **About this lesson**: Watch z.\n>\n> Then watch h."))
        let noteHTML = runCLI(["run", en, "--lang", "en", "--only", "forward", "--format", "html"]).stdout
        #expect(noteHTML.contains("Watch z.</p><p>Then watch h.</p></aside>"))
    }

    /// Every problem at once, a line each in file order, exit 2, nothing on stdout; in the
    /// user's language (--lang, else the locale).
    @Test func everyProblemIsReportedAtOnceInTheUsersLanguage() throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(Self.english.replacing(#""id": "add-one""#, with: #""id": "add one""#)
            .replacing(#""hidden_size": 2"#, with: #""hidden_size": 2, "loss": "mse""#)
            .replacing(#""learning_rate": 0.1"#, with: #""learning_rate": -0.1"#), "bad.json", in: dir)
        let en = runCLI(["run", path, "--lang", "en"])
        #expect(en.status == 2 && en.stdout.isEmpty)
        #expect(en.stderr == """
            gru-explain: \(path): id: "add one" contains the character " "; an id may use only the letters A–Z and a–z, digits, '_' and '-'
            gru-explain: \(path): model.loss: expected one of "half_squared", "squared", found the string "mse"
            gru-explain: \(path): training.learning_rate: expected a learning rate > 0, found the number -0.1

            """)
        let zh = runCLI(["worksheet", path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 2 && zh.stdout.isEmpty)
        #expect(zh.stderr.contains("\(path)：model.loss：应为以下之一：\"half_squared\"、\"squared\"，实际是字符串 \"mse\"\n"))
        #expect(zh.stderr.contains("\(path)：training.learning_rate：应为大于 0 的学习率，实际是数 -0.1\n"))
        #expect(zh.stderr.split(separator: "\n").count == 3)
    }

    /// A file name, a title or any other text the user gave is echoed with its control
    /// characters escaped: an escape sequence in a file name does not reach the terminal.
    @Test func echoedTextIsEscaped() throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        let evil = dir.appendingPathComponent("a\u{1B}[2Jb.json").path
        for arguments in [["run", evil], ["worksheet", evil], ["compare", evil], ["run", "lesson1", "--format", "x\u{7}"], ["r\u{1B}n"]] {
            let r = runCLI(arguments)
            #expect(r.status == 2)
            #expect(!r.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, "\(arguments)")
            #expect(r.stderr.contains(#"\u001B"#) || r.stderr.contains(#"\u0007"#), "\(arguments): \(r.stderr)")
        }
        // A title with an escape sequence is refused, naming the field and the character.
        let path = Self.write(Self.english.replacing("Adding one, by hand", with: #"\u001b]0;pwned\u0007Adding"#), "t.json", in: dir)
        let r = runCLI(["run", path, "--lang", "en"])
        #expect(r.stderr == "gru-explain: \(path): title: the text contains the control character U+001B (character 1), which could change the terminal of whoever shows the lesson; remove it\n")
    }

    /// A lesson file's worksheet names the file as the user did in its "then run" line, and
    /// that command, run from the same folder on the filled sheet, marks it.
    @Test func theWorksheetsOwnCommandMarksTheSheet() async throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("my lessons"), withIntermediateDirectories: true)
        _ = Self.write(Self.english, "my lessons/add one.json", in: dir)
        let sheet = try await runBinary(["worksheet", "my lessons/add one.json", "--lang", "en"], in: dir)
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stdout.contains("# Then run: gru-explain check 'my lessons/add one.json' this-file\n"))
        // The student fills in h₁[1] from the trace and runs the line's command.
        let h = runCLI(["run", dir.appendingPathComponent("my lessons/add one.json").path, "--format", "tsv", "--digits", "4"])
            .stdout.split(separator: "\n").first { $0.hasPrefix("s1.t1.h[1]\t") || $0.hasPrefix("t1.h[1]\t") }
        let value = try #require(h?.split(separator: "\t").last)
        let filled = sheet.stdout.replacing("\nt1.h[1] =\n", with: "\nt1.h[1] = \(value)\n")
        try Data(filled.utf8).write(to: dir.appendingPathComponent("answers.txt"))
        let check = try await runBinary(["check", "my lessons/add one.json", "answers.txt", "--lang", "en"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("t1.h[1]"))
        // A bundled lesson keeps its id.
        #expect(runCLI(["worksheet", "lesson1", "--lang", "en"]).stdout.contains("# Then run: gru-explain check lesson1 this-file\n"))
    }

    /// --help and usage errors follow --lang or the locale.
    @Test func helpAndUsageErrorsInChinese() {
        let help = runCLI(["run", "--help"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(help.stdout.hasPrefix("用法：gru-explain run "))
        #expect(help.stdout.contains("--timestep N") && help.stdout.contains("前向传播和 BPTT 只详细显示第 N 个时间步"))
        #expect(runCLI(["--help", "--lang", "zh"]).stdout.contains("命令："))
        #expect(runCLI(["run", "--help", "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"]).stdout.hasPrefix("Usage: gru-explain run "))
        let typo = runCLI(["run", "lesson1", "--formt", "html", "--lang", "zh"])
        #expect(typo.status == 2 && typo.stderr == "gru-explain: run：没有选项 '--formt'；是不是想写 --format？\n")
        #expect(runCLI(["rnu"], environment: ["LC_ALL": "zh_TW.UTF-8"]).stderr.hasPrefix("gru-explain: 没有命令 'rnu'。是不是想写 'run'？"))
    }

    /// compare: no "[]" for a lesson without apply; exit 3 when every convention diverged.
    @Test func compareWithoutApplyAndWhenEveryConventionDiverges() throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(Self.english, "en.json", in: dir)
        let r = runCLI(["compare", path, "--lang", "en"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("[]") && r.stdout.contains("from the same parameters (the lesson gives\nno new input to run on)."))
        // A learning rate of 1e150 overflows the update of epoch 1 under every convention.
        let wild = Self.write(Self.english.replacing(#""learning_rate": 0.1"#, with: #""learning_rate": 1e150"#), "wild.json", in: dir)
        let d = runCLI(["compare", wild, "--lang", "en"])
        #expect(d.status == 3, "\(d.stderr)")
        #expect(!d.stdout.isEmpty && d.stderr.contains("training diverged under every convention"))
    }

    /// The HTML limit counts the slides that --only, --timestep and --sequence leave, and its
    /// message suggests an option that fits. Hidden 16, 20 timesteps: P = 3·16·(1 + 16 + 1) + 16 + 1
    /// = 881 parameters. The walkthrough shows the parameters (881), the forward pass (20 × 132),
    /// the loss terms (20 × 2), BPTT (20 × 177), the accumulation (20·881 + 881 = 18,501), the
    /// update (3 × 881), training (881 + 20 losses): 29,146 numbers (LessonCost.shownNumbers).
    @Test func theSlidesLimitCountsWhatIsShown() throws {
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(Self.english.replacing(#""hidden_size": 2"#, with: #""hidden_size": 16"#)
            .replacing(#"[{"inputs": [1, 2], "targets": [2, 3]}]"#, with: #"[{"inputs": [\#(Array(repeating: "0.1", count: 20).joined(separator: ","))], "targets": [\#(Array(repeating: "0.2", count: 20).joined(separator: ","))]}]"#),
            "big.json", in: dir)
        let all = runCLI(["run", path, "--format", "html", "--lang", "en"])
        #expect(all.status == 2 && all.stdout.isEmpty)
        #expect(all.stderr == "gru-explain: \(path): the slides would show 29146 numbers, too many to lay out; --format html shows at most 20000 numbers; try --only forward --timestep 1 (132 numbers), or --format text or markdown\n")
        let one = runCLI(["run", path, "--format", "html", "--only", "forward", "--timestep", "1"])
        #expect(one.status == 0, "\(one.stderr)")
    }

    /// A lesson too large to run is refused from its sizes, before its parameters are drawn
    /// (hidden 4096 would draw 50 million of them): `admit` sees the cost first.
    @Test func aLessonTooLargeIsRefusedBeforeItsParametersAreDrawn() throws {
        let big = Self.english.replacing(#""hidden_size": 2"#, with: #""hidden_size": 4096"#)
        var seen: LessonCost? = nil
        let e = #expect(throws: LessonError.self) {
            try LessonDecoder.decode(Array(big.utf8), file: "big.json", source: "big.json") { cost in seen = cost; return false }
        }
        #expect(e?.refused == true && e?.problems.isEmpty == true)
        #expect(seen?.parameters == 3 * 4096 * (1 + 4096 + 1) + 4096 + 1)
        let r = runCLI(["export", "lesson1", "--to", "pytorch"])
        #expect(r.status == 0)
        let dir = scratchFolder("gru-explain-teacher")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(big, "big.json", in: dir)
        let x = runCLI(["export", path, "--to", "pytorch", "--lang", "en"])
        #expect(x.status == 2 && x.stderr.contains("the script would write out 5e7 numbers"), "\(x.stderr)")
    }
}
