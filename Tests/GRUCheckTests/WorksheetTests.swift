import Testing
import GRUCore
import GRULessons
import GRUCheck

/// The keys a worksheet asks for (docs/check.md), on lesson1 (Fixtures.lesson1).
@Suite struct WorksheetTests {
    let trace = Fixtures.lesson1Trace

    @Test func lesson1AsksFor259ValuesInComputationOrder() {
        let groups = Worksheet.groups(trace)
        let keys = groups.flatMap(\.keys)
        // 3 × 18 forward, loss, 3 × 23 backward, 3 × 27 contributions, 27 sums, 27 updates:
        // the same count as the Python student's sheets.
        #expect(keys.count == 259)
        #expect(keys == trace.keys.filter { Worksheet.sections.contains($0.section) })
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
