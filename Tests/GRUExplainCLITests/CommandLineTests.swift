import GRUCore
import Foundation
import Testing
import GRUJSON
import GRULessons
@testable import GRUExplainCLI

@Suite struct CommandLineTests {
    @Test func helpAndVersion() {
        let help = runCLI(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("run"))
        #expect(help.stdout.contains("list"))
        let runHelp = runCLI(["run", "--help"])
        #expect(runHelp.status == 0)
        #expect(runHelp.stdout.contains("--format"))
        #expect(runHelp.stdout.contains("--lang"))
        #expect(runCLI(["help", "list"]).stdout.contains("Usage: gru-explain list"))
        #expect(runCLI(["--version"]).stdout == "gru-explain \(GRUExplain.version)\n")
    }

    @Test func noArgumentsPrintsUsageAndFails() {
        let r = runCLI([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Usage: gru-explain <command>"))
    }

    @Test func usageErrorsAreOneLineWithStatus2() {
        let cases: [([String], String)] = [
            (["rnu", "lesson1"], "unknown command 'rnu'. Did you mean 'run'?"),
            (["run", "lesson1", "--formt", "json"], "unknown option '--formt'; did you mean --format?"),
            (["run", "lesson1", "--format", "yaml"], "--format must be one of text, markdown"),
            (["run", "lesson1", "--digits", "-1"], "--digits must be a whole number from 0 to 17, found '-1'"),
            (["run", "lesson1", "--lang", "fr"], "--lang must be zh, en or both (both: --format html only), found 'fr'"),
            (["list", "--lang", "both"], "--lang must be zh or en, found 'both'"),
            (["run", "lesson1", "--only", "forwrd"], "unknown section 'forwrd'; did you mean forward?"),
            (["run", "lesson1", "--timestep", "4"], "--timestep must be a whole number from 1 to 3, found '4'"),
            (["run"], "which lesson?"),
            (["run", "lesson9"], "lesson9: unknown lesson: the bundled lessons are"),
            (["run", "lesson1", "--format"], "--format needs a value"),
            (["run", "lesson1", "-o", ""], "run: --output needs a file name (or - for standard output), found an empty one"),
            (["run", "lesson1", "--lang", "fr_FR"], "found 'fr_FR'"),
        ]
        for (arguments, fragment) in cases {
            let r = runCLI(arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stdout.isEmpty, "\(arguments)")
            #expect(r.stderr.contains(fragment), "\(arguments): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
        }
    }

    @Test func jsonTraceHasTheSeedNumbers() throws {
        let r = runCLI(["run", "lesson1", "--format", "json"])
        #expect(r.status == 0)
        guard case .object(let root) = try JSONParser.parse(r.stdout),
              case .array(let sequences)? = root["sequences"],
              case .object(let s0)? = sequences.first,
              case .array(let forward)? = s0["forward"] else {
            Issue.record("trace has no sequences[0].forward"); return
        }
        func values(_ t: Int, _ key: String) -> [Double] {
            guard case .object(let step) = forward[t - 1], case .array(let a)? = step[key] else { return [] }
            return a.compactMap { if case .number(let n) = $0 { return n.value } else { return nil } }
        }
        // The seed's surviving numbers, to 4 decimals.
        func r4(_ v: [Double]) -> [Double] { v.map { ($0 * 10_000).rounded() / 10_000 } }
        #expect(r4(values(1, "z")) == [0.5987, 0.5987])
        #expect(r4(values(1, "r")) == [0.6106, 0.6106])
        #expect(r4(values(1, "h_tilde")) == [0.4621, 0.4621])
        #expect(r4(values(1, "h")) == [0.1855, 0.1855])
        #expect(r4(values(2, "h")) == [0.3903, 0.3903])
    }

    @Test func languageFollowsTheLocale() throws {
        let zh = runCLI(["list"], environment: ["LANG": "zh_CN.UTF-8"])
        let en = runCLI(["list"], environment: ["LANG": "en_US.UTF-8"])
        let overridden = runCLI(["list"], environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"])
        #expect(zh.stdout.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(!en.stdout.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(overridden.stdout == en.stdout)   // LC_ALL wins over LANG
        #expect(runCLI(["list", "--lang", "zh"], environment: ["LANG": "C"]).stdout == zh.stdout)
        // --lang takes locale names as LANG does.
        for tag in ["zh_CN", "zh-Hans", "ZH", "zh_TW.UTF-8"] {
            #expect(runCLI(["list", "--lang", tag], environment: ["LANG": "C"]).stdout == zh.stdout, "\(tag)")
        }
        for tag in ["en_US.UTF-8", "en-GB", "EN"] {
            #expect(runCLI(["list", "--lang", tag], environment: ["LANG": "zh_CN.UTF-8"]).stdout == en.stdout, "\(tag)")
        }
    }

    /// A name that is neither a bundled lesson nor a path, while a file of that name is here: the
    /// message says how to give it as a path.
    @Test func aFileNamedLikeALessonIdIsPointedTo() async throws {
        let dir = scratchFolder("gru-explain-noext")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{}".utf8).write(to: dir.appendingPathComponent("mylesson"))
        let r = try await runBinary(["run", "mylesson"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "gru-explain: mylesson: not a bundled lesson (lesson1, lesson2, lesson3); to read the file of that name as a lesson, give it as ./mylesson\n")
    }

    @Test func divergenceIsStatus3WithWhereItHappened() throws {
        // lesson1 with a learning rate of 1e300: the first update throws the parameters to ~1e300,
        // so the loss of epoch 2 overflows.
        let file = try lesson1(learningRate: "1e300")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = runCLI(["run", file.path, "--format", "json"])
        #expect(r.status == 3)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("the loss became non-finite at epoch 2, timestep 1"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func aDivergingLessonStillShowsItsFirstPass() throws {
        // lesson1 at learning rate 5 diverges at epoch 135; the forward pass, the worksheet and
        // everything before training need no training, so they work (exit 0).
        let file = try lesson1(learningRate: "5")
        defer { try? FileManager.default.removeItem(at: file) }
        for format in ["text", "json", "tsv"] {
            #expect(runCLI(["run", file.path, "--only", "forward,bptt,update", "--format", format]).status == 0, "\(format)")
        }
        #expect(runCLI(["worksheet", file.path]).status == 0)
        let training = runCLI(["run", file.path, "--only", "training"])
        #expect(training.status == 3)
        #expect(training.stderr.contains("at epoch 135, timestep 1 (y reached"), "\(training.stderr)")
    }

    @Test func everySectionAloneInEveryFormat() {
        // --only training/model/apply skip the detailed pass (Trace.record(detailed: false));
        // every renderer must cope with a trace that has no sequences.
        for format in RunCommand.formats {
            for section in LessonSection.allCases {
                let r = runCLI(["run", "lesson1", "--only", section.rawValue, "--format", format])
                #expect(r.status == 0 && !r.stdout.isEmpty, "--only \(section.rawValue) --format \(format): \(r.stderr)")
            }
        }
    }

    @Test func colorOnlyOnATerminalWithoutNoColor() {
        #expect(ColorMode.auto.isOn(context(terminal: true), toFile: false))
        #expect(!ColorMode.auto.isOn(context(terminal: false), toFile: false))
        #expect(!ColorMode.auto.isOn(context(terminal: true, env: ["NO_COLOR": "1"]), toFile: false))
        #expect(!ColorMode.auto.isOn(context(terminal: true), toFile: true))
        #expect(ColorMode.always.isOn(context(terminal: false), toFile: false))
        #expect(!ColorMode.never.isOn(context(terminal: true), toFile: false))
    }

    /// Text laid out for 100 columns on a narrower terminal: one line on stderr, before the output,
    /// in the chosen language; the output itself is unchanged. Not when stdout is a pipe or a
    /// file, nor when the terminal is wide enough.
    @Test func aNarrowTerminalGetsOneLineOfAdvice() {
        let arguments = ["run", "lesson1", "--only", "loss", "--lang", "zh"]
        let wide = runCLI(arguments, environment: ["COLUMNS": "120"], terminal: true)
        let narrow = runCLI(arguments, environment: ["COLUMNS": "80"], terminal: true)
        #expect(wide.stderr.isEmpty)
        #expect(narrow.stderr == "gru-explain: 按 100 列排版，终端只有 80 列；请把窗口拉宽，或改用 --format html。\n")
        #expect(narrow.stdout == wide.stdout)
        #expect(runCLI(arguments, environment: ["COLUMNS": "80"], terminal: false).stderr.isEmpty)   // a pipe
        let english = runCLI(["compare", "lesson1", "--lang", "en"], environment: ["COLUMNS": "72"], terminal: true)
        #expect(english.stderr.hasPrefix("gru-explain: laid out for "))
        #expect(english.stderr.hasSuffix(" columns, the terminal has 72; widen it or use --format markdown\n"))
        let markdown = runCLI(["compare", "lesson1", "--format", "markdown"], environment: ["COLUMNS": "72"], terminal: true)
        #expect(markdown.stderr.isEmpty)
        final class Box: @unchecked Sendable { var err = "" }
        let box = Box()
        let measured = Context(environment: [:], stdoutIsTerminal: true, terminalColumns: 90, writeOut: { _ in }, writeErr: { box.err += $0 })
        _ = GRUExplain.main(["run", "lesson1", "--only", "model", "--lang", "en"], context: measured)
        #expect(box.err == "gru-explain: laid out for 100 columns, the terminal has 90; widen it or use --format html\n")
    }

    /// `run ""` (an empty lesson name, as a script with an unset variable gives): one sentence that
    /// says so and lists the bundled lessons, with no empty name before it; exit status 2.
    @Test func anEmptyLessonNameIsSaidSo() {
        let zh = runCLI(["run", "", "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr == "gru-explain: 课程名是空的：请写内置课程名（lesson1、lesson2、lesson3），或自己课程的 .json 文件路径\n")
        let en = runCLI(["worksheet", "  ", "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr == "gru-explain: the lesson name is empty: name a bundled lesson (lesson1, lesson2, lesson3) "
                + "or give the path of your own lesson's .json file\n")
    }

    private func context(terminal: Bool, env: [String: String] = [:]) -> Context {
        Context(environment: env, stdoutIsTerminal: terminal, writeOut: { _ in }, writeErr: { _ in })
    }

    /// A temporary copy of lessons/lesson1.json with another learning rate (lesson1's is 0.05).
    private func lesson1(learningRate: String) throws -> URL {
        let original = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons/lesson1.json"), encoding: .utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lr-\(learningRate)-\(UUID().uuidString).json")
        try original.replacingOccurrences(of: "\"learning_rate\": 0.05", with: "\"learning_rate\": \(learningRate)")
            .write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
