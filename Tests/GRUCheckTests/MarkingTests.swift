import Foundation
import Testing
import GRUCore
import GRULessons
@testable import GRUCheck
import GRUTestSupport

/// Marking lesson1 sheets. The sheets under Sheets/ come from Sheets/make_sheets.py, a second,
/// independent implementation of lesson1 in Python that computes every key as a student does by
/// hand (see its docstring). Rerun it to regenerate them; the expected marks below do not depend
/// on the exact digits it writes.
@Suite struct MarkingTests {
    let trace = Fixtures.lesson1Trace

    /// Every key a worksheet asks for, with the trace's own value at full precision.
    @Test func aSheetMadeFromTheTraceIsAllCorrect() throws {
        let lines = trace.entries.filter { $0.key.stage > .given && $0.key.stage < .training }
            .map { "\($0.key) = \($0.value)" }
        let report = try Fixtures.check(text: lines.joined(separator: "\n"))
        #expect(lines.count == 259)   // 3 × 18 forward, loss, 3 × 23 backward, 3 × 27 + 27 + 27
        #expect(report.summary.correct == 259)
        #expect(report.summary.notOnSheet == 0)
        #expect(report.summary.firstMistake == nil)
        #expect(report.exitStatus == 0)
    }

    /// The Python student at full precision agrees with the Swift trace on all 259 keys.
    @Test func theIndependentFullPrecisionSheetIsAllCorrect() throws {
        let report = try Fixtures.check("lesson1-full.txt")
        #expect(report.summary.correct == 259 && report.summary.notOnSheet == 0)
    }

    /// The student who rounds every value to 4 decimals and computes on with the rounded values.
    @Test func aSheetRoundedAtEveryStepPasses() throws {
        let report = try Fixtures.check("lesson1-rounded.txt")
        #expect(report.summary.correct == 259)
        #expect(report.summary.followThrough == 0 && report.summary.wrong == 0)
        #expect(report.exitStatus == 0)
        // The seed's h₁ is 0.1855 (h₁ = 0.18545331…), but (1 − 0.5987)·0.4621 = 0.18544…: the
        // rounded student writes 0.1854, which is more than half a unit away, and it is correct.
        let h1 = try #require(report["t1.h[1]"])
        #expect(h1.given?.text == "0.1854" && h1.status == .correct)
        #expect(abs(h1.given!.value - h1.expected) > 0.00005)
        // Likewise h₂: the seed's 0.3903, the rounded student's 0.3902.
        #expect(report["t2.h[1]"]?.given?.text == "0.3902" && report["t2.h[1]"]?.status == .correct)
    }

    /// One slip in z₁ (0.5897 for 0.5987), everything after computed from it: wrong on z₁ only.
    @Test func oneSlipInZ1IsWrongOnceAndFollowedThrough() throws {
        let slip = try Fixtures.check("slip-z1.txt")
        let clean = try Fixtures.check("lesson1-rounded.txt")
        #expect(slip.keys(.wrong) == ["t1.z[1]"])
        #expect(slip.summary.firstMistake?.key.description == "t1.z[1]")
        #expect(slip.summary.firstMistake?.expected == trace.value(at: TraceKey("t1.z[1]")!))
        #expect(slip.exitStatus == 1)
        // The same key on the slip-free sheet: where the slip did not change the value, correct;
        // where it changed it by more than rounding to 4 decimals can (0.002 is more than any
        // honest computation of these formulas is off: dh_prev, a sum of six products with
        // |dh| ≈ 2.5, is off by up to 0.0011), follow-through; in between, either (the rule,
        // docs/check.md), and never wrong.
        for (a, b) in zip(slip.results, clean.results) where a.key.description != "t1.z[1]" {
            #expect(a.key == b.key)
            if a.given!.value == b.given!.value {
                #expect(a.status == .correct, "\(a.key)")
            } else if abs(a.given!.value - a.expected) > 0.002 {
                #expect(a.status == .followThrough, "\(a.key) \(a.given!.value) \(a.expected)")
            } else {
                #expect(a.status == .correct || a.status == .followThrough, "\(a.key)")
            }
        }
        // Everything computed from z₁[1] and not equal to the lesson: h₁[1], y₁, L₁, then all of t2…
        #expect(slip["t1.z[2]"]?.status == .correct)          // the other hidden unit
        #expect(slip["t1.h_tilde[1]"]?.status == .correct)    // does not depend on z
        #expect(slip["t1.h[1]"]?.status == .followThrough)
        #expect(slip["t1.h[2]"]?.status == .correct)
        #expect(slip["t1.y[1]"]?.status == .followThrough)
        #expect(slip["loss"]?.status == .followThrough)
        #expect(slip["update.Why[1][1]"]?.status == .followThrough)
        #expect(slip.summary.followThrough > 100)
        // A follow-through mark shows what the student's own values give.
        let h1 = try #require(slip["t1.h[1]"])
        #expect(h1.carriedFrom.map(\.key.description) == ["t1.z[1]"] && h1.carriedFrom.first?.value == 0.5897)
        // (1 − 0.5897)·0.4621 with h₀ = 0, the student's h̃₁.
        #expect(h1.fromYourValues.map { abs($0 - (1 - 0.5897) * 0.4621) < 1e-12 } == true)
    }

