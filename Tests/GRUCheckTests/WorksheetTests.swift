import Testing
import GRUCore
import GRULessons
import GRUCheck
import GRURender
import Foundation

/// The keys a worksheet asks for (docs/check.md), on lesson1 (Fixtures.lesson1).
@Suite struct WorksheetTests {
    let trace = Fixtures.lesson1Trace

    @Test func lesson1AsksFor259ValuesInComputationOrder() {
        let groups = Worksheet.groups(trace)
        let keys = groups.flatMap(\.keys)
        // 3 × 18 forward, loss, 3 × 23 backward, 3 × 27 contributions, 27 sums, 27 updates:
        // the same count as the Python student's sheets.
        #expect(keys.count == 259)
        // Section by section as `run` shows them: each timestep's loss under "Loss" (the newcomer
        // review found t1.loss under the forward pass while check's score counted it as loss).
        let asked = trace.keys.filter { Worksheet.sections.contains($0.section) }
        #expect(keys == Worksheet.sections.flatMap { s in asked.filter { $0.section == s } })
        #expect(keys.map(\.section) == keys.map(\.section).sorted { Worksheet.sections.firstIndex(of: $0)! < Worksheet.sections.firstIndex(of: $1)! })
        #expect(keys.firstIndex(of: TraceKey("t1.loss")!)! > keys.firstIndex(of: TraceKey("t3.y[1]")!)!)
        #expect(groups.first?.keys.map(\.description) == ["t1.a_z[1]", "t1.a_z[2]"])
        #expect(groups[1].keys.map(\.description) == ["t1.z[1]", "t1.z[2]"])
        #expect(groups.first { $0.kind == .stepLoss }?.keys.map(\.description) == ["t1.loss"])
        #expect(groups.first { $0.kind == .stepGradient(.Uz) }?.keys.map(\.description)
                == ["t3.grad.Uz[1][1]", "t3.grad.Uz[1][2]", "t3.grad.Uz[2][1]", "t3.grad.Uz[2][2]"])
        #expect(groups.last?.keys.map(\.description) == ["update.by[1]"])
        // No givens, no training, no applied model.
        #expect(!keys.contains { $0.stage == .given || $0.stage >= .training })
    }

    @Test func onlyAndTimestepSelect() {
        let t2 = Worksheet.groups(trace, sections: [.forward, .bptt], timestep: 2).flatMap(\.keys)
        #expect(t2.count == 16 + 1 + 1 + 22)   // 8 forward vectors of 2 and y; dy and 11 vectors of 2
        #expect(t2.allSatisfy { $0.t == 2 })
        let update = Worksheet.groups(trace, sections: [.update])
        #expect(update.count == 11 && update.allSatisfy { if case .update = $0.kind { return true } else { return false } })
        #expect(Worksheet.groups(trace, sections: [.training, .apply]).isEmpty)
        // --timestep leaves the keys of no timestep: loss, the sums and the update.
        let withTotals = Worksheet.groups(trace, timestep: 3).flatMap(\.keys)
        #expect(withTotals.contains { $0.description == "loss" } && withTotals.contains { $0.description == "grad.by[1]" })
        #expect(!withTotals.contains { $0.t != nil && $0.t != 3 })
    }
}

/// The worksheet as a student gets it, filled in and checked: the round trip of issue 4.
@Suite struct WorksheetRoundTripTests {
    let trace = Fixtures.lesson1Trace

    @Test(arguments: Language.allCases)
    func aBlankWorksheetIsReadAsAllUnanswered(_ language: Language) throws {
        let sheet = WorksheetRenderer.render(trace, lesson: try LessonLibrary.load("lesson1"), options: RenderOptions(language: language))
        let report = try Marker.check(Array(sheet.utf8), against: trace)
        #expect(report.summary.unanswered == 259 && report.summary.notOnSheet == 0)
        #expect(report.exitStatus == 0)
        // The example of issue 4, word for word in Chinese.
        if language == .zh {
            #expect(sheet.contains("# 时间步 1 · 更新门 z₁ = σ(Wz·x₁ + Uz·h₀ + bz)\nt1.z[1] =\nt1.z[2] =\n"))
        }
    }

    /// Every blank of the zh worksheet filled with the rounded Python student's value
    /// (Sheets/lesson1-rounded.txt): all 259 correct.
    @Test func aFilledWorksheetPasses() throws {
        let answers = Dictionary(uniqueKeysWithValues: String(decoding: Fixtures.sheet("lesson1-rounded.txt"), as: UTF8.self)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }
            .map { line in let parts = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }; return (parts[0], parts[1]) })
        let blank = WorksheetRenderer.render(trace, lesson: try LessonLibrary.load("lesson1"), options: RenderOptions(language: .zh))
        let filled = blank.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasSuffix(" ="), let value = answers[String(line.dropLast(2))] else { return String(line) }
            return line + " " + value
        }.joined(separator: "\n")
        let report = try Marker.check(Array(filled.utf8), against: trace)
        #expect(report.summary.correct == 259)
    }
}
