import Testing
@testable import GRURender

/// The small display helpers: number formatting, display width, wrapping, subscripts, ASCII.
@Suite struct FormatTests {
    let four = NumberFormat(digits: 4)

    @Test func computedValuesShowExactlyDigitsDecimals() {
        #expect(four.value(0.598687660112452) == "0.5987")      // z₁ of lesson1 (seed: 0.5987)
        #expect(four.value(0.4) == "0.4000")
        #expect(four.value(-3.36431) == "−3.3643")
        #expect(four.value(10.27851) == "10.2785")
        #expect(four.value(0) == "0.0000")
        #expect(four.value(0.99996) == "1.0000")                 // the carry reaches the integer part
        #expect(four.value(-0.00001) == "−0.0000")               // a tiny negative keeps its sign
        #expect(four.value(1e-5) == "0.0000")
        #expect(four.value(6e-5) == "0.0001")
        #expect(four.value(1.5e20) == "1.5000e20")   // from 10⁶ on, e-notation
        #expect(NumberFormat(digits: 0).value(2.5) == "3")
        #expect(NumberFormat(digits: 2).value(0.125) == "0.13")
    }

    @Test func roundsTheDecimalTextHalfAwayFromZero() {
        // 0.12345 is stored as 0.1234499999…; its shortest text is 0.12345, which rounds up on paper.
        #expect(four.value(0.12345) == "0.1235")
        #expect(four.value(-0.12345) == "−0.1235")
    }

    @Test func givenValuesShowAsWritten() {
        #expect(four.given(0.3) == "0.3")
        #expect(four.given(1) == "1")
        #expect(four.given(0.05) == "0.05")
        #expect(four.given(-0.2) == "−0.2")
        #expect(four.given(0.123456) == "0.1235")                // more decimals than shown: rounded
        #expect(four.givenVector([0, 0]) == "[0, 0]")
        #expect(four.compact([2], given: true) == "2")
    }

    @Test func negativeOperandsAreParenthesized() {
        #expect(four.operand(-0.5) == "(−0.5000)")
        #expect(four.operand(0.5) == "0.5000")
        #expect(four.givenOperand(-0.1) == "(−0.1)")
    }

    @Test func shortKeepsTinyValuesVisible() {
        #expect(four.short(2.8e-5) == "2.8e−5")
        #expect(four.short(0.0000996) == "1.0e−4")           // 9.96e−5 rounds up a decade
        #expect(four.short(0.000996) == "0.0010")            // visible at 4 digits: as usual
        #expect(four.short(0.5) == "0.5000")
    }

    @Test func displayWidthCountsCJKTwiceAndCombiningMarksNever() {
        #expect(DisplayWidth.of("h̃₁") == 2)                     // h + combining tilde + ₁
        #expect(DisplayWidth.of("更新门") == 6)
        #expect(DisplayWidth.of("σ(0.4)") == 6)
        #expect(DisplayWidth.of("（时间步 3）") == 12)
        #expect(DisplayWidth.containsCJK("更新门 z₁"))
        #expect(!DisplayWidth.containsCJK("update gate z₁ = σ(…)"))
    }

