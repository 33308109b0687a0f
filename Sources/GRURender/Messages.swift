import GRUJSON
import GRULessons

/// Every label, heading and explanation of the walkthrough, in Chinese and English.
///
/// One `switch` gives each message as a (zh, en) pair, so a reader and a translator see both
/// languages together and a key without a translation does not compile. `{0}`, `{1}`, … are
/// filled in by `text(_:_:)`; both languages use the same placeholders.
public enum Message: CaseIterable, Sendable {
    // Headings and labels
    // Punctuation that differs between the languages
    case listSeparator, labelSeparator, clauseSeparator, sentenceSeparator
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
    // check: the gradebook's score, a sheet that looks like another variant's (newcomer review)
    case checkWorksheetScore, checkOtherVariant, classOtherVariant
    // divergence: where and why the numbers stopped being finite (exit status 3)
    case divergedAdvice, divergedUpdate, divergedOneEpoch, divergedEpochs, divergedApplied, divergedFirstPass
    case divergedAtEpoch, divergedAtSequence, divergedAtTimestep, divergedTooLargeToSquare, divergedBeforeAnyUpdate, divergedLoss
    case diagnosisLossDoubled, diagnosisLossHalved
    // check and worksheet: a sheet that cannot be read, the answers file, the arguments (issue 11)
    case sheetNotKeyValue, sheetNotANumber, sheetCalculation, sheetVectorValue, sheetDecimalComma, sheetNotFinite
    case sheetUnknownKey, sheetUnknownKeyNoSuggestion, sheetDuplicateKey, sheetBlank, sheetEmpty, sheetJSON, sheetOtherLesson
    case sheetMoreProblems, sheetNotUTF8GBK, sheetNotUTF8UTF16, sheetNotUTF8Binary, sheetNotUTF8Other, sheetNotUTF8NotAsMarked
    case sheetLineColumn, sheetSaveAsUTF8, sheetByte, sheetNULByte, sheetIncompleteSequence, sheetInvalidByte
    case sheetNoSuchFile, sheetIsDirectory, sheetNotRegularFile, sheetTooLarge, sheetStdinTooLarge, sheetPermissionDenied
    case checkNeedsLessonAndSheet, worksheetLastDhRec
    case sheetBadVariant, sheetHeaderMismatch, sheetVariantConflict
    // worksheet
    case worksheetTitle, worksheetHowTo, worksheetGiven, worksheetParameters, worksheetEarlier, worksheetUpdateLine
    // workbook: the offline page (WorkbookRenderer)
    case workbookTitle, workbookIntro, workbookGivens, workbookGivensHelp, workbookReset, workbookDownload, workbookOpen
    case workbookClear, workbookHint, workbookScore, workbookTotal, workbookUnreadable, workbookEdited, workbookOpened
    case workbookOpenProblems, workbookNeedsScript, workbookAnswer, workbookKey, workbookMark, workbookHintNumbers
    // worksheet: variants (issue 12)
    case worksheetThisFile
    // a variant's title (Lesson.shownTitle), issue 16
    case variantTitle
    // check: a class at once (issue 12)
    case classTitle, classColumnFile, classColumnStudent, classColumnVariant, classColumnScore, classUnreadable
    case classSectionForward, classSectionLoss, classSectionBPTT, classSectionAccumulation, classSectionUpdate
    case classMostOftenWrong, classSheetsOf, classMistakes, classTally, classOneStudent, classStudents, classNotRead, classWrongKeys
    case classDiagnosisUpdateConvention, classDiagnosisResetPlacement, classDiagnosisRecurrentTermForgotten
    case classDiagnosisMissingSigmoidDerivative, classDiagnosisMissingTanhDerivative, classDiagnosisSignError
    case classDiagnosisNotSummedOverTimesteps, classDiagnosisLossHalfFactor, classDiagnosisHInsteadOfHPrev, classDiagnosisHPrevInsteadOfH
    // compare: one lesson under several conventions
    case compareAndTheSequences
    case compareTitle, compareExplanation, compareBhnZero, compareBhnUnused, compareSequenceShown
    case compareSectionConventions, compareSectionGradients, compareGradientsExplanation, compareSectionTraining
    case compareTrainingExplanation, compareTrainingExplanationNoApply, compareLastLoss, compareApplied, compareDiverged, compareAllDiverged, compareSectionDivergence
    case compareAllAgree, compareFirstDifference, comparePair, comparePairSame, compareMarkDiffers, compareMarkFirst
    case reasonReset, reasonResetAtOne, reasonResetLater, reasonUpdate, reasonAlsoDiffer, columnCandidate, columnNewState
    case reasonTrainingOnly, reasonEqualR, reasonBhnTrained, reasonAlsoDifferNoEffect, compareRecurrentTerm
    // gradcheck: BPTT against central differences
    case gradcheckTitle, gradcheckExplanation, gradcheckSettings, gradcheckAllPass, gradcheckFailures
    case gradcheckEpsilonLarge, gradcheckEpsilonSmall
    case columnEntry, columnBPTT, columnNumerical, columnRelativeError, columnVerdict, verdictPass, verdictFail
    case gradcheckSplitHeading, gradcheckSplitExplanation, rowBPTTSum
    // slides: presenter keys, handouts, charts; step mode's screens; --totals (issue 13)
    case keysTitle, keysSpace, keyNext, keyBack, keyEnds, keyGoto, keyTextSize, keyTheme, keyLanguage, keyBlack
    case keyFullScreen, keyHelp, slideHelpButton, printPage
    case accumulationTotals, columnOtherSequences
    // ux
    case compareColumnAgainst, givenLearningRate, givenInitialState, givenInput, givenTarget

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
        case .listSeparator: return ("、", ", ")
        case .labelSeparator: return ("：", ": ")
        case .clauseSeparator: return ("，", ", ")
        case .sentenceSeparator: return ("", " ")
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
                + "更新门 z 决定新状态里旧状态和候选隐藏状态 h̃ 各占多少，重置门 r 决定算 h̃ 时旧状态参与多少。输出层再把 hₜ 变成预测 yₜ。"
                + "下面先写出本课用的公式和约定，再列出每个参数的初始值。",
            "A GRU reads a sequence one timestep at a time. At timestep t it combines the input xₜ with the previous hidden "
                + "state hₜ₋₁ into a new hidden state hₜ: the update gate z decides how much of it comes from the old state and how "
                + "much from the candidate hidden state h̃, and the reset gate r decides how much of the old state goes into h̃. An output layer turns hₜ "
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
        case .stepKeys: return ("回车、空格或 →：{0} · b 或 ←：上一页 · ↑ 或 PageUp：上一屏 · q：退出",
                                "Enter/Space/→: {0} · b/←: previous page · ↑/PageUp: previous screen · q: quit")
        case .stepKeysShort: return ("空格：{0} · b：上一页 · ↑：上一屏 · q：退出", "Space: {0} · b: prev. page · ↑: prev. screen · q: quit")
        case .stepKeysShortest: return ("{0}：空格 b ↑ q", "{0}: Space b ↑ q")
        case .stepNext: return ("下一页", "next")
        case .stepMore: return ("继续本页", "more of this page")
        case .stepFinish: return ("结束", "finish")
        case .narrowTerminal: return ("按 {0} 列排版，终端只有 {1} 列；请把窗口拉宽，或改用 {2}。", "laid out for {0} columns, the terminal has {1}; widen it or use {2}")
        case .slideContinued: return ("{0}（续）", "{0} (continued)")
        case .slidePrevious: return ("上一页", "Previous")
        case .slideNext: return ("下一页", "Next")
        case .slideCounter: return ("第 {0} 页，共 {1} 页", "Slide {0} of {1}")
        case .slideKeys: return ("翻页：← → 空格 PageUp PageDown；Home 第一页，End 最后一页；? 列出全部按键",
                                 "Move with ← → Space PageUp PageDown; Home for the first slide, End for the last; ? lists every key")
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
        case .diagnosisUpdateConvention: return ("z 和 1 − z 放反了：本课的公式是 h = {0}，你的数值对应 h = {1}", "z and 1 − z swapped: this lesson computes h = {0}; your value matches h = {1}")
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
            "在每个等号后面填上你算出的数（保留 4 位小数即可）；不会的留空或写 ?。\n填好后运行：gru-explain check {0} {1}",
            "Write what you compute after each '=' (4 decimals are enough); leave it blank or write ? if you skip one.\nThen run: gru-explain check {0} {1}")
        case .worksheetThisFile: return ("这个文件", "this-file")
        // {0} is the variant's number, {1} the lesson's title (filled in last, so that a "{0}" in
        // a title stays as written).
        case .variantTitle: return ("{1}（第 {0} 号变体）", "{1} (variant {0})")
        // check: a class at once (issue 12)
        case .classTitle: return ("{0} · 全班 {1} 份答卷：已批改 {2} 份，无法读取 {3} 份（得分为百分比）",
                                  "{0} · {1} sheets: {2} marked, {3} could not be read (scores in percent)")
        case .classColumnFile: return ("文件", "file")
        case .classColumnStudent: return ("学生", "student")
        case .classColumnVariant: return ("变体", "variant")
        case .classColumnScore: return ("总分", "score")
        case .classUnreadable: return ("无法读取", "unreadable")
        case .classSectionForward: return ("前向", "forward")
        case .classSectionLoss: return ("损失", "loss")
        case .classSectionBPTT: return ("BPTT", "bptt")
        case .classSectionAccumulation: return ("梯度累加", "accumulation")
        case .classSectionUpdate: return ("更新", "update")
        case .classMostOftenWrong: return ("错得最多的数：", "Keys most often wrong:")
        case .classSheetsOf: return ("{1} 份中错了 {0} 份", "wrong on {0} of {1} sheets")
        case .classMistakes: return ("常见错误：", "Common mistakes:")
        case .classTally: return ("{0}：{1}", "{0}: {1}")
        case .classOneStudent: return ("{0} 名学生", "{0} student")
        case .classStudents: return ("{0} 名学生", "{0} students")
        case .classNotRead: return ("无法读取的答卷：", "Sheets that could not be read:")
        case .classWrongKeys: return ("错的数：{0}", "wrong: {0}")
        case .classDiagnosisUpdateConvention: return ("z 和 1 − z 放反了", "z and 1 − z swapped")
        case .classDiagnosisResetPlacement: return ("重置门放错了位置", "the reset gate in the other place")
        case .classDiagnosisRecurrentTermForgotten: return ("漏了从后一个时间步传回的梯度", "the gradient from step t+1 forgotten")
        case .classDiagnosisMissingSigmoidDerivative: return ("漏乘了 σ′ = σ(1 − σ)", "σ′ = σ(1 − σ) missing")
        case .classDiagnosisMissingTanhDerivative: return ("漏乘了 tanh′ = 1 − h̃²", "tanh′ = 1 − h̃² missing")
        case .classDiagnosisSignError: return ("符号错了", "the wrong sign")
        case .classDiagnosisNotSummedOverTimesteps: return ("梯度没有对所有时间步求和", "a gradient not summed over the timesteps")
        case .classDiagnosisLossHalfFactor: return ("损失的 ½ 因子算错了", "the ½ of the loss")
        case .classDiagnosisHInsteadOfHPrev: return ("该用 hₜ₋₁ 的地方用了 hₜ", "hₜ where hₜ₋₁ belongs")
        case .classDiagnosisHPrevInsteadOfH: return ("该用 hₜ 的地方用了 hₜ₋₁", "hₜ₋₁ where hₜ belongs")
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
        case .checkSectionOther: return ("不计分（已知量、训练、应用）", "not scored (givens, training, applied)")
        case .divergedAdvice: return ("请调低学习率（现在是 {0}）", "lower the learning rate (now {0})")
        case .divergedUpdate: return (
            "{0}：第 {1} 轮的更新让 {2} 变成了 {3}：梯度是有限的，θ − lr·∂L/∂θ 却溢出了；{4}",
            "{0}: the update of epoch {1} made {2} {3}: θ − lr·∂L/∂θ overflowed although the gradient was finite; {4}")
        case .divergedOneEpoch: return ("1 轮", "1 epoch")
        case .divergedEpochs: return ("{0} 轮", "{0} epochs")
        case .divergedApplied: return (
            "{0}：把训练好的模型用于新输入时，输出不是有限数（训练 {3}后，时间步 {2} 的 y 达到 {1}）；参数太大了：{4}，或调低初始参数",
            "{0}: applied to the new input, the trained model's output is not finite (y reached {1} at timestep {2}, after {3} of training); its parameters are too large: {4}, or the initial parameters")
        case .divergedFirstPass: return (
            "{0}：第一次前向传播得到 {1} = {2}，超出了 Double 能表示的范围（损失仍是有限数，但这个值无法显示）；请调低初始参数或导致它的输入",
            "{0}: the first pass gives {1} = {2}, too large for a Double (the loss is still finite, but this cannot be shown); lower the initial parameters or the inputs that lead to it")
        case .divergedAtEpoch: return ("第 {0} 轮", "epoch {0}")
        case .divergedAtSequence: return ("、第 {0} 个序列", ", sequence {0}")
        case .divergedAtTimestep: return ("、时间步 {0}", ", timestep {0}")
        case .divergedTooLargeToSquare: return ("，大到无法在 Double 中求平方", ", too large to square in a Double")
        case .divergedBeforeAnyUpdate: return ("请调低初始参数或输入（第 1 轮在任何更新之前）", "lower the initial parameters or the inputs (epoch 1 comes before any update)")
        case .divergedLoss: return (
            "{0}：{1}，损失变成了非有限数（{2} 达到 {3}{4}）；{5}",
            "{0}: the loss became non-finite at {1} ({2} reached {3}{4}); {5}")
        case .checkWorksheetScore: return (
            "按整张练习的 {0} 个量计（未作答的算 0 分，与班级成绩表相同）：{1} 个，{2}%。",
            "Over the worksheet's {0} values (unanswered ones count 0, as in a class gradebook): {1}, {2}%.")
        case .checkOtherVariant: return (
            "直接由已知数算出的 {0} 个答案中有 {1} 个不对（如 {2}：你写的是 {3}，本课是 {4}）。如果这是某个变体或某位学生的答卷，它开头的“# variant:”行可能丢了：请用 --variant N 或 --student 学号再查一次。",
            "{1} of the {0} answers computed from the given numbers alone are wrong ({2}: you wrote {3}, the lesson has {4}). If this is a variant's or a student's sheet, its '# variant:' header line may be lost: check it again with --variant N or --student ID.")
        case .classOtherVariant: return (
            "以下答卷直接由已知数算出的答案大多不对，也许是某个变体的答卷，开头的“# variant:”行丢了（用 --variant N 或 --student 学号单独再查）：",
            "These sheets have most answers computed from the given numbers alone wrong; each may be a variant's sheet whose '# variant:' header line was lost (check it alone with --variant N or --student ID):")
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
        case .sheetBadVariant: return ("'# variant: {0}'：应为 0 到 1000000 之间的整数（工作表的变体编号）",
                                       "'# variant: {0}': expected a whole number from 0 to 1000000 (the variant of the worksheet)")
        case .sheetHeaderMismatch: return (
            "开头写的是第 {0} 号变体，但学生 {1} 的变体是第 {2} 号；学生那一行是不是被改过？（见 docs/check.md）",
            "the header names variant {0}, but student {1}'s variant is {2}; was the student line changed? (docs/check.md)")
        case .sheetVariantConflict: return (
            "开头写的是第 {0} 号变体，但命令要求第 {1} 号；去掉 --variant/--student，就按开头写的变体批改",
            "the header names variant {0}, but the command asks for variant {1}; leave out --variant/--student to mark it against its header")
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
        case .compareAndTheSequences: return ("和所有序列", " and the sequences")
        case .compareTitle: return ("{0}：几种 GRU 约定并排比较", "{0}: the GRU conventions side by side")
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
        case .compareTrainingExplanationNoApply: return (
            "每种约定都从同一组参数出发，以学习率 {1} 训练 {0} 轮（本课没有给出新的输入）。",
            "Each convention trains for {0} epochs at learning rate {1} from the same parameters (the lesson gives no new input to run on).")
        case .compareLastLoss: return ("最后一次更新前的损失", "loss before the last update")
        case .compareApplied: return ("应用时的输出", "output on the new input")
        case .compareDiverged: return ("发散（第 {0} 轮）", "diverged (epoch {0})")
        case .compareAllDiverged: return (
            "{0}：每种约定的训练都发散了，训练之后没有可以比较的数；请降低学习率（上面的报告列出了各自发散的轮次）",
            "{0}: training diverged under every convention, so nothing after training can be compared; lower the learning rate (the report above shows the epoch where each diverged)")
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
        // slides: presenter keys, handouts, charts; step mode's screens; --totals (issue 13)
        case .keysTitle: return ("放映按键", "Presenter keys")
        case .keysSpace: return ("空格", "Space")
        case .keyNext: return ("下一页", "Next slide")
        case .keyBack: return ("上一页", "Previous slide")
        case .keyEnds: return ("第一页 / 最后一页", "First / last slide")
        case .keyGoto: return ("输入页码再按回车：跳到该页", "A number, then Enter: go to that slide")
        case .keyTextSize: return ("文字放大 / 缩小（每一页都用，下次打开仍记得）", "Larger / smaller text (on every slide, remembered)")
        case .keyTheme: return ("浅色 / 深色高对比度", "Light / dark high-contrast theme")
        case .keyLanguage: return ("切换语言（中文 / 英文）", "Switch language (Chinese / English)")
        case .keyBlack: return ("黑屏，再按一次恢复", "Black screen; press again to return")
        case .keyFullScreen: return ("全屏 / 退出全屏", "Full screen on / off")
        case .keyHelp: return ("显示 / 隐藏本表（Esc 关闭）", "Show / hide this list (Esc closes it)")
        case .slideHelpButton: return ("按键一览", "List of keys")
        case .printPage: return ("第 {0} 页，共 {1} 页", "Page {0} of {1}")
        case .columnOtherSequences: return ("其余 {0} 个序列", "The other {0} sequences")
        case .accumulationTotals: return (
            "（--totals）这里只列出每个参数分量的总和 ∂L/∂θ；加上 --sequence K 时，还列出序列 K 每个时间步的贡献和其余序列的贡献之和。",
            "(--totals) Shown here is only the total ∂L/∂θ of each entry; with --sequence K, also sequence K's share at "
                + "each timestep and the other sequences' shares as one sum.")
        // ux
        case .compareColumnAgainst: return ("与 {0} 相比", "vs {0}")
        case .givenLearningRate: return ("学习率 η", "learning rate η")
        case .givenInitialState: return ("初始隐藏状态", "initial hidden state")
        case .givenInput: return ("输入", "input")
        case .givenTarget: return ("目标值", "wanted output")
        }
    }
}

