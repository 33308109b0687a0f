import GRUCore

/// How one answered line is marked.
public enum MarkStatus: String, CaseIterable, Sendable {
    /// What an honest computation gives: the formula on the lesson's values or the student's
    /// correct ones, every sub-result rounded, truncated or not (`HonestComputation`).
    case correct
    /// Not the lesson's value, but what the formula gives on the student's own earlier answers:
    /// the consequence of an earlier slip, marked the way a teacher marks by hand.
    case followThrough = "follow_through"
    case wrong
    /// A blank value or `?`.
    case unanswered
}

/// The mark of one line of the sheet.
public struct CheckResult: Equatable, Sendable {
    public var key: TraceKey
    /// The line of the sheet that answers this key.
    public var line: Int
    public var status: MarkStatus
    /// What the student wrote; nil when unanswered.
    public var given: WrittenNumber?
    /// The lesson's value.
    public var expected: Double
    /// The known mistake the value matches, for wrong marks.
    public var diagnosis: Diagnosis?
    /// Which form of that mistake, where the words tell them apart (`Diagnosis.Variant`).
    public var diagnosisVariant: Diagnosis.Variant?
    /// How the key is computed; nil for givens, training and apply keys.
    public var formula: Formula?
    /// For wrong and follow-through marks: the formula's inputs with the lesson's values, the
    /// numbers the student should have used.
    public var inputs: [TraceEntry]
    /// For wrong and follow-through marks: the inputs that carry an earlier mistake (answered
    /// wrong or follow-through, or computed from such answers where the student wrote none), with
    /// the student's values. Empty when every input is the student's correct value.
    public var carriedFrom: [CarriedValue]
    /// What the formula gives on the student's own values, when `carriedFrom` is not empty.
    public var fromYourValues: Double?

    public init(key: TraceKey, line: Int, status: MarkStatus, given: WrittenNumber?, expected: Double,
                diagnosis: Diagnosis? = nil, diagnosisVariant: Diagnosis.Variant? = nil, formula: Formula? = nil,
                inputs: [TraceEntry] = [], carriedFrom: [CarriedValue] = [], fromYourValues: Double? = nil) {
        self.key = key
        self.line = line
        self.status = status
        self.given = given
        self.expected = expected
        self.diagnosis = diagnosis
        self.diagnosisVariant = diagnosisVariant
        self.formula = formula
        self.inputs = inputs
        self.carriedFrom = carriedFrom
        self.fromYourValues = fromYourValues
    }
}

/// An input of a formula as the student has it, when it carries an earlier mistake. Either the
/// student wrote it (`written`), or they left it blank and it was carried forward from their
/// earlier answers (`origins`): in lesson1, a sheet with t1.h[1] = 0.2767 and no t1.y[1] carries
/// t1.y[1] = ½(0.2767 + 0.1855) + 0.1 = 0.3311 from t1.h[1]. The report must not quote 0.3311 as
/// the student's own.
public struct CarriedValue: Equatable, Sendable {
    public var key: TraceKey
    /// The value as the student has it: what they wrote, or what follows from their answers.
    public var value: Double
    /// What the student wrote for `key`; nil when the value was carried forward.
    public var written: WrittenNumber?
    /// For a carried value: the student's answers it was computed from, the nearest ones that are
    /// not correct, in computation order. Empty when `written` is not nil.
    public var origins: [TraceKey]

    public init(key: TraceKey, value: Double, written: WrittenNumber? = nil, origins: [TraceKey] = []) {
        self.key = key
        self.value = value
        self.written = written
        self.origins = origins
    }
}

public struct CheckSummary: Equatable, Sendable {
    public var correct = 0
    public var followThrough = 0
    public var wrong = 0
    public var unanswered = 0
    /// Worksheet keys (forward pass to update) that the sheet does not mention at all.
    public var notOnSheet = 0
    /// The first wrong mark in computation order: the student's first genuine mistake.
    public var firstMistake: CheckResult?

    public func count(_ status: MarkStatus) -> Int {
        switch status {
        case .correct: return correct
        case .followThrough: return followThrough
        case .wrong: return wrong
        case .unanswered: return unanswered
        }
    }
}

/// The marks of one section of the worksheet (forward, loss, BPTT, accumulation, update), or of
/// the whole sheet: the score a student reads first.
public struct SectionScore: Equatable, Sendable {
    /// nil for the whole sheet.
    public var section: LessonSection?
    /// Keys the sheet has a line for: what it asks (a sheet from `worksheet --only … --timestep …`
    /// asks for part of the lesson).
    public var onSheet = 0
    /// Keys of the lesson's whole worksheet in this section (259 in lesson1 in all).
    public var inLesson = 0
    public var correct = 0
    public var followThrough = 0
    public var wrong = 0
    public var unanswered = 0

    public init(section: LessonSection?) { self.section = section }

    /// Lines with a value: correct, follow-through or wrong.
    public var answered: Int { correct + followThrough + wrong }

    /// Points a class report gives: one per line correct or follow-through.
    public var earned: Int { correct + followThrough }

