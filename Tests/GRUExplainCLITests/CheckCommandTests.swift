import Foundation
import Testing
import GRUJSON
@testable import GRUExplainCLI

/// `gru-explain check` on sheets written to a temporary folder. The marking itself is tested in
/// GRUCheckTests; these tests pin the command: arguments, exit statuses, stderr, and that the
/// answers file is never written.
@Suite final class CheckCommandTests {
    /// A folder of each test's own (Swift Testing makes one instance per test), removed after it.
    let dir: URL = scratchFolder("gru-explain-check")

    deinit { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let url = dir.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let url = dir.appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    /// lesson1 to 4 decimals: z₁ = 0.5987, h₁ = 0.1855 (the seed, issue 2); y₁ = h₁ + 0.1 = 0.2855.
    static let good = "t1.z[1] = 0.5987\nt1.z[2] = 0.5987\nt1.h[1] = 0.1855\nt1.y[1] = 0.2855\n"

    @Test func correctSheetExits0() {
        let r = runCLI(["check", "lesson1", write("good.txt", Self.good), "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Marks "))
        #expect(r.stdout.contains("Score 100%: 4 of the 4 values answered are correct or follow-through."))
    }

    /// A sheet of `worksheet --only forward --timestep 1` (17 values), filled in from the trace
    /// to 4 decimals: scored against what it asks, not as 242 values missing.
    @Test func aPartialSheetIsScoredAgainstWhatItAsks() {
        let values = Dictionary(runCLI(["run", "lesson1", "--format", "tsv", "--digits", "4"]).stdout
            .split(separator: "\n").compactMap { line -> (String, String)? in
                let parts = line.split(separator: "\t")
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }, uniquingKeysWith: { a, _ in a })
        let sheet = runCLI(["worksheet", "lesson1", "--only", "forward", "--timestep", "1", "--lang", "zh"]).stdout
            .split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.hasSuffix(" ="), let v = values[String(line.dropLast(2))] else { return String(line) }
                return line + " " + v
            }.joined(separator: "\n")
        let r = runCLI(["check", "lesson1", write("t1.txt", sheet), "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("这份答卷包含本课 259 个量中的 17 个，全部正确。"))
        #expect(!r.stdout.contains("242"))
        let en = runCLI(["check", "lesson1", write("t1.txt", sheet), "--lang", "en"])
        #expect(en.stdout.contains("This sheet asks for 17 of the lesson's 259 values, and all of them are correct."))
    }

    /// --show wrong lists the wrong and follow-through lines only; the score stays.
    @Test func showWrong() {
        // z₁[1] = 0.5897 (a slip); h₁[1] = (1 − 0.5897)·0.4621 = 0.1896 follows through.
        let path = write("slip.txt", "t1.z[1] = 0.5897\nt1.z[2] = 0.5987\nt1.h[1] = 0.1896\n")
        let r = runCLI(["check", "lesson1", path, "--lang", "en", "--show", "wrong"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("✗ t1.z[1]") && r.stdout.contains("→ t1.h[1]") && !r.stdout.contains("✓ t1.z[2]"))
        #expect(r.stdout.contains("Score 67%: 2 of the 3 values answered are correct or follow-through."))
        let all = runCLI(["check", "lesson1", path, "--lang", "en", "--show", "all"])
        #expect(all.stdout.contains("✓ t1.z[2]"))
        let bad = runCLI(["check", "lesson1", path, "--show", "some"])
        #expect(bad.status == 2 && bad.stderr.contains("--show must be one of all, wrong"))
    }

    /// A sheet that cannot be read, and a file that is not there, in the user's language.
    @Test func sheetErrorsInTheUsersLanguage() {
        let path = write("twice.txt", "t1.z[1] = 0.5987\nt1.zz[2] = 0.5987\nt1.z[1] = 0.6\n")
        let zh = runCLI(["check", "lesson1", path, "--lang", "zh"])
        #expect(zh.status == 2 && zh.stdout.isEmpty)
        #expect(zh.stderr.contains("\(path):2: 本课没有 't1.zz[2]' 这个键；你是不是想写 't1.z[2]'？"))
        #expect(zh.stderr.contains("\(path):3: 't1.z[1]' 答了两次：第 1 行是 '0.5987'，这一行是 '0.6'；请删掉其中一行，或在行首加 # 把它注释掉"))
        let en = runCLI(["check", "lesson1", path, "--lang", "en"])
        #expect(en.stderr.contains("\(path):3: 't1.z[1]' is answered twice: '0.5987' on line 1 and '0.6' here; delete one of them or comment it out with '#'"))
        let missing = dir.appendingPathComponent("none.txt").path
        #expect(runCLI(["check", "lesson1", missing, "--lang", "zh"]).stderr.contains("\(missing)：没有这个文件"))
        let number = runCLI(["check", "lesson1", write("n.txt", "t1.z[1] = ０．５９８７ｘ\n"), "--lang", "zh"])
        #expect(number.stderr.contains("t1.z[1]：应填一个数，例如 0.5987 或 5.987e-1，这里是 '０．５９８７ｘ'"))
    }

    @Test func aSlipExits1AndIsFollowedThrough() {
        // z₁[1] = 0.5897 (a slip); h₁[1] = (1 − 0.5897)·0.4621 = 0.1896 and y₁ = ½(0.1896 + 0.1855) + 0.1 = 0.2876.
        let path = write("slip.txt", "t1.z[1] = 0.5897\nt1.h[1] = 0.1896\nt1.h[2] = 0.1855\nt1.y[1] = 0.2876\n")
        for language in ["zh", "en"] {
            let r = runCLI(["check", "lesson1", path, "--lang", language])
            #expect(r.status == 1)
            let marks = r.stdout.split(separator: "\n").compactMap { $0.first }.filter { "✓✗→·".contains($0) }
            #expect(String(marks) == "✗→✓→", "\(r.stdout)")
        }
    }

    @Test func unreadableSheetExits2WithOneLinePerProblem() throws {
        let text = "t1.z[1] = 0.5987\nt1.z[2] = zero\nt1.zz[1] = 1\n"
        let path = write("bad.txt", text)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let r = runCLI(["check", "lesson1", path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            gru-explain: \(path):2: t1.z[2]: expected a number such as 0.5987 or 5.987e-1, found 'zero'
            gru-explain: \(path):3: unknown key 't1.zz[1]'; did you mean 't1.z[1]'?

            """)
        // Read, never written.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    }

    /// The text lists the answered lines; --all lists the unanswered ones too.
    @Test func unansweredLinesOnlyWithAll() {
        let path = write("some.txt", Self.good + "t1.h[2] =\nt1.loss = ?\n")
        let short = runCLI(["check", "lesson1", path, "--lang", "en"])
        #expect(short.status == 0)
        #expect(!short.stdout.contains("· t1.h[2]") && !short.stdout.contains("· t1.loss"))
        // The score: 4 of the sheet's 6 lines answered, all correct.
        let total = short.stdout.split(separator: "\n").first { $0.hasPrefix("in all") }
        #expect(total?.split(separator: " ").suffix(4).map(String.init) == ["4/6", "4", "0", "0"])
        #expect(short.stdout.hasSuffix("Unanswered lines are not listed; add --all to list every line.\n"))
        let all = runCLI(["check", "lesson1", path, "--lang", "en", "--all"])
        #expect(all.stdout.contains("· t1.h[2] ") && all.stdout.contains("· t1.loss "))
        #expect(!all.stdout.contains("--all"))
    }

    /// --ascii spells the text report's symbols and marks in ASCII (+ > x), as run --ascii does;
    /// the JSON is data and stays the same. The slip of aSlipExits1AndIsFollowedThrough.
    @Test func asciiSpellsTheTextReportAndLeavesTheJSON() {
        let path = write("slip-ascii.txt", "t1.z[1] = 0.5897\nt1.h[1] = 0.1896\nt1.h[2] = 0.1855\nt1.y[1] = 0.2876\n")
        for language in ["zh", "en"] {
            let r = runCLI(["check", "lesson1", path, "--lang", language, "--ascii"])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII || ($0.value >= 0x3000 && $0.value <= 0x9FFF) || ($0.value >= 0xFF00 && $0.value <= 0xFF60) },
                    "\(r.stdout)")
            let marks = r.stdout.split(separator: "\n").compactMap { $0.first }.filter { "+x>.".contains($0) }
            #expect(String(marks) == "x>+>", "\(r.stdout)")
            #expect(r.stdout.contains("sigmoid(t1.a_z[1])"))
        }
        let json = runCLI(["check", "lesson1", path, "--format", "json"])
        #expect(runCLI(["check", "lesson1", path, "--format", "json", "--ascii"]).stdout == json.stdout)
        #expect(json.stdout.contains("σ(t1.a_z[1])"))
    }

    /// A lesson1 worksheet checked against lesson2 printed an unknown key for each of its 12
    /// reset-gate lines; its title names lesson1, and one line says so.
    @Test func aSheetForAnotherLessonGetsOneLine() {
        let sheet = runCLI(["worksheet", "lesson1", "--lang", "zh"]).stdout
        let path = write("lesson1-sheet.txt", sheet.replacing("t1.z[1] =", with: "t1.z[1] = 0.5987"))
        let r = runCLI(["check", "lesson2", path])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(path): this sheet is for lesson1 (its title line says so), not lesson2: run 'gru-explain check lesson1 \(path)'\n")
        #expect(runCLI(["check", "lesson1", path]).status == 0)
        // Without the title the keys are checked, and at most ten problems are listed.
        let untitled = write("untitled.txt", sheet.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n"))
        let u = runCLI(["check", "lesson2", untitled])
        let lines = u.stderr.split(separator: "\n")
        #expect(u.status == 2 && lines.count == 11)
        #expect(lines.last == "gru-explain: \(untitled): … and 2 more problems like these")
    }

    /// A Chinese Windows editor saves a sheet as UTF-16 ("Unicode", with a byte order mark) or as
    /// GBK ("ANSI"). Read as UTF-8, either printed a line for every line of the file (134 for a
    /// GBK worksheet). UTF-16 with its mark is read as the same sheet; GBK gets one line.
    @Test func aSheetSavedInAnotherEncoding() throws {
        let sheet = runCLI(["worksheet", "lesson1", "--lang", "zh"]).stdout
            .replacing("t1.z[1] =", with: "t1.z[1] = 0.5987").replacing("t1.z[2] =", with: "t1.z[2] = 0.5897")
        let utf8 = runCLI(["check", "lesson1", write("utf8.txt", sheet), "--lang", "zh"])
        #expect(utf8.status == 1 && utf8.stdout.contains("得分 50%：已作答的 2 个量中，1 个正确或承前正确。"))
        let units = Array(sheet.utf16)
        let littleEndian: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (name, bytes) in [("le.txt", littleEndian), ("be.txt", bigEndian)] {
            let path = write(name, bytes: bytes)
            let r = runCLI(["check", "lesson1", path, "--lang", "zh"])
            #expect(r.status == 1 && r.stderr.isEmpty && r.stdout == utf8.stdout, "\(name): \(r.stderr)")
            // Its title is read too: checked against lesson2 it is one line naming lesson1.
            #expect(runCLI(["check", "lesson2", path]).stderr.contains("this sheet is for lesson1"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
        }
        // "# 答案" in GBK: 答 = B4 F0, 案 = B0 B8.
        let gbk: [UInt8] = [0x23, 0x20, 0xB4, 0xF0, 0xB0, 0xB8, 0x0A] + Array("t1.z[1] = 0.5987\n".utf8)
        let path = write("gbk.txt", bytes: gbk)
        let r = runCLI(["check", "lesson1", path])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: \(path): the file is not UTF-8 text (line 1, column 3: byte 0xB4); it is probably GBK or GB18030, which a Chinese Windows editor calls 'ANSI'; save it as UTF-8 and check it again\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(gbk))
    }

    @Test func aJSONFileGetsOneLine() {
        let path = write("lesson.json", "{\n  \"id\": \"lesson1\",\n  \"problem\": {}\n}\n")
        let r = runCLI(["check", "lesson1", path])
        #expect(r.status == 2)
        #expect(r.stderr == "gru-explain: \(path): this is a JSON file (a lesson?), not an answers sheet; get a sheet to fill in with 'gru-explain worksheet <lesson>'\n")
    }

    @Test func jsonIsTheSameInBothLanguages() throws {
        let path = write("good.txt", Self.good)
        let zh = runCLI(["check", "lesson1", path, "--format", "json", "--lang", "zh"])
        let en = runCLI(["check", "lesson1", path, "--format", "json", "--lang", "en"])
        #expect(zh.status == 0 && zh.stdout == en.stdout)
        guard case .object(let root) = try JSONParser.parse(zh.stdout), case .object(let summary)? = root["summary"] else {
            Issue.record("not an object"); return
        }
        #expect(summary["correct"] == .int(4) && summary["first_mistake"] == .null)
    }

    @Test func argumentsAndFiles() {
        #expect(runCLI(["check", "lesson1"]).status == 2)
        // A folder is a class (ClassCheckTests); an empty one is refused.
        let empty = dir.appendingPathComponent("empty")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(runCLI(["check", "lesson1", empty.path]).stderr.contains("the folder holds no sheets"))
        #expect(runCLI(["check", "lesson1", dir.appendingPathComponent("none.txt").path]).stderr.contains("no such file"))
        #expect(runCLI(["check", "lesson9", write("good.txt", Self.good)]).stderr.contains("lesson9: unknown lesson: the bundled lessons are"))
        #expect(runCLI(["check", "lesson1", write("good.txt", Self.good), "--format", "xml"]).status == 2)
        // A second path is a second sheet of a class: one that does not exist is reported, exit 2.
        let two = runCLI(["check", "lesson1", write("a.txt", Self.good), "extra"])
        #expect(two.status == 2 && two.stderr.contains("extra: no such file"))
        #expect(runCLI(["check", "--help"]).stdout.contains("follow-through"))
        #expect(runCLI(["--help"]).stdout.contains("check"))
    }

    @Test func endToEndFromAnotherDirectory() async throws {
        write("answers.txt", "# 我的答案\nt1.z[1] ＝ ０。５９８７\nt1.h[1] = 0.1855\n")
        let r = try await runBinary(["check", "lesson1", "answers.txt", "--lang", "zh"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("得分 100%：已作答的 2 个量中，2 个正确或承前正确。"))
    }

    /// Standard input that never ends (/dev/zero) is read up to the limit and refused, not read
    /// until memory runs out.
    @Test func endlessStandardInputIsRefusedAtTheLimit() async throws {
        let r = try await runBinary(["check", "lesson1", "-"], in: dir, standardInput: "/dev/zero")
        #expect(r.exitedNormally && r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "gru-explain: <stdin>: more than 1 MiB is too large for an answers file (the limit is 1 MiB)\n")
    }
}
