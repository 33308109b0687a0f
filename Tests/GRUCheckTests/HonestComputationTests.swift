import Foundation
import Testing
import GRUCore
import GRULessons
@testable import GRUCheck
import GRUTestSupport

/// The rule "an answer is correct when an honest computation gives it" (HonestComputation,
/// docs/check.md), tested on sheets computed as students compute them.
@Suite struct HonestComputationTests {
    static var lesson2: Trace { Bundled.lesson2Trace }
    static let traces: [(String, Trace)] = [("lesson1", Fixtures.lesson1Trace), ("lesson2", lesson2)]

    struct Case: CustomTestStringConvertible, Sendable {
        var lesson: String
        var decimals: Int
        var mode: HandStudent.Mode
        var testDescription: String { "\(lesson) \(mode.rawValue) \(decimals)" }
    }

    static let cases: [Case] = ["lesson1", "lesson2"].flatMap { lesson in
        HandStudent.Mode.allCases.flatMap { mode in [3, 4, 5].map { Case(lesson: lesson, decimals: $0, mode: mode) } }
    }

    static func trace(_ lesson: String) -> Trace { traces.first { $0.0 == lesson }!.1 }

    /// Rounding each answer, rounding every sub-result, truncating every sub-result: at 3, 4 and 5
    /// decimals, on lesson1 and lesson2, every one of the worksheet's answers is correct.
    @Test(arguments: cases)
    func honestSheetsAreAllCorrect(_ c: Case) throws {
        let trace = Self.trace(c.lesson)
        let sheet = HandStudent.sheet(trace, decimals: c.decimals, c.mode)
        let report = try Marker.check(Array(sheet.utf8), against: trace)
        #expect(report.summary.correct == HandStudent.keys(trace).count)
        #expect(report.keys(.wrong) == [] && report.keys(.followThrough) == [])
    }

    /// Each known mistake, on the keys where it changes the value by at least 0.05 (the first and
    /// the last such key), injected into each honest sheet: that key is wrong with that diagnosis,
    /// and nothing else is wrong (the rest is correct or follow-through).
    @Test(arguments: cases)
    func eachKnownMistakeIsWrongAndNamed(_ c: Case) throws {
        let (trace, mistakes) = c.lesson == "lesson1" ? Self.asymmetricMistakes : Self.lesson2Mistakes
        var named: Set<Diagnosis> = []
        for (key, mistake) in mistakes {
            let sheet = HandStudent.sheet(trace, decimals: c.decimals, c.mode, mistake: (key, mistake.formula))
            let report = try Marker.check(Array(sheet.utf8), against: trace)
            #expect(report.keys(.wrong) == [key.description], "\(mistake.diagnosis) at \(key)")
            #expect(report[key.description]?.diagnosis == mistake.diagnosis, "\(mistake.diagnosis) at \(key)")
            named.insert(mistake.diagnosis)
        }
        // Every diagnosis is exercised: under after_matmul, h_t_instead_of_h_prev shows in Uz, Ur
        // and Uh's contributions; under before_matmul (lesson1), also in dr.
        #expect(named == Set(Diagnosis.allCases), "\(Set(Diagnosis.allCases).subtracting(named))")
    }

    /// The mistakes to inject and their trace, found once for the 9 cases of each lesson.
    static let asymmetricMistakes = (Fixtures.asymmetricTrace, mistakes(Fixtures.asymmetricTrace))
    static let lesson2Mistakes = (lesson2, mistakes(lesson2))

