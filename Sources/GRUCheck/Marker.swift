import GRUCore

/// Marks a filled worksheet against a lesson's trace (docs/check.md).
///
/// Keys are marked in computation order. For each answered key, with g the student's value, by
/// the rule "an answer is correct when an honest computation gives it" (`HonestComputation`):
/// - **correct** when the key's formula gives g with each input anywhere between the lesson's
///   value and the student's (the lesson's alone where the student's carries a mistake) and every
///   sub-result rounded, truncated or not at g's decimals: h₁ = 0.1854 from z₁ = 0.5987 and
///   h̃₁ = 0.4621, where the lesson's h₁ is 0.18545…;
/// - **follow_through** when the same rule gives g on the student's values, and some of those
///   carry a mistake;
/// - **wrong** otherwise, with the diagnosis of the first known mistake that explains g better
///   than rounding does.
///
/// "The student's values" are the student's answers where given. Where a key is not answered, it
/// is what follows from their answers (its formula evaluated on them), so a slip carries through
/// the keys they skipped. The givens (lr, parameters, h0, x, target) are always the lesson's.
public enum Marker {

    /// Reads the sheet and marks it. Throws every problem found when a line cannot be read, a key
    /// does not exist in the lesson, or a key is answered twice.
    public static func check(_ bytes: [UInt8], against trace: Trace) throws(SheetErrors) -> CheckReport {
        let (sheet, errors) = AnswerSheet.parse(bytes)
        return try mark(sheet, against: trace, readErrors: errors)
    }

