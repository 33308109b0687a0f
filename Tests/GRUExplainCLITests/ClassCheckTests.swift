import Foundation
import Testing
import GRUJSON
@testable import GRUExplainCLI

/// Variants on the command line (worksheet, run, gradcheck --variant N | --student ID) and a
/// class marked at once (check LESSON PATH…): docs/check.md, "For instructors".
@Suite final class ClassCheckTests {
    /// A folder of each test's own (Swift Testing makes one instance per test), removed after it.
    let dir = scratchFolder("gru-explain-class")

    deinit { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let url = dir.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
        return url.path
    }

    /// `run lesson1 --variant N --format tsv --digits 4` as key → value.
    static func key(_ variant: Int) -> [String: String] {
        let tsv = runCLI(["run", "lesson1", "--variant", String(variant), "--format", "tsv", "--digits", "4"]).stdout
        var values: [String: String] = [:]
        for line in tsv.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return values
    }

    /// A worksheet with every line filled in from `values` (as a student copies numbers in).
    static func filled(_ sheet: String, _ values: [String: String]) -> String {
        sheet.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasSuffix(" ="), let value = values[String(line.dropLast(2))] else { return String(line) }
            return line + " " + value
        }.joined(separator: "\n")
    }

    @Test func sameVariantSameBytesAndTheTraceRecordsIt() throws {
        let a = runCLI(["run", "lesson1", "--variant", "17", "--format", "json"])
        let b = runCLI(["run", "lesson1", "--variant", "17", "--format", "json"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let c = runCLI(["run", "lesson1", "--variant", "18", "--format", "json"])
        #expect(a.stdout != c.stdout)
        guard case .object(let root) = try JSONParser.parse(a.stdout), case .object(let lesson)? = root["lesson"] else {
            Issue.record("no lesson object"); return
        }
        #expect(lesson["variant"] == .int(17))
        // Variant 17's Wz is −0.38 in both rows (LessonVariantTests pins it).
        #expect(a.stdout.contains("-0.38"))
        // The lesson itself records no variant: its trace is what it was.
        #expect(!runCLI(["run", "lesson1", "--format", "json"]).stdout.contains("\"variant\""))
        // --student 2026017 is variant 659902 (FNV-1a, docs/check.md).
        #expect(runCLI(["run", "lesson1", "--student", "2026017", "--format", "tsv"]).stdout
                == runCLI(["run", "lesson1", "--variant", "659902", "--format", "tsv"]).stdout)
    }

    @Test func aVariantPassesItsGradientCheck() {
        // Every BPTT entry of lesson2's variant 17 within 1e-6 of its central difference.
        let r = runCLI(["gradcheck", "lesson2", "--variant", "17", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("All 29 entries pass"), "\(r.stdout)")
    }

    @Test func worksheetHeaderNamesTheVariantAndTheStudent() throws {
        let path = dir.appendingPathComponent("2026017.txt").path
        let r = runCLI(["worksheet", "lesson1", "--student", "2026017", "--lang", "en", "-o", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("# variant: 659902"))
        #expect(lines.contains("# student: 2026017"))
        #expect(lines.contains("# Then run: gru-explain check lesson1 \(path)"))
        let v17 = runCLI(["worksheet", "lesson1", "--variant", "17", "--lang", "en"]).stdout
        #expect(v17.contains("# variant: 17\n") && !v17.contains("# student:"))
        #expect(v17.contains("#   Wz = [[−0.38], [−0.38]]"))
    }

    @Test func aSheetFromTheKeyOfVariant17IsRightFor17AndWrongFor18() {
        let tsv = runCLI(["run", "lesson1", "--variant", "17", "--format", "tsv", "--digits", "4"]).stdout
        let path = write("key17.tsv", tsv)
        let right = runCLI(["check", "lesson1", path, "--variant", "17", "--lang", "en"])
        #expect(right.status == 0, "\(right.stderr)")
        // Every one of the 837 values correct: the 259 of the worksheet scored, the 578 givens,
        // training and applied marked in a row of their own, not scored (docs/check.md, "Scores").
        #expect(right.stdout.contains("in all                                   259/259      259               0      0\n"
                                      + "not scored (givens, training, applied)   578/578      578               0      0\n"), "\(right.stdout)")
        #expect(right.stdout.contains("Score 100%: 259 of the 259 values answered"))
        #expect(!right.stdout.contains("header line may be lost"))
        // Without --variant and without a header, it is marked against lesson1 itself: the
        // answers computed from the givens alone are wrong, and check says why that may be.
        let lost = runCLI(["check", "lesson1", path, "--lang", "en"])
        #expect(lost.status == 1)
        #expect(lost.stdout.contains("4 of the 4 answers computed from the given numbers alone are wrong (t1.a_z[1]: you wrote"), "\(lost.stdout)")
        #expect(lost.stdout.contains("check it again with --variant N or --student ID"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-lost-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? tsv.write(toFile: folder + "/lost.tsv", atomically: true, encoding: .utf8)
        let lostInClass = runCLI(["check", "lesson1", folder, "--lang", "zh"])
        #expect(lostInClass.stdout.contains("也许是某个变体的答卷，开头的“# variant:”行丢了"), "\(lostInClass.stdout)")
        #expect(lostInClass.stdout.contains("  \(folder)/lost.tsv\n"))
        let wrong = runCLI(["check", "lesson1", path, "--variant", "18", "--lang", "en"])
        #expect(wrong.status == 1)
        #expect(!wrong.stdout.contains("Score 100%"))
        // With the header a worksheet writes, check needs no option.
        let headed = write("headed.txt", "# variant: 17\n" + tsv)
        #expect(runCLI(["check", "lesson1", headed]).status == 0)
        // The header and the option disagree: the sheet cannot be marked.
        let conflict = runCLI(["check", "lesson1", headed, "--variant", "18"])
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("the header names variant 17, but the command asks for variant 18"))
    }

    @Test func aChangedStudentLineIsCaught() {
        let sheet = runCLI(["worksheet", "lesson1", "--student", "2026017"]).stdout
            .replacing("# student: 2026017", with: "# student: 2026018")
        let r = runCLI(["check", "lesson1", write("changed.txt", sheet)])
        #expect(r.status == 2)
        #expect(r.stderr.contains("the header names variant 659902, but student 2026018's variant is"), "\(r.stderr)")
    }

    /// The class of docs/check.md's worked example: a good sheet (variant 17, every line from the
    /// key), one slipped (t1.z[1] = 0.4562 where variant 17 has 0.4526, a transposition), a blank
    /// worksheet of student 2026017 (variant 659902) and a binary file.
    func classFolder() -> String {
        let sheet17 = runCLI(["worksheet", "lesson1", "--variant", "17", "--lang", "en"]).stdout
        let good = Self.filled(sheet17, Self.key(17))
        #expect(good.contains("t1.z[1] = 0.4526\n"))
        write("class/a-good.txt", good)
        write("class/b-slipped.txt", good.replacing("t1.z[1] = 0.4526\n", with: "t1.z[1] = 0.4562\n"))
        write("class/c-blank.txt", runCLI(["worksheet", "lesson1", "--student", "2026017", "--lang", "zh"]).stdout)
        try? Data([0x00, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47]).write(to: dir.appendingPathComponent("class/d-binary.dat"))
        write("class/.hidden", "not a sheet")
        return dir.appendingPathComponent("class").path
    }

    @Test func aFolderGivesTheDocumentedCSVAndExitStatus() {
        let folder = classFolder()
        let r = runCLI(["check", "lesson1", folder, "--format", "csv"])
        #expect(r.status == 2)
        // 259 worksheet keys: forward 51, loss 4, bptt 69, accumulation 108, update 27. The slip
        // costs one forward key: 258/259 = 99.6 %, 50/51 = 98.0 %.
        let expected = [
            "file,student,variant,answered,correct,follow_through,wrong,unanswered,score,score_forward,score_loss,score_bptt,score_accumulation,score_update,error",
            "\(folder)/a-good.txt,,17,259,259,0,0,0,100.0,100.0,100.0,100.0,100.0,100.0,",
            "\(folder)/b-slipped.txt,,17,259,258,0,1,0,99.6,98.0,100.0,100.0,100.0,100.0,",
            "\(folder)/c-blank.txt,2026017,659902,0,0,0,0,259,0.0,0.0,0.0,0.0,0.0,0.0,",
            // The error has commas: in double quotes (RFC 4180).
            "\(folder)/d-binary.dat,,,,,,,,,,,,,,\"\(folder)/d-binary.dat: the file is not UTF-8 text (line 1, column 1: a NUL byte); it looks like a binary file, not an answers sheet\"",
        ]
        #expect(r.stdout == expected.map { $0 + "\r\n" }.joined(), "\(r.stdout)")
        // The unreadable file is named on stderr too; the others are marked.
        #expect(r.stderr == "gru-explain: \(folder)/d-binary.dat: the file is not UTF-8 text (line 1, column 1: a NUL byte); it looks like a binary file, not an answers sheet\n")
        // Without the binary file: 1, for the slip.
        try? FileManager.default.removeItem(atPath: folder + "/d-binary.dat")
        #expect(runCLI(["check", "lesson1", folder, "--format", "csv"]).status == 1)
        try? FileManager.default.removeItem(atPath: folder + "/b-slipped.txt")
        #expect(runCLI(["check", "lesson1", folder, "--format", "csv"]).status == 0)
    }

    @Test func aFolderGivesTheDocumentedJSON() throws {
        let folder = classFolder()
        let r = runCLI(["check", "lesson1", folder, "--format", "json"])
        #expect(r.status == 2)
        guard case .object(let root) = try JSONParser.parse(r.stdout),
              case .array(let sheets)? = root["sheets"], case .object(let whole)? = root["class"],
              case .object(let keys)? = whole["keys"] else { Issue.record("shape: \(r.stdout.prefix(300))"); return }
        #expect(root["format"] == .string("gru-explain.class/1"))
        #expect(sheets.count == 4)
        #expect(whole["sheets"] == .int(4) && whole["marked"] == .int(3) && whole["unreadable"] == .int(1))
        // t1.z[1]: right on the good sheet, wrong on the slipped one, blank on the blank one.
        #expect(keys["t1.z[1]"] == .object(JSONObject([("correct", .int(1)), ("follow_through", .int(0)),
                                                         ("wrong", .int(1)), ("unanswered", .int(1))])))
        // Each sheet carries its full single-sheet marks.
        guard case .object(let slipped) = sheets[1], case .object(let marks)? = slipped["marks"] else { Issue.record("marks"); return }
        #expect(marks["format"] == .string("gru-explain.check/1"))
        guard case .object(let summary)? = marks["summary"] else { Issue.record("summary"); return }
        #expect(summary["wrong"] == .int(1) && summary["correct"] == .int(258))
        guard case .object(let binary) = sheets[3] else { return }
        #expect(binary["marks"] == .null)
        #expect(binary["errors"] != .array([]))
    }

    @Test func theTextSummaryTalliesTheClass() {
        let folder = classFolder()
        let r = runCLI(["check", "lesson1", folder, "--lang", "zh"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("lesson1 · 全班 4 份答卷：已批改 3 份，无法读取 1 份"), "\(r.stdout)")
        #expect(r.stdout.contains("t1.z[1]"))
        #expect(r.stdout.contains("d-binary.dat"))
        // Two students put z on the candidate: h₁ = z₁·h̃₁ = 0.4526 × 0.1391 = 0.0630 in variant 17
        // (the lesson's (1 − z₁)·h̃₁ = 0.0761), in both hidden units.
        let good = try? String(contentsOfFile: folder + "/a-good.txt", encoding: .utf8)
        let swapped = (good ?? "").replacing("t1.h[1] = 0.0761\n", with: "t1.h[1] = 0.0630\n")
            .replacing("t1.h[2] = 0.0761\n", with: "t1.h[2] = 0.0630\n")
        #expect(swapped != good)
        write("class/e-swapped.txt", swapped)
        write("class/f-swapped.txt", swapped)
        let tally = runCLI(["check", "lesson1", folder, "--lang", "zh"])
        #expect(tally.stdout.contains("  z 和 1 − z 放反了：2 名学生\n"), "\(tally.stdout)")
        #expect(tally.stdout.contains("  t1.h[1]  5 份中错了 2 份\n"), "\(tally.stdout)")
        let en = runCLI(["check", "lesson1", folder, "--lang", "en"])
        #expect(en.stdout.contains("  z and 1 − z swapped: 2 students\n"), "\(en.stdout)")
    }

    @Test func gradescopeIsForOneSheet() throws {
        let folder = classFolder()
        let r = runCLI(["check", "lesson1", folder + "/b-slipped.txt", "--format", "gradescope", "--lang", "en"])
        #expect(r.status == 1)
        guard case .object(let root) = try JSONParser.parse(r.stdout), case .array(let tests)? = root["tests"] else {
            Issue.record("shape"); return
        }
        #expect(root["score"] == .int(258))
        #expect(tests.count == 5)
        guard case .object(let forward) = tests[0] else { return }
        #expect(forward["name"] == .string("Forward pass"))
        #expect(forward["score"] == .int(50) && forward["max_score"] == .int(51))
        let refused = runCLI(["check", "lesson1", folder, "--format", "gradescope"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--format gradescope marks one sheet"))
    }

    @Test func badVariantOptionsAreRefused() {
        expectUsageErrors([
            (["worksheet", "lesson1", "--variant", "1000001"], "worksheet: --variant must be a whole number from 0 to 1000000, found '1000001'"),
            (["run", "lesson1", "--variant", "17", "--student", "x"], "run: give --variant or --student, not both (a student's variant is derived from their id)"),
            (["worksheet", "lesson1", "--student", " "], "worksheet: --student needs a student number or name on one line, found ' '"),
        ])
    }
}