    /// Each sheet has one deliberate mistake (Sheets/make_sheets.py, `mistakes`), the rest
    /// computed from it: wrong on that key, with the named diagnosis, and nothing else wrong.
    @Test(arguments: [
        ("update_convention", "t2.h[1]"),
        ("reset_placement", "t2.a_h[1]"),
        ("recurrent_term_forgotten", "t2.dh[1]"),
        ("missing_sigmoid_derivative", "t3.da_z[1]"),
        ("missing_tanh_derivative", "t3.da_h[1]"),
        ("sign_error", "t3.dy[1]"),
        ("not_summed_over_timesteps", "grad.Wz[1][1]"),
        ("loss_half_factor", "t1.loss"),
        ("h_t_instead_of_h_prev", "t3.dz[1]"),
        ("h_prev_instead_of_h_t", "t2.y[1]"),
    ])
    func aDeliberateMistakeIsNamed(_ code: String, _ key: String) throws {
        // The reset placement shows only when r differs between hidden units (Fixtures.asymmetric).
        let trace = code == "reset_placement" ? Fixtures.asymmetricTrace : Fixtures.lesson1Trace
        let report = try Fixtures.check("mistake-\(code).txt", trace)
        #expect(report.keys(.wrong) == [key])
        #expect(report[key]?.diagnosis?.rawValue == code)
        #expect(report.summary.firstMistake?.diagnosis?.rawValue == code)
        #expect(report.summary.followThrough > 0)
        #expect(report.summary.notOnSheet == 0)
        // A wrong mark shows the formula, the numbers to use and the expected value.
        let mark = try #require(report[key])
        #expect(mark.formula != nil && !mark.inputs.isEmpty)
        #expect(mark.expected == trace.value(at: TraceKey(key)!))
    }

    @Test func moreMistakesOnSmallSheets() throws {
        let t = trace
        let v = { (k: String) in t.value(at: TraceKey(k)!)! }
        func mark(_ key: String, _ value: Double) throws -> CheckResult? {
            try Fixtures.check(text: "\(key) = \(value)")[key]
        }
        // update.Wz[1][1] = Wz + lr·grad: gradient ascent.
        #expect(try mark("update.Wz[1][1]", 0.3 + 0.05 * v("grad.Wz[1][1]"))?.diagnosis == .signError)
        // update made from t = 2's contribution alone.
        #expect(try mark("update.Wz[1][1]", 0.3 - 0.05 * v("t2.grad.Wz[1][1]"))?.diagnosis == .notSummedOverTimesteps)
        // dy = 2(y − target): the loss taken without ½.
        #expect(try mark("t2.dy[1]", 2 * v("t2.dy[1]"))?.diagnosis == .lossHalfFactor)
        // dh_rec = 0 at t = 2.
        #expect(try mark("t2.dh_rec[1]", 0)?.diagnosis == .recurrentTermForgotten)
        // da_r = dr at t = 2.
        #expect(try mark("t2.da_r[2]", v("t2.dr[2]"))?.diagnosis == .missingSigmoidDerivative)
        // dz with the other convention, dh·(h̃ − h_{t−1}).
        #expect(try mark("t2.dz[1]", -v("t2.dz[1]"))?.diagnosis == .updateConvention)
        // A value that matches no known mistake.
        let wrong = try mark("t1.z[1]", 0.7)
        #expect(wrong?.status == .wrong && wrong?.diagnosis == nil)
        // At t = 1, h₀ = 0: the two update conventions differ (z·h̃ vs (1 − z)·h̃).
        #expect(try mark("t1.h[1]", v("t1.z[1]") * v("t1.h_tilde[1]"))?.diagnosis == .updateConvention)
    }

