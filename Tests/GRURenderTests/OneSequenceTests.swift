import Testing
import GRUCore
import GRULessons
@testable import GRURender
import GRUTestSupport

/// `run --sequence K` (`RenderOptions.sequence`): lesson3 trains on 7 sequences; the walkthrough
/// details one of them and still shows every total. The numbers are the engine's for lesson3's
/// seeded start (seed 7), the same as the full run prints.
@Suite struct OneSequenceTests {
    static var lesson: Lesson { Bundled.lesson3 }
    static var trace: Trace { Bundled.lesson3Trace }

    static func text(_ options: RenderOptions, markdown: Bool = false) -> String {
        markdown ? MarkdownRenderer.render(trace, lesson: lesson, options: options)
                 : TextRenderer.render(trace, lesson: lesson, options: options)
    }

    static func count(_ fragment: String, in text: String) -> Int {
        text.components(separatedBy: fragment).count - 1
    }

    @Test(arguments: [false, true]) func onlyTheChosenSequenceIsDetailed(markdown: Bool) {
        let text = Self.text(RenderOptions(language: .en, sequence: 2), markdown: markdown)
        // Sequence 2's three timesteps, in the forward pass and in BPTT; no other sequence's.
        for t in 1...3 { #expect(Self.count("Sequence 2 · Timestep \(t)\n", in: text) == 2) }
        for s in [1, 3, 4, 5, 6, 7] { #expect(!text.contains("Sequence \(s) · Timestep"), "sequence \(s)") }
        // Said once, in the first detailed section (the forward pass).
        #expect(Self.count("This lesson trains on 7 sequences; here is sequence 2 in detail.", in: text) == 1)
        // The loss: sequence 2's terms, the others as their sums (sequence 1: 0.0709 + 0.3026 +
        // 0.6833 in the full run), and the total of the full run.
        for term in ["0.2866", "0.6721", "1.2023", "1.0569", "17.9247", "55.6593"] { #expect(text.contains(term), "\(term)") }
        #expect(Self.count("Sequence 1 · all timesteps", in: text) == 1 + 81)     // the loss, and each of the 81 gradient entries
        #expect(abs(Self.trace.sequences[0].loss - (0.0709 + 0.3026 + 0.6833)) < 1e-4)
        let zh = Self.text(RenderOptions(language: .zh, sections: [.bptt], sequence: 7), markdown: markdown)
        #expect(zh.contains("本课有 7 个训练序列，这里详细列出序列 7。"))
        #expect(zh.contains("序列 7 · 时间步 3") && !zh.contains("序列 6 · 时间步"))
    }

    /// The accumulation adds the other sequences as one share each: ∂L/∂Wz[1][1] is −0.2874 all the
    /// same. The update, training and the application are exactly those of the full run.
    @Test func totalsCoverEverySequence() {
        let all = Walkthrough(trace: Self.trace, lesson: Self.lesson, options: RenderOptions(language: .en)).pages()
        let one = Walkthrough(trace: Self.trace, lesson: Self.lesson, options: RenderOptions(language: .en, sequence: 4)).pages()
        let totals: Set<LessonSection> = [.model, .update, .training, .apply]
        #expect(one.filter { totals.contains($0.section) } == all.filter { totals.contains($0.section) })
        let accumulation = Self.text(RenderOptions(language: .en, sections: [.accumulation], sequence: 4))
        #expect(accumulation.contains("│ Sequence 7 · all timesteps │ −0.1056 │     −0.2874 │"))
        #expect(abs(Self.trace.gradients[.Wz][0] - -0.2874) < 1e-4)
        // One page per timestep of sequence 4 (run --step): the model, 3 forward, the loss, 3 BPTT,
        // the accumulation, the update, training, the application; 48 with all 7 sequences.
        #expect(one.count == 12 && all.count == 48)
    }

    /// With --timestep too: that timestep of that sequence.
    @Test func withOneTimestep() {
        let text = Self.text(RenderOptions(language: .en, sections: [.forward, .bptt], timestep: 2, sequence: 5))
        #expect(Self.count("Sequence 5 · Timestep 2\n", in: text) == 2)
        #expect(!text.contains("Timestep 1\n") && !text.contains("Timestep 3\n"))
    }

    /// A lesson of one sequence: --sequence 1 changes nothing.
    @Test func oneSequenceLessonIsUnchanged() {
        let plain = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh))
        let one = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh, sequence: 1))
        #expect(one == plain)
    }
}
