import Foundation
import Testing
import GRUJSON
import GRUCore
import GRULessons
import GRURender

/// The JSON trace of lesson1 (format gru-explain.trace/1), compared byte for byte with
/// Golden/lesson1.trace.json, and read back to check that nothing is lost.
@Suite struct TraceJSONTests {
    @Test func lesson1MatchesGolden() throws {
        try Golden.check(TraceJSON.render(Lesson1.trace, lesson: Lesson1.lesson), file: "lesson1.trace.json")
    }

    @Test func numbersReadBackBitForBit() throws {
        // Shortest round-trip text must parse back to exactly the engine's Doubles.
        let text = TraceJSON.render(Lesson1.trace, lesson: Lesson1.lesson)
        guard case .object(let root) = try JSONParser.parse(text),
              case .number(let loss)? = root["loss"],
              case .array(let sequences)? = root["sequences"], case .object(let s0)? = sequences.first,
              case .array(let backward)? = s0["backward"], case .object(let b3)? = backward.first,
              case .array(let dy)? = b3["dy"], case .number(let dy3)? = dy.first else {
            Issue.record("unexpected trace shape"); return
        }
        #expect(loss.value == Lesson1.trace.loss)
        #expect(dy3.value == Lesson1.trace.sequences[0].backward[0].dy[0])
        #expect(b3["t"] == .int(3))            // backward runs from t = T down to 1
        #expect(s0["forward"] != nil)
        #expect(root["format"] == .string("gru-explain.trace/1"))
    }

    @Test func fieldsFollowTheResetConvention() throws {
        // before_matmul records rh and drh; after_matmul records n_h and dn_h (and bhn).
        let text = TraceJSON.render(Lesson1.trace, lesson: Lesson1.lesson)
        #expect(text.contains("\"rh\": ["))
        #expect(!text.contains("\"n_h\""))
        #expect(!text.contains("\"bhn\""))
    }

    @Test func streamingGivesTheSameBytes() throws {
        // Streaming (each step written as computed) and rendering a recorded trace must agree
        // byte for byte, for the whole trace and for every --only section.
        var sectionSets: [Set<LessonSection>?] = [nil]
        sectionSets += LessonSection.allCases.map { Set([$0]) }
        sectionSets.append([.forward, .bptt])
        for sections in sectionSets {
            var streamed = ""
            try TraceJSON.stream(Lesson1.lesson.problem, lesson: Lesson1.lesson, sections: sections) { streamed += $0 }
            let rendered = TraceJSON.render(Lesson1.trace, lesson: Lesson1.lesson, sections: sections)
            #expect(streamed == rendered, "sections \(sections.map { $0.map(\.rawValue).sorted() } ?? ["all"])")
            #expect(throws: Never.self) { try JSONParser.parse(streamed) }
        }
    }

    @Test func onlyTrainingLeavesOutTheDetailedPass() throws {
        let text = TraceJSON.render(Lesson1.trace, lesson: Lesson1.lesson, sections: [.training])
        guard case .object(let root) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        #expect(root.keys == ["format", "lesson", "model", "parameters", "h0", "training"])
    }

    @Test func severalSequencesStreamLikeTheirRecord() throws {
        // Two sequences of different lengths, after_matmul, averaged: the sums across sequences
        // must come out the same whether streamed or recorded.
        var lesson = Lesson1.lesson
        lesson.problem.config.reset = .afterMatmul
        lesson.problem.config.sequenceReduction = .mean
        lesson.problem.parameters.bhn = [0.05, -0.05]
        lesson.problem.sequences.append(TrainingSequence(inputs: [[0.5], [1.5]], targets: [[1], [2]]))
        lesson.problem.epochs = 5
        var streamed = ""
        try TraceJSON.stream(lesson.problem, lesson: lesson) { streamed += $0 }
        #expect(streamed == TraceJSON.render(try Trace.record(lesson.problem), lesson: lesson))
    }
}
