/// Every label, heading and explanation of the walkthrough, in Chinese and English.
///
/// One `switch` gives each message as a (zh, en) pair, so a reader and a translator see both
/// languages together and a key without a translation does not compile. `{0}`, `{1}`, … are
/// filled in by `text(_:_:)`; both languages use the same placeholders.
public enum Message: CaseIterable, Sendable {
    // Headings and labels
    case sectionModel, sectionForward, sectionLoss, sectionBPTT, sectionAccumulation, sectionUpdate, sectionTraining, sectionApply
    case lessonNote, timestep, sequence, unit, output, noSuchTimestep, oneSequenceShown, sequenceAllSteps
    // Quantity names (see Quantity.name)
    case qInput, qPreviousHidden, qUpdatePre, qUpdateGate, qResetPre, qResetGate, qResetPrevious, qRecurrentTerm
    case qCandidatePre, qCandidate, qHidden, qOutput, qTarget, qLossTerm, qTotalLoss
    case qGradOutput, qGradFromOutput, qGradFromNext, qGradHidden, qGradUpdate, qGradCandidate, qGradCandidatePre
    case qGradResetPrevious, qGradRecurrentTerm, qGradReset, qGradResetPre, qGradUpdatePre, qGradToPrevious
    case gradientShare, gradientOf, targetSymbol
    // Parameter roles
    case roleInputWeights, roleRecurrentWeights, roleBias, roleRecurrentBias, roleOutputLayer, roleWeights
    // Column titles
    case columnQuantity, columnFormula, columnCalculation, columnResult, columnConvention, columnValue, columnMeaning
    case columnParameter, columnRole, columnShape, columnInitialValue, columnTimestep, columnShare, columnContribution
    case columnRunningSum, columnOldValue, columnNewValue, columnEpoch, columnLossBeforeUpdate, columnTrainedValue
    case columnExpected, columnDifference
    // 1 · Model
    case modelExplanation, modelSizes, preActivations, initialHidden, seededInit, inputScaled
    case conventionUpdate, conventionReset, conventionLoss, conventionReduction, conventionSequenceReduction
    case updateZTimesPrevious, updateZTimesCandidate, resetBeforeMatmul, resetAfterMatmul
    case lossHalfSquared, lossSquared, reductionSum, reductionMean, sequenceReductionSum, sequenceReductionMean
    // 2 · Forward, 3 · Loss
    case forwardExplanation, forwardGiven, lossExplanation
    // 4 · BPTT, 5 · Accumulation
    case bpttExplanation, bpttDerivatives, noLaterStep, fromLaterStep, fromUnshownStep, accumulationExplanation
    // 6 · Update, 7 · Training
    case updateExplanation, updateExample, trainingExplanation, lossCurve, lossCurveLogarithmic, lossCurveGrowing, trainedParameters
    // 8 · Application
    case applyMissing, applyExplanation, applyMatches, applyDiffers, ceilingExplanation, ceilingWideStart, ceilingTooLow, ceilingNotTheCause, applyAfterDivergence
    // Table captions (read by screen readers in HTML)
    case captionEquations, captionConventions, captionParameters, captionEpochs, captionTrained, captionPredictions
    // Step mode (run --step)
    case stepKeys, stepKeysShort, stepKeysShortest, stepNext, stepMore, stepFinish, narrowTerminal
    // HTML slides
    case slideContinued, slidePrevious, slideNext, slideCounter, slideKeys, languageSwitch
    case gradientFlowTitle, gradientFlowExplanation, chartLossAxis
    // check: marks, diagnoses (Diagnosis.explanation), the report
    case markCorrect, markFollowThrough, markWrong, markUnanswered
    case diagnosisUpdateConvention, diagnosisResetPlacement, diagnosisRecurrentTermForgotten, diagnosisMissingSigmoidDerivative
    case diagnosisMissingTanhDerivative, diagnosisSignError, diagnosisNotSummedOverTimesteps, diagnosisLossHalfFactor
    case diagnosisHInsteadOfHPrev, diagnosisHPrevInsteadOfH
    case resetsBeforeMatmul, resetsAfterMatmul
    case checkExpected, checkFromYours, checkHowToCompute, checkNumbersToUse, checkYourNumbersGive, checkSummary, checkNotOnSheet
    case checkFirstMistake, checkNoMistake, checkNothingAnswered
    case checkYourWritten, checkCarried, checkListSeparator, checkOriginSeparator, checkUnansweredNotListed
    // check: score, repeated diagnoses, follow-through (issue 11)
    case checkScoreHeading, checkColumnAnswered, checkColumnCorrect, checkColumnFollowThrough, checkColumnWrong, checkScoreTotal
    case checkScorePercent, checkPartialSheet, checkPartialAllCorrect, checkAllCorrect
    case checkSectionForward, checkSectionLoss, checkSectionBPTT, checkSectionAccumulation, checkSectionUpdate, checkSectionOther
    case checkRepeatedHeading, checkRepeatedCount, checkSeeRepeated, checkLessonValue, checkWrongNotListed
    case diagnosisLossDoubled, diagnosisLossHalved
    // check and worksheet: a sheet that cannot be read, the answers file, the arguments (issue 11)
    case sheetNotKeyValue, sheetNotANumber, sheetCalculation, sheetVectorValue, sheetDecimalComma, sheetNotFinite
    case sheetUnknownKey, sheetUnknownKeyNoSuggestion, sheetDuplicateKey, sheetBlank, sheetEmpty, sheetJSON, sheetOtherLesson
    case sheetMoreProblems, sheetNotUTF8GBK, sheetNotUTF8UTF16, sheetNotUTF8Binary, sheetNotUTF8Other, sheetNotUTF8NotAsMarked
    case sheetLineColumn, sheetSaveAsUTF8, sheetByte, sheetNULByte, sheetIncompleteSequence, sheetInvalidByte
    case sheetNoSuchFile, sheetIsDirectory, sheetNotRegularFile, sheetTooLarge, sheetStdinTooLarge, sheetPermissionDenied
    case checkNeedsLessonAndSheet, worksheetNothingByHand, worksheetLastDhRec
    // check and worksheet: a lesson name that names no lesson (review of issues 11 and 15)
    case lessonUnknown, lessonDidYouMean
    // worksheet
    case worksheetTitle, worksheetHowTo, worksheetGiven, worksheetParameters, worksheetEarlier, worksheetUpdateLine
    // workbook: the offline page (WorkbookRenderer)
    case workbookTitle, workbookIntro, workbookGivens, workbookGivensHelp, workbookReset, workbookDownload, workbookOpen
    case workbookClear, workbookHint, workbookScore, workbookTotal, workbookUnreadable, workbookEdited, workbookOpened
    case workbookOpenProblems, workbookNeedsScript, workbookAnswer, workbookKey, workbookMark, workbookHintNumbers
    // compare: one lesson under several conventions
    case conventionSeed, compareTitle, compareExplanation, compareBhnZero, compareBhnUnused, compareSequenceShown
    case compareSectionConventions, compareSectionGradients, compareGradientsExplanation, compareSectionTraining
    case compareTrainingExplanation, compareLastLoss, compareApplied, compareDiverged, compareSectionDivergence
    case compareAllAgree, compareFirstDifference, comparePair, comparePairSame, compareMarkDiffers, compareMarkFirst
    case reasonReset, reasonResetAtOne, reasonResetLater, reasonUpdate, reasonAlsoDiffer, columnCandidate, columnNewState
    case reasonTrainingOnly, reasonEqualR, reasonBhnTrained, reasonAlsoDifferNoEffect, compareRecurrentTerm
    // gradcheck: BPTT against central differences
    case gradcheckTitle, gradcheckExplanation, gradcheckSettings, gradcheckAllPass, gradcheckFailures
    case gradcheckEpsilonLarge, gradcheckEpsilonSmall
    case columnEntry, columnBPTT, columnNumerical, columnRelativeError, columnVerdict, verdictPass, verdictFail
    case gradcheckSplitHeading, gradcheckSplitExplanation, rowBPTTSum

