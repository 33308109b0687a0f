import GRUCore
import GRUJSON
import GRULessons

/// The trace as JSON, format "gru-explain.trace/1" (docs/trace-format.md).
///
/// Numbers are written at full precision (shortest round-trip), vectors are arrays even with one
/// element, matrices are arrays of rows, and t counts from 1. Member order is fixed, so two runs
/// give identical bytes.
public enum TraceJSON {
    public static let format = "gru-explain.trace/1"

    public static func render(_ trace: Trace, lesson: Lesson) -> String {
        JSONWriter.write(encode(trace, lesson: lesson))
    }

    public static func encode(_ trace: Trace, lesson: Lesson) -> JSONValue {
        let c = trace.config
        var root = JSONObject()
        root["format"] = .string(format)
        root["lesson"] = .object(JSONObject([
            ("id", .string(lesson.id)),
            ("title", localized(lesson.title)),
            ("description", localized(lesson.description)),
            ("source", .string(lesson.source)),
        ]))
        root["model"] = model(c)
        root["parameters"] = parameters(trace.parameters, c)
        root["h0"] = .doubles(trace.h0)
        root["sequences"] = .array(trace.sequences.map { sequence($0, c) })
        root["loss"] = .double(trace.loss)
        root["gradients"] = parameters(trace.gradients, c)
        root["update"] = .object(JSONObject([
            ("learning_rate", .double(trace.update.learningRate)),
            ("parameters", parameters(trace.update.parameters, c)),
        ]))
        root["training"] = .object(JSONObject([
            ("epochs", .int(trace.training.epochs)),
            ("learning_rate", .double(trace.training.learningRate)),
            ("loss", .doubles(trace.training.losses)),
            ("parameters", parameters(trace.training.parameters, c)),
        ]))
        if let apply = trace.apply {
            root["apply"] = .array(apply.steps.enumerated().map { k, f in
                var o = JSONObject([("t", .int(f.t)), ("x", .doubles(f.x)), ("h", .doubles(f.h)), ("y", .doubles(f.y))])
                if let expected = apply.expected, k < expected.count { o["expected"] = .doubles(expected[k]) }
                return .object(o)
            })
        }
        return .object(root)
    }

    static func localized(_ text: LocalizedText) -> JSONValue {
        .object(JSONObject([("zh", .string(text.zh)), ("en", .string(text.en))]))
    }

    static func model(_ c: ModelConfig) -> JSONValue {
        .object(JSONObject([
            ("input_size", .int(c.inputSize)),
            ("hidden_size", .int(c.hiddenSize)),
            ("output_size", .int(c.outputSize)),
            ("update", .string(c.update.rawValue)),
            ("reset", .string(c.reset.rawValue)),
            ("loss", .string(c.loss.rawValue)),
            ("reduction", .string(c.reduction.rawValue)),
            ("sequence_reduction", .string(c.sequenceReduction.rawValue)),
        ]))
    }

    /// Every parameter the model uses, in lesson order: matrices as arrays of rows, biases as arrays.
    public static func parameters(_ p: Parameters, _ c: ModelConfig) -> JSONValue {
        .object(JSONObject(ParameterName.used(by: c).map { name in
            (name.rawValue, parameter(p, name, c))
        }))
    }

    static func parameter(_ p: Parameters, _ name: ParameterName, _ c: ModelConfig) -> JSONValue {
        let values = p[name]
        if name.isVector { return .doubles(values) }
        let cols = name.shape(c).cols
        return .array(stride(from: 0, to: values.count, by: max(cols, 1)).map { .doubles(Array(values[$0..<($0 + cols)])) })
    }

    static func sequence(_ s: SequenceTrace, _ c: ModelConfig) -> JSONValue {
        .object(JSONObject([
            ("forward", .array(s.forward.map(forward))),
            ("loss", .double(s.loss)),
            ("backward", .array(s.backward.map { backward($0, c) })),
        ]))
    }

    static func forward(_ f: StepForward) -> JSONValue {
        var o = JSONObject([
            ("t", .int(f.t)), ("x", .doubles(f.x)), ("h_prev", .doubles(f.hPrev)),
            ("a_z", .doubles(f.aZ)), ("z", .doubles(f.z)), ("a_r", .doubles(f.aR)), ("r", .doubles(f.r)),
        ])
        if let rh = f.rh { o["rh"] = .doubles(rh) }
        if let nH = f.nH { o["n_h"] = .doubles(nH) }
        o["a_h"] = .doubles(f.aH)
        o["h_tilde"] = .doubles(f.hTilde)
        o["h"] = .doubles(f.h)
        o["y"] = .doubles(f.y)
        if let target = f.target { o["target"] = .doubles(target) }
        if let loss = f.loss { o["loss"] = .double(loss) }
        return .object(o)
    }

    static func backward(_ b: StepBackward, _ c: ModelConfig) -> JSONValue {
        var o = JSONObject([
            ("t", .int(b.t)), ("dy", .doubles(b.dy)), ("dh_out", .doubles(b.dhOut)),
            ("dh_rec", .doubles(b.dhRec)), ("dh", .doubles(b.dh)), ("dz", .doubles(b.dz)),
            ("dh_tilde", .doubles(b.dhTilde)), ("da_h", .doubles(b.daH)),
        ])
        if let drh = b.drh { o["drh"] = .doubles(drh) }
        if let dnH = b.dnH { o["dn_h"] = .doubles(dnH) }
        o["dr"] = .doubles(b.dr)
        o["da_r"] = .doubles(b.daR)
        o["da_z"] = .doubles(b.daZ)
        o["dh_prev"] = .doubles(b.dhPrev)
        o["grads"] = parameters(b.grads, c)
        return .object(o)
    }
}