    /// ASCII takes a shortcut past the Unicode tables; it must count as they do: a control
    /// character (tab, DEL) takes no column, every other ASCII character one, with or without
    /// wide text after it in the same string.
    @Test func asciiCountsAsTheUnicodeTablesDo() {
        for value in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            let expected = scalar.properties.generalCategory == .control ? 0 : 1
            #expect(DisplayWidth.of(scalar) == expected, "U+\(String(value, radix: 16))")
            #expect(DisplayWidth.of(String(scalar)) == expected, "U+\(String(value, radix: 16))")
            #expect(DisplayWidth.of(String(scalar) + "门") == expected + 2, "U+\(String(value, radix: 16)) then 门")
        }
        #expect(DisplayWidth.of("a\tb\u{7F}c") == 3)
        #expect(DisplayWidth.of("Wz[1,1] = 0.3") == 13)
    }

    /// A short equation or difference in prose stays on one line ("so the conventions use bhn = 0."
    /// broke after its "=", and "(1 − zₜ)" inside its parenthesis); a long formula may still break.
    @Test func wrapKeepsShortEquationsWhole() {
        #expect(DisplayWidth.wrap("so they use bhn = 0.", width: 16) == ["so they use", "bhn = 0."])
        #expect(DisplayWidth.wrap("h = z⊙h + (1 − z)⊙h̃", width: 12) == ["h = z⊙h +", "(1 − z)⊙h̃"])
        #expect(DisplayWidth.wrap("学习率 η = 0.05。", width: 8) == ["学习率", "η = 0.05。"])
        // Operands longer than 10 columns are not joined: the break after "=" stays possible.
        #expect(DisplayWidth.wrap("loss L = 9.78265871027", width: 12) == ["loss L =", "9.78265871027"])
    }

    @Test func wrapBreaksEnglishAtSpacesAndChineseAnywhereButBeforePunctuation() {
        #expect(DisplayWidth.wrap("the update gate decides", width: 10) == ["the update", "gate", "decides"])
        let zh = DisplayWidth.wrap("更新门决定保留多少，重置门决定参与多少。", width: 10)
        #expect(zh.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(zh.joined() == "更新门决定保留多少，重置门决定参与多少。")
        #expect(!zh.contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
        // A first line beside a label, and words kept together (here "1 − z", as CheckRenderer does).
        let keep = { (before: String, after: String) in before == "−" || after == "−" }
        #expect(DisplayWidth.wrap("so h = (1 − z) h", width: 10, firstWidth: 9) == ["so h =", "(1 − z) h"])
        #expect(DisplayWidth.wrap("so h = (1 − z) h", width: 10, firstWidth: 9, keepTogether: keep) == ["so h =", "(1 − z) h"])
    }

    @Test func subscriptsAndSteps() {
        #expect(Notation.subscripted("12") == "₁₂")
        #expect(Step.number(1).sub == "₁")
        #expect(Step.t.sub == "ₜ")
        #expect((Step.t + -1).sub == "ₜ₋₁")
        #expect((Step.number(3) + 1).sub == "₄")
    }

    @Test func asciiFallback() {
        #expect(Notation.ascii("z₁ = σ(Wz·x₁ + Uz·h₀ + bz)") == "z_1 = sigmoid(Wz*x_1 + Uz*h_0 + bz)")
        #expect(Notation.ascii("h̃ₜ = tanh(a_hₜ)") == "h~_t = tanh(a_h_t)")
        #expect(Notation.ascii("∂L/∂hₜ₋₁ = Whyᵀ·∂L/∂yₜ") == "dL/dh_(t-1) = Why^T*dL/dy_t")
        #expect(Notation.ascii("Lₜ = ½‖yₜ − targetₜ‖²") == "L_t = 0.5*||y_t - target_t||^2")
        #expect(Notation.ascii("½·(0.2855 − 2)²") == "0.5*(0.2855 - 2)^2")
        #expect(Notation.ascii("更新门 z₁") == "更新门 z_1")
    }

    @Test func hugeValuesUseENotationAndGivenNoiseIsTrimmed() {
        // Hand-checked: 2.27014555e302 at 4 digits; 1e20 as a given; 0.1·3 as a scaled input.
        let f = NumberFormat(digits: 4)
        #expect(f.value(2.27014555e302) == "2.2701e302")
        #expect(f.value(-1_234_567) == "−1.2346e6")
        #expect(f.value(9.99996e6) == "1.0000e7")
        #expect(f.value(999_999.5) == "999999.5000")
        #expect(f.given(1e20) == "1e20")
        #expect(f.given(2.5e6) == "2.5e6")
        #expect(f.given(0.1 * 3) == "0.3")
        #expect(f.given(0.1 * 6) == "0.6")
        #expect(f.given(0.123456) == "0.1235")
        #expect(f.given(0.05) == "0.05")
        #expect(f.given(2) == "2")
    }
}
