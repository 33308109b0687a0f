import Foundation
import Testing
import GRUCore
import GRULessons
import GRUTestSupport
@testable import GRUExplainCLI

/// Two runs give identical bytes, for every bundled lesson, format and language
/// (docs/robustness.md).
///
/// In one process, two runs share everything a process chooses at random, such as the seed of
/// Swift's hashing and so the order of a Dictionary or a Set: output that depended on it would
/// still pass there. Two processes of the built binary catch it, so that is the check every
/// lesson gets; the in-process check adds the quick lessons.
@Suite struct DeterminismTests {
    /// JSON and TSV are the same in both languages (only the walkthroughs are translated).
    static func languages(_ format: String) -> [String?] {
        format == "json" || format == "tsv" ? [nil] : ["zh", "en"]
    }

    /// A lesson that takes seconds per run in a debug build (lesson3: 6000 epochs, and its slides
    /// take 6 s to lay out) is run in one language per format, zh and en in turn.
    static func isSlow(_ id: String) -> Bool {
        guard let lesson = try? LessonLibrary.load(id) else { return false }
        return LessonCost(lesson.problem).work > 5e6
    }

    static func arguments(_ id: String, _ format: String, _ lang: String?) -> [String] {
        ["run", id, "--format", format] + (lang.map { ["--lang", $0] } ?? [])
    }

    /// Every (lesson, format) pair, so that the pairs run in parallel.
    static let cases: [(String, String)] = LessonLibrary.bundledIDs.flatMap { id in RunCommand.formats.map { (id, $0) } }

    /// The engine: two traces of every lesson are equal value for value (the first one recorded
    /// once for all the suites, by GRUTestSupport).
    @Test(arguments: LessonLibrary.bundledIDs)
    func theEngineGivesTheSameTraceTwice(_ id: String) throws {
        #expect(try Trace.record(Bundled.lesson(id).problem) == Bundled.trace(id))
    }

    @Test(arguments: cases.filter { !isSlow($0.0) })
    func twoRunsInProcessGiveTheSameBytes(_ id: String, _ format: String) {
        for lang in Self.languages(format) {
            let arguments = Self.arguments(id, format, lang)
            let first = runCLI(arguments), second = runCLI(arguments)
            #expect(first.status == 0 && !first.stdout.isEmpty, "\(arguments): \(first.stderr)")
            #expect(first.stdout == second.stdout, "\(arguments)")
        }
    }

    /// Two processes of the built binary, from another directory.
    @Test(arguments: cases)
    func twoProcessesGiveTheSameBytes(_ id: String, _ format: String) async throws {
        var languages = Self.languages(format)
        if Self.isSlow(id), languages.count > 1 {
            languages = [languages[RunCommand.formats.firstIndex(of: format).map { $0 % 2 } ?? 0]]
        }
        let elsewhere = FileManager.default.temporaryDirectory
        for lang in languages {
            let arguments = Self.arguments(id, format, lang)
            let first = try await runBinary(arguments, in: elsewhere), second = try await runBinary(arguments, in: elsewhere)
            #expect(first.exitedNormally && first.status == 0 && !first.stdout.isEmpty, "\(arguments): \(first.stderr)")
            #expect(first.stdout == second.stdout, "\(arguments)")
        }
    }
}
