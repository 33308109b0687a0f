import Foundation
import Testing
import GRUCore
import GRULessons
@testable import GRURender

/// Every result the text walkthrough prints is the trace's value, rounded for display only: the
/// rows are read back from the rendered text and compared with lesson1's trace.
@Suite struct NumbersTests {
    let trace = Lesson1.trace
    var sequence: SequenceTrace { trace.sequences[0] }

    func rendered(_ sections: Set<LessonSection>, language: Language = .en, digits: Int = 4) -> RenderedText {
        RenderedText(TextRenderer.render(trace, lesson: Lesson1.lesson,
                                         options: RenderOptions(language: language, digits: digits, sections: sections)))
    }

    /// The printed text reads back as `value` rounded to `digits` decimals. A value the lesson
    /// gives (`given`) may be written with fewer decimals, as in the lesson file (0.5).
    func expectShown(_ printed: String, _ value: Double, digits: Int = 4, given: Bool = false, _ what: @autoclosure () -> String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let number = RenderedText.number(printed) else {
            Issue.record("\(what()): '\(printed)' is not a number", sourceLocation: sourceLocation)
            return
        }
        let half = 0.5 * pow(10, Double(-digits))
        #expect(abs(number - value) <= half * (1 + 1e-9), "\(what()): printed \(printed), trace \(value)",
                sourceLocation: sourceLocation)
        let decimals = printed.contains(".") ? printed.split(separator: ".").last?.count ?? 0 : 0
        #expect(given ? decimals <= digits : decimals == digits, "\(what()): \(printed) has the wrong number of decimals",
                sourceLocation: sourceLocation)
    }

    /// The result column of a calculation table, top to bottom.
    func results(_ table: RenderedText.Table) -> [String] {
        table.rows.compactMap { $0.last }.filter { !$0.isEmpty }
    }

    /// The values inside `σ(…)` or `tanh(…)` at the end of the substitution lines.
    func activationArguments(_ table: RenderedText.Table, _ function: String) throws -> [String] {
        let pattern = try Regex("= " + function + #"\((−?[0-9]+\.[0-9]+)\)$"#)
        return table.rows.compactMap { row in
            row.count > 1 ? row[1].firstMatch(of: pattern).map { String($0.output[1].substring ?? "") } : nil
        }
    }

    @Test(arguments: Language.allCases) func forwardRows(language: Language) throws {
        let tables = rendered([.forward], language: language).tables(inSection: "2")
        #expect(tables.count == sequence.forward.count)
        for (table, f) in zip(tables, sequence.forward) {
            let expected = f.z + f.r + (f.rh ?? []) + f.hTilde + f.h + f.y + [f.loss ?? .nan]
            let printed = results(table)
            #expect(printed.count == expected.count, "timestep \(f.t): \(printed.count) results")
            for (p, v) in zip(printed, expected) { expectShown(p, v, "forward t=\(f.t)") }
            // The pre-activations shown inside σ(…) and tanh(…).
            let sigmoidArguments = try activationArguments(table, "σ")
            #expect(sigmoidArguments.count == 2 * f.z.count)
            for (p, v) in zip(sigmoidArguments, f.aZ + f.aR) { expectShown(p, v, "a_z, a_r at t=\(f.t)") }
            for (p, v) in zip(try activationArguments(table, "tanh"), f.aH) { expectShown(p, v, "a_h at t=\(f.t)") }
        }
    }

    @Test func digitsChangeOnlyTheDisplay() {
        for digits in [0, 2, 6] {
            let table = rendered([.forward], digits: digits).tables(inSection: "2")[0]
            let f = sequence.forward[0]
            let printed = results(table)
            for (p, v) in zip(printed, f.z + f.r) { expectShown(p, v, digits: digits, "z, r at --digits \(digits)") }
        }
        #expect(results(rendered([.forward], digits: 6).tables(inSection: "2")[0]).first == "0.598688")   // seed: 0.5987
    }

    @Test(arguments: Language.allCases) func bpttRows(language: Language) {
        let tables = rendered([.bptt], language: language).tables(inSection: "4")
        #expect(tables.count == sequence.backward.count)
        // The blocks run from T down to 1, as sequence.backward does.
        for (table, b) in zip(tables, sequence.backward) {
            let expected = b.dy + b.dhOut + b.dhRec + b.dh + b.dz + b.dhTilde + b.daH + (b.drh ?? []) + b.dr
                + b.daR + b.daZ + b.dhPrev
            let printed = results(table)
            #expect(printed.count == expected.count, "timestep \(b.t): \(printed.count) results")
            for (p, v) in zip(printed, expected) { expectShown(p, v, "BPTT t=\(b.t)") }
        }
    }

    @Test func lossRows() throws {
        let table = try #require(rendered([.loss]).tables(inSection: "3").first)
        let expected = sequence.forward.map { $0.loss ?? .nan } + [trace.loss]
        let printed = results(table)
        #expect(printed.count == expected.count)
        for (p, v) in zip(printed, expected) { expectShown(p, v, "loss") }
    }

    @Test func accumulationRows() throws {
        let table = try #require(rendered([.accumulation]).tables(inSection: "5").first)
        let backward = sequence.backward.sorted { $0.t < $1.t }
        let names = ParameterName.used(by: trace.config)
        let rows = table.rows
        var k = 0
        for p in names {
            for index in trace.gradients[p].indices {
                let row = rows[k]
                for (column, b) in backward.enumerated() {
                    expectShown(row[2 + column], b.grads[p][index], "\(p)[\(index)] at t=\(b.t)")
                }
                expectShown(row[2 + backward.count], trace.gradients[p][index], "∂L/∂\(p)[\(index)]")
                k += 1
            }
        }
        #expect(k == rows.count)
    }

    @Test func updateRowsWithWhyFirst() throws {
        let table = try #require(rendered([.update]).tables(inSection: "6").first)
        let order = [ParameterName.Why] + ParameterName.used(by: trace.config).filter { $0 != .Why }
        let entries = order.flatMap { p in trace.parameters[p].indices.map { (p, $0) } }
        #expect(table.rows.count == entries.count)
        #expect(table.rows.first?.first?.hasPrefix("Why") == true)
        let lr = trace.update.learningRate
        for (row, (p, i)) in zip(table.rows, entries) {
            expectShown(row[1], trace.parameters[p][i], given: true, "old \(p)")
            expectShown(row[2], trace.gradients[p][i], "∂L/∂\(p)")
            expectShown(row[3], lr * trace.gradients[p][i], "lr·∂L/∂\(p)")
            expectShown(row[4], trace.update.parameters[p][i], "new \(p)")
        }
    }

    @Test func trainingAndApplicationRows() throws {
        let text = rendered([.training, .apply])
        let losses = try #require(text.tables(inSection: "7").first)
        for row in losses.rows {
            let epoch = try #require(Int(row[0]))
            expectShown(row[1], trace.training.losses[epoch - 1], "loss before update \(epoch)")
        }
        let apply = try #require(text.tables(inSection: "8").first)
        let steps = try #require(trace.apply?.steps)
        #expect(apply.rows.count == steps.count)
        for (row, f) in zip(apply.rows, steps) {
            expectShown(row[3], f.y[0], "prediction at t=\(f.t)")
            expectShown(row[5], f.y[0] - (trace.apply?.expected?[f.t - 1][0] ?? .nan), "difference at t=\(f.t)")
        }
    }
}
