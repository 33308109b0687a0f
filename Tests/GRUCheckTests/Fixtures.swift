import Foundation
import GRUCore
import GRULessons
import GRUCheck
import GRUTestSupport

/// The lessons and sheets the check tests share, with the source of every number.
enum Fixtures {
    /// lesson1, the bundled lessons/lesson1.json: Wz = 0.3, bz = 0.1, by = 0.1 and h0 = 0 from
    /// the seed, the rest chosen to reproduce the seed's numbers (issue 2); lr 0.05, 500 epochs.
    /// Sheets/make_sheets.py has the same values (LESSON1).
    static let lesson1 = try! LessonLibrary.load("lesson1").problem

    /// lesson1 with unequal rows in Wr and Uh (ASYMMETRIC in Sheets/make_sheets.py), so that the
    /// two reset placements give different numbers; in lesson1 itself they coincide.
    static let asymmetric: Problem = {
        var p = lesson1
        p.parameters.Wr = Matrix([[0.25], [-0.4]])
        p.parameters.Uh = Matrix([[0.5, -0.3], [0.2, 0.6]])
        return p
    }()

    static var lesson1Trace: Trace { Bundled.lesson1Trace }
    static let asymmetricTrace = try! Trace.record(asymmetric)

    /// The bytes of a file under Sheets/.
    static func sheet(_ name: String) -> [UInt8] {
        let url = Bundle.module.url(forResource: "Sheets/" + name, withExtension: nil)!
        return Array(try! Data(contentsOf: url))
    }

    static func check(_ name: String, _ trace: Trace = lesson1Trace) throws(SheetErrors) -> CheckReport {
        try Marker.check(sheet(name), against: trace)
    }

    static func check(text: String, _ trace: Trace = lesson1Trace) throws(SheetErrors) -> CheckReport {
        try Marker.check(Array(text.utf8), against: trace)
    }
}

extension CheckReport {
    /// The mark of one key, by its text.
    subscript(_ key: String) -> CheckResult? {
        results.first { $0.key.description == key }
    }

    func keys(_ status: MarkStatus) -> [String] {
        results.filter { $0.status == status }.map(\.key.description)
    }
}
