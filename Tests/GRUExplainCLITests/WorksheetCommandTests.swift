import Foundation
import Testing
@testable import GRUExplainCLI

/// `gru-explain worksheet`: the command line. The sheet's layout is pinned by the golden files in
/// GRURenderTests; filling it in and checking it by GRUCheckTests.
@Suite struct WorksheetCommandTests {
    @Test func lesson1InBothLanguages() {
        for language in ["zh", "en"] {
            let r = runCLI(["worksheet", "lesson1", "--lang", language])
            #expect(r.status == 0 && r.stderr.isEmpty)
            let answers = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(answers.count == 259)          // every value of the detailed pass (WorksheetTests)
            #expect(answers.first == "t1.a_z[1] =" && answers.last == "update.by[1] =")
        }
    }

    @Test func onlyAndTimestep() {
        let r = runCLI(["worksheet", "lesson1", "--only", "forward", "--timestep", "1"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.allSatisfy { $0.hasPrefix("t1.") })
        let training = runCLI(["worksheet", "lesson1", "--only", "training"])
        #expect(training.status == 2 && training.stderr.contains("nothing there is computed by hand"))
        #expect(runCLI(["worksheet", "lesson1", "--timestep", "4"]).status == 2)
        // The error names the command the user ran, not `run` (whose --only parsing it shares).
        let typo = runCLI(["worksheet", "lesson1", "--only", "forwrd"])
        #expect(typo.stderr.hasPrefix("gru-explain: worksheet: --only: unknown section 'forwrd'; did you mean forward?"), "\(typo.stderr)")
        #expect(runCLI(["worksheet", "lesson1", "--only", ","]).stderr.contains("worksheet: --only needs at least one section"))
        #expect(runCLI(["worksheet", "--help"]).stdout.contains("--timestep"))
    }

    /// An unknown lesson is said in the user's language (--lang or the locale), in every command,
    /// with the nearest bundled name when one is near.
    @Test func unknownLessonInTheStudentsLanguage() {
        let zh = runCLI(["check", "lesson 1", "answers.txt", "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr == "gru-explain: lesson 1：没有这节课：是不是想写 lesson1？内置课程有 lesson1、lesson2、lesson3；"
                + "要运行自己的课程，请给出 .json 文件的路径\n")
        let locale = runCLI(["worksheet", "lesson9"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(locale.status == 2 && locale.stderr.hasPrefix("gru-explain: lesson9：没有这节课：内置课程有 lesson1、"))
        let en = runCLI(["worksheet", "LESON2", "--lang", "en"])
        #expect(en.stderr == "gru-explain: LESON2: unknown lesson: did you mean lesson2? the bundled lessons are lesson1, lesson2, "
                + "lesson3; to run your own lesson, give the path of a .json file\n")
        #expect(runCLI(["run", "lesson9", "--lang", "zh"]).stderr.hasPrefix("gru-explain: lesson9：没有这节课："))
    }

    /// As a new user would: write the worksheet, fill in two values, check it.
    @Test func worksheetThenCheckEndToEnd() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try await runBinary(["worksheet", "lesson1", "--lang", "zh", "-o", "answers.txt"], in: dir)
        #expect(written.status == 0, "\(written.stderr)")
        let file = dir.appendingPathComponent("answers.txt")
        // z₁ = σ(0.4) = 0.5987 (the seed); a slip in z₁[2].
        let filled = try String(contentsOf: file, encoding: .utf8)
            .replacing("t1.z[1] =\n", with: "t1.z[1] = 0.5987\n").replacing("t1.z[2] =\n", with: "t1.z[2] = 0.5897\n")
        try Data(filled.utf8).write(to: file)
        let r = try await runBinary(["check", "lesson1", "answers.txt", "--lang", "zh"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("✓ t1.z[1]") && r.stdout.contains("✗ t1.z[2]"))
        #expect(r.stdout.contains("得分 50%：已作答的 2 个量中，1 个正确或承前正确。"))
    }
}
