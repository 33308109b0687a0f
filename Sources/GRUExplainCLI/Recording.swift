import GRUCore
import GRULessons
import GRURender

/// Recording a lesson's trace, and the one line that says where and why it diverged (exit status 3).
enum Recording {
    /// Runs the engine (`Trace.record`, which checks what the `sections` shown hold); a
    /// diverging lesson becomes a message for exit status 3.
    static func record(_ lesson: Lesson, detailed: Bool = true, trained: Bool = true,
                       sections: Set<LessonSection>? = nil) -> Result<Trace, Divergence> {
        Result { () throws(Divergence) -> Trace in
            try Trace.record(lesson.problem, detailed: detailed, trained: trained, sections: sections)
        }
    }

    /// The lesson's trace, or nil after printing why the computation diverged (exit status 3).
    static func trace(_ lesson: Lesson, _ context: Context, detailed: Bool = true, trained: Bool = true,
                      sections: Set<LessonSection>? = nil) -> Trace? {
        switch record(lesson, detailed: detailed, trained: trained, sections: sections) {
        case .success(let t): return t
        case .failure(let d):
            context.fail(describe(d, lesson: lesson, language: context.messageLanguage))
            return nil
        }
    }

    /// Where and why the numbers stopped being finite, in one line (docs/robustness.md):
    /// - a forward value: "the loss became non-finite at epoch 12, timestep 3 (a_h reached ∞)";
    /// - a value of the first pass while the loss stays finite: "the first pass gives t2.a_z[1] = ∞";
    /// - a finite output whose square or gradient overflowed: "… (y reached 1.3e200, too large
    ///   to square in a Double)";
    /// - the last update, with finite gradients: "the update of epoch 1 made Why[1][1] ∞";
    /// - the trained model on new input: "applied to the new input, … (y reached ∞ at timestep 2, …)".
    static func describe(_ d: Divergence, lesson: Lesson, language: Language) -> String {
        let say = { (m: Message, arguments: [String]) in m.text(language, arguments) }
        let name = LessonOptions.name(lesson)
        let value = NumberFormat(digits: 4).value(d.value)
        let advice = say(.divergedAdvice, [NumberFormat(digits: 17).given(lesson.problem.learningRate)])
        switch d.site {
        case .update(let key):
            let entry = key.name + key.index.map { "[\($0)]" }.joined()
            return say(.divergedUpdate, [name, String(d.epoch), entry, value, advice])
        case .applied(let key):
            let epochs = d.epoch == 1 ? say(.divergedOneEpoch, []) : say(.divergedEpochs, [String(d.epoch)])
            return say(.divergedApplied, [name, value, String(key.t ?? 1), epochs, advice])
        case .step(let key) where d.lossIsFinite:
            return say(.divergedFirstPass, [name, key.description, value])
        case .step, .loss:
            var place = say(.divergedAtEpoch, [String(d.epoch)])
            if lesson.problem.sequences.count > 1 { place += say(.divergedAtSequence, [String(d.key?.sequence ?? 1)]) }
            if let t = d.key?.t { place += say(.divergedAtTimestep, [String(t)]) }
            let quantity = d.key?.name ?? "loss"
            let why = d.key?.kind == .step(.y) && d.value.isFinite ? say(.divergedTooLargeToSquare, []) : ""
            // Epoch 1 runs on the lesson's own parameters, before any update: the rate is not the cause.
            let remedy = d.epoch <= 1 ? say(.divergedBeforeAnyUpdate, []) : advice
            return say(.divergedLoss, [name, place, quantity, value, why, remedy])
        }
    }
}