    public static func mark(_ sheet: AnswerSheet, against trace: Trace,
                            readErrors: [SheetError] = []) throws(SheetErrors) -> CheckReport {
        let keys = trace.keys
        var errors = readErrors
        var answers: [TraceKey: SheetLine] = [:]
        var validNames: KeyNames? = nil
        var unknown = 0
        for line in sheet.lines {
            guard let key = TraceKey(line.keyText), trace.value(at: key) != nil else {
                let names = validNames ?? KeyNames(keys.map(\.description))
                validNames = names
                // A suggestion searches every key: for the first few unknown keys only, so that a
                // sheet of thousands of them is answered at once.
                unknown += 1
                let suggestion = unknown <= maxSuggestions ? nearestKey(to: line.keyText, among: names) : nil
                errors.append(SheetError(line: line.line, .unknownKey(key: line.keyText, suggestion: suggestion)))
                continue
            }
            if let first = answers[key] {
                errors.append(SheetError(line: line.line, .duplicateKey(key: line.keyText, firstLine: first.line,
                                                                        firstValue: first.value?.written ?? "",
                                                                        value: line.value?.written ?? "")))
                continue
            }
            answers[key] = line
        }
        if !errors.isEmpty {
            throw SheetErrors(errors: errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return marks(answers, trace, keys)
    }

    private static func marks(_ answers: [TraceKey: SheetLine], _ trace: Trace, _ keys: [TraceKey]) -> CheckReport {
        let book = FormulaBook(trace)
        // The values as the student has them, and the keys whose student value is not correct
        // (answered and not correct, or computed from such a value).
        var world: [TraceKey: Double] = [:]
        var tainted: Set<TraceKey> = []
        // For each tainted key, the student's answers (not correct) it was computed from: itself
        // when answered, else the origins of its tainted inputs.
        var origins: [TraceKey: [TraceKey]] = [:]
        var results: [CheckResult] = []
        var summary = CheckSummary()

        for key in keys {
            let truth = trace.value(at: key) ?? .nan
            let formula = book.formula(for: key)
            let lookup = { (k: TraceKey) in world[k] ?? trace.value(at: k) ?? .nan }
            let inputsTainted = formula?.inputs.contains { tainted.contains($0) } ?? false
            let answer = answers[key]
            guard let line = answer?.line, let given = answer?.value else {
                // Not answered: carry on with what follows from the student's values.
                world[key] = formula?.evaluate(lookup) ?? truth
                if inputsTainted, let formula {
                    tainted.insert(key)
                    var seen: Set<TraceKey> = []
                    origins[key] = formula.inputs.filter(tainted.contains).flatMap { origins[$0] ?? [] }.filter { seen.insert($0).inserted }
                }
                if let line = answer?.line {
                    results.append(CheckResult(key: key, line: line, status: .unanswered, given: nil,
                                               expected: truth, formula: formula))
                    summary.unanswered += 1
                } else if key.stage > .given && key.stage < .training {
                    summary.notOnSheet += 1
                }
                continue
            }

            var result = CheckResult(key: key, line: line, status: .wrong, given: given, expected: truth, formula: formula)
            // The formula on the student's own values (for the report).
            let yours = formula?.evaluate(lookup)
            let (unit, widening) = precision(of: given, reference: truth)
            let honest = HonestValues(trace: trace, student: lookup, tainted: tainted)
            if let formula {
                // Correct: an honest computation from the lesson's values (or the student's where
                // they are correct) gives g. Follow-through: one from the student's values does.
                let right = HonestComputation.evaluate(formula, unit: widening) { honest.lessonSide($0, widening) }
                if HonestComputation.accepts(given.value, unit: unit, right) || within(given, truth) {
                    result.status = .correct
                } else if inputsTainted,
                          HonestComputation.accepts(given.value, unit: unit,
                                                    HonestComputation.evaluate(formula, unit: widening) { honest.studentSide($0, widening) }) {
                    result.status = .followThrough
                } else {
                    result.status = .wrong
                    let mistake = diagnose(given, key, unit: unit, widening: widening, book: book, honest: honest, lookup: lookup)
                    result.diagnosis = mistake?.diagnosis
                    result.diagnosisVariant = mistake?.variant
                }
            } else {
                result.status = HonestComputation.accepts(given.value, unit: unit, Interval(truth)) ? .correct : .wrong
            }

            if result.status != .correct, let formula {
                result.inputs = formula.inputs.map { TraceEntry(key: $0, value: trace.value(at: $0) ?? .nan) }
                if inputsTainted {
                    result.carriedFrom = formula.inputs.filter(tainted.contains).map { input in
                        let written = answers[input]?.value
                        return CarriedValue(key: input, value: lookup(input), written: written,
                                            origins: written == nil ? inComputationOrder(origins[input] ?? [], keys) : [])
                    }
                    result.fromYourValues = yours
                }
            }
            world[key] = key.stage == .given ? truth : given.value
            if result.status != .correct && key.stage != .given {
                tainted.insert(key)
                origins[key] = [key]
            }
            switch result.status {
            case .correct: summary.correct += 1
            case .followThrough: summary.followThrough += 1
            case .wrong:
                summary.wrong += 1
                if summary.firstMistake == nil { summary.firstMistake = result }
            case .unanswered: break
            }
            results.append(result)
        }
        var report = CheckReport(results: results, summary: summary)
        for key in keys where Worksheet.sections.contains(key.section) { report.worksheetKeys[key.section, default: 0] += 1 }
        return report
    }

    /// The unit of g's window (rule 3) and the unit every intermediate result may be rounded to
    /// (rules 1 and 2): one unit of the last decimal written, both. A whole number claims no more
    /// than the reference's leading digit (`within`) and rounds nothing.
    static func precision(of given: WrittenNumber, reference: Double) -> (window: Double, widening: Double) {
        guard given.isWholeNumber else { return (given.unit, given.unit) }
        var unit = given.unit
        if reference != 0 && reference.isFinite { unit = min(unit, max(leadingUnit(reference), 0.001)) }
        return (unit, 0)
    }

    /// `subset` without repeats, in the order of `keys`.
    private static func inComputationOrder(_ subset: [TraceKey], _ keys: [TraceKey]) -> [TraceKey] {
        let wanted = Set(subset)
        return keys.filter(wanted.contains)
    }

    /// The first known mistake that explains g better than rounding does, then the plain sign
    /// error. A mistake explains g when an honest computation of the mistake's formula gives g
    /// (the rule, `HonestComputation`), on the lesson's values or on the student's, and on those
    /// same values its exact value differs from the right one by more than g's precision can tell
    /// and is nearer g than the right one. Where a mistake gives nearly the right value (dz with
    /// h_t, where h_t ≈ h_{t−1}), a wrong answer near both is not that mistake.
    private static func diagnose(_ given: WrittenNumber, _ key: TraceKey, unit: Double, widening: Double,
                                 book: FormulaBook, honest: HonestValues, lookup: @escaping (TraceKey) -> Double)
        -> (diagnosis: Diagnosis, variant: Diagnosis.Variant?)? {
        guard let right = book.formula(for: key) else { return nil }
        let trueLookup = { (k: TraceKey) in book.trace.value(at: k) ?? .nan }
        let sides: [(point: (TraceKey) -> Double, interval: (TraceKey) -> Interval)] = [
            (trueLookup, { honest.lessonSide($0, widening) }),
            (lookup, { honest.studentSide($0, widening) }),
        ]
        let g = given.value
        func explains(_ wrong: Formula?) -> Bool {
            sides.contains { side in
                let w = wrong?.evaluate(side.point) ?? -right.evaluate(side.point), r = right.evaluate(side.point)
                guard apart(w, r, at: given), abs(g - w) < abs(g - r) else { return false }
                let interval = wrong.map { HonestComputation.evaluate($0, unit: widening, inputs: side.interval) }
                    ?? -HonestComputation.evaluate(right, unit: widening, inputs: side.interval)
                return HonestComputation.accepts(g, unit: unit, interval)
            }
        }
        for mistake in book.mistakes(for: key) where explains(mistake.formula) {
            return (mistake.diagnosis, mistake.variant)
        }
        if explains(nil) { return (.signError, nil) }
        return nil
    }

    /// True when `a` and `b` differ by more than the precision of `given` can tell.
    static func apart(_ a: Double, _ b: Double, at given: WrittenNumber) -> Bool {
        var g = given
        g.value = a
        return !within(g, b)
    }

    // MARK: - Precision

    /// True when `reference` is within the precision of what the student wrote: half a unit of
    /// their last digit (`0.00` is a correct −0.0032). A whole number without a decimal point
    /// claims no more than the reference's leading digit (or 0.001 for smaller references), so
    /// that `0` or `1` is not a correct 0.5987, while `3` is a correct 3.36 and `0` a correct
    /// 0.00003. A relative 1e-12 absorbs binary rounding.
    static func within(_ given: WrittenNumber, _ reference: Double) -> Bool {
        guard reference.isFinite else { return false }
        var unit = given.unit
        if given.isWholeNumber && reference != 0 { unit = min(unit, max(leadingUnit(reference), 0.001)) }
        let tolerance = unit / 2 * (1 + 1e-9) + 1e-12 * max(abs(reference), abs(given.value))
        return abs(given.value - reference) <= tolerance
    }

    /// 10^⌊log₁₀|v|⌋: 0.1 for 0.1854, 1 for −3.36.
    static func leadingUnit(_ v: Double) -> Double {
        let a = abs(v)
        var u = 1.0
        while u > a && u > 1e-300 { u /= 10 }
        while u * 10 <= a && u < 1e300 { u *= 10 }
        return u
    }

    // MARK: - Suggestions

    /// How many unknown keys of one sheet get a suggestion.
    static let maxSuggestions = 20

    /// The valid keys, prepared once per sheet for `nearestKey`: their set, their lowercased
    /// characters and the longest one's length (a sheet of 20 unknown keys against lesson3's
    /// thousands of keys lowercased them 20 times).
    struct KeyNames {
        let names: [String]
        let set: Set<String>
        let lowered: [[Character]]
        let longest: Int

        init(_ names: [String]) {
            self.names = names
            set = Set(names)
            lowered = names.map { Array($0.lowercased()) }
            longest = lowered.map(\.count).max() ?? 0
        }
    }

    static func nearestKey(to text: String, among valid: [String]) -> String? {
        nearestKey(to: text, among: KeyNames(valid))
    }

    /// The valid key nearest to an unknown one: first simple repairs (a missing index, a stray
    /// `s1.` prefix, capitals, a key pressed twice), then the smallest edit distance, if it is small
    /// for the key's length.
    static func nearestKey(to text: String, among valid: KeyNames) -> String? {
        let lower = text.lowercased()
        var repairs = [lower, text + "[1]", text + "[1][1]", "t1." + text]
        if text.hasPrefix("s1.") { repairs.append(String(text.dropFirst(3))) }
        // The names that exist under one reset placement only, for the other one's.
        for (a, b) in [(".n_h[", ".rh["), (".dn_h[", ".drh["), (".rh[", ".n_h["), (".drh[", ".dn_h[")] where text.contains(a) {
            repairs.append(text.replacing(a, with: b))
        }
        // A key pressed twice (`t1.hh[1]`, `t11.z[1]`): one of the two taken out. By distance alone
        // `t1.hh[1]` is as near to `t1.rh[1]` and `t1.dh[1]` as to `t1.h[1]`, and the first in
        // the keys' order would win. Only a key one character longer than some valid key can be
        // one: a long run of one character in a 20,000-character key would otherwise make as many
        // 20,000-character copies.
        let chars = Array(lower)
        if chars.count <= valid.longest + 1 {
            for i in chars.indices.dropLast() where chars[i] == chars[i + 1] {
                var once = chars
                once.remove(at: i)
                repairs.append(String(once))
            }
        }
        if let hit = repairs.first(where: { valid.set.contains($0) }) { return hit }
        // The distance is at least the difference in length: a name that differs by more than the
        // allowed distance is skipped without the quadratic work (a 20,000-character key is
        // answered at once).
        let n = chars.count
        let allowed = min(max(2, n / 3), (n - 1) / 2)
        var best: (name: String, distance: Int)? = nil
        for (name, lowered) in zip(valid.names, valid.lowered) where abs(lowered.count - n) <= allowed {
            let d = editDistance(chars, lowered)
            if d <= allowed, d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        return best?.name
    }
}

/// The intervals of the rule (`HonestComputation`) for the inputs of one answer: what the student
/// may honestly have had for each earlier key, rounded to the answer's decimals or not (rule 1,
/// with w one unit of the answer's last decimal).
///
/// For an input `x`, with s(x) the student's value (what they wrote, or for a key they left blank
/// its formula on their values, as `Marker` carries it):
/// - a given (lr, parameters, h0, x, target): the lesson's value, exactly;
/// - in the test "correct": between the lesson's value and s(x) where s(x) is correct, the
///   lesson's value alone where it carries a mistake; then rounded;
/// - in the test "follow-through": between the lesson's value and s(x) where s(x) is correct,
///   s(x) alone where it carries a mistake; then rounded.
/// A student who writes only unit [1] of every vector is so credited with unit [2] as it follows
/// from their answers.
struct HonestValues {
    let trace: Trace
    /// The student's value of every earlier key (the marker's `world`).
    let student: (TraceKey) -> Double
    /// The earlier keys whose student value is not correct (the marker's).
    let tainted: Set<TraceKey>

    private func lesson(_ key: TraceKey) -> Double { trace.value(at: key) ?? .nan }

    /// An input for the test "correct".
    func lessonSide(_ key: TraceKey, _ w: Double) -> Interval {
        if key.stage == .given { return Interval(lesson(key)) }
        let span = tainted.contains(key) ? Interval(lesson(key)) : Interval(lesson(key), student(key))
        return HonestComputation.rounded(span, unit: w)
    }

    /// An input for the test "follow-through".
    func studentSide(_ key: TraceKey, _ w: Double) -> Interval {
        if key.stage == .given { return Interval(lesson(key)) }
        let span = tainted.contains(key) ? Interval(student(key)) : Interval(lesson(key), student(key))
        return HonestComputation.rounded(span, unit: w)
    }
}
