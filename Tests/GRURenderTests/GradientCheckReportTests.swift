import Testing
import GRUCore
import GRULessons
@testable import GRURender

/// `gradcheck`: BPTT against central differences on the bundled lessons.
@Suite struct GradientCheckReportTests {
    @Test(arguments: LessonLibrary.bundledIDs)
    func passesOnEveryBundledLesson(_ id: String) throws {
        let lesson = try LessonLibrary.load(id)
        let report = GradientCheckReport(lesson.problem)
        #expect(report.passes, "\(report.failures.map { "\($0.name): \($0.relativeError)" })")
        let count = ParameterName.used(by: lesson.problem.config).map { lesson.problem.parameters[$0].count }.reduce(0, +)
        #expect(report.entries.count == count)
        // The shares of the split parameter add up to its gradient.
        for k in report.total.indices {
            let sum = report.shares.map { $0.values[k] }.reduce(0, +)
            #expect(abs(sum - report.total[k]) <= 1e-12 * max(1, abs(sum)))
        }
    }

    /// A gradient made wrong on purpose, 1e-4 added to ∂L/∂Why[1][2], is caught: that entry
    /// fails (relative error about 1e-4 / 3.1), every other one passes.
    @Test func aPlantedWrongGradientFails() throws {
        let lesson = try LessonLibrary.load("lesson2")
        let report = GradientCheckReport(lesson.problem) { $0.Why[0, 1] += 1e-4 }
        #expect(!report.passes)
        #expect(report.failures.map(\.name) == ["Why[1][2]"])
        let failed = try #require(report.failures.first)
        #expect(failed.relativeError > 1e-5 && failed.relativeError < 1e-4)
        let text = report.text(lesson: lesson, options: RenderOptions(language: .en))
        #expect(text.contains("1 of 29 entries exceed the tolerance 1.0e−6: ∂L/∂Why[1][2]"))
        #expect(text.contains("✗ FAIL"))
    }

    /// Below the floor 0.01 the error is measured against 0.01: a difference of 1e-9 between two
    /// gradients near 1e-6 gives 1e-7, not 1e-3.
    @Test func theRelativeErrorHasAFloorOf001() {
        #expect(GradientCheckReport.floor == 0.01)
        #expect(abs(GradientCheck.relativeError(1e-6 + 1e-9, 1e-6, floor: GradientCheckReport.floor) - 1e-7) < 1e-15)
        #expect(abs(GradientCheck.relativeError(2.0, 2.0 + 2e-6, floor: GradientCheckReport.floor) - 1e-6) < 1e-10)   // above the floor: relative
    }

    @Test func splitByTimestepAndInChinese() throws {
        let lesson = try LessonLibrary.load("lesson3")
        let report = GradientCheckReport(lesson.problem, split: .Uh)
        #expect(report.shares.count == 7 * 3)
        #expect(report.shares.first?.sequence == 1 && report.shares.first?.t == 3)
        let zh = report.text(lesson: lesson, options: RenderOptions(language: .zh, digits: 10))
        #expect(zh.contains("把 ∂L/∂Uh 按时间步拆开"))
        #expect(zh.contains("全部 81 个分量都通过"))
        #expect(zh.contains("序列 7 · 时间步 1"))
    }

    /// --ascii leaves only ASCII (and Chinese) characters, with nothing turned into '?'.
    @Test(arguments: Language.allCases)
    func asciiOutputHasNoOtherSymbols(_ language: Language) throws {
        let lesson = try LessonLibrary.load("lesson2")
        let report = GradientCheckReport(lesson.problem, tolerance: 0)   // every verdict a failure, to show ✗ too
        let text = report.text(lesson: lesson, options: RenderOptions(language: language, ascii: true))
        #expect(!text.contains("?"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII || DisplayWidth.isWide($0.value) })
    }
}