    /// The text in `language` with `{0}`, `{1}`, … replaced by `arguments`.
    public func text(_ language: Language, _ arguments: String...) -> String {
        text(language, arguments)
    }

    public func text(_ language: Language, _ arguments: [String]) -> String {
        var out = template(language)
        for (k, argument) in arguments.enumerated() {
            out = out.replacing("{\(k)}", with: argument)
        }
        return out
    }

    /// The text with its placeholders.
    public func template(_ language: Language) -> String {
        switch language {
        case .zh: return pair.zh
        case .en: return pair.en
        }
    }

    /// Each message in both languages, side by side: (zh, en).
    private var pair: (zh: String, en: String) {
        switch self {
        case .sectionModel: return ("模型与参数", "Model and parameters")
        case .sectionForward: return ("前向传播", "Forward pass")
        case .sectionLoss: return ("损失", "Loss")
        case .sectionBPTT: return ("随时间反向传播（BPTT）", "Backpropagation through time (BPTT)")
        case .sectionAccumulation: return ("梯度累加", "Gradient accumulation")
        case .sectionUpdate: return ("参数更新", "Parameter update")
        case .sectionTraining: return ("训练", "Training")
        case .sectionApply: return ("应用训练好的模型", "Applying the trained model")
        case .lessonNote: return ("本课说明", "About this lesson")
        case .timestep: return ("时间步 {0}", "Timestep {0}")
        case .sequence: return ("序列 {0}", "Sequence {0}")
        case .unit: return ("单元 {0}", "unit {0}")
        case .output: return ("输出 {0}", "output {0}")
        case .noSuchTimestep: return ("没有时间步 {0}：这个序列只有 {1} 个时间步。", "There is no timestep {0}: this sequence has {1} timesteps.")
        case .oneSequenceShown: return (
            "本课有 {1} 个训练序列，这里详细列出序列 {0}。其余序列用同一套参数、按同样的步骤计算（用 --sequence K 查看序列 K）；"
                + "总损失、梯度之和、参数更新和训练仍然包含所有序列。",
            "This lesson trains on {1} sequences; here is sequence {0} in detail. The others go through the same steps with the "
                + "same parameters (--sequence K shows sequence K); the total loss, the gradient sums, the update and training still cover them all.")
        case .sequenceAllSteps: return ("序列 {0} · 所有时间步", "Sequence {0} · all timesteps")
        case .qInput: return ("输入", "input")
        case .qPreviousHidden: return ("上一隐藏状态", "previous hidden state")
        case .qUpdatePre: return ("更新门的净输入", "update gate pre-activation")
        case .qUpdateGate: return ("更新门", "update gate")
        case .qResetPre: return ("重置门的净输入", "reset gate pre-activation")
        case .qResetGate: return ("重置门", "reset gate")
        case .qResetPrevious: return ("重置后的上一隐藏状态", "reset previous state")
        case .qRecurrentTerm: return ("循环项（待重置）", "recurrent term, before reset")
        case .qCandidatePre: return ("候选隐藏状态的净输入", "candidate pre-activation")
        case .qCandidate: return ("候选隐藏状态", "candidate hidden state")
        case .qHidden: return ("新的隐藏状态", "new hidden state")
        case .qOutput: return ("输出", "output")
        case .qTarget: return ("目标值", "target")
        case .qLossTerm: return ("本步损失", "loss of this step")
        case .qTotalLoss: return ("总损失", "total loss")
        case .qGradOutput: return ("输出的梯度", "gradient of the output")
        case .qGradFromOutput: return ("经本步输出传来", "part through the output")
        case .qGradFromNext: return ("从下一时间步传回", "part from the next step")
        case .qGradHidden: return ("隐藏状态的梯度", "gradient of the state")
        case .qGradUpdate: return ("更新门的梯度", "gradient of update gate")
        case .qGradCandidate: return ("候选隐藏状态的梯度", "gradient of candidate")
        case .qGradCandidatePre: return ("a_h 的梯度", "gradient of a_h")
        case .qGradResetPrevious: return ("r⊙h 的梯度", "gradient of r⊙h")
        case .qGradRecurrentTerm: return ("n_h 的梯度", "gradient of n_h")
        case .qGradReset: return ("重置门的梯度", "gradient of reset gate")
        case .qGradResetPre: return ("a_r 的梯度", "gradient of a_r")
        case .qGradUpdatePre: return ("a_z 的梯度", "gradient of a_z")
        case .qGradToPrevious: return ("传回上一时间步", "to the previous step")
        case .gradientShare: return ("{0} 的梯度（本步贡献）", "this step's share of ∂L/∂{0}")
        case .gradientOf: return ("{0} 的梯度", "gradient of {0}")
        case .targetSymbol: return ("目标", "target")
        case .roleInputWeights: return ("输入权重", "input weights")
        case .roleRecurrentWeights: return ("循环权重", "recurrent weights")
        case .roleBias: return ("偏置", "bias")
        case .roleRecurrentBias: return ("循环项偏置", "bias of the recurrent term")
        case .roleOutputLayer: return ("输出层", "output layer")
        case .roleWeights: return ("权重", "weights")
        case .columnQuantity: return ("量", "Quantity")
        case .columnFormula: return ("公式", "Formula")
        case .columnCalculation: return ("计算", "Calculation")
        case .columnResult: return ("结果", "Result")
        case .columnConvention: return ("约定", "Convention")
        case .columnValue: return ("取值", "Value")
        case .columnMeaning: return ("含义", "Meaning")
        case .columnParameter: return ("参数", "Parameter")
        case .columnRole: return ("作用", "Role")
        case .columnShape: return ("形状", "Shape")
        case .columnInitialValue: return ("初始值", "Initial value")
        case .columnTimestep: return ("时间步", "Timestep")
        case .columnShare: return ("每步的贡献", "Share of one step")
        case .columnContribution: return ("贡献", "Share")
        case .columnRunningSum: return ("累计", "Running sum")
        case .columnOldValue: return ("旧值 θ", "Old θ")
        case .columnNewValue: return ("新值", "New θ")
        case .columnEpoch: return ("轮次", "Epoch")
        case .columnLossBeforeUpdate: return ("更新前的损失 L", "Loss L before the update")
        case .columnTrainedValue: return ("训练后", "After training")
        case .columnExpected: return ("期望值", "Expected")
        case .columnDifference: return ("差值", "Difference")
        case .modelExplanation: return (
            "GRU 一个时间步一个时间步地读序列。在时间步 t，它把输入 xₜ 和上一隐藏状态 hₜ₋₁ 合起来，算出新的隐藏状态 hₜ："
                + "更新门 z 决定旧状态保留多少，重置门 r 决定算候选隐藏状态 h̃ 时旧状态参与多少。输出层再把 hₜ 变成预测 yₜ。"
                + "下面先写出本课用的公式和约定，再列出每个参数的初始值。",
            "A GRU reads a sequence one timestep at a time. At timestep t it combines the input xₜ with the previous hidden "
                + "state hₜ₋₁ into a new hidden state hₜ: the update gate z decides how much of the old state survives, and the "
                + "reset gate r decides how much of the old state goes into the candidate hidden state h̃. An output layer turns hₜ "
                + "into the prediction yₜ. Below are the formulas and conventions this lesson uses, then the starting value of every parameter.")
        case .modelSizes: return (
            "输入维度 {0}，隐藏维度 {1}，输出维度 {2}。σ 是 sigmoid 函数，把任何数压到 0 和 1 之间；tanh 把数压到 −1 和 1 之间；"
                + "⊙ 表示按元素相乘，· 表示矩阵乘法（或两个数相乘）。",
            "Input size {0}, hidden size {1}, output size {2}. σ is the sigmoid function, which squeezes any number into (0, 1); "
                + "tanh squeezes into (−1, 1); ⊙ multiplies element by element, and a dot (·) is the matrix product (or a product of two numbers).")
        case .preActivations: return (
            "送进 σ 或 tanh 之前的加权和叫作净输入，记作 a_z、a_r、a_h。前向传播时它们藏在 σ(…) 和 tanh(…) 里面；"
                + "反向传播时要先求出它们的梯度，参数的梯度再由它们得到。",
            "The weighted sums that go into σ or tanh are the pre-activations a_z, a_r and a_h. In the forward pass they "
                + "sit inside σ(…) and tanh(…); BPTT finds their gradients first, and the parameter gradients follow from them.")
        case .initialHidden: return ("初始隐藏状态 {0}。", "Initial hidden state: {0}.")
        case .seededInit: return (
            "初始参数是随机取的：init 的种子为 {0}，scale 为 {1}，每个值在 [−{1}, {1}) 内均匀分布"
                + "（生成方法见 docs/lesson-format.md），同一个种子在任何机器上都得到同样的数。",
            "The starting parameters are drawn at random: init with seed {0} and scale {1}, each entry uniform in "
                + "[−{1}, {1}) (docs/lesson-format.md gives the generator), so the same seed gives the same numbers on any machine.")
        case .inputScaled: return (
            "每个输入在送进模型之前都先乘以 input_scale = {0}，训练和应用时都一样；表中的 x 是缩放后的值，x = {0} × 输入。",
            "Every input is multiplied by input_scale = {0} before it enters the model, in training and when the model "
                + "is applied; the x shown is the scaled value, x = {0} × input.")
        case .conventionUpdate: return ("更新规则", "update rule")
        case .conventionReset: return ("重置门位置", "reset gate")
        case .conventionLoss: return ("损失函数", "loss")
        case .conventionReduction: return ("时间步汇总", "over timesteps")
        case .conventionSequenceReduction: return ("序列汇总", "over sequences")
        case .updateZTimesPrevious: return (
            "z 乘上一隐藏状态：z 越接近 1，保留的旧状态越多（课程原文、PyTorch 的写法）",
            "z multiplies the previous state: the closer z is to 1, the more of the old state is kept (as in the course text and PyTorch)")
        case .updateZTimesCandidate: return (
            "z 乘候选隐藏状态：z 越接近 1，写入的新内容越多（Chung 等 2014 的写法）",
            "z multiplies the candidate: the closer z is to 1, the more new content is written (as in Chung et al. 2014)")
        case .resetBeforeMatmul: return ("r 先和上一隐藏状态按元素相乘，再乘 Uh（Cho 等 2014、课程原文的写法）", "r scales the previous state before Uh multiplies it (as in Cho et al. 2014 and the course text)")
        case .resetAfterMatmul: return ("先算 n_h = Uh·hₜ₋₁ + bhn，再用 r 缩放（PyTorch、cuDNN 的写法）", "n_h = Uh·hₜ₋₁ + bhn is computed first, then r scales it (as in PyTorch and cuDNN)")
        case .lossHalfSquared: return ("误差平方的一半，求导后正好是误差本身", "half the squared error, so that its derivative is just the error")
        case .lossSquared: return ("误差的平方", "the squared error")
        case .reductionSum: return ("序列的损失是各时间步损失之和", "the sequence loss is the sum of the timestep losses")
        case .reductionMean: return ("序列的损失是各时间步损失的平均值", "the sequence loss is the mean of the timestep losses")
        case .sequenceReductionSum: return ("总损失是 {0} 个序列的损失之和", "the total loss is the sum of the {0} sequence losses")
        case .sequenceReductionMean: return ("总损失是 {0} 个序列损失的平均值", "the total loss is the mean of the {0} sequence losses")
        case .forwardExplanation: return (
            "从 h₀ 出发，每个时间步都用同一套公式、同一套参数：先算更新门和重置门，再算候选隐藏状态，"
                + "然后由更新门把上一隐藏状态和候选隐藏状态混合成新的隐藏状态，最后算输出和这一步的损失。"
                + "每个量先写公式，下面几行把数代进去，最右边是结果；向量的每个分量（每个隐藏单元）各占一行。",
            "Starting from h₀, every timestep uses the same formulas and the same parameters: first the update and reset gates, "
                + "then the candidate hidden state, then the update gate mixes the previous hidden state and the candidate into the "
                + "new hidden state, and last the output and this timestep's loss. Each quantity shows its formula, then the same "
                + "formula with the numbers put in, with the result on the right; every component of a vector (every hidden unit) "
                + "gets its own line.")
        case .forwardGiven: return ("输入 {0}，上一隐藏状态 {1}，{2}。", "Input {0}, previous hidden state {1}, {2}.")
        case .lossExplanation: return (
            "损失衡量预测离目标有多远。每个时间步各算一项，再把它们合起来，得到整个序列的损失 L。",
            "The loss measures how far the predictions are from the targets: one term per timestep, combined into the loss L "
                + "of the whole sequence.")
        case .bpttExplanation: return (
            "随时间反向传播（BPTT）从最后一个时间步往回算。每一步先求损失对输出 yₜ 的梯度，再求对隐藏状态 hₜ 的梯度。"
                + "hₜ 的梯度有两个来源：一是经本步的输出 yₜ 传来，二是从下一个时间步经 hₜ₊₁ 传回来；最后一个时间步只有第一个来源。"
                + "接着按链式法则往回推：更新门、候选隐藏状态、它们的净输入、重置门，最后得到要传回上一个时间步的梯度。",
            "Backpropagation through time (BPTT) works backwards from the last timestep. At each step it first finds the "
                + "gradient of the loss with respect to the output yₜ, then with respect to the hidden state hₜ. The gradient of hₜ "
                + "has two sources: this step's output yₜ, and the next timestep, through hₜ₊₁; the last timestep has only the first. "
                + "The chain rule then leads back through the update gate, the candidate hidden state, their pre-activations and the "
                + "reset gate, and ends with the gradient handed back to the previous timestep.")
        case .bpttDerivatives: return (
            "求净输入的梯度要用激活函数的导数：σ′ = σ(1 − σ)，tanh′ = 1 − tanh²。"
                + "两者都能直接用前向传播已经算好的 z、r、h̃ 表示，不必重新计算。",
            "The pre-activation gradients need the derivatives of the activations: σ′ = σ(1 − σ) and tanh′ = 1 − tanh². "
                + "Both are written with the z, r and h̃ the forward pass already computed, so nothing has to be recomputed.")
        case .noLaterStep: return ("0（没有时间步 {0}）", "0 (there is no timestep {0})")
        case .fromLaterStep: return ("见时间步 {0} 的最后一项", "see the last rows of timestep {0}")
        case .fromUnshownStep: return ("由时间步 {0} 传回（这里没有列出，用 --timestep {0} 查看）", "from timestep {0} (not shown; --timestep {0} shows it)")
        case .accumulationExplanation: return (
            "每个时间步用的是同一套参数，所以每个时间步都给每个参数的梯度贡献一份，总梯度 ∂L/∂θ 就是各份之和。"
                + "每一份都是“到达这一层的梯度”乘以“这一层的输入”，比如 Wz 在时间步 t 的那份是 ∂L/∂a_zₜ·xₜᵀ。",
            "Every timestep uses the same parameters, so every timestep contributes a share to each parameter's gradient, "
                + "and the gradient ∂L/∂θ is the sum of the shares. Each share is the gradient arriving at a layer times that "
                + "layer's input: the share of Wz at timestep t is ∂L/∂a_zₜ·xₜᵀ.")
        case .updateExplanation: return (
            "梯度指向损失上升最快的方向，所以每个参数都朝反方向挪一小步：新值 = 旧值 − 学习率 × 梯度，学习率 η = {0}。"
                + "梯度为正的参数变小，梯度为负的参数变大。课程原文只以 Why 为例，这里先列 Why，再列其余全部参数。",
            "The gradient points where the loss grows fastest, so every parameter takes a small step the other way: "
                + "new value = old value − learning rate × gradient, with learning rate η = {0}. Parameters with a positive "
                + "gradient shrink and those with a negative gradient grow. The course text shows only Why; it comes first here, "
                + "followed by every other parameter.")
        case .updateExample: return ("θ ← θ − η·∂L/∂θ，η = {0}。以 {1} 为例：{2}。", "θ ← θ − η·∂L/∂θ with η = {0}. For {1}: {2}.")
        case .trainingExplanation: return (
            "训练就是把“前向传播、BPTT、参数更新”这一轮重复 {0} 次（每一轮叫一个 epoch），学习率 {1}。"
                + "下表列出几个轮次更新前的损失，曲线画出全部轮次。",
            "Training repeats the round of forward pass, BPTT and parameter update {0} times (each round is one epoch) at "
                + "learning rate {1}. The table lists the loss before the update at a few epochs; the curve shows every epoch.")
        case .lossCurve: return ("损失曲线（纵轴从 0 到最大损失）：", "The loss curve (the vertical axis runs from 0 to the largest loss):")
        case .lossCurveLogarithmic: return (
            "损失曲线。损失缩小了好几个数量级，所以纵轴用对数刻度：每往下一格，损失都缩小相同的倍数。",
            "The loss curve. The loss shrinks by several orders of magnitude, so the vertical axis is logarithmic: each row "
                + "down means the loss has shrunk by the same factor.")
        case .lossCurveGrowing: return (
            "损失曲线。损失不降反升，训练发散了：学习率太大，每一步都跨过了最低点，越跳越远。把学习率调小再试。",
            "The loss curve. The loss grew instead of falling: training diverged. The learning rate is too large, so "
                + "every step overshoots the minimum and lands further away. Try a smaller learning rate.")
        case .trainedParameters: return ("训练前后的参数：", "The parameters before and after training:")
        case .applyMissing: return ("本课没有给出新的输入。", "This lesson gives no new input to apply the model to.")
        case .applyExplanation: return (
            "训练结束后，用训练好的参数从 h₀ 出发，对新的输入做一遍前向传播，每个时间步的输出 yₜ 就是模型的预测。",
            "After training, the trained parameters run a forward pass over the new input, starting again from h₀; the "
                + "output yₜ of each timestep is the model's prediction.")
        case .applyMatches: return ("预测和期望值最多相差 {0}，模型答对了。", "The predictions are within {0} of the expected values: the model gets this right.")
        case .applyDiffers: return ("预测和期望值并不一致，最大相差 {0}。", "The predictions do not match the expected values: they are off by as much as {0}.")
        case .ceilingExplanation: return (
            "原因可以算出来：h̃ 是 tanh 的值，落在 −1 和 1 之间；hₜ 是 hₜ₋₁ 和 h̃ₜ 的加权平均，"
                + "所以隐藏状态的每个分量都不会超出 −1 到 1。输出 y = Why·h + by 因此有上限：{0}。",
            "The reason can be computed. h̃ is a tanh, between −1 and 1, and hₜ is a weighted average of hₜ₋₁ and h̃ₜ, so "
                + "no component of the hidden state ever leaves the range from −1 to 1. The output y = Why·h + by therefore has "
                + "a ceiling: {0}.")
        case .ceilingWideStart: return ("这里 h₀ 有分量超出了 −1 到 1，所以上限里用 max(1, |h₀|) 代替 1。", "Here h₀ has a component outside −1 to 1, so the ceiling uses max(1, |h₀|) instead of 1.")
        case .ceilingTooLow: return ("超过上限 {0} 的期望值：{1}。无论输入什么，这个模型都输出不了它们。", "Expected values above the ceiling {0}: {1}. No input can make this model output them.")
        case .applyAfterDivergence: return (
            "这些预测没有意义：训练时损失越来越大（见第 7 节），参数已经被推到了离谱的数值。先调小学习率，让训练收敛。",
            "These predictions mean nothing: the loss grew during training (section 7), which pushed the parameters to "
                + "absurd values. Lower the learning rate until training converges first.")
        case .ceilingNotTheCause: return (
            "期望值都在这个上限之内，所以上限不是原因：模型只在训练数据覆盖的范围里学到了这个映射。",
            "The expected values all lie within this ceiling, so the ceiling is not the cause here: the model has learned "
                + "the mapping only where the training data covers it.")
        case .captionEquations: return ("本课约定下的公式", "The equations in this lesson's conventions")
        case .captionConventions: return ("本课采用的约定", "The conventions this lesson uses")
        case .captionParameters: return ("参数：形状与初始值", "Parameters: shape and initial value")
        case .captionEpochs: return ("部分轮次的损失", "The loss at a few epochs")
        case .captionTrained: return ("训练前后的参数", "The parameters before and after training")
        case .captionPredictions: return ("对新输入的预测", "Predictions for the new input")
        case .stepKeys: return ("回车、空格或 →：{0} · b 或 ←：上一页 · q：退出", "Enter/Space/→: {0} · b/←: back · q: quit")
        case .stepKeysShort: return ("空格：{0} · b：上一页 · q：退出", "Space: {0} · b: back · q: quit")
        case .stepKeysShortest: return ("{0}：空格 b q", "{0}: Space b q")
        case .stepNext: return ("下一页", "next")
        case .stepMore: return ("继续本页", "more of this page")
        case .stepFinish: return ("结束", "finish")
        case .narrowTerminal: return ("按 {0} 列排版，终端只有 {1} 列；请把窗口拉宽，或改用 {2}。", "laid out for {0} columns, the terminal has {1}; widen it or use {2}")
        case .slideContinued: return ("{0}（续）", "{0} (continued)")
        case .slidePrevious: return ("上一页", "Previous")
        case .slideNext: return ("下一页", "Next")
        case .slideCounter: return ("第 {0} 页，共 {1} 页", "Slide {0} of {1}")
        case .slideKeys: return ("翻页：← → 空格 PageUp PageDown；Home 第一页，End 最后一页", "Move with ← → Space PageUp PageDown; Home for the first slide, End for the last")
        case .languageSwitch: return ("语言", "Language")
        case .gradientFlowTitle: return ("梯度如何沿时间反向流动", "How the gradient flows back through time")
        case .gradientFlowExplanation: return (
            "每个时间步隐藏状态的梯度大小 ‖∂L/∂hₜ‖：它由本步输出传来的部分和从下一时间步传回的部分相加而成。"
                + "条形从最后一个时间步开始，向前看梯度是变大还是变小。",
            "The size of the hidden state's gradient ‖∂L/∂hₜ‖ at each timestep: the part from the step's own output plus "
                + "the part handed back from the step after it. Start at the last timestep and read backwards to see whether "
                + "the gradient grows or fades.")
        case .chartLossAxis: return ("损失 L", "Loss L")
        case .markCorrect: return ("正确", "correct")
        case .markFollowThrough: return ("承前正确", "follow-through")
        case .markWrong: return ("错误", "wrong")
        case .markUnanswered: return ("未作答", "unanswered")
        case .diagnosisUpdateConvention: return ("z 和 1 − z 放反了：本课的公式是 h = {0}，你的数值对应 h = {1}", "the other update convention: this lesson computes h = {0}; your value matches h = {1}")
        case .diagnosisResetPlacement: return ("重置门放错了位置：本课{0}；你的数值对应的是{1}", "the reset gate in the other place: this lesson applies r {0}; your value matches r applied {1}")
        case .diagnosisRecurrentTermForgotten: return (
            "漏掉了从下一时间步传回的梯度：∂L/∂hₜ = 经本步输出传来的部分 + 从 t+1 传回的部分（dh_rec）",
            "the gradient arriving from timestep t+1 is missing: ∂L/∂hₜ = the part through this step's output + dh_rec from t+1")
        case .diagnosisMissingSigmoidDerivative: return ("漏乘了 sigmoid 的导数 σ′ = σ(1 − σ)", "the factor σ′ = σ(1 − σ) is missing")
        case .diagnosisMissingTanhDerivative: return ("漏乘了 tanh 的导数 tanh′ = 1 − h̃²", "the factor tanh′ = 1 − h̃² is missing")
        case .diagnosisSignError: return ("正负号反了", "the sign is wrong")
        case .diagnosisNotSummedOverTimesteps: return ("只用了一个时间步的贡献：参数的梯度是所有时间步的贡献之和", "one timestep's contribution only: a parameter's gradient is the sum over all timesteps")
        case .diagnosisLossHalfFactor: return ("差了 2 倍：本课的损失是 {0}，它对 y 的导数是 {1}", "off by a factor of 2: this lesson's loss is {0}, whose derivative with respect to y is {1}")
        case .diagnosisHInsteadOfHPrev: return (
            "用错了隐藏状态：这个公式要用上一时间步的 {1}，你的数值对应的是本时间步的 {0}",
            "the wrong hidden state: this formula takes the previous timestep's {1}, and your value matches this timestep's {0}")
        case .diagnosisHPrevInsteadOfH: return (
            "用错了隐藏状态：这个公式要用本时间步的 {0}，你的数值对应的是上一时间步的 {1}",
            "the wrong hidden state: this formula takes this timestep's {0}, and your value matches the previous timestep's {1}")
        case .resetsBeforeMatmul: return ("先乘 r 再做矩阵乘法，即 {0}", "before the matrix product, {0}")
        case .resetsAfterMatmul: return ("先做矩阵乘法再乘 r，即 {0}", "after the matrix product, {0}")
        case .checkExpected: return ("正确值 {0}", "expected {0}")
        case .checkFromYours: return ("用你前面的值来算，这一步是对的：{0}", "right from {0}")
        case .checkHowToCompute: return ("公式：{0}", "compute: {0}")
        case .checkNumbersToUse: return ("应代入本课的值：{0}", "with the lesson's values: {0}")
        case .checkYourNumbersGive: return ("用你前面的值来算，得到的是 {1}：{0}", "from {0} it gives {1}")
        case .checkSummary: return ("汇总：正确 {0}，承前正确 {1}，错误 {2}，未作答 {3}。", "Summary: {0} correct, {1} follow-through, {2} wrong, {3} unanswered.")
        case .checkNotOnSheet: return ("工作表上还有 {0} 个量没有出现在答卷里。", "{0} of the worksheet's values do not appear in your answers.")
        case .checkFirstMistake: return ("第一处错误（不计承前错误）：第 {0} 行 {1}，你写的是 {2}，正确值是 {3}。", "First genuine mistake: {1} on line {0}: you wrote {2}, the lesson's value is {3}.")
        case .checkNoMistake: return ("没有错误。", "No mistakes.")
        case .checkNothingAnswered: return ("答卷里还没有填写任何答案。", "Nothing is answered yet.")
        case .checkYourWritten: return ("你写的 {0}", "your {0}")
        case .checkCarried: return ("{0}（由你的 {1} 算出）", "{0} (carried from your {1})")
        case .checkListSeparator: return ("，", ", ")
        case .checkOriginSeparator: return ("、", ", ")
        case .checkUnansweredNotListed: return ("未作答的行没有列出；加上 --all 可以列出每一行。", "Unanswered lines are not listed; add --all to list every line.")
        case .worksheetTitle: return ("{0} 手算工作表", "{0}: worksheet for a hand calculation")
        case .worksheetHowTo: return (
            "在每个等号后面填上你算出的数（保留 4 位小数即可）；不会的留空或写 ?。\n填好后运行：gru-explain check {0} 这个文件",
            "Write what you compute after each '=' (4 decimals are enough); leave it blank or write ? if you skip one.\nThen run: gru-explain check {0} this-file")
        case .worksheetGiven: return ("已知：", "Given:")
        case .worksheetParameters: return ("参数的初始值：", "Initial parameters:")
        case .worksheetEarlier: return ("前面算出的值（这张表不再要求）：", "Values from earlier steps (not asked on this sheet):")
        // check: score, repeated diagnoses, follow-through (issue 11)
        case .checkScoreHeading: return ("成绩", "Marks")
        case .checkColumnAnswered: return ("已作答", "answered")
        case .checkColumnCorrect: return ("正确", "correct")
        case .checkColumnFollowThrough: return ("承前正确", "follow-through")
        case .checkColumnWrong: return ("错误", "wrong")
        case .checkScoreTotal: return ("合计", "in all")
        case .checkScorePercent: return (
            "得分 {0}%：已作答的 {1} 个量中，{2} 个正确或承前正确。",
            "Score {0}%: {2} of the {1} values answered are correct or follow-through.")
        case .checkPartialSheet: return ("这份答卷包含本课 {0} 个量中的 {1} 个。", "This sheet asks for {1} of the lesson's {0} values.")
        case .checkPartialAllCorrect: return ("这份答卷包含本课 {0} 个量中的 {1} 个，全部正确。", "This sheet asks for {1} of the lesson's {0} values, and all of them are correct.")
        case .checkAllCorrect: return ("全部正确。", "All correct.")
        case .checkSectionForward: return ("前向传播", "forward")
        case .checkSectionLoss: return ("损失", "loss")
        case .checkSectionBPTT: return ("BPTT", "BPTT")
        case .checkSectionAccumulation: return ("梯度累加", "accumulation")
        case .checkSectionUpdate: return ("参数更新", "update")
        case .checkSectionOther: return ("其他（已知量、训练、应用）", "other (givens, training, applied)")
        case .checkRepeatedHeading: return ("反复出现的错误：", "Mistakes that repeat:")
        case .checkRepeatedCount: return ("共 {0} 处，从 {1} 起：{2}", "{0} marks, from {1} on: {2}")
        case .checkSeeRepeated: return ("见开头的反复出现的错误 [{0}]", "see repeated mistake [{0}] at the top")
        case .checkLessonValue: return ("本课的值 {0}", "the lesson's value {0}")
        case .checkWrongNotListed: return ("正确的行没有列出（--show wrong）。", "Correct lines are not listed (--show wrong).")
        case .diagnosisLossDoubled: return (
            "是正确值的 2 倍：本课的损失带 ½，是 {0}，它对 y 的导数是 {1}",
            "twice the right value: this lesson's loss has the ½, {0}, and its derivative with respect to y is {1}")
        case .diagnosisLossHalved: return (
            "是正确值的一半：本课的损失不带 ½，是 {0}，它对 y 的导数是 {1}",
            "half the right value: this lesson's loss has no ½, {0}, and its derivative with respect to y is {1}")
        // check and worksheet: a sheet that cannot be read, the answers file, the arguments (issue 11)
        case .sheetNotKeyValue: return ("应为“键 = 值”，这一行是 '{0}'", "expected 'key = value', found '{0}'")
        case .sheetNotANumber: return ("{0}：应填一个数，例如 0.5987 或 5.987e-1，这里是 '{1}'", "{0}: expected a number such as 0.5987 or 5.987e-1, found '{1}'")
        case .sheetCalculation: return ("{0}：请写出计算结果（一个数），不要写算式 '{1}'", "{0}: write the result as one number, not the calculation '{1}'")
        case .sheetVectorValue: return (
            "{0}：每行只写一个分量（{0}[1] = …，{0}[2] = …），不要写 '{1}'",
            "{0}: write one entry per line ({0}[1] = …, {0}[2] = …), not '{1}'")
        case .sheetDecimalComma: return ("{0}：'{1}' 用了逗号作小数点；小数点请写成 '.'", "{0}: '{1}' has a decimal comma; write the decimal point as '.'")
        case .sheetNotFinite: return ("{0}：'{1}' 太大了，不是一个可用的数", "{0}: '{1}' is too large to be a number")
        case .sheetUnknownKey: return ("本课没有 '{0}' 这个键；你是不是想写 '{1}'？", "unknown key '{0}'; did you mean '{1}'?")
        case .sheetUnknownKeyNoSuggestion: return ("本课没有 '{0}' 这个键；可用的键见 docs/keys.md", "unknown key '{0}'; see docs/keys.md")
        case .sheetDuplicateKey: return (
            "'{0}' 答了两次：第 {1} 行是 {2}，这一行是 {3}；请删掉其中一行，或在行首加 # 把它注释掉",
            "'{0}' is answered twice: {2} on line {1} and {3} here; delete one of them or comment it out with '#'")
        case .sheetBlank: return ("（空白）", "(blank)")
        case .sheetEmpty: return (
            "没有找到“键 = 值”这样的行（空白的工作表可以用 'gru-explain worksheet' 生成）",
            "expected lines 'key = value', found none (a blank worksheet comes from 'gru-explain worksheet')")
        case .sheetJSON: return (
            "这是一个 JSON 文件（课程文件？），不是答卷；用 'gru-explain worksheet <课程>' 生成一份要填写的工作表",
            "this is a JSON file (a lesson?), not an answers sheet; get a sheet to fill in with 'gru-explain worksheet <lesson>'")
        case .sheetOtherLesson: return (
            "这份答卷是 {0} 的（标题行写着），不是 {1} 的：请运行 'gru-explain check {0} {2}'",
            "this sheet is for {0} (its title line says so), not {1}: run 'gru-explain check {0} {2}'")
        case .sheetMoreProblems: return ("… 还有 {0} 个类似的问题", "… and {0} more problems like these")
        case .sheetNotUTF8GBK: return (
            "文件不是 UTF-8 文本（{0}）；它多半是 GBK 或 GB18030 编码，也就是中文 Windows 编辑器所说的“ANSI”；{1}",
            "the file is not UTF-8 text ({0}); it is probably GBK or GB18030, which a Chinese Windows editor calls 'ANSI'; {1}")
        case .sheetNotUTF8UTF16: return (
            "文件不是 UTF-8 文本（很多字节是 0x00）；它多半是没有字节顺序标记的 UTF-16；{0}",
            "the file is not UTF-8 text (many of its bytes are 0x00); it is probably UTF-16 without a byte order mark; {0}")
        case .sheetNotUTF8Binary: return (
            "文件不是 UTF-8 文本（{0}）；它看起来是一个二进制文件，不是答卷",
            "the file is not UTF-8 text ({0}); it looks like a binary file, not an answers sheet")
        case .sheetNotUTF8Other: return (
            "文件不是 UTF-8 文本（{0}）；是二进制文件吗？如果是文本，{1}",
            "the file is not UTF-8 text ({0}); is it a binary file? If it is text, {1}")
        case .sheetNotUTF8NotAsMarked: return (
            "文件开头是 {0} 的字节顺序标记，内容却不是 {0} 文本；{1}",
            "the file starts with the byte order mark of {0} but is not {0} text; {1}")
        case .sheetLineColumn: return ("第 {0} 行第 {1} 列：{2}", "line {0}, column {1}: {2}")
        case .sheetByte: return ("字节 {0}", "byte {0}")
        case .sheetNULByte: return ("一个 NUL 字节", "a NUL byte")
        case .sheetIncompleteSequence: return ("以字节 {0} 开头的不完整或无效的 UTF-8 序列", "an incomplete or invalid UTF-8 sequence starting with byte {0}")
        case .sheetInvalidByte: return ("无效字节 {0}", "invalid byte {0}")
        case .sheetSaveAsUTF8: return ("请把它另存为 UTF-8 再检查", "save it as UTF-8 and check it again")
        case .sheetNoSuchFile: return (
            "{0}：没有这个文件；请先把答案写进文件（gru-explain worksheet <课程> > {0}）",
            "{0}: no such file; write your answers into a file first (gru-explain worksheet <lesson> > {0})")
        case .sheetIsDirectory: return ("{0}：这是一个文件夹，不是答卷文件", "{0}: is a directory, not an answers file")
        case .sheetNotRegularFile: return ("{0}：不是普通文件；请给出一个文本文件的路径", "{0}: is not a regular file; give the path of a text file")
        case .sheetTooLarge: return ("{0}：{1} 字节，答卷文件太大了（上限 1 MiB）", "{0}: {1} bytes is too large for an answers file (the limit is 1 MiB)")
        case .sheetStdinTooLarge: return ("<stdin>：超过 1 MiB，答卷太大了（上限 1 MiB）", "<stdin>: more than 1 MiB is too large for an answers file (the limit is 1 MiB)")
        case .sheetPermissionDenied: return ("{0}：没有读取权限，无法读这个文件", "{0}: permission denied: cannot read the file")
        case .checkNeedsLessonAndSheet: return (
            "check：请给出课程和答卷文件，例如 'gru-explain check lesson1 answers.txt'",
            "check: give the lesson and the answers file, e.g. 'gru-explain check lesson1 answers.txt'")
        case .worksheetNothingByHand: return (
            "worksheet：--only {0}：这里没有要手算的量；工作表包含 {1}",
            "worksheet: --only {0}: nothing there is computed by hand; a worksheet has {1}")
        // check and worksheet: a lesson name that names no lesson (review of issues 11 and 15)
        case .lessonUnknown: return (
            "{0}：没有这一课：{1}自带的课程有 {2}；要用你自己的课程，请给出它的 .json 文件的路径",
            "{0}: unknown lesson: {1}the bundled lessons are {2}; to run your own lesson, give the path of a .json file")
        case .lessonDidYouMean: return ("你是不是想写 {0}？", "did you mean {0}? ")
        case .worksheetLastDhRec: return ("{0} · t = {1} 是最后一步，没有 h{2}，此项为 0", "{0} · t = {1} is the last step: there is no h{2}, so this is 0")
        case .worksheetUpdateLine: return ("参数更新 · {0} 的新值 {0} − η·∂L/∂{0}", "parameter update · new {0} = {0} − η·∂L/∂{0}")
        case .workbookTitle: return ("{0} 手算练习本", "{0}: workbook for a hand calculation")
        case .workbookIntro: return (
            "在每个框里填上你算出的数（保留 4 位小数即可），离开一个框时就会判分：正确、承前正确（按你前面写的数算是对的）或错误（附上可能的错误原因）。点“提示”可以看到这个量的公式和要代入的数。答案保存在这个浏览器里，重新打开页面也还在。",
            "Write what you compute in each box (4 decimals are enough). When you leave a box it is marked: correct, follow-through (right from your own earlier numbers) or wrong (with the likely mistake). “Hint” shows the quantity's formula with the numbers to use. Your answers stay in this browser when you reload the page.")
        case .workbookGivens: return ("已知数", "The givens")
        case .workbookGivensHelp: return (
            "可以改动任何一个已知数（参数、h₀、输入、目标、学习率），下面所有的数都会立刻重新计算，判分也按新的数进行。“恢复本课的数”回到本课原来的值。",
            "Change any given (a parameter, h₀, an input, a target, the learning rate) and every number below is recomputed at once, and marked against the new values. “Reset” restores the lesson's values.")
        case .workbookReset: return ("恢复本课的数", "Reset")
        case .workbookDownload: return ("下载答卷", "Download answers")
        case .workbookOpen: return ("打开答卷…", "Open answers…")
        case .workbookClear: return ("清空答案", "Clear answers")
        case .workbookHint: return ("提示", "Hint")
        case .workbookScore: return ("已作答 {0}/{1} · 正确 {2} · 承前正确 {3} · 错误 {4}", "answered {0}/{1} · correct {2} · follow-through {3} · wrong {4}")
        case .workbookTotal: return ("全部：{0}", "In all: {0}")
        case .workbookUnreadable: return ("读不出这个数：“{0}”（例如写成 0.5987）", "cannot read “{0}” as a number (write it like 0.5987)")
        case .workbookEdited: return (
            "已知数已改动：页面按改动后的数计算和判分。下载的答卷用 gru-explain check 检查时，仍按本课原来的数判分。",
            "The givens are changed: the page computes and marks with the changed values. A downloaded sheet checked with gru-explain check is marked against the lesson's own values.")
        case .workbookOpened: return ("读入了 {0} 个答案。", "{0} answers read.")
        case .workbookOpenProblems: return ("有 {0} 行没有读入：{1}", "{0} lines were not read: {1}")
        case .workbookNeedsScript: return ("这个页面需要 JavaScript 才能填写和判分。", "This page needs JavaScript to fill in and mark answers.")
        case .workbookAnswer: return ("你的答案", "Your answer")
        case .workbookKey: return ("量", "Value")
        case .workbookMark: return ("判分", "Mark")
        case .workbookHintNumbers: return ("代入本课的数：", "with the lesson's numbers:")
        case .compareTitle: return ("{0}：几种 GRU 约定并排比较", "{0}: the GRU conventions side by side")
        case .conventionSeed: return ("课程原文", "course text")
        case .compareExplanation: return (
            "同一课、同一组参数，分别按 {0} 种约定计算。更新门 z 和重置门 r 在各约定里算法相同；不同之处只有两处："
                + "重置门 r 作用在哪里（先和 hₜ₋₁ 相乘再乘 Uh，还是乘在 Uh·hₜ₋₁ + bhn 上），以及更新门 z 乘的是 hₜ₋₁ 还是 h̃ₜ。"
                + "和第一列相差超过 1e-12 的行标为 ≠。",
            "The same lesson with the same parameters, computed under {0} conventions. The update gate z and the reset "
                + "gate r are computed the same way in all of them. They differ in two places only: where r acts (on hₜ₋₁ before "
                + "Uh multiplies it, or on Uh·hₜ₋₁ + bhn afterwards), and which of hₜ₋₁ and h̃ₜ the update gate z weights. "
                + "Rows that differ from the first column by more than 1e-12 are marked ≠.")
        case .compareBhnZero: return (
            "本课没有 bhn（它按 before_matmul 写成），所以 after_matmul 的约定取 bhn = 0。",
            "The lesson has no bhn (it is written for before_matmul), so the after_matmul conventions use bhn = 0.")
        case .compareBhnUnused: return ("bhn = {0} 只在 after_matmul 下起作用，before_matmul 的约定用不到它。", "Only the after_matmul conventions use bhn = {0}; the before_matmul ones ignore it.")
        case .compareSequenceShown: return (
            "表中显示 {1} 个序列中的第 {0} 个（用 --sequence K 看其他序列）；查找第一处不同时会检查所有序列。",
            "The tables show sequence {0} of {1} (--sequence K shows another); the search for the first difference covers them all.")
        case .compareSectionConventions: return ("约定与公式", "Conventions and formulas")
        case .compareSectionGradients: return ("BPTT：主要梯度", "BPTT: the key gradients")
        case .compareGradientsExplanation: return (
            "先列出每个时间步隐藏状态的梯度 ∂L/∂hₜ，再列出输入权重和输出层的梯度（对所有时间步{0}求和）。",
            "First the gradient of the hidden state ∂L/∂hₜ at every timestep, then the gradients of the input weights and "
                + "of the output layer, summed over the timesteps{0}.")
        case .compareSectionTraining: return ("训练之后", "After training")
        case .compareTrainingExplanation: return (
            "每种约定都从同一组参数出发，以学习率 {1} 训练 {0} 轮，再用在新的输入 {2} 上。",
            "Each convention trains for {0} epochs at learning rate {1} from the same parameters, then runs on the new input {2}.")
        case .compareLastLoss: return ("最后一次更新前的损失", "loss before the last update")
        case .compareApplied: return ("应用时的输出", "output on the new input")
        case .compareDiverged: return ("发散（第 {0} 轮）", "diverged (epoch {0})")
        case .compareSectionDivergence: return ("从哪里开始不同", "Where they first diverge")
        case .compareAllAgree: return ("全部 {0} 个值在 1e-12 以内一致：用这组参数时，这几种约定算出的数完全一样。", "All {0} values agree within 1e-12: with these parameters the conventions compute the same numbers.")
        case .compareFirstDifference: return ("按计算的先后顺序，第一个不同的值是 {0}（{1}，{2}）：{3}。", "The first value that differs, in the order the numbers are computed, is {0} ({1}, {2}): {3}.")
        case .comparePair: return ("{0} 与 {1}：从 {2} 开始不同。", "Against {1}, {0} first differs at {2}.")
        case .comparePairSame: return ("{0} 与 {1}：没有不同。", "Against {1}, {0} agrees on every value.")
        case .compareMarkDiffers: return ("≠", "≠")
        case .compareMarkFirst: return ("≠ ← 第一处不同", "≠ ← first difference")
        case .reasonReset: return (
            "{0} 把重置门放在矩阵乘法之前，a_hₜ = {1}；{2} 放在之后，a_hₜ = {3}。"
                + "只要 hₜ₋₁ = 0 且 bhn = 0，两者都化为 Wh·xₜ + bh，结果相同。",
            "Under {0} the reset gate acts before the matrix product, a_hₜ = {1}; under {2} it acts after, a_hₜ = {3}. "
                + "The two agree whenever hₜ₋₁ = 0 and bhn = 0, because both then reduce to Wh·xₜ + bh.")
        case .reasonResetAtOne: return ("这里在时间步 1 就已经不同，因为 {0}。", "Here they differ from timestep 1 on, because {0}.")
        case .reasonResetLater: return (
            "时间步 1 时 h₀ = 0、bhn = 0，所以两者相同；从时间步 2 起 hₜ₋₁ 不再是 0。",
            "At timestep 1, h₀ = 0 and bhn = 0, so they agree there; from timestep 2 on, hₜ₋₁ is no longer 0.")
        case .reasonUpdate: return (
            "{0} 算 hₜ = {1}，{2} 算 hₜ = {3}：同一个 z，在一种写法里乘上一隐藏状态，在另一种写法里乘候选隐藏状态。"
                + "所以 {4}、{5}、{6} 两边相同，而 {7} 除非 {4} = ½ 或 {6} = {8}，否则不同。",
            "Under {0}, hₜ = {1}; under {2}, hₜ = {3}: the same z weights the previous state in one and the candidate "
                + "in the other. So {4}, {5} and {6} are the same in both, and {7} differs unless {4} = ½ or {6} = {8}.")
        case .reasonAlsoDiffer: return ("两者的{0}也不同；只差这一点时（{2} 与 {3}），从 {1} 开始不同。", "Their {0} differs too; on its own ({2} against {3}) it first makes a difference at {1}.")
        case .reasonAlsoDifferNoEffect: return ("两者的{0}也不同，但只差这一点时（{1} 与 {2}），这里比较的值全都相同。", "Their {0} differs too, but on its own ({1} against {2}) it changes none of the values compared here.")
        case .compareRecurrentTerm: return ("after_matmul 先算出整个循环项 {0}，再用重置门 r 缩放它。", "Under after_matmul, {0} is the recurrent term, computed in full first; the reset gate r then scales it.")
        case .columnCandidate: return ("候选状态 h̃ₜ", "Candidate state h̃ₜ")
        case .columnNewState: return ("新状态 hₜ", "New state hₜ")
        case .reasonTrainingOnly: return (
            "两者在整个详细计算中数值都相同，是训练让它们分开的：第一个不同的损失是第 {0} 次更新前的损失。",
            "The two compute the same values in the whole detailed pass; training takes them apart: the first loss that "
                + "differs is the one before update {0}.")
        case .reasonEqualR: return (
            "这里重置门放在哪里无关紧要：每个时间步 r 的各个分量都相等（各隐藏单元互为拷贝），而且 bhn = 0，"
                + "于是 Uh·(r⊙h) = r⊙(Uh·h)。",
            "Where r acts does not matter here, because at every timestep all components of r are equal (the hidden units "
                + "are copies of each other) and bhn = 0: then Uh·(r⊙h) = r⊙(Uh·h).")
        case .reasonBhnTrained: return (
            "但 after_matmul 多一个参数 bhn，它的梯度不为 0（{1} 下 ∂L/∂bhn = {0}），所以第一次更新只在 {1} 下把 bhn 从 {2} 移开。",
            "But after_matmul has one parameter more, bhn, and its gradient is not zero (∂L/∂bhn = {0} under {1}), so the "
                + "first update moves bhn away from {2} under {1} only.")
        case .gradcheckTitle: return ("{0}：梯度检验", "{0}: gradient check")
        case .gradcheckExplanation: return (
            "BPTT 按链式法则从后往前，精确地算出每个梯度。梯度检验用另一种办法独立验证它：把某个参数分量加上和减去一个很小的 ε，"
                + "各做一遍前向传播求出损失，再算斜率 (L(θ + ε) − L(θ − ε)) / 2ε，这就是中心差分。"
                + "相对误差 = |BPTT − 中心差分| / max(|BPTT|, |中心差分|, 0.01)；梯度小于 0.01 时按 0.01 计算，"
                + "因为这时两个数里主要是舍入误差。相对误差不超过容差的分量就算通过。",
            "BPTT computes every gradient exactly, following the chain rule backwards. The gradient check verifies it "
                + "independently: it nudges one parameter entry up and down by a small ε, runs the forward pass and the loss each "
                + "time, and takes the slope (L(θ + ε) − L(θ − ε)) / 2ε, the central difference. Relative error = "
                + "|BPTT − central difference| / max(|BPTT|, |central difference|, 0.01); a gradient below 0.01 is measured "
                + "against 0.01, because such small numbers are mostly rounding noise. An entry passes when its relative error "
                + "is at most the tolerance.")
        case .gradcheckSettings: return ("ε = {0}，容差 {1}，在本课的初始参数处检验，此处损失 L = {2}。", "ε = {0}, tolerance {1}, checked at the lesson's starting parameters, where L = {2}.")
        case .gradcheckAllPass: return ("全部 {0} 个分量都通过；最大的相对误差是 {1}，出现在 {2}。", "All {0} entries pass; the largest relative error is {1}, at {2}.")
        case .gradcheckFailures: return ("{1} 个分量中有 {0} 个超过容差 {2}：{3}。", "{0} of {1} entries exceed the tolerance {2}: {3}.")
        case .gradcheckEpsilonLarge: return (
            "步长 ε = {0} 偏大：中心差分本身的误差随 ε² 增长。用默认的 ε = {1} 时所有分量都在容差之内，所以这些差别来自差分，而不是 BPTT。",
            "The step ε = {0} is large: the central difference's own error grows as ε². At the default ε = {1} every entry is within the tolerance, so these differences come from the difference, not from BPTT.")
        case .gradcheckEpsilonSmall: return (
            "步长 ε = {0} 偏小：L(θ + ε) 和 L(θ − ε) 几乎相等，相减后舍入误差占了大头。用默认的 ε = {1} 时所有分量都在容差之内，所以这些差别来自差分，而不是 BPTT。",
            "The step ε = {0} is small: L(θ + ε) and L(θ − ε) are almost equal, and rounding error weighs heavily in their difference. At the default ε = {1} every entry is within the tolerance, so these differences come from the difference, not from BPTT.")
        case .columnEntry: return ("参数分量", "Entry")
        case .columnBPTT: return ("BPTT", "BPTT")
        case .columnNumerical: return ("中心差分", "Central difference")
        case .columnRelativeError: return ("相对误差", "Relative error")
        case .columnVerdict: return ("结论", "Verdict")
        case .verdictPass: return ("通过", "pass")
        case .verdictFail: return ("未通过", "FAIL")
        case .gradcheckSplitHeading: return ("把 ∂L/∂{0} 按时间步拆开", "∂L/∂{0} split by timestep")
        case .gradcheckSplitExplanation: return (
            "每个时间步用的都是同一个 {0}，所以 BPTT 得到的梯度是各时间步贡献之和，每一份是 {1}。中心差分只能看到总和。",
            "Every timestep uses the same {0}, so BPTT finds its gradient as a sum of one share per timestep, {1}. "
                + "The central difference sees only the sum.")
        case .rowBPTTSum: return ("各步之和（BPTT）", "sum of the shares (BPTT)")
        }
    }
}