// lessons: the problems of a lesson file (issue 14). The decoder (GRULessons) says what is wrong
// as `LessonPhrase`s with arguments; their words are here, zh and en side by side.

extension LessonPhrase {
    /// Each phrase in both languages, side by side: (zh, en). `{0}`, `{1}` are its arguments.
    public var pair: (zh: String, en: String) {
        switch self {
        case .expectedFound: return ("应为{0}，实际是{1}", "expected {0}, found {1}")
        case .missingField: return ("缺少这个字段；应为{0}", "missing field; expected {0}")
        case .withHint: return ("{0}；{1}", "{0}; {1}")
        case .unknownFieldDidYouMean: return ("未知字段；是不是想写 {0}？", "unknown field; did you mean {0}?")
        case .unknownFieldKnown: return ("未知字段；可用的字段有 {0}", "unknown field; the known fields are {0}")
        case .unknownFieldCaseSensitive: return ("未知字段；字段名区分大小写，而 {0} 已经给出", "unknown field; names are case-sensitive, and {0} is given already")
        case .unknownFieldElsewhere: return ("这一层没有这个字段；是不是想写 {0}？", "unknown field at this level; did you mean {0}?")
        case .moreProblems: return ("……另外还有 {0} 个问题；请先改正以上各处", "… and {0} more problems; fix these first")
        case .foundNull: return ("null", "null")
        case .foundTrue: return ("true", "true")
        case .foundFalse: return ("false", "false")
        case .foundNumber: return ("数 {0}", "the number {0}")
        case .foundEmptyString: return ("空字符串", "an empty string")
        case .foundString: return ("字符串 {0}", "the string {0}")
        case .foundEmptyArray: return ("空数组", "an empty array")
        case .foundArrayOne: return ("含 1 个值的数组", "an array of 1 value")
        case .foundArrayMany: return ("含 {0} 个值的数组", "an array of {0} values")
        case .foundObject: return ("一个对象", "an object")
        case .foundNothing: return ("空缺", "nothing")
        case .numberOne: return ("1 个数", "1 number")
        case .numberMany: return ("{0} 个数", "{0} numbers")
        case .rowOne: return ("1 行", "1 row")
        case .rowMany: return ("{0} 行", "{0} rows")
        case .valueOne: return ("1 个值", "1 value")
        case .valueMany: return ("{0} 个值", "{0} values")
        case .timestepOne: return ("1 个时间步", "1 timestep")
        case .timestepMany: return ("{0} 个时间步", "{0} timesteps")
        case .fileTooLarge: return ("文件有 {0} MiB；课程文件最大 {1} MiB", "the file is {0} MiB; a lesson file may be at most {1} MiB")
        case .fileEmpty: return ("文件是空的；应为{0}", "the file is empty; expected {0}")
        case .fileBlank: return ("文件里只有空白；应为{0}", "the file holds only blank space; expected {0}")
        case .invalidJSON: return ("JSON 格式错误，第 {0} 行第 {1} 列：{2}", "invalid JSON at line {0}, column {1}: {2}")
        case .notUTF8GBK: return (
            "文件不是 UTF-8 文本（字节 {0}）；它多半是 GBK 或 GB18030 编码（中文 Windows 编辑器称之为“ANSI”）；请另存为 UTF-8",
            "the file is not UTF-8 text (byte {0}); it is probably GBK or GB18030, which a Chinese Windows editor calls 'ANSI'; save it as UTF-8")
        case .notUTF8UTF16: return (
            "文件不是 UTF-8 文本（许多字节是 0x00）；它多半是不带字节顺序标记的 UTF-16；请另存为 UTF-8",
            "the file is not UTF-8 text (many of its bytes are 0x00); it is probably UTF-16 without a byte order mark; save it as UTF-8")
        case .notUTF8NUL: return ("文件含有 NUL 字节：它像是二进制文件，不是 JSON 文本", "the file contains a NUL byte: it looks like a binary file, not JSON text")
        case .notUTF8Binary: return ("文件不是 UTF-8 文本（{0}）；它像是二进制文件，不是 JSON 文本", "the file is not UTF-8 text ({0}); it looks like a binary file, not JSON text")
        case .notUTF8Other: return ("文件不是 UTF-8 文本（{0}）；是二进制文件吗？如果是文本，请另存为 UTF-8", "the file is not UTF-8 text ({0}); is it a binary file? If it is text, save it as UTF-8")
        case .notUTF8AsMarked: return ("文件以 {0} 的字节顺序标记开头，内容却不是 {0} 文本；请另存为 UTF-8", "the file starts with the byte order mark of {0} but is not {0} text; save it as UTF-8")
        case .expectLesson: return ("一节课，即以 \"format\": \"{0}\" 开头的 JSON 对象", "a lesson, a JSON object that starts with \"format\": \"{0}\"")
        case .onlyFormat: return ("{0}（这个版本的 gru-explain 只读这一种课程格式）", "{0} (the only lesson format this version of gru-explain reads)")
        case .expectNumber: return ("一个数", "a number")
        case .expectNonEmptyString: return ("非空字符串", "a non-empty string")
        case .expectOneOf: return ("以下之一：{0}", "one of {0}")
        case .numberTooLarge: return ("{0} 超出了 Double 的范围（最大约 1.8e308）", "{0} is too large for a Double (the largest is about 1.8e308)")
        case .wholeFromTo: return ("{0} 到 {1} 之间的整数", "a whole number from {0} to {1}")
        case .expectId: return ("由字母、数字、'_' 和 '-' 组成的非空 id", "a non-empty id made of letters, digits, '_' and '-'")
        case .idBadCharacter: return ("{0} 含有字符 {1}；id 只能用字母 A–Z 和 a–z、数字、'_' 和 '-'", "{0} contains the character {1}; an id may use only the letters A–Z and a–z, digits, '_' and '-'")
        case .idTooLong: return ("id 最多 {0} 个字符，实际有 {1} 个", "expected an id of at most {0} characters, found {1}")
        case .expectText: return ("一段文字：字符串，或含 \"zh\"、\"en\" 或两者的对象", "a text: a string, or an object with \"zh\", \"en\" or both")
        case .textEmptyObject: return (
            "空对象；请把文字写成字符串，或写成 {\"zh\": \"…\"}、{\"en\": \"…\"}，或两者都写",
            "an empty object; write the text as a string, or as {\"zh\": \"…\"}, {\"en\": \"…\"} or both")
        case .controlCharacter: return (
            "文字里有控制字符 {0}（第 {1} 个字符），它会改动显示本课的终端；请删除",
            "the text contains the control character {0} (character {1}), which could change the terminal of whoever shows the lesson; remove it")
        case .titleLineBreak: return (
            "标题只能有一行，这里有换行符（{0}，第 {1} 个字符）；请删除，或把其余文字写进 \"description\"",
            "a title is one line, found a line break ({0}, character {1}); remove it, or put the rest in \"description\"")
        case .textTab: return ("文字里有制表符（第 {0} 个字符）；请改用空格", "the text contains a tab (character {0}); write spaces instead")
        case .expectNotes: return ("按章节写说明的对象（{0}）", "an object of notes per section ({0})")
        case .expectModel: return ("含 input_size、hidden_size 和 output_size 的对象", "an object with input_size, hidden_size and output_size")
        case .expectParameters: return ("含参数 {0} 的对象", "an object with the parameters {0}")
        case .parametersAndInit: return (
            "一节课要么给出 \"parameters\"（写出的初始值），要么给出 \"init\"（由种子随机生成的初始值），不能两者都有；请删掉其中一个",
            "a lesson gives either \"parameters\" (the starting values, written out) or \"init\" (starting values drawn from a seed), not both; remove one of them")
        case .parametersMissing: return (
            "缺少这个字段；应为含参数 {0} 的对象，或者改用 \"init\": {\"seed\": 7, \"scale\": 0.5} 随机生成",
            "missing field; expected an object with the parameters {0}, or instead \"init\": {\"seed\": 7, \"scale\": 0.5} to draw them at random")
        case .bhnUnused: return (
            "bhn 在 \"reset\": \"before_matmul\" 下不起作用（它是 r⊙(Uh·h + bhn) 里的偏置，只有 after_matmul 才有）；请删掉它，或设 \"reset\": \"after_matmul\"",
            "bhn has no role under \"reset\": \"before_matmul\" (it is the bias inside r⊙(Uh·h + bhn), which only after_matmul has); remove it, or set \"reset\": \"after_matmul\"")
        case .bhnMissing: return (
            "缺少这个字段；\"reset\": \"after_matmul\" 需要 bhn，一个含 {0}的向量（hidden）",
            "missing field; \"reset\": \"after_matmul\" needs bhn, a vector of {0} (hidden)")
        case .expectInit: return ("对象 {\"seed\": 整数, \"scale\": ≥ 0 的数}", "an object {\"seed\": a whole number, \"scale\": a number ≥ 0}")
        case .expectSeed: return ("0 到 {0}（2^53）之间的整数", "a whole number from 0 to {0} (2^53)")
        case .expectScale: return ("不小于 0 的数（每个元素从 [−scale, scale) 中抽取）", "a number ≥ 0 (every entry is drawn from [−scale, scale))")
        case .expectInputScale: return ("大于 0 的数，每个输入都乘以它", "a number > 0 that every input is multiplied by")
        case .expectSequences: return (
            "训练序列的数组，每个序列是 {\"inputs\": […], \"targets\": […]}",
            "an array of training sequences, each {\"inputs\": […], \"targets\": […]}")
        case .sequencesEmpty: return ("至少要有一个训练序列，实际是空数组", "expected at least one training sequence, found an empty array")
        case .expectSequence: return ("一个训练序列，即含 inputs 和 targets 的对象", "a training sequence, an object with inputs and targets")
        case .expectTraining: return ("含 learning_rate 和 epochs 的对象", "an object with learning_rate and epochs")
        case .expectLearningRate: return ("大于 0 的学习率", "a learning rate > 0")
        case .expectEpochs: return ("1 到 {0} 之间的整数轮次", "a whole number of epochs from 1 to {0}")
        case .expectApply: return ("含 inputs（以及可选的 expected）的对象", "an object with inputs and, optionally, expected")
        case .expectVector: return ("含 {0}的向量（{1}）", "a vector of {0} ({1})")
        case .vectorNotRows: return ("向量是由数组成的一维数组，不是由行组成的数组", "a vector is a plain array of numbers, not an array of rows")
        case .expectMatrix: return ("{0}×{1} 矩阵（{2}）", "a {0}×{1} matrix ({2})")
        case .expectRow: return ("一行，即含 {0}的数组", "a row, an array of {0}")
        case .matrixAsRows: return ("{0}×{1} 矩阵要写成含 {2}的数组", "write a {0}×{1} matrix as an array of {2}")
        case .raggedMatrix: return ("矩阵各行长短不一：这一行有 {0}，第 0 行却有 {1} 个；应为{2}", "ragged matrix: this row has {0} but row 0 has {1}; expected {2}")
        case .matrixSize: return ("应为{0}，实际是 {1}×{2}", "expected {0}, found {1}×{2}")
        case .expectNumberOrOneVector: return ("一个数（或只含 1 个数的向量）", "a number (or a 1-vector)")
        case .expectVectorOf: return ("含 {0} 个数的向量", "a vector of {0} numbers")
        case .expectTimesteps: return ("每个时间步一项（{0}）的数组", "an array with {0} per timestep")
        case .sizeIs: return ("{0} 为 {1}", "{0} is {1}")
        case .plainNumberOnlyWidthOne: return ("只有 {0} 为 1 时，才能用单个数代替向量", "a plain number stands for a vector only where {0} is 1")
        case .timestepsCount: return ("应有 {0}（与输入一一对应），实际有 {1} 个", "expected {0}, one per input, found {1}")
        case .timestepsEmpty: return ("至少要有一个时间步，实际是空数组", "expected at least one timestep, found an empty array")
        case .variantRange: return ("第 {0} 号变体：变体编号应为 1 到 {1} 之间的整数（0 是课程本身）",
                                    "variant {0}: a variant is a whole number from 1 to {1} (0 is the lesson itself)")
        case .variantNoDraw: return (
            "第 {0} 号变体：{1} 次抽取两位小数的参数，都没能让第一遍的每个净输入保持在 ±{2} 以内、并让一次更新降低损失；请把输入调小（input_scale）或把学习率调低",
            "variant {0}: none of {1} draws of 2-decimal parameters keeps every pre-activation of the first pass within ±{2} with a loss that one update lowers; make the inputs smaller (input_scale) or the learning rate lower")
        case .timestepsTooMany: return ("一个序列最多 {0} 个时间步（序列长度的上限），实际有 {1} 个", "expected at most {0} timesteps (the limit for a sequence), found {1}")
        case .notBundledFileExists: return (
            "不是内置课程（{0}）；要把这个文件当作课程读取，请写成 {1}",
            "not a bundled lesson ({0}); to read the file of that name as a lesson, give it as {1}")
        case .unknownLesson: return (
            "没有这节课：内置课程有 {0}；要运行自己的课程，请给出 .json 文件的路径",
            "unknown lesson: the bundled lessons are {0}; to run your own lesson, give the path of a .json file")
        case .unknownLessonDidYouMean: return (
            "没有这节课：是不是想写 {0}？内置课程有 {1}；要运行自己的课程，请给出 .json 文件的路径",
            "unknown lesson: did you mean {0}? the bundled lessons are {1}; to run your own lesson, give the path of a .json file")
        case .noSuchFileBundled: return ("没有这个文件；内置课程名为 {0}，不带 .json", "no such file; the bundled lesson is named {0}, without .json")
        case .noSuchFile: return ("没有这个文件", "no such file")
        case .isDirectory: return ("这是目录，不是课程文件；请给出 .json 文件的路径", "is a directory, not a lesson file; give the path of a .json file")
        case .notRegularFile: return ("不是普通文件；请给出 .json 文件的路径", "is not a regular file; give the path of a .json file")
        case .permissionDenied: return ("没有权限：无法读取这个文件", "permission denied: cannot read the file")
        case .cannotRead: return ("无法读取这个文件", "cannot read the file")
        // ux
        case .emptyLessonName: return (
            "课程名是空的：请写内置课程名（{0}），或自己课程的 .json 文件路径",
            "the lesson name is empty: name a bundled lesson ({0}) or give the path of your own lesson's .json file")
        }
    }
}

