import Testing
import GRUCore
import GRULessons

/// The bundled lesson1, as gru-explain loads it.
@Suite struct Lesson1Tests {
    /// Every value below is written in lessons/lesson1.json; issue 2 gives them (Wz, bz, by, h0
    /// from the seed, the rest chosen to reproduce the seed's numbers) and lesson1 chose lr 0.05
    /// and 500 epochs.
    @Test func lesson1DecodesToTheSeedsProblem() throws {
        let lesson = try LessonLibrary.load("lesson1")
        let p = lesson.problem
        #expect(lesson.id == "lesson1")
        #expect(lesson.source == "bundled")
        #expect(lesson.title.en == "How a GRU learns \"add 1\": parameter learning, number by number")
        #expect(lesson.title.zh.hasPrefix("GRU 如何学会"))
        #expect(Set(lesson.notes.keys) == Set(LessonSection.allCases))
        #expect(lesson.notes[.training]?.en.contains("500 epochs") == true)
        #expect(p.config == ModelConfig(inputSize: 1, hiddenSize: 2, outputSize: 1, update: .zTimesPrevious,
                                        reset: .beforeMatmul, loss: .halfSquared, reduction: .sum, sequenceReduction: .sum))
        #expect(p.parameters.Wz == Matrix([[0.3], [0.3]]))
        #expect(p.parameters.Uz == Matrix([[0.05, 0.05], [0.05, 0.05]]))
        #expect(p.parameters.bz == [0.1, 0.1])
        #expect(p.parameters.Wr == Matrix([[0.25], [0.25]]))
        #expect(p.parameters.Ur == Matrix([[0.3, 0.3], [0.3, 0.3]]))
        #expect(p.parameters.br == [0.2, 0.2])
        #expect(p.parameters.Wh == Matrix([[0.5], [0.5]]))
        #expect(p.parameters.Uh == Matrix([[0.5, 0.5], [0.5, 0.5]]))
        #expect(p.parameters.bh == [0, 0])
        #expect(p.parameters.bhn == [0, 0])
        #expect(p.parameters.Why == Matrix([[0.5, 0.5]]))
        #expect(p.parameters.by == [0.1])
        #expect(p.h0 == [0, 0])
        #expect(p.sequences == [TrainingSequence(inputs: [[1], [2], [3]], targets: [[2], [3], [4]])])
        #expect(p.learningRate == 0.05)
        #expect(p.epochs == 500)
        #expect(p.applyInputs == [[4], [5], [6]])
        #expect(p.applyExpected == [[5], [6], [7]])
    }

    /// The decoded lesson1 reproduces the seed's surviving numbers (../shared/seed, to 4 decimals),
    /// so the file, not only the engine's fixtures, carries the seed's example.
    @Test func lesson1ReproducesTheSeedsNumbers() throws {
        let p = try LessonLibrary.load("lesson1").problem
        let steps = SequencePass.forward(p.parameters, p.config, h0: p.h0, inputs: p.sequences[0].inputs)
        func four(_ v: [Double]) -> [Double] { v.map { ($0 * 10_000).rounded() / 10_000 } }
        #expect(four(steps[0].z) == [0.5987, 0.5987])
        #expect(four(steps[0].r) == [0.6106, 0.6106])
        #expect(four(steps[0].hTilde) == [0.4621, 0.4621])
        #expect(four(steps[0].h) == [0.1855, 0.1855])
        #expect(four(steps[1].h) == [0.3903, 0.3903])
    }
}
