import Foundation
import Testing
import GRUCore
import GRUJSON
import GRULessons
import GRUCheck
import GRURender
@testable import GRUExplainCLI

/// Damaged lessons and answer sheets, thousands of them, from a fixed seed (docs/robustness.md).
///
/// Each case is a bundled lesson (or a sheet for lesson1) with one to three mutations from
/// `Mutator`: flipped bits, truncation, inserted and deleted bytes, swapped JSON types, numbers
/// at every edge, deep nesting, duplicated and case-changed keys, strange and invalid UTF-8,
/// CRLF and CR line ends. Every case goes through what the command line does with a file, in
/// process: decode and validate, then, when the lesson is small enough to run in a moment, the
/// trace; a sample goes through `GRUExplain.main` with the file on disk, and a smaller sample
/// through the built binary as a separate process. A trap would kill the test process, so simply
/// finishing proves there is none in process; the binary's runs prove it for a real process.
///
/// What is asserted for every command run:
/// - the exit status is 0, 2, or 3 (the lesson diverged: a mutated learning rate or parameter can
///   legitimately blow a model up), and 1 only from `check` (a wrong answer) and `gradcheck`;
/// - on 2 and 3 nothing is written on stdout; a lesson's error is exactly one line naming the
///   file; a sheet's errors are one line per unreadable line, each naming the sheet (issue 4);
/// - on 0 stderr is empty.
///
/// More cases: `GRU_EXPLAIN_FUZZ_CASES=100000 swift test --filter FuzzTests` (sheets get two
/// thirds as many); another seed: `GRU_EXPLAIN_FUZZ_SEED=…`. A failure names its case's seed.
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["GRU_EXPLAIN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_260_701
    static let lessonCases = environment["GRU_EXPLAIN_FUZZ_CASES"].flatMap { Int($0) } ?? 3000
    static var sheetCases: Int { lessonCases * 2 / 3 }

    /// A case runs its trace in process when training takes at most this many multiply-adds
    /// (lesson1: 1.2e5) and through the command line when its trace also has at most this many
    /// numbers (lesson1: 420, lesson3 cut to 3 epochs: 4,300); a trace of more than
    /// `smallNumbers` goes through the command line one time in eight. So a debug build stays
    /// within its minute.
    static let workBudget = 2e6
    static let numbersBudget = 50_000.0
    static let smallNumbers = 1_000.0

    /// The bundled lessons, and each of them cut to 3 epochs so that a mutation of a lesson that
    /// is slow in a debug build still runs all the way through rendering.
    static let lessonSeeds: [(name: String, bytes: [UInt8], tree: JSONValue?)] = {
        var seeds: [(String, [UInt8], JSONValue?)] = []
        for file in LessonLibrary.bundledFiles {
            let bytes = Array(file.json.utf8)
            let tree = try? JSONParser.parse(bytes)
            seeds.append((file.id, bytes, tree))
            if case .object(var root)? = tree, case .object(var training)? = root["training"] {
                training["epochs"] = .int(3)
                root["training"] = .object(training)
                seeds.append((file.id + "-3-epochs", Array(JSONWriter.write(.object(root)).utf8), .object(root)))
            }
        }
        return seeds
    }()

    /// lesson1's trace, against which every sheet is checked.
    static let lesson1Trace: Trace = {
        guard let lesson = try? LessonLibrary.load("lesson1"), let trace = try? Trace.record(lesson.problem) else {
            fatalError("lesson1 is bundled and converges")   // BundledLessonsTests proves it
        }
        return trace
    }()

    /// Sheets to damage: slices of lesson1's TSV at 4 digits (every answer correct), of its blank
    /// Chinese worksheet, and a hand-written sheet with full-width text, `?` and comments.
    static let sheetSeeds: [[UInt8]] = {
        let tsv = runCLI(["run", "lesson1", "--format", "tsv", "--digits", "4"]).stdout.split(separator: "\n")
        let blank = runCLI(["worksheet", "lesson1", "--lang", "zh"]).stdout.split(separator: "\n")
        let hand = "\u{FEFF}# 我的答案\nｔ１．ｚ［１］＝０。５９８７\nt1.z[2]: 0.5987  # 同上\nt1.h[1] = ?\nt1.y[1] 0.2855\n"
        var seeds = [Array(hand.utf8)]
        for start in stride(from: 0, to: tsv.count, by: 40) {
            seeds.append(Array(tsv[start..<min(tsv.count, start + 40)].joined(separator: "\n").utf8))
        }
        for start in stride(from: 0, to: blank.count, by: 60) {
            seeds.append(Array(blank[start..<min(blank.count, start + 60)].joined(separator: "\n").utf8))
        }
        return seeds
    }()

    // MARK: Generating cases

    /// The bytes of lesson case `k` and the lesson they came from.
    static func lessonCase(_ k: Int) -> (bytes: [UInt8], from: String) {
        var m = Mutator(seed: seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
        let base = lessonSeeds[k % lessonSeeds.count]
        // The text and, while it is JSON, its tree: JSON mutations change the tree, byte
        // mutations the text, and each is derived from the other only when needed.
        var bytes = base.bytes
        var tree = base.tree
        var treeIsNewer = false
        for _ in 0..<(1 + m.below(3)) {
            if m.chance(0.5) {
                if tree == nil { tree = try? JSONParser.parse(bytes) }
                if let t = tree {
                    tree = m.mutateJSON(t)
                    treeIsNewer = true
                    continue
                }
            }
            if treeIsNewer, let t = tree { bytes = Array(JSONWriter.write(t).utf8) }
            m.mutateBytes(&bytes)
            tree = nil
            treeIsNewer = false
        }
        if treeIsNewer, let t = tree { bytes = Array(JSONWriter.write(t).utf8) }
        return (bytes, base.name)
    }

    /// The bytes of sheet case `k`.
    static func sheetCase(_ k: Int) -> [UInt8] {
        var m = Mutator(seed: seed ^ 0x5348_4545_5453 &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
        var bytes = sheetSeeds[k % sheetSeeds.count]
        for _ in 0..<(1 + m.below(3)) { m.mutateSheet(&bytes) }
        return bytes
    }

    /// The options of command-line run `k`: a command, a format, a language and sometimes a filter.
    static func commandLine(_ k: Int, lesson: String, sheet: String) -> [String] {
        let lang = k % 2 == 0 ? "zh" : "en"
        switch k % 12 {
        case 0: return ["run", lesson, "--format", "json"]
        case 1: return ["run", lesson, "--format", "tsv", "--lang", lang]
        case 2: return ["run", lesson, "--format", "markdown", "--lang", lang]
        case 3: return ["run", lesson, "--lang", lang, "--digits", "17", "--ascii"]
        case 4: return ["run", lesson, "--lang", lang, "--only", "forward,bptt", "--timestep", "1"]
        case 5: return ["run", lesson, "--lang", lang, "--digits", "0", "--color", "always"]
        case 6: return ["worksheet", lesson, "--lang", lang]
        case 7: return ["check", lesson, sheet, "--lang", lang]
        case 8: return ["compare", lesson, "--lang", lang]
        case 9: return ["gradcheck", lesson, "--lang", lang]
        case 10: return ["export", lesson, "--to", "pytorch"]
        default: return ["run", lesson, "--lang", lang, "--only", "training,apply"]
        }
    }

    // MARK: What must hold

    /// No line break of any kind: \n, \r, vertical tab, form feed, NEL, U+2028, U+2029.
    static func isOneLine(_ s: String) -> Bool {
        !s.unicodeScalars.contains { u in
            switch u.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
    }

    /// Checks a command's result against the rules above; returns its exit status.
    @discardableResult
    static func expectWellBehaved(_ r: CLIResult, _ arguments: [String], files: [String], case k: Int,
                                  sourceLocation: SourceLocation = #_sourceLocation) -> Int32 {
        let what = "case \(k) (GRU_EXPLAIN_FUZZ_SEED=\(seed)): \(arguments.joined(separator: " "))"
        #expect(r.exitedNormally, "\(what): killed by signal \(r.status)", sourceLocation: sourceLocation)
        let marks = arguments.first == "check" || arguments.first == "gradcheck"
        let allowed: Set<Int32> = marks ? [0, 1, 2, 3] : [0, 2, 3]
        #expect(allowed.contains(r.status), "\(what): exit status \(r.status)\n\(r.stderr)", sourceLocation: sourceLocation)
        if r.status == 0 || r.status == 1 {
            // A failed gradient check says so in one line after its report.
            let expectedLines = r.status == 1 && arguments.first == "gradcheck" ? 1 : 0
            #expect(r.stderr.split(separator: "\n").count == expectedLines, "\(what): \(r.stderr)", sourceLocation: sourceLocation)
            #expect(!r.stdout.isEmpty, "\(what): no output", sourceLocation: sourceLocation)
            return r.status
        }
        #expect(r.stdout.isEmpty, "\(what): stdout on failure", sourceLocation: sourceLocation)
        #expect(r.stderr.hasSuffix("\n"), "\(what): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        // A sheet or a lesson file may have several problems, a line each (at most 20 and one for the rest).
        let severalProblems = r.status == 2
        #expect(severalProblems ? !lines.isEmpty && lines.count <= 21 : lines.count == 1, "\(what): \(r.stderr)", sourceLocation: sourceLocation)
        for line in lines {
            #expect(isOneLine(String(line)), "\(what): \(line)", sourceLocation: sourceLocation)
            #expect(files.contains { line.hasPrefix("gru-explain: \($0)") }, "\(what): \(line)", sourceLocation: sourceLocation)
        }
        return r.status
    }

    /// What happened to the cases, so that the test knows it reached every stage.
    struct Tally {
        var refused = 0, tooLarge = 0, ran = 0, diverged = 0
        var statuses: [Int32: Int] = [:]
    }

    // MARK: Tests

    @Test func damagedLessonsNeverCrashAndFailInOneLine() throws {
        let dir = scratchFolder("gru-explain-fuzz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = dir.appendingPathComponent("answers.txt").path
        try Data(Self.sheetSeeds[1]).write(to: URL(fileURLWithPath: sheet))
        var tally = Tally()
        var commandRuns = 0
        for k in 0..<Self.lessonCases {
            let (bytes, from) = Self.lessonCase(k)
            let name = "case\(k)-\(from).json"
            // In process: decode and validate, then the trace when it is quick.
            let lesson: Lesson
            do {
                lesson = try LessonDecoder.decode(bytes, file: name, source: name)
            } catch {
                tally.refused += 1
                let lines = error.lines(.en)
                #expect(!lines.isEmpty && lines.allSatisfy { Self.isOneLine($0) && $0.hasPrefix(name + ": ") },
                        "case \(k): \(lines)")
                if k % 10 != 0 { continue }
                // Every tenth refused case also goes through the command line.
                let path = dir.appendingPathComponent(name).path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let arguments = Self.commandLine(k, lesson: path, sheet: sheet)
                Self.expectWellBehaved(runCLI(arguments), arguments, files: [path], case: k)
                continue
            }
            let cost = LessonCost(lesson.problem)
            guard cost.work <= Self.workBudget else { tally.tooLarge += 1; continue }
            do {
                _ = try Trace.record(lesson.problem)
                tally.ran += 1
            } catch {
                tally.diverged += 1
            }
            // Every lesson that runs and is small goes through the command line too.
            guard cost.detailNumbers <= Self.numbersBudget,
                  cost.detailNumbers <= Self.smallNumbers || k % 8 == 0 else { continue }
            let path = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let arguments = Self.commandLine(commandRuns, lesson: path, sheet: sheet)
            commandRuns += 1
            let status = Self.expectWellBehaved(runCLI(arguments), arguments, files: [path, sheet], case: k)
            tally.statuses[status, default: 0] += 1
            try? FileManager.default.removeItem(atPath: path)
        }
        // The mutations reached every stage: refusals, lessons that ran and command-line runs that succeeded.
        #expect(tally.refused > Self.lessonCases / 4, "\(tally)")
        #expect(tally.ran > Self.lessonCases / 20, "\(tally)")
        #expect(tally.statuses[0, default: 0] > 0, "\(tally)")
    }

    @Test func damagedSheetsNeverCrashAndNameTheirLines() throws {
        let dir = scratchFolder("gru-explain-fuzz")
        defer { try? FileManager.default.removeItem(at: dir) }
        var read = 0, refused = 0
        for k in 0..<Self.sheetCases {
            let bytes = Self.sheetCase(k)
            let name = "sheet\(k).txt"
            do {
                _ = try Marker.check(bytes, against: Self.lesson1Trace)
                read += 1
            } catch {
                refused += 1
                #expect(!error.errors.isEmpty)
                for e in error.errors {
                    let message = e.message(file: name)
                    #expect(Self.isOneLine(message) && message.hasPrefix(name + ":"), "sheet case \(k): \(message)")
                }
            }
            guard k % 8 == 0 else { continue }
            let path = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let arguments = ["check", "lesson1", path, "--format", k % 16 == 0 ? "json" : "text", "--lang", k % 3 == 0 ? "zh" : "en"]
            Self.expectWellBehaved(runCLI(arguments), arguments, files: [path], case: k)
        }
        #expect(read > 0 && refused > 0, "read \(read), refused \(refused)")
    }

    /// The same kinds of cases through the built binary, as separate processes: a trap there is a
    /// signal, which `exitedNormally` catches.
    @Test func theBuiltBinaryExitsNormallyOnDamagedInput() async throws {
        let dir = scratchFolder("gru-explain-fuzz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheet = dir.appendingPathComponent("answers.txt")
        try Data(Self.sheetSeeds[1]).write(to: sheet)
        var runs = 0
        var k = 0
        // 24 lessons that are quick to run or refused, spread over the cases.
        while runs < 24 && k < Self.lessonCases {
            defer { k += 37 }
            let (bytes, from) = Self.lessonCase(k)
            if let lesson = try? LessonDecoder.decode(bytes, file: "x", source: "x") {
                let cost = LessonCost(lesson.problem)
                if cost.work > Self.workBudget || cost.detailNumbers > Self.numbersBudget { continue }
            }
            let name = "case\(k)-\(from).json"
            try Data(bytes).write(to: dir.appendingPathComponent(name))
            let arguments = Self.commandLine(runs, lesson: name, sheet: "answers.txt")
            Self.expectWellBehaved(try await runBinary(arguments, in: dir), arguments, files: [name, "answers.txt"], case: k)
            runs += 1
        }
        // 12 sheets.
        for k in stride(from: 0, to: min(Self.sheetCases, 12 * 53), by: 53) {
            let name = "sheet\(k).txt"
            try Data(Self.sheetCase(k)).write(to: dir.appendingPathComponent(name))
            let arguments = ["check", "lesson1", name]
            Self.expectWellBehaved(try await runBinary(arguments, in: dir), arguments, files: [name], case: k)
        }
    }
}
