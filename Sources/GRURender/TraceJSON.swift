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

    /// The whole trace of a recorded lesson, as one string.
    public static func render(_ trace: Trace, lesson: Lesson, sections: Set<LessonSection>? = nil) -> String {
        var out = ""
        var stream = JSONStream { out += $0 }
        write(trace, lesson: lesson, sections: sections, into: &stream)
        return out
    }

    /// The whole trace as a tree (for tests and tools that want to inspect it).
    public static func encode(_ trace: Trace, lesson: Lesson) -> JSONValue {
        (try? JSONParser.parse(render(trace, lesson: lesson))) ?? .null
    }

    /// Runs the lesson and writes its trace while it is computed: each timestep's record is
    /// written as soon as it exists and then dropped, so memory holds the forward pass of one
    /// sequence (which BPTT needs) and O(parameters) more, whatever the number of timesteps.
    /// Training runs first, without a trace, so a diverging lesson throws before anything is
    /// written. The bytes are the same as `render(Trace.record(problem), …)`.
    public static func stream(_ problem: Problem, lesson: Lesson, sections: Set<LessonSection>? = nil,
                              write: @escaping (String) -> Void) throws(Divergence) {
        let p0 = problem.parameters
        let shown = Shown(sections)
        // Training first: it throws on divergence, and epoch 1 is the detailed pass below. When
        // neither training nor apply is shown, only epoch 1 runs, as that check.
        let needsTraining = shown.training || shown.apply
        let (losses, trained) = try Training.train(problem, from: p0, epochs: needsTraining ? problem.epochs : 1)
        // The one update the trace shows: training's first step (when training ran further, again).
        let updated = !needsTraining ? trained
            : shown.update ? try Training.train(problem, from: p0, epochs: 1).parameters : p0
        let applied = shown.apply ? problem.applyInputs.map { SequencePass.forward(trained, problem.config, h0: problem.h0, inputs: $0) } : nil
        if let d = Divergence.unseen(problem.config, sections: sections, epochs: problem.epochs,
                                     firstPass: { Divergence.firstPass(problem) }, updated: updated,
                                     trained: needsTraining ? trained : nil, applied: applied) {
            throw d
        }
        var stream = JSONStream(write: write)
        header(lesson, problem.config, p0, problem.h0, into: &stream)
        var loss = 0.0
        var gradients = Parameters(zerosFor: problem.config)
        if shown.sequences {
            stream.beginArray("sequences")
            for s in problem.sequences {
                let (forward, seqLoss) = SequencePass.forwardWithLoss(p0, problem.config, h0: problem.h0,
                                                                      sequence: s, weight: problem.sequenceWeight)
                let seqGradients = sequence(forward: forward, loss: seqLoss, shown, problem.config, into: &stream) { onStep in
                    SequencePass.bptt(p0, problem.config, forward, weight: problem.sequenceWeight, onStep: onStep)
                }
                loss += seqLoss
                gradients.add(seqGradients)
            }
            stream.endArray()
        } else if shown.totals {
            (loss, gradients, _) = Training.pass(p0, problem)
        }
        let (update, training, apply) = Trace.after(problem, gradients: gradients, losses: needsTraining ? losses : [],
                                                    trained: needsTraining ? trained : p0)
        footer(shown, problem.config, loss: loss, gradients: gradients, update: update, training: training, apply: apply, into: &stream)
    }

    /// Which parts of the trace `--only` keeps (docs/trace-format.md).
    struct Shown {
        var forward, sequenceLoss, backward, sequences, loss, gradients, update, training, apply: Bool
        var totals: Bool { loss || gradients || update }

        init(_ sections: Set<LessonSection>?) {
            func has(_ s: LessonSection...) -> Bool { sections.map { !$0.isDisjoint(with: s) } ?? true }
            forward = has(.forward, .loss)
            sequenceLoss = has(.loss)
            backward = has(.bptt, .accumulation)
            sequences = forward || sequenceLoss || backward
            loss = has(.loss)
            gradients = has(.bptt, .accumulation, .update)
            update = has(.update)
            training = has(.training)
            apply = has(.apply)
        }
    }

    static func write(_ trace: Trace, lesson: Lesson, sections: Set<LessonSection>?, into stream: inout JSONStream) {
        let shown = Shown(sections)
        let c = trace.config
        header(lesson, c, trace.parameters, trace.h0, into: &stream)
        if shown.sequences {
            stream.beginArray("sequences")
            for s in trace.sequences {
                _ = sequence(forward: s.forward, loss: s.loss, shown, c, into: &stream) { onStep in
                    s.backward.forEach(onStep)
                    return s.gradients
                }
            }
            stream.endArray()
        }
        footer(shown, c, loss: trace.loss, gradients: trace.gradients, update: trace.update,
               training: trace.training, apply: trace.apply, into: &stream)
    }

    private static func header(_ lesson: Lesson, _ c: ModelConfig, _ p: Parameters, _ h0: [Double], into stream: inout JSONStream) {
        stream.beginObject()
        stream.member("format", .string(format))
        var about = JSONObject([
            ("id", .string(lesson.id)),
            ("title", .object(JSONObject([("zh", .string(lesson.shownTitle(.zh))), ("en", .string(lesson.shownTitle(.en)))]))),
            ("description", localized(lesson.description)),
            ("source", .string(lesson.source)),
        ])
        // A variant (run --variant N or --student ID) says which; the lesson itself has no member.
        if lesson.variantNumber != 0 { about["variant"] = .int(lesson.variantNumber) }
        stream.member("lesson", .object(about))
        stream.member("model", model(c))
        stream.member("parameters", parameters(p, c))
        stream.member("h0", .doubles(h0))
    }

    /// One element of "sequences"; `backward` hands each BPTT step to the writer and returns ∂L_seq/∂θ.
    private static func sequence(forward: [StepForward], loss: Double, _ shown: Shown, _ c: ModelConfig,
                                 into stream: inout JSONStream,
                                 backward: ((StepBackward) -> Void) -> Parameters) -> Parameters {
        stream.beginObject()
        if shown.forward {
            stream.beginArray("forward")
            for f in forward { stream.element(self.forward(f)) }
            stream.endArray()
        }
        if shown.sequenceLoss { stream.member("loss", .double(loss)) }
        var gradients = Parameters(zerosFor: c)
        if shown.backward {
            stream.beginArray("backward")
            gradients = backward { b in stream.element(self.backward(b, c)) }
            stream.endArray()
        }
        stream.endObject()
        return gradients
    }

    private static func footer(_ shown: Shown, _ c: ModelConfig, loss: Double, gradients: Parameters,
                               update: UpdateTrace, training: TrainingTrace, apply: ApplyTrace?,
                               into stream: inout JSONStream) {
        if shown.loss { stream.member("loss", .double(loss)) }
        if shown.gradients { stream.member("gradients", parameters(gradients, c)) }
        if shown.update {
            stream.member("update", .object(JSONObject([
                ("learning_rate", .double(update.learningRate)),
                ("parameters", parameters(update.parameters, c)),
            ])))
        }
        if shown.training {
            stream.member("training", .object(JSONObject([
                ("epochs", .int(training.epochs)),
                ("learning_rate", .double(training.learningRate)),
                ("loss", .doubles(training.losses)),
                ("parameters", parameters(training.parameters, c)),
            ])))
        }
        if shown.apply, let apply {
            stream.member("apply", .array(apply.steps.enumerated().map { k, f in
                var o = JSONObject([("t", .int(f.t)), ("x", .doubles(f.x)), ("h", .doubles(f.h)), ("y", .doubles(f.y))])
                if let expected = apply.expected, k < expected.count { o["expected"] = .doubles(expected[k]) }
                return .object(o)
            }))
        }
        stream.endObject()
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

    /// One forward entry: `t`, `x`, `h_prev`, then the registry's forward quantities in the order
    /// one step computes them (those the conventions record; no `target` on applied steps), then `loss`.
    static func forward(_ f: StepForward) -> JSONValue {
        var o = JSONObject([("t", .int(f.t)), ("x", .doubles(f.x)), ("h_prev", .doubles(f.hPrev))])
        for q in TraceKey.StepQuantity.allCases where !q.isBackward && q != .x {
            if let values = f[q] { o[q.rawValue] = .doubles(values) }
        }
        if let loss = f.loss { o["loss"] = .double(loss) }
        return .object(o)
    }

    /// One backward entry: `t`, the registry's backward quantities in the order one step computes
    /// them (those the conventions record), then `grads`, the step's contribution to every gradient.
    static func backward(_ b: StepBackward, _ c: ModelConfig) -> JSONValue {
        var o = JSONObject([("t", .int(b.t))])
        for q in TraceKey.StepQuantity.backward(c) {
            if let values = b[q] { o[q.rawValue] = .doubles(values) }
        }
        o["grads"] = parameters(b.grads, c)
        return .object(o)
    }
}