    /// (correct + follow-through) / answered; nil when nothing is answered.
    public var score: Double? { answered == 0 ? nil : Double(correct + followThrough) / Double(answered) }

    mutating func count(_ status: MarkStatus) {
        onSheet += 1
        switch status {
        case .correct: correct += 1
        case .followThrough: followThrough += 1
        case .wrong: wrong += 1
        case .unanswered: unanswered += 1
        }
    }
}

/// One misconception behind several wrong marks: the same diagnosis (and variant), with the
/// keys it explains in computation order.
public struct DiagnosisGroup: Equatable, Sendable {
    public var diagnosis: Diagnosis
    public var variant: Diagnosis.Variant?
    public var keys: [TraceKey]
}

/// Every mark of a sheet, in computation order (the order of `Trace.keys`), and the summary.
public struct CheckReport: Equatable, Sendable {
    public var results: [CheckResult]
    public var summary: CheckSummary
    /// How many keys each section of the lesson's whole worksheet has (`Worksheet.sections`).
    public var worksheetKeys: [LessonSection: Int] = [:]

    /// The score per section of the worksheet, in the worksheet's order, for the sections the
    /// sheet has lines for. Answers to the givens, training and the applied model count in
    /// `total` only.
    public var bySection: [SectionScore] {
        Worksheet.sections.compactMap { section in
            var score = SectionScore(section: section)
            score.inLesson = worksheetKeys[section] ?? 0
            for r in results where r.key.section == section { score.count(r.status) }
            return score.onSheet > 0 ? score : nil
        }
    }

    /// The score of the whole sheet: its lines in the worksheet's sections. Answers beyond the
    /// worksheet (givens, training, the applied model: a `run --format tsv` file) are marked but
    /// not scored; `beyondWorksheet` counts them.
    public var total: SectionScore {
        var score = SectionScore(section: nil)
        score.inLesson = worksheetKeys.values.reduce(0, +)
        for r in results where Worksheet.sections.contains(r.key.section) { score.count(r.status) }
        return score
    }

    /// The lines beyond the worksheet's sections, marked but not scored.
    public var beyondWorksheet: SectionScore {
        var score = SectionScore(section: .model)
        for r in results where !Worksheet.sections.contains(r.key.section) { score.count(r.status) }
        return score
    }

    /// The points of a gradebook: each key of the sections the sheet has lines for is one point,
    /// earned when correct or follow-through, unanswered ones count 0. (`total.score` is over the
    /// answered lines instead: what a student checking part of their work wants to know.)
    public var worksheetScore: (earned: Int, outOf: Int) {
        let sections = bySection
        return (sections.map(\.earned).reduce(0, +), sections.map { Swift.max($0.inLesson, $0.onSheet) }.reduce(0, +))
    }

    /// The diagnoses that explain two or more wrong marks, each once, in the order of their
    /// first mark.
    public var repeatedDiagnoses: [DiagnosisGroup] {
        var groups: [DiagnosisGroup] = []
        for r in results where r.status == .wrong {
            guard let d = r.diagnosis else { continue }
            if let i = groups.firstIndex(where: { $0.diagnosis == d && $0.variant == r.diagnosisVariant }) {
                groups[i].keys.append(r.key)
            } else {
                groups.append(DiagnosisGroup(diagnosis: d, variant: r.diagnosisVariant, keys: [r.key]))
            }
        }
        return groups.filter { $0.keys.count >= 2 }
    }

    /// The answered keys computed from the givens alone (`t1.a_z[1]` = Wz·x₁ + Uz·h₀ + bz), and
    /// those of them that are wrong. When most of them are wrong, the sheet was most likely
    /// computed from other numbers: another variant's, with the header naming it lost.
    public var fromGivens: (answered: Int, wrong: [CheckResult]) {
        let fromGivens = results.filter { r in
            guard r.status != .unanswered, let formula = r.formula else { return false }
            let inputs = formula.inputs
            return !inputs.isEmpty && inputs.allSatisfy { $0.stage == .given }
        }
        return (fromGivens.count, fromGivens.filter { $0.status == .wrong })
    }

    /// Three or more answers computed from the givens alone, more than half of them wrong, and
    /// fewer than half of all the answers the lesson's own values: `check` then asks whether the
    /// sheet is another variant's (issue 12's sheets name theirs in the header; a sheet that lost
    /// it is marked against the lesson itself). A student who slipped in the first few keys and
    /// then matches the lesson everywhere else is not asked.
    public var looksComputedFromOtherGivens: Bool {
        let (answered, wrong) = fromGivens
        let all = results.filter { $0.status != .unanswered }
        return answered >= 3 && 2 * wrong.count > answered && 2 * all.filter { $0.status == .correct }.count < all.count
    }

    /// The exit status of `gru-explain check`: 0 when everything answered is correct or
    /// follow-through, 1 when something is wrong. (2, a sheet that cannot be read, never gets
    /// this far.)
    public var exitStatus: Int32 { summary.wrong > 0 ? 1 : 0 }
}