    /// For each diagnosis, up to two keys (first and last in computation order) where the
    /// mistake's value is at least 0.05 from the right one and from every mistake listed before
    /// it, so that the sheet's value can only be that mistake: the mistake's formula there.
    static func mistakes(_ trace: Trace) -> [(TraceKey, Mistake)] {
        let book = FormulaBook(trace)
        let value = { (k: TraceKey) in trace.value(at: k)! }
        var byDiagnosis: [Diagnosis: [(TraceKey, Mistake)]] = [:]
        for key in HandStudent.keys(trace) {
            guard let right = book.formula(for: key) else { continue }
            let r = right.evaluate(value)
            var candidates = book.mistakes(for: key)
            candidates.append(Mistake(.signError, .product([.constant(-1), right])))
            var earlier: [Double] = []
            for m in candidates {
                let w = m.formula.evaluate(value)
                defer { earlier.append(w) }
                guard abs(w - r) >= 0.05, earlier.allSatisfy({ abs($0 - w) >= 0.05 }) else { continue }
                guard byDiagnosis[m.diagnosis]?.contains(where: { $0.0 == key }) != true else { continue }
                byDiagnosis[m.diagnosis, default: []].append((key, m))
            }
        }
        return Diagnosis.allCases.flatMap { d -> [(TraceKey, Mistake)] in
            let all = byDiagnosis[d] ?? []
            guard all.count > 2 else { return all }
            return [all[0], all[all.count - 1]]
        }
    }
}

/// A calculator without σ and tanh keys: the student computes e^{−a} (or e^{2a}), rounds it to 4
/// decimals, and divides. The newcomer review of 2026-12-03 found false ✗ on 7 of 40 such sheets
/// of lesson1's variants before the rule knew these forms.
@Suite struct CalculatorWithoutSigmoidKeyTests {
    /// By hand, variant 5 of lesson1: a_z₁ = 0.55, e^{−0.55} = 0.576950 → 0.5769,
    /// 1/1.5769 = 0.634155 → z₁ = 0.6342, while σ(0.55) = 0.634136 → 0.6341. Both are correct;
    /// 0.6344 (no rounding of e^{−a} gives it) is still wrong.
    @Test func variantFiveZ() throws {
        let trace = try Trace.record(LessonLibrary.load("lesson1").variant(5).problem)
        #expect(abs(trace.value(at: TraceKey("t1.a_z[1]")!)! - 0.55) < 1e-12)
        for (written, expected) in [("0.6342", "correct"), ("0.6341", "correct"), ("0.6344", "wrong")] {
            let report = try Marker.check(Array("t1.z[1] = \(written)\n".utf8), against: trace)
            #expect(report["t1.z[1]"]?.status.rawValue == expected, "\(written)")
        }
    }

    /// The exponential is rounded to 2 decimals at the coarsest (`coarsestExponentialUnit`): for
    /// σ(0.4) = 0.598688 on lesson1, written to 1–3 decimals, 0.6, 0.60 and 0.599 are correct, and
    /// 0.7, 0.61 and 0.604 wrong, as no honest computation gives them (by hand: e^−0.4 = 0.6703,
    /// rounded or truncated to 2 decimals 0.67, 1/1.67 = 0.5988).
    @Test func theExponentialIsRoundedToTwoDecimalsAtTheCoarsest() throws {
        let trace = Fixtures.lesson1Trace
        for (written, expected) in [("0.6", "correct"), ("0.60", "correct"), ("0.599", "correct"),
                                    ("0.7", "wrong"), ("0.61", "wrong"), ("0.604", "wrong")] {
            let report = try Marker.check(Array("t1.z[1] = \(written)\n".utf8), against: trace)
            #expect(report["t1.z[1]"]?.status.rawValue == expected, "\(written)")
        }
    }

    /// Variants 1–40 of lesson1 at 4 decimals, σ and tanh from rounded exponentials in both forms
    /// (and from a truncated tanh(a/2), which the review of 2026-12-03 found 16 false ✗ for),
    /// every other sub-result rounded too: every answer is correct.
    @Test(arguments: [HandStudent.Mode.exponentials, .exponentialPairs, .halfTanhTruncated])
    func everyAnswerOfFortyVariantsIsCorrect(_ mode: HandStudent.Mode) throws {
        let lesson = try LessonLibrary.load("lesson1")
        for n in 1...40 {
            let trace = try Trace.record(lesson.variant(n).problem)
            let report = try Marker.check(Array(HandStudent.sheet(trace, decimals: 4, mode).utf8), against: trace)
            #expect(report.keys(.wrong) == [], "variant \(n)")
            #expect(report.summary.correct == HandStudent.keys(trace).count, "variant \(n)")
        }
    }
}

