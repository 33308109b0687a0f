import Testing
import GRUCore
import GRULessons
@testable import GRURender

/// The string catalogue and the quantity catalogue: complete in both languages, English free of
/// Chinese, and formulas that follow the lesson's conventions.
@Suite struct CatalogueTests {

    @Test func everyMessageExistsInBothLanguages() {
        // Sentences are joined with nothing in Chinese and a space in English: the one message
        // that is blank on purpose.
        for m in Message.allCases where m != .sentenceSeparator {
            let zh = m.template(.zh), en = m.template(.en)
            #expect(!zh.trimmingSpaces.isEmpty, "\(m) has no Chinese text")
            #expect(!en.trimmingSpaces.isEmpty, "\(m) has no English text")
            #expect(!DisplayWidth.containsCJK(en), "\(m): English text contains CJK: \(en)")
            #expect(placeholders(zh) == placeholders(en), "\(m): the two languages use different placeholders")
        }
    }

    /// The lesson-file phrases, the options' help and the command line's own words (issue 14):
    /// both languages, the same placeholders, and Chinese that is Chinese.
    @Test func everyLessonPhraseHelpAndUsageTextExistsInBothLanguages() {
        let pairs: [(String, (zh: String, en: String))] = LessonPhrase.allCases.map { ("\($0)", $0.pair) }
            + OptionHelp.allCases.map { ("\($0)", $0.pair) } + UsageText.allCases.map { ("\($0)", $0.pair) }
        for (name, pair) in pairs {
            #expect(!pair.zh.trimmingSpaces.isEmpty && !pair.en.trimmingSpaces.isEmpty, "\(name)")
            #expect(!DisplayWidth.containsCJK(pair.en), "\(name): English text contains CJK: \(pair.en)")
            #expect(placeholders(pair.zh) == placeholders(pair.en), "\(name): the two languages use different placeholders")
            // null, true and false are JSON words, the same in Chinese.
            if !["foundNull", "foundTrue", "foundFalse", "withHint"].contains(name) {
                #expect(DisplayWidth.containsCJK(pair.zh), "\(name): the Chinese text has no Chinese: \(pair.zh)")
            }
        }
        #expect(Message.sentenceSeparator.template(.zh) == "" && Message.sentenceSeparator.template(.en) == " ")
    }

    @Test func chineseUsesTheBoardTerms() {
        let all = Message.allCases.map { $0.template(.zh) }.joined(separator: "\n")
        for term in ["更新门", "重置门", "候选隐藏状态", "隐藏状态", "损失", "梯度", "学习率", "随时间反向传播（BPTT）", "参数更新"] {
            #expect(all.contains(term), "the Chinese catalogue never says \(term)")
        }
        // Issue 11 named the follow-through mark 承前正确; the old 后续正确 must not come back in
        // any message (CheckRenderer.summary's counts line still said it).
        for m in Message.allCases {
            #expect(!m.template(.zh).contains("后续正确"), "\(m) says 后续正确, not 承前正确")
        }
    }

    @Test func everyQuantityHasAName() {
        for q in Quantity.allCases {
            #expect(!q.name(.zh).isEmpty && !q.name(.en).isEmpty, "\(q) has no name")
            #expect(!DisplayWidth.containsCJK(q.name(.en)))
        }
        // Each quantity of the registry is one of the renderer's, and a different one.
        let step = TraceKey.StepQuantity.allCases.map(Quantity.init)
        #expect(Set(step).count == TraceKey.StepQuantity.allCases.count)
        #expect(Set(step).isSubset(of: Set(Quantity.allCases)))
        #expect(Set(step.map { $0.name(.en) }).count == step.count, "two recorded quantities share a name")
    }

    @Test func everyQuantityHasAFormulaOrIsGivenInEveryConvention() {
        let given: Set<Quantity> = [.x, .hPrev, .target, .dhRec, .rh]
        for c in Self.allConventions {
            for q in Quantity.used(by: c) {
                let context = FormulaContext(config: c, length: 3)
                #expect((q.formula(at: .t, context) == nil) == given.contains(q), "\(q) under \(c)")
                let ascii = q.equation(at: .number(2), FormulaContext(config: c, length: 3, ascii: true))
                let isASCII = ascii.unicodeScalars.allSatisfy { $0.isASCII }
                #expect(isASCII, "ASCII form of \(q): \(ascii)")
            }
        }
    }