    /// The PyTorch conventions (after_matmul, here with z on the candidate): the diagnoses work
    /// the other way round. The wrong values are computed here from the trace's own r, h₁, z, h̃.
    @Test func diagnosesUnderTheOtherConventions() throws {
        var problem = Fixtures.asymmetric
        problem.config.reset = .afterMatmul
        problem.config.update = .zTimesCandidate
        problem.parameters.bhn = [0.05, -0.05]
        let trace = try Trace.record(problem)
        let v = { (k: String) in trace.value(at: TraceKey(k)!)! }
        let p = problem.parameters
        // a_h₂[1] with the reset before the matmul: Wh·x₂ + Uh[1]·(r₂⊙h₁) + bh + bhn.
        let before = p.Wh[0, 0] * 2 + p.Uh[0, 0] * v("t2.r[1]") * v("t1.h[1]") + p.Uh[0, 1] * v("t2.r[2]") * v("t1.h[2]")
            + p.bh[0] + p.bhn[0]
        // h₂[1] with z on h₁: z·h₁ + (1 − z)·h̃.
        let onPrevious = v("t2.z[1]") * v("t1.h[1]") + (1 - v("t2.z[1]")) * v("t2.h_tilde[1]")
        let report = try Fixtures.check(text: String(format: "t2.a_h[1] = %.6f\nt2.h[1] = %.6f\n", before, onPrevious), trace)
        #expect(abs(before - v("t2.a_h[1]")) > 0.01 && abs(onPrevious - v("t2.h[1]")) > 0.01)
        #expect(report["t2.a_h[1]"]?.diagnosis == .resetPlacement)
        #expect(report["t2.a_h[1]"]?.diagnosisVariant == .withBhn)
        #expect(report["t2.h[1]"]?.diagnosis == .updateConvention)
    }

    /// lesson2 (after_matmul, PyTorch's a_h = Wh·x + bh + r⊙(Uh·h_{t−1} + bhn)) worked with the
    /// course text's formula a_h = Wh·x + Uh·(r⊙h_{t−1}) + bh: the mistake a student of the course
    /// text is most likely to make. Only the variant with bhn added was recognised; 1.1070 was a
    /// plain "wrong". By hand, from lesson2's Wh[1] = 0.5, Uh[1] = [0.5, −0.3], bh[1] = 0,
    /// bhn[1] = 0.05 and the trace's r₂ = [0.6808, 0.7389], h₁ = [0.1950, −0.1836]:
    /// 0.5·2 + 0.5·0.6808·0.1950 + (−0.3)·0.7389·(−0.1836) = 1.1070, and + bhn = 1.1570; the
    /// lesson's a_h₂[1] is 1.1379.
    @Test func lesson2WithTheCourseTextsResetPlacement() throws {
        let trace = Bundled.lesson2Trace
        #expect(abs(trace.value(at: TraceKey("t2.a_h[1]")!)! - 1.1379) < 0.00005)
        let without = try Fixtures.check(text: "t2.a_h[1] = 1.1070\nt2.h_tilde[2] = -0.6093\n", trace)
        #expect(without["t2.a_h[1]"]?.diagnosis == .resetPlacement && without["t2.a_h[1]"]?.diagnosisVariant == nil)
        let with = try Fixtures.check(text: "t2.a_h[1] = 1.1570\n", trace)
        #expect(with["t2.a_h[1]"]?.diagnosis == .resetPlacement && with["t2.a_h[1]"]?.diagnosisVariant == .withBhn)
        // h̃₂[2] = tanh(−0.4·2 + 0.2·0.6808·0.1950 + 0.6·0.7389·(−0.1836) + 0.1) = tanh(−0.7548) = −0.6380
        // without bhn (−0.6667 with bhn[2] = −0.05); the lesson's is tanh(−0.7895) = −0.6581.
        let h2 = try Fixtures.check(text: "t2.h_tilde[2] = -0.6380\n", trace)
        #expect(h2["t2.h_tilde[2]"]?.diagnosis == .resetPlacement && h2["t2.h_tilde[2]"]?.diagnosisVariant == nil)
        #expect(without["t2.h_tilde[2]"]?.diagnosis == nil)   // −0.6093 is no known mistake
    }