/// The issue's own examples (issue 11), each computed by hand, and the rule's three pieces.
@Suite struct HonestComputationExamples {
    let trace = Fixtures.lesson1Trace

    /// The values the issue's student wrote, rounding every sub-result to 4 decimals (the lesson's
    /// in brackets), each put into the generated sheet of a student who rounds every sub-result:
    /// all 259 are correct. By hand: σ′₁ = 0.5987·0.4013 = 0.24026 → 0.2403 before multiplying,
    /// da_z₁ = 1.2554·0.2403 = 0.30167 → 0.3017 (0.3016); y₁ = 0.5·0.1854 + 0.5·0.1854 + 0.1 =
    /// 0.2854, (0.2854 − 2)² = 2.93985 → 2.9399, L₁ = ½·2.9399 = 1.46995 → 1.4700 (1.4698).
    @Test func theIssuesRoundedValuesAreCorrect() throws {
        var sheet = HandStudent.sheet(trace, decimals: 4, .roundsEveryStep)
        let issue = ["t1.da_z[1]": "0.3017", "t1.loss": "1.4700", "t2.a_z[1]": "0.7186", "t2.drh[1]": "-0.2830",
                     "t3.dh_prev[1]": "-1.2615"]
        for (key, value) in issue {
            sheet = sheet.split(separator: "\n").map { $0.hasPrefix(key + " =") ? "\(key) = \(value)" : String($0) }
                .joined(separator: "\n")
        }
        let report = try Fixtures.check(text: sheet)
        for (key, value) in issue {
            #expect(report[key]?.given?.text == value && report[key]?.status == .correct, "\(key)")
            #expect(abs(report[key]!.expected - Double(value)!) > 0.00005, "\(key) differs from the lesson's")
        }
        #expect(report.summary.correct == 259)
    }

    /// `t1.z[1] = 0.60` (too few digits, itself correct) and 0.5987 kept in the calculator:
    /// (1 − 0.5987)·0.4621 = 0.18544, written 0.1854, is correct. docs/check.md works it by hand.
    @Test func fewerDigitsWrittenThanKept() throws {
        let report = try Fixtures.check(text: "t1.z[1] = 0.60\nt1.h_tilde[1] = 0.4621\nt1.h[1] = 0.1854\n")
        #expect(report["t1.z[1]"]?.status == .correct)
        #expect(report["t1.h[1]"]?.status == .correct)
    }

    /// Strict: z₁ = σ(0.4000) = 0.598688; 0.5990 is no rounding or truncation of any value
    /// σ gives between 0.3999 and 0.40005 (0.598663…0.598699). docs/check.md works it by hand.
    @Test func aValueOutsideTheRuleIsWrong() throws {
        let report = try Fixtures.check(text: "t1.a_z[1] = 0.4000\nt1.z[1] = 0.5990\n")
        #expect(report["t1.z[1]"]?.status == .wrong && report["t1.z[1]"]?.diagnosis == nil)
        // Neighbours: 0.5986 (truncating 0.598663) and 0.5987 are honest; 0.5985 and 0.5989 are not.
        for (g, status) in [("0.5986", MarkStatus.correct), ("0.5987", .correct), ("0.5985", .wrong), ("0.5989", .wrong)] {
            #expect(try Fixtures.check(text: "t1.a_z[1] = 0.4000\nt1.z[1] = \(g)\n")["t1.z[1]"]?.status == status, "\(g)")
        }
    }

