import GRUCore

/// How one answered line is marked.
public enum MarkStatus: String, CaseIterable, Sendable {
    /// Within the precision the student wrote, allowing for rounding carried from earlier steps.
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
    /// How the key is computed; nil for givens, training and apply keys.
    public var formula: Formula?
    /// For wrong and follow-through marks: the formula's inputs with the lesson's values, the
    /// numbers the student should have used.
    public var inputs: [TraceEntry]
    /// For wrong and follow-through marks: the inputs that carry an earlier mistake (answered
    /// wrong or follow-through, or computed from such answers where the student wrote none), with
    /// the student's values. Empty when every input is the student's correct value.
    public var carriedFrom: [TraceEntry]
    /// What the formula gives on the student's own values, when `carriedFrom` is not empty.
    public var fromYourValues: Double?

    public init(key: TraceKey, line: Int, status: MarkStatus, given: WrittenNumber?, expected: Double,
                diagnosis: Diagnosis? = nil, formula: Formula? = nil, inputs: [TraceEntry] = [],
                carriedFrom: [TraceEntry] = [], fromYourValues: Double? = nil) {
        self.key = key
        self.line = line
        self.status = status
        self.given = given
        self.expected = expected
        self.diagnosis = diagnosis
        self.formula = formula
        self.inputs = inputs
        self.carriedFrom = carriedFrom
        self.fromYourValues = fromYourValues
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

/// Every mark of a sheet, in computation order (the order of `Trace.keys`), and the summary.
public struct CheckReport: Equatable, Sendable {
    public var results: [CheckResult]
    public var summary: CheckSummary

    /// The exit status of `gru-explain check`: 0 when everything answered is correct or
    /// follow-through, 1 when something is wrong. (2, a sheet that cannot be read, never gets
    /// this far.)
    public var exitStatus: Int32 { summary.wrong > 0 ? 1 : 0 }
}