    /// h_t where the formula takes h_{t−1}. lesson1's trace: dh₃[1] = −1.682155, h₂[1] = 0.390280,
    /// h₃[1] = 0.535690, h̃₃[1] = 0.946685, da_z₃[1] = 0.180678, da_r₃[1] = −0.0031947.
    @Test func theHiddenStateOfThisTimestepForThePreviousOne() throws {
        let v = { (k: String) in self.trace.value(at: TraceKey(k)!)! }
        func mark(_ text: String, _ trace: Trace = Fixtures.lesson1Trace) throws -> CheckResult? {
            let key = String(text.prefix { $0 != " " })
            return try Fixtures.check(text: text + "\n", trace)[key]
        }
        // dz₃ = dh₃·(h₂ − h̃₃) = 0.9360; with h₃, −1.6822·(0.5357 − 0.9467) = 0.6914.
        #expect(try mark("t3.dz[1] = 0.6914")?.diagnosis == .hInsteadOfHPrev)
        // Uz's contribution at t = 3, da_z₃·h₂ = 0.0705; with h₃, 0.1807·0.5357 = 0.0968.
        #expect(try mark("t3.grad.Uz[1][1] = 0.0968")?.diagnosis == .hInsteadOfHPrev)
        // Ur's, da_r₃·h₂ = −0.0012; with h₃, −0.0032·0.5357 = −0.0017.
        #expect(abs(v("t3.da_r[1]") * v("t3.h[1]") - -0.0017) < 0.00005)
        #expect(try mark("t3.grad.Ur[1][1] = -0.0017")?.diagnosis == .hInsteadOfHPrev)
        // Written to 3 decimals, −0.002 is as near the right −0.0012 as that precision tells apart
        // from −0.0017 (they differ by 0.0005): wrong, and no diagnosis.
        let coarse = try mark("t3.grad.Ur[1][1] = -0.002")
        #expect(coarse?.status == .wrong && coarse?.diagnosis == nil)
        // Summed over t, with h_t at every step: Σ da_z,t·h_t = 0.0559 + 0.1352 + 0.0968 = 0.2880
        // (the lesson's 0.1348), and the update made from it, 0.05 − 0.05·0.2880 = 0.0356.
        let summed = (1...3).map { v("t\($0).da_z[1]") * v("t\($0).h[1]") }.reduce(0, +)
        #expect(abs(summed - 0.2880) < 0.00005)
        #expect(try mark("grad.Uz[1][1] = 0.2880")?.diagnosis == .hInsteadOfHPrev)
        #expect(try mark("update.Uz[1][1] = 0.0356")?.diagnosis == .hInsteadOfHPrev)
        // Never on a right value: dz₃ = 0.9360 and the contributions at t = 1, where h₀ = 0.
        #expect(try mark("t3.dz[1] = 0.9360")?.status == .correct)
        #expect(try mark("t1.grad.Uz[1][1] = 0")?.status == .correct)
        // t = 1: dz₁ = dh₁·(h₀ − h̃₁) = −2.7168·(0 − 0.4621) = 1.2555; with h₁, −2.7168·(0.1855 − 0.4621) = 0.7517.
        #expect(abs(v("t1.dh[1]") * (v("t1.h[1]") - v("t1.h_tilde[1]")) - 0.7517) < 0.00005)
        #expect(try mark("t1.dz[1] = 0.7517")?.diagnosis == .hInsteadOfHPrev)

        // before_matmul (the asymmetric lesson1): dr = drh⊙h_{t−1}, and Uh's contribution
        // da_h[i]·r[j]·h_{t−1}[j], each with h_t.
        let a = Fixtures.asymmetricTrace
        let w = { (k: String) in a.value(at: TraceKey(k)!)! }
        #expect(try mark(String(format: "t2.dr[2] = %.6f", w("t2.drh[2]") * w("t2.h[2]")), a)?.diagnosis == .hInsteadOfHPrev)
        let uh = w("t3.da_h[1]") * w("t3.r[2]") * w("t3.h[2]")
        #expect(try mark(String(format: "t3.grad.Uh[1][2] = %.6f", uh), a)?.diagnosis == .hInsteadOfHPrev)
        // after_matmul (lesson2): Uh's contribution is dn_h[i]·h_{t−1}[j]; dr = da_h⊙n_h reads no h.
        let l2 = Bundled.lesson2Trace
        let u = { (k: String) in l2.value(at: TraceKey(k)!)! }
        #expect(try mark(String(format: "t2.grad.Uh[2][1] = %.6f", u("t2.dn_h[2]") * u("t2.h[1]")), l2)?.diagnosis == .hInsteadOfHPrev)
        #expect(FormulaBook(l2).mistakes(for: TraceKey("t2.dr[1]")!).allSatisfy { $0.diagnosis != .hInsteadOfHPrev })
        // Nor in the forward pass: h_t is computed from a_z, a_r, a_h.
        #expect(FormulaBook(trace).mistakes(for: TraceKey("t2.a_z[1]")!).isEmpty)
    }

