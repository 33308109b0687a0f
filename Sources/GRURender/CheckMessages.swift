import GRUCore
import GRUCheck

/// The words of `gru-explain worksheet` and `gru-explain check`, in Chinese and English.
///
/// One `switch` per language, as in the walkthrough's catalogue: a key without a translation
/// does not compile. `{0}`, `{1}`, … are filled in by `text(_:_:)`.
public enum CheckMessage: CaseIterable, Sendable {
    // Marks
    case correct, followThrough, wrong, unanswered
    // Diagnoses
    case updateConvention, resetPlacement, recurrentTermForgotten, missingSigmoidDerivative
    case missingTanhDerivative, signError, notSummedOverTimesteps, lossHalfFactor
    // The report
    case expected, fromYours, howToCompute, numbersToUse, yourNumbersGive, summary, notOnSheet
    case firstMistake, noMistake, nothingAnswered
    // The worksheet
    case worksheetTitle, worksheetHowTo, worksheetGiven, worksheetParameters, updateLine

    public func text(_ language: Language, _ arguments: String...) -> String {
        var out = language == .zh ? zh : en
        for (k, argument) in arguments.enumerated() {
            out = out.replacing("{\(k)}", with: argument)
        }
        return out
    }

    private var zh: String {
        switch self {
        case .correct: return "正确"
        case .followThrough: return "后续正确"
        case .wrong: return "错误"
        case .unanswered: return "未作答"

        case .updateConvention: return "更新门的位置用反了：本课的公式是 h = {0}，你的数值对应 h = {1}"
        case .resetPlacement: return "重置门放错了位置：本课{0}，你的数值对应{1}"
        case .recurrentTermForgotten: return "漏掉了从下一时间步传回的梯度：∂L/∂hₜ = 经本步输出传来的部分 + 从 t+1 传回的部分（dh_rec）"
        case .missingSigmoidDerivative: return "漏乘了 sigmoid 的导数 σ′ = σ(1 − σ)"
        case .missingTanhDerivative: return "漏乘了 tanh 的导数 tanh′ = 1 − h̃²"
        case .signError: return "符号错了"
        case .notSummedOverTimesteps: return "只用了一个时间步的贡献：参数的梯度是所有时间步的贡献之和"
        case .lossHalfFactor: return "差了 2 倍：本课的损失是 {0}，它对 y 的导数是 {1}"

        case .expected: return "正确值 {0}"
        case .fromYours: return "按你前面的 {0} 算是对的"
        case .howToCompute: return "算法：{0}"
        case .numbersToUse: return "应代入：{0}"
        case .yourNumbersGive: return "用你前面的 {0} 会得到 {1}"
        case .summary: return "汇总：正确 {0}，后续正确 {1}，错误 {2}，未作答 {3}。"
        case .notOnSheet: return "工作表上还有 {0} 个量没有出现在答卷里。"
        case .firstMistake: return "第一个真正的错误：第 {0} 行 {1}，你写的是 {2}，正确值是 {3}。"
        case .noMistake: return "没有错误。"
        case .nothingAnswered: return "答卷里还没有填写任何答案。"

        case .worksheetTitle: return "{0} 手算工作表"
        case .worksheetHowTo: return "在每个等号后面填上你算出的数（保留 4 位小数即可）；不会的留空或写 ?。填好后运行：gru-explain check {0} 这个文件"
        case .worksheetGiven: return "已知"
        case .worksheetParameters: return "参数的初始值"
        case .updateLine: return "参数更新 · {0} 的新值 {0} − η·∂L/∂{0}"
        }
    }

    private var en: String {
        switch self {
        case .correct: return "correct"
        case .followThrough: return "follow-through"
        case .wrong: return "wrong"
        case .unanswered: return "unanswered"

        case .updateConvention: return "the other update convention: this lesson computes h = {0}; your value matches h = {1}"
        case .resetPlacement: return "the reset gate in the other place: this lesson {0}; your value matches {1}"
        case .recurrentTermForgotten: return "the gradient arriving from timestep t+1 is missing: ∂L/∂hₜ = the part through this step's output + dh_rec from t+1"
        case .missingSigmoidDerivative: return "the factor σ′ = σ(1 − σ) is missing"
        case .missingTanhDerivative: return "the factor tanh′ = 1 − h̃² is missing"
        case .signError: return "the sign is wrong"
        case .notSummedOverTimesteps: return "one timestep's contribution only: a parameter's gradient is the sum over all timesteps"
        case .lossHalfFactor: return "off by a factor of 2: this lesson's loss is {0}, whose derivative with respect to y is {1}"

        case .expected: return "expected {0}"
        case .fromYours: return "right from your {0}"
        case .howToCompute: return "compute: {0}"
        case .numbersToUse: return "with: {0}"
        case .yourNumbersGive: return "from your {0} it gives {1}"
        case .summary: return "Summary: {0} correct, {1} follow-through, {2} wrong, {3} unanswered."
        case .notOnSheet: return "{0} values of the worksheet are not on the sheet."
        case .firstMistake: return "First genuine mistake: {1} on line {0}: you wrote {2}, the lesson's value is {3}."
        case .noMistake: return "No mistakes."
        case .nothingAnswered: return "Nothing is answered yet."

        case .worksheetTitle: return "{0}: worksheet for a hand calculation"
        case .worksheetHowTo: return "Write what you compute after each '=' (4 decimals are enough); leave it blank or write ? if you skip one. Then run: gru-explain check {0} this-file"
        case .worksheetGiven: return "Given"
        case .worksheetParameters: return "initial parameters"
        case .updateLine: return "parameter update · new {0} = {0} − η·∂L/∂{0}"
        }
    }
}

extension MarkStatus {
    public func name(_ language: Language) -> String {
        switch self {
        case .correct: return CheckMessage.correct.text(language)
        case .followThrough: return CheckMessage.followThrough.text(language)
        case .wrong: return CheckMessage.wrong.text(language)
        case .unanswered: return CheckMessage.unanswered.text(language)
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
        let before = language == .zh ? "先重置再乘矩阵 Uh·(r⊙hₜ₋₁)" : "resets before the matmul, Uh·(r⊙hₜ₋₁)"
        let n = c.reset == .afterMatmul ? "Uh·hₜ₋₁ + bhn" : "Uh·hₜ₋₁"
        let after = language == .zh ? "先乘矩阵再重置 r⊙(\(n))" : "resets after the matmul, r⊙(\(n))"
        switch self {
        case .updateConvention:
            let (mine, theirs) = c.update == .zTimesPrevious ? (previous, candidate) : (candidate, previous)
            return CheckMessage.updateConvention.text(language, mine, theirs)
        case .resetPlacement:
            let (mine, theirs) = c.reset == .beforeMatmul ? (before, after) : (after, before)
            return CheckMessage.resetPlacement.text(language, mine, theirs)
        case .recurrentTermForgotten: return CheckMessage.recurrentTermForgotten.text(language)
        case .missingSigmoidDerivative: return CheckMessage.missingSigmoidDerivative.text(language)
        case .missingTanhDerivative: return CheckMessage.missingTanhDerivative.text(language)
        case .signError: return CheckMessage.signError.text(language)
        case .notSummedOverTimesteps: return CheckMessage.notSummedOverTimesteps.text(language)
        case .lossHalfFactor:
            let target = language == .zh ? "目标" : "target"
            let (loss, derivative) = c.loss == .halfSquared
                ? ("½‖y − \(target)‖²", "y − \(target)") : ("‖y − \(target)‖²", "2(y − \(target))")
            return CheckMessage.lossHalfFactor.text(language, loss, derivative)
        }
    }
}
