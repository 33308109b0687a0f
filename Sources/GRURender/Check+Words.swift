import GRUCore
import GRUCheck

// The words of `gru-explain check` for GRUCheck's marks and diagnoses; the texts are in Message.

extension MarkStatus {
    public func name(_ language: Language) -> String {
        switch self {
        case .correct: return Message.markCorrect.text(language)
        case .followThrough: return Message.markFollowThrough.text(language)
        case .wrong: return Message.markWrong.text(language)
        case .unanswered: return Message.markUnanswered.text(language)
        }
    }

    /// ✓ correct, → follow-through, ✗ wrong, · unanswered.
    public var mark: String {
        switch self {
        case .correct: return "✓"
        case .followThrough: return "→"
        case .wrong: return "✗"
        case .unanswered: return "·"
        }
    }
}

extension Diagnosis {
    /// The diagnosis in words, with the lesson's own formulas where they tell the difference.
    public func explanation(_ language: Language, _ c: ModelConfig) -> String {
        let previous = "z⊙hₜ₋₁ + (1 − z)⊙h̃", candidate = "(1 − z)⊙hₜ₋₁ + z⊙h̃"
        let before = Message.resetsBeforeMatmul.text(language, "Uh·(r⊙hₜ₋₁)")
        let after = Message.resetsAfterMatmul.text(language, c.reset == .afterMatmul ? "r⊙(Uh·hₜ₋₁ + bhn)" : "r⊙(Uh·hₜ₋₁)")
        switch self {
        case .updateConvention:
            let (mine, theirs) = c.update == .zTimesPrevious ? (previous, candidate) : (candidate, previous)
            return Message.diagnosisUpdateConvention.text(language, mine, theirs)
        case .resetPlacement:
            let (mine, theirs) = c.reset == .beforeMatmul ? (before, after) : (after, before)
            return Message.diagnosisResetPlacement.text(language, mine, theirs)
        case .recurrentTermForgotten: return Message.diagnosisRecurrentTermForgotten.text(language)
        case .missingSigmoidDerivative: return Message.diagnosisMissingSigmoidDerivative.text(language)
        case .missingTanhDerivative: return Message.diagnosisMissingTanhDerivative.text(language)
        case .signError: return Message.diagnosisSignError.text(language)
        case .notSummedOverTimesteps: return Message.diagnosisNotSummedOverTimesteps.text(language)
        case .lossHalfFactor:
            let target = Message.targetSymbol.text(language)
            let (loss, derivative) = c.loss == .halfSquared
                ? ("½‖y − \(target)‖²", "y − \(target)") : ("‖y − \(target)‖²", "2(y − \(target))")
            return Message.diagnosisLossHalfFactor.text(language, loss, derivative)
        }
    }
}
