import Testing
import Foundation
import GRUCore
import GRUJSON
import GRULessons
import GRUCheck
import GRURender
import GRUTestSupport

/// Every quantity of the registry (`TraceKey.StepQuantity`) walked through everything that
/// shows or reads it, under both reset placements: lesson1 (before_matmul, rh and drh) and
/// lesson2 (after_matmul, n_h and dn_h). A quantity added to the registry and forgotten by one of
/// these fails here, with its name.
@Suite struct QuantityRegistryTests {
    static let lessons = [Bundled.lesson1, Bundled.lesson2]

    @Test(arguments: [0, 1])
    func everyQuantityIsInTheKeysJSONTSVWorksheetAndFormulas(_ k: Int) throws {
        let lesson = Self.lessons[k]
        let trace = Bundled.trace(lesson.id)
        let c = trace.config
        let keys = Set(trace.keys)
        let json = try JSONParser.parse(TraceJSON.render(trace, lesson: lesson))
        let step1 = Self.element(Self.member(json, "sequences"), 0)
        let tsv = Set(TSVRenderer.render(trace).split(separator: "\n").map { String($0.split(separator: "\t")[0]) })
        let worksheet = WorksheetRenderer.render(trace, lesson: lesson, options: RenderOptions(language: .en))
        let book = FormulaBook(trace)
        for q in TraceKey.StepQuantity.allCases {
            let exists = q.exists(under: c)
            let key = TraceKey(t: 1, .step(q), [1])
            #expect(keys.contains(key) == exists, "\(lesson.id): \(key) in the keys")
            #expect(tsv.contains(key.description) == exists, "\(lesson.id): \(key) in the TSV")
            // The entry of timestep 1 (backward entries come in BPTT's order, t = T…1).
            let entries: [JSONValue]
            if case .array(let a)? = Self.member(step1, q.isBackward ? "backward" : "forward") { entries = a } else { entries = [] }
            let entry = entries.first { if case .number(let n)? = Self.member($0, "t") { return n.value == 1 }; return false }
            let values = Self.member(entry, q.rawValue)
            #expect((values != nil) == exists, "\(lesson.id): \(q.rawValue) in the JSON trace")
            #expect(Quantity(q).name(.en) != Quantity(q).name(.zh), "\(q) is named in both languages")
            guard exists else { continue }
            if case .number(let n)? = Self.element(values, 0) {
                #expect(n.value == trace.value(at: key), "\(lesson.id): \(key) in JSON is the trace's value")
            } else {
                Issue.record("\(lesson.id): \(q.rawValue) in JSON is not an array of numbers")
            }
            if case .array(let a)? = values { #expect(a.count == q.count(c), "\(lesson.id): \(q)'s size") }
            if q == .x || q == .target { continue }  // given by the lesson, not asked
            #expect(worksheet.contains("\n\(key) ="), "\(lesson.id): \(key) on the worksheet")
            // Its formula over other keys gives its value: what `check` follows through.
            let formula = try #require(book.formula(for: key), "\(lesson.id): \(key) has no formula")
            let value = formula.evaluate { trace.value(at: $0) ?? .nan }
            let truth = try #require(trace.value(at: key))
            #expect(abs(value - truth) <= 1e-12 * max(1, abs(truth)), "\(lesson.id): \(key)'s formula gives \(value), the trace \(truth)")
        }
    }

    static func member(_ v: JSONValue?, _ key: String) -> JSONValue? {
        if case .object(let o)? = v { return o[key] }
        return nil
    }

    static func element(_ v: JSONValue?, _ i: Int) -> JSONValue? {
        if case .array(let a)? = v, a.indices.contains(i) { return a[i] }
        return nil
    }
}