    /// docs/check.md's third worked example: da_z₁ = dz₁·z₁·(1 − z₁) from the student's
    /// dz₁ = 1.2555 and z₁ = 0.5987 has the interval [0.301325, 0.301929] by hand: 0.3013 …
    /// 0.3019 are correct (0.3017 is σ′ rounded to 0.2403 first), 0.3012 and 0.3020 are not.
    @Test func theDocsSigmoidDerivativeExample() throws {
        for (g, status) in [("0.3012", MarkStatus.wrong), ("0.3013", .correct), ("0.3017", .correct), ("0.3019", .correct),
                            ("0.3020", .wrong)] {
            let report = try Fixtures.check(text: "t1.dz[1] = 1.2555\nt1.z[1] = 0.5987\nt1.da_z[1] = \(g)\n")
            #expect(report["t1.dz[1]"]?.status == .correct && report["t1.da_z[1]"]?.status == status, "\(g)")
        }
    }

    /// A student who fills in only unit [1] of every vector (the first entry of every key),
    /// rounding every sub-result, with a slip in z₁: wrong on z₁ only, and the slip followed
    /// through (the blank units are what follows from their answers).
    @Test func onlyUnitOneKeepsFollowThrough() throws {
        let z1 = TraceKey("t1.z[1]")!
        let firstUnit = { (k: TraceKey) in k.index.allSatisfy { $0 == 1 } }
        for mode in HandStudent.Mode.allCases {
            let clean = try Fixtures.check(text: HandStudent.sheet(trace, decimals: 4, mode, only: firstUnit))
            #expect(clean.keys(.wrong) == [] && clean.keys(.followThrough) == [], "\(mode)")
            let sheet = HandStudent.sheet(trace, decimals: 4, mode, mistake: (z1, .constant(0.5897)), only: firstUnit)
            let slip = try Fixtures.check(text: sheet)
            #expect(slip.keys(.wrong) == ["t1.z[1]"], "\(mode)")
            #expect(slip["t1.h[1]"]?.status == .followThrough && slip.summary.followThrough > 30, "\(mode)")
        }
    }

    /// The rule's pieces, by hand at u = 0.0001.
    @Test func theThreeRules() {
        // Rule 1: 0.18545 may become 0.1854 (truncated or rounded half-even) or 0.1855; −0.0456 may
        // become −0.0455 (truncated).
        let h = HonestComputation.rounded(Interval(0.18545), unit: 0.0001)
        #expect(abs(h.lo - 0.18535) < 1e-12 && abs(h.hi - 0.1855) < 1e-12)
        let negative = HonestComputation.rounded(Interval(-0.0456), unit: 0.0001)
        #expect(abs(negative.lo - -0.04565) < 1e-12 && abs(negative.hi - -0.0455) < 1e-12)
        // Rule 3: 0.1854 is a rounding of [0.18535, 0.18545] or a truncation of [0.1854, 0.1855).
        #expect(HonestComputation.accepts(0.1854, unit: 0.0001, Interval(0.18549)))
        #expect(!HonestComputation.accepts(0.1854, unit: 0.0001, Interval(0.18551)))
        #expect(!HonestComputation.accepts(0.1854, unit: 0.0001, Interval(0.18534)))
        #expect(HonestComputation.accepts(-0.0455, unit: 0.0001, Interval(-0.04559)))
        // Rule 2: (1 − z)·h̃ with z ∈ [0.5987, 0.5987], h̃ = 0.4621: 1 − z = 0.4013 rounded
        // → [0.4012, 0.40135]; times 0.4621 → [0.18539, 0.18546].
        let f = Formula.product([.difference(.constant(1), .value(TraceKey("t1.z[1]")!)), .value(TraceKey("t1.h_tilde[1]")!)])
        let i = HonestComputation.evaluate(f, unit: 0.0001) { $0.description == "t1.z[1]" ? Interval(0.5987) : Interval(0.4621) }
        #expect(abs(i.lo - 0.4012 * 0.4621) < 1e-12 && abs(i.hi - 0.40135 * 0.4621) < 1e-12)
    }
}