    /// The reverse: h_{t−1} where the formula takes h_t, in y = Why·h + by and in Why's
    /// contribution dy·hᵀ. lesson1's trace: h₁ = [0.185453, 0.185453], h₂[1] = 0.390280,
    /// h₃[1] = 0.535690, by = 0.1, Why = [0.5, 0.5], dy₂ = −2.509720, dy₃ = −3.364310.
    @Test func theHiddenStateOfThePreviousTimestepForThisOne() throws {
        let v = { (k: String) in self.trace.value(at: TraceKey(k)!)! }
        func mark(_ text: String) throws -> CheckResult? {
            let key = String(text.prefix { $0 != " " })
            return try Fixtures.check(text: text + "\n")[key]
        }
        // y₂ = Why·h₂ + by = 0.5·0.3903·2 + 0.1 = 0.4903; with h₁, 0.5·0.1855·2 + 0.1 = 0.2855.
        #expect(abs(v("t2.y[1]") - 0.4903) < 0.00005)
        #expect(try mark("t2.y[1] = 0.2855")?.diagnosis == .hPrevInsteadOfH)
        // y₁ with h₀ = 0 is by alone, 0.1 (the lesson's 0.2855). Written "0.1", one decimal, it is
        // correct: truncated to one decimal, h₁ = 0.1 and 0.5·0.1 = 0.05 truncates to 0.0, so
        // y₁ = 0.0 + 0.0 + 0.1 is an honest computation.
        #expect(try mark("t1.y[1] = 0.1000")?.diagnosis == .hPrevInsteadOfH)
        #expect(try mark("t1.y[1] = 0.1")?.status == .correct)
        // Why's contribution at t = 3, dy₃·h₃ = −3.3643·0.5357 = −1.8022; with h₂, −3.3643·0.3903 = −1.3130.
        #expect(abs(v("t3.grad.Why[1][1]") - -1.8022) < 0.00005)
        #expect(abs(v("t3.dy[1]") * v("t2.h[1]") - -1.3130) < 0.00005)
        #expect(try mark("t3.grad.Why[1][1] = -1.3130")?.diagnosis == .hPrevInsteadOfH)
        // Summed over t with h_{t−1} at every step: −1.7145·0 − 2.5097·0.1855 − 3.3643·0.3903
        // = −1.7785 (the lesson's −3.0997), and the update 0.5 − 0.05·(−1.7785) = 0.5889 (0.6550).
        #expect(try mark("grad.Why[1][1] = -1.7785")?.diagnosis == .hPrevInsteadOfH)
        #expect(try mark("update.Why[1][1] = 0.5889")?.diagnosis == .hPrevInsteadOfH)
        // Never on a right value.
        for right in ["t1.y[1] = 0.2855", "t2.y[1] = 0.4903", "t3.grad.Why[1][1] = -1.8022",
                      "grad.Why[1][1] = -3.0997", "update.Why[1][1] = 0.6550"] {
            #expect(try mark(right)?.status == .correct, "\(right)")
        }
        // Only y, Why's contribution, its sum and its update: the gates read h_{t−1} already, and
        // by's contribution reads no h.
        let book = FormulaBook(trace)
        for key in ["t2.a_z[1]", "t2.h[1]", "t2.dz[1]", "t2.grad.Uz[1][1]", "t2.grad.by[1]", "t2.dh_out[1]"] {
            #expect(book.mistakes(for: TraceKey(key)!).allSatisfy { $0.diagnosis != .hPrevInsteadOfH }, "\(key)")
        }
    }