    @Test func formulasFollowTheConventions() {
        let seed = ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1)
        var pytorch = seed
        pytorch.reset = .afterMatmul
        var chung = seed
        chung.update = .zTimesCandidate
        chung.loss = .squared
        chung.reduction = .mean
        let t = Step.t
        // The seed's conventions (lesson1).
        #expect(Quantity.h.equation(at: t, FormulaContext(config: seed)) == "hₜ = zₜ⊙hₜ₋₁ + (1 − zₜ)⊙h̃ₜ")
        #expect(Quantity.hTilde.formula(at: t, FormulaContext(config: seed)) == "tanh(Wh·xₜ + Uh·(rₜ⊙hₜ₋₁) + bh)")
        #expect(Quantity.loss.formula(at: t, FormulaContext(config: seed)) == "½‖yₜ − targetₜ‖²")
        #expect(Quantity.dy.formula(at: t, FormulaContext(config: seed)) == "yₜ − targetₜ")
        #expect(Quantity.dz.formula(at: t, FormulaContext(config: seed)) == "∂L/∂hₜ⊙(hₜ₋₁ − h̃ₜ)")
        #expect(Quantity.grads(.Uh).formula(at: t, FormulaContext(config: seed)) == "∂L/∂a_hₜ·(rₜ⊙hₜ₋₁)ᵀ")
        // PyTorch's reset placement.
        #expect(Quantity.aH.formula(at: t, FormulaContext(config: pytorch)) == "Wh·xₜ + bh + rₜ⊙n_hₜ")
        #expect(Quantity.nH.formula(at: t, FormulaContext(config: pytorch)) == "Uh·hₜ₋₁ + bhn")
        #expect(Quantity.dr.formula(at: t, FormulaContext(config: pytorch)) == "∂L/∂a_hₜ⊙n_hₜ")
        #expect(Quantity.grads(.Uh).formula(at: t, FormulaContext(config: pytorch)) == "∂L/∂n_hₜ·hₜ₋₁ᵀ")
        #expect(Quantity.used(by: pytorch).contains(.grads(.bhn)) && !Quantity.used(by: seed).contains(.grads(.bhn)))
        // Chung's update rule with the squared loss averaged over T = 3 timesteps.
        let c3 = FormulaContext(config: chung, length: 3)
        #expect(Quantity.h.formula(at: t, c3) == "(1 − zₜ)⊙hₜ₋₁ + zₜ⊙h̃ₜ")
        #expect(Quantity.dhTilde.formula(at: t, c3) == "∂L/∂hₜ⊙zₜ")
        #expect(Quantity.loss.formula(at: t, c3) == "(1/3)·‖yₜ − targetₜ‖²")
        #expect(Quantity.dy.formula(at: t, c3) == "2·(1/3)·(yₜ − targetₜ)")
        #expect(Quantity.loss.formula(at: t, FormulaContext(config: chung)) == "(1/T)·‖yₜ − targetₜ‖²")
    }

    @Test func keysNameTheirQuantity() throws {
        let seed = ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1)
        let z = try #require(TraceKey("t1.z[1]").flatMap { Quantity($0.kind) })
        #expect(z == .z)
        #expect(z.line(at: 1, FormulaContext(config: seed, language: .zh)) == "时间步 1 · 更新门 z₁ = σ(Wz·x₁ + Uz·h₀ + bz)")
        #expect(z.line(at: 1, FormulaContext(config: seed, language: .en, ascii: true))
                == "Timestep 1 - update gate z_1 = sigmoid(Wz*x_1 + Uz*h_0 + bz)")
        #expect(TraceKey("t3.dh_rec[1]").flatMap { Quantity($0.kind) } == .dhRec)
        #expect(TraceKey("t2.grad.Why[1][1]").flatMap { Quantity($0.kind) } == .grads(.Why))
        #expect(TraceKey("grad.Why[1][1]").flatMap { Quantity($0.kind) } == .gradient(.Why))
        #expect(TraceKey("loss").flatMap { Quantity($0.kind) } == .totalLoss)
        #expect(TraceKey("t1.loss").flatMap { Quantity($0.kind) } == .loss)
        #expect(TraceKey("param.Wz[1][1]").flatMap { Quantity($0.kind) } == nil)
        #expect(Quantity.daZ.line(at: 2, FormulaContext(config: seed, language: .en))
                == "Timestep 2 · gradient of a_z ∂L/∂a_z₂ = ∂L/∂z₂⊙σ′(a_z₂) = ∂L/∂z₂⊙z₂⊙(1 − z₂)")
    }

    @Test func englishOutputHasNoChineseAndASCIIOutputNoOtherSymbols() {
        for markdown in [false, true] {
            let render = markdown ? MarkdownRenderer.render : TextRenderer.render
            let en = render(Lesson1.trace, Lesson1.lesson, RenderOptions(language: .en))
            #expect(!DisplayWidth.containsCJK(en))
            for language in Language.allCases {
                let ascii = render(Lesson1.trace, Lesson1.lesson, RenderOptions(language: language, ascii: true))
                let stray = ascii.unicodeScalars.filter { !$0.isASCII && !DisplayWidth.isWide($0.value) }
                #expect(stray.isEmpty, "--ascii leaves \(String(String.UnicodeScalarView(stray)))")
                #expect(!ascii.contains("?"), "a symbol without an ASCII spelling shows as ?")
            }
        }
    }

    /// Every combination of update rule, reset placement, loss and reduction.
    static let allConventions: [ModelConfig] = UpdateRule.allCases.flatMap { u in
        ResetPlacement.allCases.flatMap { r in
            LossKind.allCases.flatMap { l in
                Reduction.allCases.map { d in
                    ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1, update: u, reset: r, loss: l, reduction: d)
                }
            }
        }
    }

    private func placeholders(_ s: String) -> Set<String> {
        Set((0..<10).map { "{\($0)}" }.filter { s.contains($0) })
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
