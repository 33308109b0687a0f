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

    /// The mark in one ASCII column, for `--ascii`: + correct, > follow-through, x wrong,
    /// . unanswered (Notation.ascii would give `->` and `*`, which do not line up or read as marks).
    public var asciiMark: String {
        switch self {
        case .correct: return "+"
        case .followThrough: return ">"
        case .wrong: return "x"
        case .unanswered: return "."
        }
    }
}

extension Diagnosis {
    /// The diagnosis in words, with the lesson's own formulas where they tell the difference.
    /// `variant` says which form of the mistake the value matched; `t`, the timestep of the key,
    /// lets `h_t_instead_of_h_prev` and `h_prev_instead_of_h_t` name h₃ and h₂ rather than hₜ
    /// and hₜ₋₁.
    public func explanation(_ language: Language, _ c: ModelConfig, variant: Variant? = nil, t: Int? = nil) -> String {
        let previous = "z⊙hₜ₋₁ + (1 − z)⊙h̃", candidate = "(1 − z)⊙hₜ₋₁ + z⊙h̃"
        switch self {
        case .updateConvention:
            let (mine, theirs) = c.update == .zTimesPrevious ? (previous, candidate) : (candidate, previous)
            return Message.diagnosisUpdateConvention.text(language, mine, theirs)
        case .resetPlacement:
            // In an after_matmul lesson the value may match the course text's formula, or the same with bhn.
            let before = Message.resetsBeforeMatmul.text(language, variant == .withBhn ? "Uh·(r⊙hₜ₋₁) + bhn" : "Uh·(r⊙hₜ₋₁)")
            let after = Message.resetsAfterMatmul.text(language, c.reset == .afterMatmul ? "r⊙(Uh·hₜ₋₁ + bhn)" : "r⊙(Uh·hₜ₋₁)")
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
            // Twice a ½-loss is the ½ left out; half a loss without ½ is one added.
            switch (variant, c.loss) {
            case (.doubled?, .halfSquared): return Message.diagnosisLossDoubled.text(language, loss, derivative)
            case (.halved?, .squared): return Message.diagnosisLossHalved.text(language, loss, derivative)
            default: return Message.diagnosisLossHalfFactor.text(language, loss, derivative)
            }
        case .hInsteadOfHPrev:
            let step: Step = t.map { .number($0) } ?? .t
            return Message.diagnosisHInsteadOfHPrev.text(language, "h" + step.sub, "h" + (step + -1).sub)
        case .hPrevInsteadOfH:
            let step: Step = t.map { .number($0) } ?? .t
            return Message.diagnosisHPrevInsteadOfH.text(language, "h" + step.sub, "h" + (step + -1).sub)
        }
    }
}

extension CheckResult {
    /// The diagnosis of this mark in words, for its timestep and the form of the mistake it matched.
    public func diagnosisText(_ language: Language, _ c: ModelConfig) -> String? {
        diagnosis?.explanation(language, c, variant: diagnosisVariant, t: key.t)
    }
}