    @Test func precisionIsWhatTheStudentWrote() throws {
        // z₁ = 0.598687660112452 (the trace).
        let marks = try Fixtures.check(text: """
            t1.z[1] = 0.6
            t1.z[2] = 0.59
            t1.a_z[1] = 0
            t1.rh[1] = 0
            t1.h_tilde[1] = 0.46
            t1.h_tilde[2] = 0.5
            """)
        #expect(marks["t1.z[1]"]?.status == .correct)       // |0.6 − 0.5987| < 0.05
        #expect(marks["t1.z[2]"]?.status == .correct)       // 0.5987 truncates to 0.59
        #expect(marks["t1.a_z[1]"]?.status == .wrong)       // 0 for 0.4: a leading digit is needed
        #expect(marks["t1.rh[1]"]?.status == .correct)      // r₁⊙h₀ = 0 exactly
        #expect(marks["t1.h_tilde[1]"]?.status == .correct) // tanh(0.5) = 0.4621…
        #expect(marks["t1.h_tilde[2]"]?.status == .correct) // 0.5 to one decimal
        // On a sheet of their own, so that no earlier slip carries into them:
        let small = try Fixtures.check(text: "t3.da_r[1] = 0.00\nt3.da_r[2] = 0\nt3.dy[1] = -3\n")
        #expect(small["t3.da_r[1]"]?.status == .correct)    // −0.0032 to two decimals
        #expect(small["t3.da_r[2]"]?.status == .wrong)      // 0 for −0.0032: no digit of it right
        #expect(small["t3.dy[1]"]?.status == .correct)      // −3.3643 to its leading digit
        // A sheet may answer the givens too; they are marked but never carried.
        let givens = try Fixtures.check(text: "param.Wz[1][1] = 0.3\nt1.x[1] = 2\nlr = 0.05\n")
        #expect(givens["param.Wz[1][1]"]?.status == .correct)
        #expect(givens["t1.x[1]"]?.status == .wrong)
        #expect(givens["lr"]?.status == .correct)
    }

    @Test func resultsComeInComputationOrderWithTheirLines() throws {
        let report = try Fixtures.check(text: "loss = 10.2785\nt1.z[1] = 0.5987\n# the end\nt3.dy[1] = -3.3643\n")
        #expect(report.results.map(\.key.description) == ["t1.z[1]", "loss", "t3.dy[1]"])
        #expect(report.results.map(\.line) == [2, 1, 4])
        #expect(report.summary.correct == 3)
        #expect(report.summary.notOnSheet == 256)
    }
}