extension Lesson {
    /// The title every rendering shows (walkthrough, slides, worksheet, workbook, JSON): the
    /// lesson's own, and for a variant (`Lesson.variant(_:)`) which one it is.
    public func shownTitle(_ language: Language) -> String {
        variantNumber == 0 ? title.text(language) : Message.variantTitle.text(language, String(variantNumber), title.text(language))
    }
}

// lessons: JSON syntax. What GRUJSON's parser found wrong in a lesson file (`JSONSyntaxError.Reason`),
// and where a file stops being UTF-8 text (`UTF8Problem`), zh and en side by side.

extension JSONSyntaxError.Reason {
    public func text(_ language: Language) -> String { language == .zh ? pair.zh : pair.en }

    /// (zh, en). What was found is quoted as written, or is the end of the file.
    public var pair: (zh: String, en: String) {
        // A quotation is the same in both languages ('x'); in a Chinese sentence a space sets it
        // off ("实际是 'x'"), and "实际是文件末尾" needs none.
        func zh(_ f: JSONSyntaxError.Found) -> String { if case .text(let t) = f { " '\(t)'" } else { "文件末尾" } }
        func en(_ f: JSONSyntaxError.Found) -> String { if case .text(let t) = f { "'\(t)'" } else { "the end of the file" } }
        let escapes = #"\" \\ \/ \b \f \n \r \t"#
        switch self {
        case .empty: return ("文件是空的；应为一个 JSON 值", "the file is empty; expected a JSON value")
        case .afterTheEnd(let f): return ("JSON 值已经结束，后面却还有\(zh(f))", "unexpected \(en(f)) after the end of the JSON value")
        case .nulByte: return LessonPhrase.notUTF8NUL.pair
        case .notUTF8(let p): return (
            "文件不是 UTF-8 文本（\(p.text(.zh))）；是二进制文件吗？", "the file is not UTF-8 text (\(p.text(.en))); is it a binary file?")
        case .tooDeep(let limit): return ("嵌套超过了 \(limit) 层", "nesting deeper than \(limit) levels")
        case .endOfFileInValue: return ("文件在这里就结束了；应为一个值", "unexpected end of file; expected a value")
        case .expectedValue(let f): return ("应为一个值，实际是\(zh(f))", "expected a value, found \(en(f))")
        case .notFinite(let f): return (
            "\(en(f)) 不是 JSON：JSON 里不能写 NaN 和 Infinity；请写一个有限的数",
            "\(en(f)) is not JSON: NaN and Infinity cannot be written in JSON; write a finite number")
        case .negativeInfinity: return ("-Infinity 不是 JSON；请写一个有限的数", "-Infinity is not JSON; write a finite number")
        case .leadingDecimalPoint(let f, let digits): return (
            "应为一个值，实际是\(zh(f))；JSON 的数要以数字开头：请写成 0.\(digits)",
            "expected a value, found \(en(f)); a number in JSON starts with a digit: write 0.\(digits)")
        case .plusSign(let f): return ("JSON 的数前面不能带 '+' 号，实际是\(zh(f))", "a number in JSON has no '+' sign, found \(en(f))")
        case .unquotedString(let f): return (
            "应为一个值，实际是\(zh(f))；字符串要写在双引号里", "expected a value, found \(en(f)); a string is written in double quotes")
        case .literalCutShort(let f, let word): return (
            "应为一个值，实际是\(zh(f))；是不是想写 \(word)？", "expected a value, found \(en(f)); did you mean \(word)?")
        case .singleQuote: return ("JSON 的字符串要用双引号（\"），这里是单引号", "strings in JSON use double quotes (\"), found a single quote")
        case .comment: return ("JSON 里不能写注释", "comments are not allowed in JSON")
        case .trailingComma(let closing): return (
            "'\(closing)' 前面多了一个逗号，JSON 不允许这样写", "trailing comma before '\(closing)' is not allowed in JSON")
        case .expectedMemberName(let f): return (
            "应为写在双引号里的成员名，实际是\(zh(f))", "expected a member name in double quotes, found \(en(f))")
        case .duplicateKey(let key): return ("键 \(JSONWriter.quoted(key)) 重复了", "duplicate key \(JSONWriter.quoted(key))")
        case .expectedColon(let key, let f): return (
            "\(JSONWriter.quoted(key)) 后面应为 ':'，实际是\(zh(f))", "expected ':' after \(JSONWriter.quoted(key)), found \(en(f))")
        case .expectedCommaOrBrace(let key, let f): return (
            "\(JSONWriter.quoted(key)) 的值后面应为 ',' 或 '}'，实际是\(zh(f))",
            "expected ',' or '}' after the value of \(JSONWriter.quoted(key)), found \(en(f))")
        case .expectedCommaOrBracket(let f): return ("数组里应为 ',' 或 ']'，实际是\(zh(f))", "expected ',' or ']' in an array, found \(en(f))")
        case .unterminatedString: return (
            "字符串没有结束：文件在右引号之前就结束了", "unterminated string: the file ends before its closing quote")
        case .unterminatedEscape: return ("字符串没有结束：文件结束在转义序列中", "unterminated string: the file ends in an escape")
        case .lineBreakInString: return (
            #"字符串没有结束：字符串里有换行（请写成 \n）"#, #"unterminated string: a line break inside a string (write \n)"#)
        case .tabInString: return (#"字符串里有制表符；请写成 \t，或改用空格"#, #"a tab inside a string; write \t, or a space"#)
        case .controlCharacter(let hex): return (
            "字符串里有控制字符 U+\(hex)；请写成 \\u\(hex)，或删除它", "control character U+\(hex) inside a string; write it as \\u\(hex), or remove it")
        case .invalidEscape(let e): return (
            "字符串里有无效的转义 \\\(e)；JSON 只有 \(escapes) 和 \\uXXXX 这几种（反斜杠本身要写成 \\\\）",
            "invalid escape \\\(e) in a string; JSON has \(escapes) and \\uXXXX (write a backslash as \\\\)")
        case .unicodeEscapeShort: return (#"\u 转义需要四位十六进制数字"#, #"\u escape needs four hex digits"#)
        case .unicodeEscapeDigit(let f): return (
            "\\u 转义需要四位十六进制数字，实际是\(zh(f))", "\\u escape needs four hex digits, found \(en(f))")
        case .invalidSurrogatePair: return (#"\u 转义里的 UTF-16 代理对无效"#, #"invalid UTF-16 surrogate pair in \u escape"#)
        case .loneSurrogate(let hex): return (
            "\\u\(hex) 只是 UTF-16 代理对的一半；请直接写出这个字符，或把两半都写出来（\\uD83D\\uDE00）",
            "\\u\(hex) is half of a UTF-16 surrogate pair; write the character itself, or both halves (\\uD83D\\uDE00)")
        case .leadingZero: return ("JSON 的数不能以多余的 0 开头", "numbers in JSON cannot have leading zeros")
        case .hexadecimal(let f): return (
            "JSON 里不能写十六进制数，实际是\(zh(f))；请写成十进制", "hexadecimal numbers are not JSON, found \(en(f)); write the number in decimal")
        case .expectedDigit(let f): return ("数里这一位应为数字，实际是\(zh(f))", "expected a digit in a number, found \(en(f))")
        case .expectedDigitAfterPoint(let f): return ("小数点后应为数字，实际是\(zh(f))", "expected a digit after the decimal point, found \(en(f))")
        case .expectedDigitInExponent(let f): return ("指数部分应为数字，实际是\(zh(f))", "expected a digit in the exponent, found \(en(f))")
        }
    }
}

extension UTF8Problem {
    /// "invalid byte 0xC0", "an incomplete or invalid UTF-8 sequence starting with byte 0xE5" or
    /// "a NUL byte" (as `description`), in `language`.
    public func text(_ language: Language) -> String {
        if byte == 0 { return Message.sheetNULByte.text(language) }
        return (0xC2...0xF4).contains(byte) ? Message.sheetIncompleteSequence.text(language, hex) : Message.sheetInvalidByte.text(language, hex)
    }
}

extension LessonMessage {
    /// The message in `language`: each phrase's words from the catalogue, its arguments filled in.
    public func text(_ language: Language) -> String {
        switch self {
        case .literal(let s): return s
        case .joined(let parts): return parts.map { $0.text(language) }.joined()
        case .jsonSyntax(let reason): return reason.text(language)
        case .utf8Problem(let p): return p.text(language)
        case .list(let items): return items.joined(separator: Message.listSeparator.text(language))
        case .phrase(let phrase, let arguments):
            var out = language == .zh ? phrase.pair.zh : phrase.pair.en
            for (k, argument) in arguments.enumerated() {
                out = out.replacing("{\(k)}", with: argument.text(language))
            }
            return out
        }
    }
}

extension LessonError {
    /// The lines printed on stderr, one per problem in file order (`file: path: message`; in
    /// Chinese `file：path：message`, as the catalogue's other labels), and a last one when more
    /// problems were found than are listed. Control characters (a line break in a file name, say)
    /// are shown as `\u` escapes (`TerminalText.escaped`), so that each problem is exactly one line.
    public func lines(_ language: Language) -> [String] {
        let colon = Message.labelSeparator.text(language)
        var out = problems.map { p in
            let message = p.message.text(language)
            // An empty lesson name names no file: the message stands alone.
            let place = file.isEmpty ? "" : file + colon
            return TerminalText.escaped(p.path.isEmpty ? place + message : place + p.path + colon + message)
        }
        if more > 0 {
            out.append(TerminalText.escaped(file + colon + LessonPhrase.moreProblems.pair(language).replacing("{0}", with: String(more))))
        }
        return out
    }

    /// The first line, for a message that has room for one.
    public func firstLine(_ language: Language) -> String { lines(language).first ?? file }
}

extension LessonPhrase {
    func pair(_ language: Language) -> String { language == .zh ? pair.zh : pair.en }
}

// help and usage errors (issue 14): `--help` and the command line's own messages, in the user's
// language. Each option's help is a case of its own (`OptionHelp`), declared with the option.

/// The help of each command-line option, zh and en side by side. `{0}` is a default where the
/// option has one that depends on the command.
public enum OptionHelp: CaseIterable, Sendable {
    case lang, langBoth, output, digits, digitsDocument, color, ascii, asciiComments, asciiReport, help
    case formatRun, formatDocument, formatCheck, step, onlyRun, onlyWorksheet, timestepRun, timestepWorksheet
    case sequenceRun, sequenceCompare, digitsCheck, showCheck, all, conventions, epsilon, tolerance, split, to, langWorkbook
    case variant, student, variantCheck, studentCheck, totals

    public var pair: (zh: String, en: String) {
        switch self {
        case .lang: return ("输出语言（默认取 LC_ALL、LC_MESSAGES 或 LANG：zh* 为中文，其余为英文）",
                            "language of the output (default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en)")
        case .langBoth: return ("输出语言（默认取 LC_ALL、LC_MESSAGES 或 LANG：zh* 为中文，其余为英文）；both 仅用于 html",
                                "language of the output (default: from LC_ALL, LC_MESSAGES or LANG; zh* gives zh, else en); both: html only")
        case .output: return ("写入 FILE 而不是标准输出（原子写入：全部写完才替换）；- 表示标准输出",
                              "write to FILE (atomically: replaced only when complete) instead of stdout; - is stdout")
        case .digits: return ("显示的小数位数（默认 4）；只影响显示，不影响计算", "decimal places shown (default 4); rounding is for display only")
        case .digitsDocument: return ("显示的小数位数（默认 {0}）；只影响显示，不影响计算", "decimal places shown (default {0}); rounding is for display only")
        case .color: return ("auto（默认）、always 或 never；设置了 NO_COLOR 时 auto 不上色", "auto (default), always or never; NO_COLOR turns auto off")
        case .ascii: return ("用 ASCII 代替 Unicode 符号（sigmoid 代替 σ，.* 代替 ⊙ 等）", "use ASCII instead of Unicode symbols (sigmoid for σ, .* for ⊙, ...)")
        case .asciiComments: return ("注释里用 ASCII 代替 Unicode 符号", "use ASCII instead of Unicode symbols in the comments")
        case .asciiReport: return ("文本报告里用 ASCII 代替 Unicode 符号（sigmoid 代替 σ 等）", "use ASCII instead of Unicode symbols in the text report (sigmoid instead of σ, ...)")
        case .help: return ("显示这份帮助", "show this help")
        case .formatRun: return ("text、markdown、json、tsv 或 html（默认 text）", "text, markdown, json, tsv or html (default text)")
        case .formatDocument: return ("text（默认）或 markdown", "text (default) or markdown")
        case .formatCheck: return ("text、json、csv（全班的成绩表）或 gradescope（一份答题纸的 results.json）；默认 text",
                                   "text, json, csv (a class's gradebook) or gradescope (one sheet's results.json); default text")
        case .variant: return ("课程的第 N 号变体，有自己的一套数（1 到 {0}；0 为课程本身）",
                               "variant N of the lesson, numbers of its own (1 to {0}; 0: the lesson itself)")
        case .student: return ("这个学生的变体（学号或姓名；见 docs/check.md）", "the variant of this student (a student number or name; docs/check.md)")
        case .variantCheck: return ("开头没有写明变体的答题纸，按第 N 号变体批改", "mark against variant N, for a sheet whose header names none")
        case .studentCheck: return ("开头没有写明变体的答题纸，按这个学生的变体批改", "mark against this student's variant, for a sheet whose header names none")
        case .step: return ("每页暂停（终端上的 text）：Enter/空格/→ 下一屏，b/← 上一页，↑/PageUp 上一屏，q 退出",
                            "pause after each page (text on a terminal): Enter/Space/→ next, b/← previous page, ↑/PageUp previous screen, q quit")
        case .totals: return ("梯度累加只列出总和，最多再列 --sequence K 的各步贡献（不适用于 json、tsv）",
                              "the gradient accumulation as its sums only, with the per-timestep shares of --sequence K at most (not json, tsv)")
        case .onlyRun: return ("只显示这些章节", "show only these sections")
        case .onlyWorksheet: return ("只要求这些章节", "ask only for these sections")
        case .timestepRun: return ("前向传播和 BPTT 只详细显示第 N 个时间步（其余章节仍涵盖全部）",
                                   "show the forward and BPTT detail of timestep N only (the other sections cover all)")
        case .timestepWorksheet: return ("前向传播、BPTT 和各步贡献只要求第 N 个时间步",
                                         "ask only for timestep N of the forward pass, BPTT and the contributions")
        case .sequenceRun: return ("前向传播、损失和 BPTT 只详细显示第 K 个序列（总计仍涵盖全部；不适用于 json、tsv）",
                                   "show the forward, loss and BPTT detail of sequence K only (the totals cover all; not json, tsv)")
        case .sequenceCompare: return ("有多个序列的课程显示第 K 个序列（默认 1）", "show sequence K of a lesson with several (default 1)")
        case .digitsCheck: return ("文本报告里课程数值的小数位数（默认 4，你写得更多处显示更多）",
                                   "decimals of the lesson's values in the text report (default 4, more where you wrote more)")
        case .showCheck: return ("all（默认，列出作答的每一行）或 wrong（只列错误和承前正确的行；得分照旧）",
                                 "all (every answered line, the default) or wrong (only wrong and follow-through lines; the score stays)")
        case .all: return ("文本报告列出答题纸的每一行，包括没有作答的", "list every line of the sheet in the text report, the unanswered ones too")
        case .conventions: return ("all（默认），或用逗号分隔的名字：seed、pytorch、chung、candidate-after（或 d2l、keras、wikipedia）",
                                   "all (default), or names separated by commas: seed, pytorch, chung, candidate-after (or d2l, keras, wikipedia)")
        case .epsilon: return ("中心差分的步长（默认 {0}）", "the step of the central difference (default {0})")
        case .tolerance: return ("允许的最大相对误差（默认 {0}）", "the largest relative error that passes (default {0})")
        case .split: return ("按时间步拆开显示梯度的参数（默认 Why）", "the parameter whose gradient is split by timestep (default Why)")
        case .to: return ("导出成什么：pytorch（目前唯一的目标）", "what to write: pytorch (the only target)")
        case .langWorkbook: return ("页面的语言（默认取 LC_ALL、LC_MESSAGES 或 LANG）；both：页面上有中英切换，以区域设置的语言打开",
                                    "language of the page (default: from LC_ALL, LC_MESSAGES or LANG); both: a zh/en switch, opening in the locale's language")
        }
    }

    public func text(_ language: Language, _ arguments: String...) -> String {
        var out = language == .zh ? pair.zh : pair.en
        for (k, argument) in arguments.enumerated() { out = out.replacing("{\(k)}", with: argument) }
        return out
    }
}

/// The words of `--help` and of usage errors, zh and en side by side.
public enum UsageText: CaseIterable, Sendable {
    // --help
    case tagline, usageLine, commandsHeading, everyCommandHeading, helpFlag, versionFlag, startWith, exitStatus
    case commandUsage, optionsHeading
    case summaryRun, summaryList, summaryWorksheet, summaryCheck, summaryCompare, summaryGradcheck, summaryExport, summaryWorkbook
    case detailsRun, detailsList, detailsWorksheet, detailsCheck, detailsCompare, detailsGradcheck, detailsExport, detailsWorkbook
    // usage errors
    case unknownCommand, unknownCommandDidYouMean, unknownOptionShort, unknownOptionDidYouMean, unknownOptionValid
    case takesNoValue, needsValue, outputEmpty, langZhEn, langZhEnBoth, langZhEnBothWorkbook, langBothHTMLOnly, sequenceOnlyOne, wholeNumberRange
    case oneOf, whichLesson, unexpectedArgument, onlyUnknownSection, onlyUnknownSectionDidYouMean, onlyEmpty
    case stepNotText, stepNotOutput, sequenceNotFullTrace, sequenceNotFullTraceTSV, worksheetNothingByHand, exportWhere
    case conventionUnknown, conventionUnknownDidYouMean, conventionsTooFew, epsilonTooLarge, numberPositive, numberNonNegative
    case splitUnknown, splitUnknownDidYouMean
    case totalsNotFullTrace, variantAndStudent, variantRange, studentOneLine, checkStdinOnce, checkGradescopeOneSheet, checkFolderUnlistable, checkFolderEmpty
    case outputIsDirectory, outputIsInput, outputPermission, outputNoDirectory, outputCannotCreate, outputFailed
    // limits (docs/lesson-format.md, docs/robustness.md)
    case costGradcheck, costWork, costWorkCompare, costMemory, costMemoryExport, costMemoryTrainingOnly, costHTML, costHTMLTry, costHTMLNothingFits

    public var pair: (zh: String, en: String) {
        switch self {
        case .tagline: return ("gru-explain {0}：逐个数字展示 GRU 如何学习，中英文皆可。", "gru-explain {0}: a GRU that shows every number, in Chinese and English.")
        case .usageLine: return ("用法：gru-explain <命令> [选项]", "Usage: gru-explain <command> [options]")
        case .commandsHeading: return ("命令：", "Commands:")
        case .everyCommandHeading: return ("每个命令都有的选项：", "Options for every command:")
        case .helpFlag: return ("显示某个命令的帮助（gru-explain run --help）", "show help for a command (gru-explain run --help)")
        case .versionFlag: return ("显示版本号", "print the version")
        case .startWith: return ("从这里开始：  gru-explain run lesson1", "Start with:  gru-explain run lesson1")
        case .exitStatus: return ("退出状态：0 成功，1 检查或梯度检验未通过，2 输入有误，3 训练发散。",
                                  "Exit status: 0 success, 1 a check or gradient check failed, 2 bad input, 3 training diverged.")
        case .commandUsage: return ("用法：gru-explain {0} {1}", "Usage: gru-explain {0} {1}")
        case .optionsHeading: return ("选项：", "Options:")
        case .summaryRun: return ("逐步讲解一节课：前向传播、损失、BPTT、参数更新、训练、应用。",
                                  "Work through a lesson: forward pass, loss, BPTT, update, training, application.")
        case .summaryList: return ("列出内置课程及其标题。", "List the bundled lessons with their titles.")
        case .summaryWorksheet: return ("打印一张手算工作表，每个数一行 'key ='，填好后交给 'gru-explain check'。",
                                        "Print a sheet to fill in by hand, one 'key =' line per number, for 'gru-explain check'.")
        case .summaryCheck: return ("批改手算结果：正确、承前正确、错误（并指出可能的错因）或未作答。",
                                    "Mark a hand calculation: correct, follow-through, wrong (with the likely mistake) or unanswered.")
        case .summaryCompare: return ("用同一组参数，在几种 GRU 约定下运行一节课，并排比较。",
                                      "Run a lesson under several GRU conventions with the same parameters, side by side.")
        case .summaryGradcheck: return ("用中心差分逐项检验 BPTT 梯度；有任何一项超出容差时退出状态为 1。",
                                        "Check every BPTT gradient entry against a central difference; exit 1 if any exceeds the tolerance.")
        case .summaryExport: return ("把课程导出为独立的 PyTorch 脚本，它打印的数与 run --format tsv 相同。",
                                     "Write the lesson as a standalone PyTorch script that prints the same numbers as run --format tsv.")
        case .summaryWorkbook: return ("写出一个离线 HTML 页面：逐个填入每个数，边填边批改。",
                                       "Write one offline HTML page to fill in every number and be marked as you go.")
        case .detailsWorkbook: return (
            """
    页面是一个自包含文件（不联网，不下载字体或脚本）：讲解中的各张表（前向传播的每个时间步、损失、
    BPTT、梯度累加、参数更新），每个结果处有一个输入框，按计算顺序排列（Tab 跳到下一个）。离开
    一个输入框时就按 'gru-explain check' 的规则批改；“提示”（或 Alt+H）给出公式和要代入的数。
    页面上可以改动每个已知量（参数、h0、输入、目标、学习率），所有数随之重算。答案保存在浏览器里；
    “下载答案”保存成 'gru-explain check' 能批改的答题纸。详细说明和页面的 JavaScript 接口见
    docs/workbook.md。
    示例：
      gru-explain workbook lesson1 --lang both -o lesson1-workbook.html
      gru-explain workbook lesson2 --lang zh -o 练习本.html
      gru-explain workbook lesson1 --student 2026017 -o 2026017.html
      gru-explain check lesson1 lesson1-answers.txt
    --variant N 或 --student ID 生成那个变体的页面；它下载的答题纸开头写明这个变体。
    """,
            """
    The page is one self-contained file (no network, no fonts or scripts to download): the
    walkthrough's tables (forward timesteps, loss, BPTT, accumulation, update) with a box for each
    result, in the order you compute them (Tab moves to the next). A box is marked when you leave
    it, with the rules of 'gru-explain check'; "Hint" (or Alt+H) shows the formula with the numbers
    to use. Every given (parameters, h0, inputs, targets, learning rate) can be changed on the page,
    and everything recomputes. Answers stay in the browser; "Download answers" saves the sheet that
    'gru-explain check' marks. Details and the page's JavaScript API: docs/workbook.md.
    Examples:
      gru-explain workbook lesson1 --lang both -o lesson1-workbook.html
      gru-explain workbook lesson2 --lang zh -o lesson2-workbook-zh.html
      gru-explain workbook lesson1 --student 2026017 -o 2026017.html
      gru-explain check lesson1 lesson1-answers.txt
    --variant N or --student ID makes the page of that variant; the sheet it downloads names it.
    """)
        case .detailsRun: return (
            """
    章节（用于 --only）：{0}
    格式：text（默认；供终端阅读的表格），markdown（GitHub 表格，用于课程讲义），
          json（完整的计算记录，格式 gru-explain.trace/1，全精度），
          tsv（每个数一行 'key<TAB>value'，key 见 docs/keys.md；不给 --digits 时为全精度；便于 diff），
          html（一个自包含文件里的幻灯片，用于课堂投影和打印讲义）。
    单个时间步（--timestep N）：前向传播和 BPTT 只详细显示第 N 个时间步；损失、梯度累加、
          参数更新和训练仍涵盖所有时间步。
    单个序列（--sequence K，用于有多个序列的课程，例如 lesson3 的 7 个）：只详细显示序列 K 的
          前向传播、各步损失和 BPTT；其余序列在损失和梯度累加中以总和出现，总损失、梯度、参数
          更新、训练和应用仍涵盖全部序列。适用于 text、markdown 和 html（以及 --step）；json 和
          tsv 是完整记录，不接受这个选项（要只看 TSV 里的一个序列，可用 grep '^sK\\.'）。默认：
          详细显示每个序列。
    只看总和（--totals，用于有多个序列的课程）：梯度累加只列出每个分量的总和 Σ = ∂L/∂θ；
          同时给 --sequence K 时，再列出序列 K 在每个时间步的贡献，其余序列合成一项
          （lesson3：6 张幻灯片，而不是 82 张）。
    分页模式（--step，仅 text）：一次一页（参数、前向传播的每个时间步、损失、BPTT 的每个时间
          步、梯度累加、参数更新、训练、应用）。Enter、空格、→ 或 ↓：下一屏或下一页；b 或 ←：
          上一页；↑ 或 PageUp：上一屏；Home/End：第一页/最后一页；q：退出。标题和它的表格开头
          留在同一屏，接到下一屏的表格会重复表头；终端不到 100 列宽时正文按终端宽度重新换行
          （表格保持原宽）。不在终端上时打印普通的讲解。
    幻灯片（--format html）：方向键、空格、PageUp/PageDown（翻页笔）和 Home/End 翻页；
          --lang both 在每张幻灯片上放一个中/英切换。演讲者按键（在幻灯片上按 ? 列出）：
          数字再按 Enter 跳到那一张；+ 和 − 放大或缩小文字（会记住）；t 切换浅色/深色高对比度
          主题；l 切换到另一种语言（both）；b 或 . 黑屏；f 全屏。打印（A4）时幻灯片连续排列，
          带页码，每页开头写明章节和时间步；both 的幻灯片两种语言都打印。
    示例：
      gru-explain run lesson1 --lang zh
      gru-explain run lesson1 --step
      gru-explain run lesson1 --only forward,bptt --timestep 2
      gru-explain run lesson1 --format html --lang both -o lesson1.html
      gru-explain run lesson3 --format html --sequence 1 -o lesson3.html
      gru-explain run lesson3 --format html --totals -o lesson3-short.html
      gru-explain run my-lesson.json --format json -o trace.json
    """,
            """
    Sections (for --only): {0}
    Formats: text (default; tables for the terminal), markdown (GitHub tables for course notes),
             json (the full trace, format gru-explain.trace/1, full precision),
             tsv (one 'key<TAB>value' line per number, keys as in docs/keys.md; full precision
             unless --digits is given; for diff),
             html (slides in one self-contained file, for projecting in class and printing handouts).
    One timestep (--timestep N): the forward pass and BPTT show the detail of timestep N only; the
             loss, the accumulation, the update and training still cover every timestep.
    One sequence (--sequence K, for a lesson with several, such as lesson3's 7): the forward pass,
             the loss terms and BPTT of sequence K only; the other sequences appear as their sums
             in the loss and the accumulation, and the total loss, the gradients, the update,
             training and the application still cover them all. For text, markdown and html (and
             --step); json and tsv are the full trace and refuse it (keep one sequence of the TSV
             with grep '^sK\\.'). Default: every sequence in detail.
    Totals (--totals, for a lesson with several sequences): the gradient accumulation shows only
             the sum Σ = ∂L/∂θ of every entry, and with --sequence K also sequence K's share at each
             timestep and the other sequences' as one sum (lesson3: 6 slides instead of 82).
    Step mode (--step, text only): one page at a time (the parameters, each forward timestep, the
             loss, each BPTT timestep, the accumulation, the update, training, the application).
             Enter, Space, → or ↓: next screen or page; b or ←: previous page; ↑ or PageUp:
             previous screen; Home/End: first/last page; q: quit. A heading stays with the start
             of its table, a table continued on the next screen repeats its header row, and on a
             terminal narrower than 100 columns prose is rewrapped (tables keep their width).
             Without a terminal it prints the plain walkthrough.
    Slides (--format html): arrow keys, Space, PageUp/PageDown (clickers) and Home/End move;
             --lang both puts a zh/en switch on every slide. Presenter keys (? lists them on the
             slide): a number then Enter goes to that slide; + and − make the text larger or
             smaller (remembered); t light / dark high-contrast theme; l the other language (both);
             b or . black screen; f full screen. Printed (A4), the slides run on with page numbers,
             every sheet headed by its section and timestep; a both deck prints both languages.
    Examples:
      gru-explain run lesson1 --lang zh
      gru-explain run lesson1 --step
      gru-explain run lesson1 --only forward,bptt --timestep 2
      gru-explain run lesson1 --format html --lang both -o lesson1.html
      gru-explain run lesson3 --format html --sequence 1 -o lesson3.html
      gru-explain run lesson3 --format html --totals -o lesson3-short.html
      gru-explain run my-lesson.json --format json -o trace.json
    """)
        case .detailsList: return (
            """
    用 'gru-explain run <id>' 运行其中一节。自己写的课程文件用 'gru-explain run path/to/file.json' 运行（格式见 docs/lesson-format.md）。
    """,
            """
    Run one with 'gru-explain run <id>'. Your own lesson files run with 'gru-explain run path/to/file.json' (format: docs/lesson-format.md).
    """)
        case .detailsWorksheet: return (
            """
    各行按计算的先后排列：前向传播、损失、BPTT、梯度之和、一次参数更新。每个量上方的注释
    给出它的名称和公式。key 见 docs/keys.md。
    章节（用于 --only）：{0}
    示例：
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain worksheet lesson1 --only forward --timestep 1
      gru-explain check lesson1 answers.txt
    变体（--variant N，或用 --student ID 取这个学生的变体）有自己的一套数；答题纸的开头写明它
    （'# variant: 17'、'# student: 2026017'），check 按它批改。整个班级（docs/check.md 的“给教师”）：
      gru-explain worksheet lesson1 --student 2026017 -o sheets/2026017.txt
      gru-explain check lesson1 sheets/ --format csv -o grades.csv
    """,
            """
    The lines come in the order you compute them: the forward pass, the loss, BPTT, the gradient
    sums and one update. A comment above each quantity gives its name and formula. Keys: docs/keys.md.
    Sections (for --only): {0}
    Examples:
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain worksheet lesson1 --only forward --timestep 1
      gru-explain check lesson1 answers.txt
    A variant (--variant N, or --student ID for the variant of that student) has numbers of its
    own; the sheet's header names it ('# variant: 17', '# student: 2026017'), and check marks the
    filled sheet against it. For a whole class (docs/check.md, "For instructors"):
      gru-explain worksheet lesson1 --student 2026017 -o sheets/2026017.txt
      gru-explain check lesson1 sheets/ --format csv -o grades.csv
    """)
        case .detailsCheck: return (
            """
    答题文件每个数一行 'key = value'（key 见 docs/keys.md）；空白的答题纸用
    'gru-explain worksheet <课程>' 生成。留空或写 '?' 表示没有作答；'#' 开始一条注释。
    一个答案只要能由诚实的计算得到就算对：用你前面的值（或课程的值）代入这个量的公式，每个中间
    结果按你写的小数位四舍五入、截断或不取舍（docs/check.md）。只因前面的答案错了才错的答案，
    记为“承前正确”。数可以写成 0.5987、−0.5987、0.5987。、≈0.5987 或 59.87%。
    '-' 从标准输入读答案。文件只读不改；它应是 UTF-8 文本，或带字节顺序标记的 UTF-16
    （记事本的“Unicode”）。
    格式：text（默认；先给出各部分的得分，再列出你作答的行，--show wrong 只列错误和承前正确的
    行，--all 列出每一行；宽 100 列，--ascii 用 ASCII 写 σ、⊙、‖），json（供课程平台使用；
    每一行和各部分的得分，两种语言相同；--ascii 不影响它）。
    退出状态：作答的都正确或承前正确时为 0，有错误时为 1，答题纸或课程无法读取时为 2。
    变体的答题纸（gru-explain worksheet 课程 --variant N | --student ID）在开头写明它的变体
    （'# variant: 17'），按那个变体批改。
    整个班级（几份答题纸，或装着答题纸的文件夹）：每份按它开头写的变体批改；读不了的一份会报告出来，
    其余照常批改。格式：text（每个学生一行，列出各部分得分、错得最多的量和常见错误的统计），
    csv（每个文件一行，可导入成绩表），json（每份答题纸的批改和全班的统计）。
    退出状态：有答题纸读不了时为 2，否则有错误时为 1，否则为 0。
    --format gradescope 为一份答题纸写出 Gradescope 自动评分器的 results.json。
    示例：
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain check lesson1 answers.txt --lang zh
      gru-explain check lesson1 answers.txt --show wrong
      gru-explain run lesson1 --format tsv --digits 4 | gru-explain check lesson1 -
      gru-explain check lesson1 sheets/ --format csv -o grades.csv
    """,
            """
    The answers file has one 'key = value' line per number (keys: docs/keys.md); get a blank one
    with 'gru-explain worksheet <lesson>'. Blank or '?' means not attempted; '#' starts a comment.
    An answer is correct when an honest computation gives it: the key's formula on your earlier
    values (or the lesson's), with every sub-result rounded or truncated to the decimals you wrote,
    or not rounded (docs/check.md). An answer that is wrong only because an earlier one was is
    marked follow-through. Numbers may be typed as 0.5987, −0.5987, ≈0.5987 or 59.87%, in
    full-width digits, or with a full stop or comma after them. '-' reads the answers from
    standard input. The file is only read; it is UTF-8 text, or UTF-16 with a byte order mark
    (Notepad's "Unicode").
    Formats: text (default; opens with the score per section, then lists the lines you answered,
    only the wrong and follow-through ones with --show wrong, every line with --all; fits 100
    columns, --ascii spells σ, ⊙, ‖ in ASCII), json (for course platforms; every line and the score
    per section, the same in both languages; --ascii leaves it as it is).
    Exit status: 0 when everything answered is correct or follow-through, 1 when something is
    wrong, 2 when the sheet or the lesson cannot be read.
    A variant's sheet (gru-explain worksheet LESSON --variant N | --student ID) names its variant
    in its header ('# variant: 17'); it is marked against that variant.
    A class (several sheets, or folders of them): each sheet is marked against its header's
    variant; one that cannot be read is reported and the others are marked. Formats: text (one
    line per student with the score of each section, the keys most often wrong, the mistakes
    tallied), csv (a gradebook row per file), json (every sheet's marks and the class's counts).
    Exit status: 2 when any sheet could not be read, else 1 when any answer is wrong, else 0.
    --format gradescope writes one sheet's results.json for a Gradescope autograder.
    Examples:
      gru-explain worksheet lesson1 --lang zh > answers.txt
      gru-explain check lesson1 answers.txt --lang zh
      gru-explain check lesson1 answers.txt --show wrong
      gru-explain run lesson1 --format tsv --digits 4 | gru-explain check lesson1 -
      gru-explain check lesson1 sheets/ --format csv -o grades.csv
    """)
        case .detailsCompare: return (
            """
    约定（--conventions，默认 all）：
      seed, d2l          z_times_previous + before_matmul
      pytorch, keras     z_times_previous + after_matmul
      chung, wikipedia   z_times_candidate + before_matmul
      candidate-after    z_times_candidate + after_matmul
    显示每种约定的公式、前向传播的值、关键的梯度、训练的结果，以及（按计算顺序）第一个相差
    超过 1e-12·max(1, |a|, |b|) 的值和原因。没有 bhn 的课程在 after_matmul 下取 bhn = 0。
    每种约定的训练都发散时，退出状态为 3。
    示例：
      gru-explain compare lesson1
      gru-explain compare lesson2 --conventions pytorch,seed --lang zh
    """,
            """
    Conventions (--conventions, default all):
      seed, d2l          z_times_previous + before_matmul
      pytorch, keras     z_times_previous + after_matmul
      chung, wikipedia   z_times_candidate + before_matmul
      candidate-after    z_times_candidate + after_matmul
    Shows each convention's formulas, the forward values, the key gradients, the result of
    training, and the first value (in computation order) on which they differ by more than
    1e-12·max(1, |a|, |b|), with the reason. A lesson without bhn uses bhn = 0 under after_matmul.
    Exit status 3 when training diverged under every convention.
    Examples:
      gru-explain compare lesson1
      gru-explain compare lesson2 --conventions pytorch,seed --lang zh
    """)
        case .detailsGradcheck: return (
            """
    在课程的初始参数处，对模型用到的每个参数的每个元素 θᵢ：
      中心差分    (L(θ + ε·eᵢ) − L(θ − ε·eᵢ)) / 2ε
      相对误差    |bptt − numerical| / max(|bptt|, |numerical|, 0.01)
    小于 0.01 的梯度以 0.01 为基准衡量（它大多是舍入噪声），所以在默认容差下，这样的元素只要
    两者相差不超过 1e-8 就通过。
    还会把一个参数的梯度（Why，或 --split NAME）按时间步拆开显示。
    退出状态：每个元素都在容差之内时为 0，有任何一个超出时为 1。
    示例：
      gru-explain gradcheck lesson1
      gru-explain gradcheck lesson3 --split Uh --lang zh
    """,
            """
    At the lesson's starting parameters, for every entry θᵢ of every parameter the model uses:
      central difference  (L(θ + ε·eᵢ) − L(θ − ε·eᵢ)) / 2ε
      relative error      |bptt − numerical| / max(|bptt|, |numerical|, 0.01)
    A gradient below 0.01 is measured against 0.01 (it is mostly rounding noise), so with the
    default tolerance such an entry passes when the two differ by at most 1e-8.
    One parameter's gradient (Why, or --split NAME) is also shown split by timestep.
    Exit status: 0 when every entry is within the tolerance, 1 when any is not.
    Examples:
      gru-explain gradcheck lesson1
      gru-explain gradcheck lesson3 --split Uh --lang zh
    """)
        case .detailsExport: return (
            """
    脚本（Python 3、torch、float64）用课程的参数搭建模型：after_matmul 下用 torch.nn.GRU，
    before_matmul 下用手写的单元并由 autograd 求梯度。它运行课程的序列、BPTT、一次参数更新、
    训练和应用，并以 'run --format tsv' 的 key 打印 key<TAB>value 行（docs/keys.md）。
    docs/pytorch.md 说明这些权重如何对应 PyTorch 的权重。
    示例：
      gru-explain export lesson2 --to pytorch -o lesson2.py
      diff <(gru-explain run lesson2 --format tsv --digits 10) <(python3 lesson2.py --digits 10)
    """,
            """
    The script (Python 3, torch, float64) builds the lesson's model with its parameters:
    torch.nn.GRU under after_matmul, a hand-written cell trained with autograd under
    before_matmul. It runs the lesson's sequences, BPTT, one update, training and the applied
    model, and prints key<TAB>value lines under the keys of 'run --format tsv' (docs/keys.md).
    docs/pytorch.md explains how the weights map onto PyTorch's.
    Examples:
      gru-explain export lesson2 --to pytorch -o lesson2.py
      diff <(gru-explain run lesson2 --format tsv --digits 10) <(python3 lesson2.py --digits 10)
    """)
        case .unknownCommand: return ("没有命令 '{0}'。可用的命令：{1}；见 'gru-explain --help'",
                                      "unknown command '{0}'. Commands: {1}; see 'gru-explain --help'")
        case .unknownCommandDidYouMean: return ("没有命令 '{0}'。是不是想写 '{1}'？可用的命令：{2}；见 'gru-explain --help'",
                                                "unknown command '{0}'. Did you mean '{1}'? Commands: {2}; see 'gru-explain --help'")
        case .unknownOptionShort: return ("{0}：没有选项 '{1}'；选项以 -- 开头（见 'gru-explain {0} --help'）",
                                          "{0}: unknown option '{1}'; options start with -- (see 'gru-explain {0} --help')")
        case .unknownOptionDidYouMean: return ("{0}：没有选项 '--{1}'；是不是想写 --{2}？", "{0}: unknown option '--{1}'; did you mean --{2}?")
        case .unknownOptionValid: return ("{0}：没有选项 '--{1}'；可用的选项：{2}", "{0}: unknown option '--{1}'; valid options: {2}")
        case .takesNoValue: return ("{0}：--{1} 不带值", "{0}: --{1} takes no value")
        case .needsValue: return ("{0}：--{1} 需要一个值（{2}）", "{0}: --{1} needs a value ({2})")
        case .outputEmpty: return ("{0}：--output 需要文件名（或用 - 表示标准输出），这里是空的",
                                   "{0}: --output needs a file name (or - for standard output), found an empty one")
        case .langZhEn: return ("{0}：--lang 只能是 zh 或 en，这里是 '{1}'", "{0}: --lang must be zh or en, found '{1}'")
        case .langZhEnBoth: return ("{0}：--lang 只能是 zh、en 或 both（both 仅用于 --format html），这里是 '{1}'",
                                    "{0}: --lang must be zh, en or both (both: --format html only), found '{1}'")
        case .langZhEnBothWorkbook: return ("{0}：--lang 只能是 zh、en 或 both，这里是 '{1}'", "{0}: --lang must be zh, en or both, found '{1}'")
        case .totalsNotFullTrace: return ("{0}：--totals 缩短讲解里的梯度累加（text、markdown、html）；--format {1} 是完整的记录",
                                          "{0}: --totals shortens the walkthrough's accumulation (text, markdown, html); --format {1} is the full trace")
        case .variantAndStudent: return ("{0}：--variant 和 --student 只能给一个（学生的变体由学号推出）",
                                         "{0}: give --variant or --student, not both (a student's variant is derived from their id)")
        case .variantRange: return ("{0}：--variant 应为 0 到 {1} 之间的整数，这里是 '{2}'", "{0}: --variant must be a whole number from 0 to {1}, found '{2}'")
        case .studentOneLine: return ("{0}：--student 需要一行学号或姓名，这里是 '{1}'", "{0}: --student needs a student number or name on one line, found '{1}'")
        case .checkStdinOnce: return ("check：标准输入（'-'）只能读一次", "check: standard input ('-') can be read only once")
        case .checkGradescopeOneSheet: return ("check：--format gradescope 只批改一份答题纸（自动评分器对每份提交各运行一次）；全班请用 --format csv 或 json",
                                               "check: --format gradescope marks one sheet (an autograder runs once per submission); for a class use --format csv or json")
        case .checkFolderUnlistable: return ("{0}：没有权限：无法列出这个文件夹", "{0}: permission denied: cannot list the folder")
        case .checkFolderEmpty: return ("{0}：文件夹里没有答题纸（隐藏文件不算）；请给出装着填好的工作表的文件夹",
                                        "{0}: the folder holds no sheets (hidden files are left out); give a folder of filled worksheets")
        case .langBothHTMLOnly: return ("{0}：--lang both 只能与 --format html 一起用（幻灯片上有中英切换）；{1} 请选 --lang zh 或 --lang en",
                                        "{0}: --lang both works only with --format html (slides with a zh/en switch); for {1} choose --lang zh or --lang en")
        case .sequenceOnlyOne: return ("{0}：--sequence：{1} 只有一个序列，这里是 '{2}'", "{0}: --sequence: {1} has only one sequence, found '{2}'")
        case .wholeNumberRange: return ("{0}：--{1} 应为 {2} 到 {3} 之间的整数，这里是 '{4}'", "{0}: --{1} must be a whole number from {2} to {3}, found '{4}'")
        case .oneOf: return ("{0}：--{1} 应为以下之一：{2}，这里是 '{3}'", "{0}: --{1} must be one of {2}, found '{3}'")
        case .whichLesson: return ("{0}：哪一节课？请给出内置课程的 id（见 'gru-explain list'）或 .json 文件的路径",
                                   "{0}: which lesson? Give a bundled id (see 'gru-explain list') or the path of a .json file")
        case .unexpectedArgument: return ("{0}：多余的参数 '{1}'", "{0}: unexpected argument '{1}'")
        case .onlyUnknownSection: return ("{0}：--only：没有章节 '{1}'；章节有 {2}", "{0}: --only: unknown section '{1}'; sections are {2}")
        case .onlyUnknownSectionDidYouMean: return ("{0}：--only：没有章节 '{1}'；是不是想写 {2}？章节有 {3}",
                                                    "{0}: --only: unknown section '{1}'; did you mean {2}? sections are {3}")
        case .stepNotText: return ("{0}：--step 在终端上逐页显示文本讲解，不能与 --format {1} 一起用",
                                   "{0}: --step pages through the text walkthrough on a terminal; it cannot be combined with --format {1}")
        case .stepNotOutput: return ("{0}：--step 在终端上显示讲解，不能与 --output 一起用", "{0}: --step shows the walkthrough on the terminal; it cannot be combined with --output")
        case .sequenceNotFullTrace: return (
            "{0}：--sequence 选择讲解中详细显示的序列（text、markdown、html）；--format {1} 是每个序列的完整记录",
            "{0}: --sequence chooses the sequence the walkthrough details (text, markdown, html); --format {1} is the full trace of every sequence")
        case .sequenceNotFullTraceTSV: return (
            "{0}：--sequence 选择讲解中详细显示的序列（text、markdown、html）；--format {1} 是每个序列的完整记录（用 grep '^sK\\.' 留下一个序列）",
            "{0}: --sequence chooses the sequence the walkthrough details (text, markdown, html); --format {1} is the full trace of every sequence (keep one with grep '^sK\\.')")
        case .worksheetNothingByHand: return ("{0}：--only {1}：这些章节没有要手算的；工作表包括 {2}",
                                              "{0}: --only {1}: nothing there is computed by hand; a worksheet has {2}")
        case .exportWhere: return ("{0}：请说明导出成什么：--to pytorch", "{0}: say what to export to: --to pytorch")
        case .conventionUnknown: return ("{0}：--conventions：没有约定 '{1}'；约定有 {2}", "{0}: --conventions: unknown convention '{1}'; the names are {2}")
        case .conventionUnknownDidYouMean: return ("{0}：--conventions：没有约定 '{1}'；是不是想写 {2}？约定有 {3}",
                                                   "{0}: --conventions: unknown convention '{1}'; did you mean {2}? the names are {3}")
        case .conventionsTooFew: return ("{0}：--conventions 至少要有两种不同的约定，这里只有 {1} 种；只看一种请用 'gru-explain run'",
                                         "{0}: --conventions needs at least two different conventions, found {1}; 'gru-explain run' shows one")
        case .epsilonTooLarge: return ("{0}：--epsilon 最大为 1（中心差分的步长，例如 {1}），这里是 '{2}'",
                                       "{0}: --epsilon must be at most 1 (the step of a central difference, such as {1}), found '{2}'")
        case .numberPositive: return ("{0}：--{1} 应为大于 0 的数，例如 {2}，这里是 '{3}'", "{0}: --{1} must be a number > 0 such as {2}, found '{3}'")
        case .numberNonNegative: return ("{0}：--{1} 应为不小于 0 的数，例如 {2}，这里是 '{3}'", "{0}: --{1} must be a number ≥ 0 such as {2}, found '{3}'")
        case .splitUnknown: return ("{0}：--split：'{1}' 不是这个模型的参数；它的参数有 {2}",
                                    "{0}: --split: '{1}' is not a parameter of this model; its parameters are {2}")
        case .splitUnknownDidYouMean: return ("{0}：--split：'{1}' 不是这个模型的参数；是不是想写 {2}？它的参数有 {3}",
                                              "{0}: --split: '{1}' is not a parameter of this model; did you mean {2}? its parameters are {3}")
        case .outputIsDirectory: return ("{0}：无法写入输出文件：这是一个目录；请给出文件名，例如 {0}/out.txt",
                                         "{0}: cannot write the output file: it is a directory; give a file name, e.g. {0}/out.txt")
        case .outputIsInput: return ("{0}：它也是这个命令的输入（{1}）；请把输出写到别的文件，以保留输入",
                                     "{0}: is also an input of this command ({1}); write the output to another file, so that the input is kept")
        case .outputPermission: return ("{0}：无法写入输出文件：没有权限", "{0}: cannot write the output file: permission denied")
        case .outputNoDirectory: return ("{0}：无法写入输出文件：目录 {1} 不存在", "{0}: cannot write the output file: the directory {1} does not exist")
        case .outputCannotCreate: return ("{0}：无法写入输出文件：没有在 {1} 中创建文件的权限", "{0}: cannot write the output file: no permission to create files in {1}")
        case .outputFailed: return ("{0}：无法写入输出文件（{1}）", "{0}: cannot write the output file ({1})")
        case .costGradcheck: return (
            "{0}：梯度检验约需 {1} 次乘加（2 次计算 × {2} 个参数，每次 {3} 个时间步 × 3 × {2}）；上限是 {4}；请减小 hidden_size 或序列长度",
            "{0}: the gradient check would take about {1} multiply-adds (2 passes × {2} parameters, each pass {3} timesteps × 3 × {2}); the limit is {4}; lower hidden_size or the sequence lengths")
        case .costWork: return (
            "{0}：这节课约需 {1} 次乘加（{2} 轮 × {3} 个时间步 × 3 × {4} 个参数）；上限是 {5}；请减少 epochs、hidden_size 或序列长度",
            "{0}: this lesson would take about {1} multiply-adds ({2} epochs × {3} timesteps × 3 × {4} parameters); the limit is {5}; lower epochs, hidden_size or the sequence lengths")
        case .costWorkCompare: return (
            "{0}：这节课约需 {1} 次乘加（4 种约定 × {2} 轮 × {3} 个时间步 × 3 × {4} 个参数）；上限是 {5}；请减少 epochs、hidden_size 或序列长度",
            "{0}: this lesson would take about {1} multiply-adds (4 conventions × {2} epochs × {3} timesteps × 3 × {4} parameters); the limit is {5}; lower epochs, hidden_size or the sequence lengths")
        case .costMemory: return (
            "{0}：这节课做 {1} 约需 {2} 内存（{3} 个时间步、{4} 个数的详细计算）；上限是 {5}（1 GiB，或本机内存的四分之一，取较小者）；请缩短序列或减小 hidden_size",
            "{0}: this lesson would need about {2} of memory for {1} (a detailed trace of {4} numbers over {3} timesteps); the limit is {5} (1 GiB, or a quarter of this machine's memory if less); shorten the sequences or lower hidden_size")
        case .costMemoryExport: return (
            "{0}：导出的脚本要写出 {1} 个数（参数、输入和目标），约需 {2} 内存；上限是 {3}（1 GiB，或本机内存的四分之一，取较小者）；请减小 hidden_size 或缩短序列",
            "{0}: the script would write out {1} numbers (the parameters, inputs and targets) and need about {2} of memory; the limit is {3} (1 GiB, or a quarter of this machine's memory if less); lower hidden_size or shorten the sequences")
        case .costMemoryTrainingOnly: return (
            "，或者用 --only training 运行（约 {0}），只训练、不显示详细计算",
            ", or run with --only training (about {0}), which trains without showing the detailed trace")
        case .costHTML: return (
            "{0}：幻灯片要显示 {1} 个数，排版太久；--format html 最多显示 {2} 个数",
            "{0}: the slides would show {1} numbers, too many to lay out; --format html shows at most {2} numbers")
        case .costHTMLTry: return ("；试试 {0}（{1} 个数），或用 --format text 或 markdown", "; try {0} ({1} numbers), or --format text or markdown")
        case .costHTMLNothingFits: return ("；请用 --format text 或 markdown", "; use --format text or markdown")
        case .onlyEmpty: return ("{0}：--only 至少要有一个章节", "{0}: --only needs at least one section")
        }
    }

    public func text(_ language: Language, _ arguments: [String] = []) -> String {
        var out = language == .zh ? pair.zh : pair.en
        for (k, argument) in arguments.enumerated() { out = out.replacing("{\(k)}", with: argument) }
        return out
    }
}
