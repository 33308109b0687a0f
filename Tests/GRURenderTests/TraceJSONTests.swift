import Foundation
import Testing
import GRUJSON
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
}
