import GRUCore
import GRUJSON

/// Reads a lesson file of format `gru-explain.lesson/1` (see docs/lesson-format.md) into a
/// `Lesson`, or lists every problem that keeps it from being used.
///
/// Every problem names the field as a JSON path with 0-based array indices
/// (`parameters.Uz[1]`, `sequences[0].targets[2]`), then says what was expected and what was
/// found: `my.json: parameters.Uz: expected a 2×2 matrix (hidden×hidden), found 2×3`. The
/// problems come in file order, at most `LessonError.maxProblems` of them: a field that cannot be
/// read is skipped with its problem noted, and the fields that do not depend on it are still read
/// (the parameters and sequences need the model's sizes, so a wrong size hides their problems).
public enum LessonDecoder {
    /// The value of `"format"` in every lesson file this version reads.
    public static let format = "gru-explain.lesson/1"

    /// Decodes the bytes of a lesson file. `file` names the file in error messages; `source`
    /// becomes `Lesson.source` ("bundled" or the path the user gave).
    ///
    /// The file is UTF-8, or UTF-16 or UTF-32 with a byte order mark (`UTF8Text.decode`). Lines
    /// and columns in the messages are counted in its text after the mark, the column in Unicode
    /// scalars (characters, as an editor shows them), so a file gives the same places in every
    /// encoding.
    ///
    /// `admit` is asked, for a valid lesson, whether it may be built: it gets the lesson's cost
    /// from its sizes alone, before the parameters are drawn from a seed or allocated, so that a
    /// lesson too large to run is refused in milliseconds. A refused lesson throws a `LessonError`
    /// with `refused` set and no problems.
    public static func decode(_ bytes: [UInt8], file: String, source: String,
                              admit: ((LessonCost) -> Bool)? = nil) throws(LessonError) -> Lesson {
        let r = LessonReader(file: file)
        try checkSize(bytes.count, file: file)
        let text: [UInt8]
        do {
            text = try UTF8Text.decode(bytes)
        } catch {
            throw r.error("", notUTF8Message(error))
        }
        if text.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            throw r.error("", say(text.isEmpty ? .fileEmpty : .fileBlank, say(.expectLesson, .literal(format))))
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw r.error("", say(.invalidJSON, .literal(String(error.line)), .literal(String(error.column)), .jsonSyntax(error.reason)))
        }
        let lesson = try self.lesson(Node(value: root, path: ""), r, source: source, admit: admit)
        try r.finish()
        // Every problem was noted; a lesson is returned only when there were none.
        guard let lesson else { throw LessonError(file: file, path: "", message: say(.expectLesson, .literal(format))) }
        return lesson
    }

    /// The message for a file that is not UTF-8 text: what it probably is, and how to fix it. A
    /// place is given as for the parser's errors, `invalid JSON at line 1, column 11: …`.
    static func notUTF8Message(_ reason: NotUTF8) -> LessonMessage {
        func at(_ p: UTF8Problem, _ m: LessonMessage) -> LessonMessage {
            say(.invalidJSON, .literal(String(p.line)), .literal(String(p.column)), m)
        }
        switch reason {
        case .gbk(let p): return at(p, say(.notUTF8GBK, .literal(p.hex)))
        case .utf16WithoutBOM: return say(.notUTF8UTF16)
        case .binary(let p) where p.byte == 0: return at(p, say(.notUTF8NUL))
        case .binary(let p): return at(p, say(.notUTF8Binary, .utf8Problem(p)))
        case .other(let p): return at(p, say(.notUTF8Other, .utf8Problem(p)))
        case .notAsMarked(let encoding): return say(.notUTF8AsMarked, .literal(encoding))
        }
    }

    /// Refuses a file larger than `LessonLimits.maxFileBytes`; the loader calls this before reading.
    static func checkSize(_ byteCount: Int, file: String) throws(LessonError) {
        guard byteCount > LessonLimits.maxFileBytes else { return }
        let mib = 1024 * 1024
        let tenths = (byteCount * 10 + mib / 2) / mib
        throw LessonError(file: file, path: "", message:
            say(.fileTooLarge, .literal("\(tenths / 10).\(tenths % 10)"), .literal(String(LessonLimits.maxFileBytes / mib))))
    }

    // MARK: The sections of a lesson, in the order of the format

    private static let topLevelFields = ["format", "id", "title", "description", "notes", "model",
                                         "parameters", "init", "h0", "input_scale", "sequences", "training", "apply"]
    private static let modelFields = ["input_size", "hidden_size", "output_size", "update", "reset",
                                      "loss", "reduction", "sequence_reduction"]
    private static let trainingFields = ["learning_rate", "epochs"]

    /// The lesson, or nil when a problem was noted in `r`.
    private static func lesson(_ node: Node, _ r: LessonReader, source: String, admit: ((LessonCost) -> Bool)?) throws(LessonError) -> Lesson? {
        // The format tag comes first: a file of another format gets that message, not a list of
        // unknown fields.
        if case .object(let o)? = node.value {
            try checkFormat(Node(value: o["format"], path: "format", order: [o.keys.firstIndex(of: "format") ?? Int.max]), r)
        }
        // A model or training field written at the top level: "did you mean model.loss?"
        let elsewhere = Dictionary(uniqueKeysWithValues: modelFields.map { ($0, "model.\($0)") } + trainingFields.map { ($0, "training.\($0)") })
        let f = try r.object(node, expected: say(.expectLesson, .literal(format)), known: topLevelFields, elsewhere: elsewhere)
        let id = r.attempt { () throws(LessonError) in try self.id(f["id"], r) }
        let title = r.attempt { () throws(LessonError) in try r.text(f["title"], title: true) }
        let description = f["description"].isMissing ? LocalizedText.none
            : r.attempt { () throws(LessonError) in try r.text(f["description"], title: false) }
        let notes = r.attempt { () throws(LessonError) in try self.notes(f["notes"], r) } ?? nil
        let config = r.attempt { () throws(LessonError) in try model(f["model"], r) } ?? nil
        let start = r.attempt { () throws(LessonError) in try startingParameters(f, config, r) } ?? nil
        let h0: [Double]? = config.flatMap { c in
            f["h0"].isMissing ? [Double](repeating: 0, count: c.hiddenSize)
                : r.attempt { () throws(LessonError) in try r.vector(f["h0"], count: c.hiddenSize, unit: "hidden") }
        }
        let inputScale = r.attempt { () throws(LessonError) in try self.inputScale(f["input_scale"], r) }
        let trainingSequences = r.attempt { () throws(LessonError) in try self.sequences(f["sequences"], config, r) } ?? nil
        let training = r.attempt { () throws(LessonError) in try self.training(f["training"], r) }
        let application = r.attempt { () throws(LessonError) in try self.apply(f["apply"], config, r) }
        guard r.problems.isEmpty, let id, let title, let description, let notes, let config, let start, let h0,
              let inputScale, var sequences = trainingSequences, let training, var apply = application else { return nil }
        let (learningRate, epochs) = training
        if let admit, !admit(LessonCost(config: config, lengths: sequences.map(\.inputs.count),
                                        applyLength: apply?.inputs.count ?? 0, epochs: epochs)) {
            var refusal = LessonError(file: r.file, problems: [])
            refusal.refused = true
            throw refusal
        }
        // Drawn only now that the lesson is admitted: at hidden_size 4096 they are 400 MB.
        let initialisation = start.seeded
        guard let parameters = start.given ?? initialisation?.parameters(for: config) else { return nil }
        // input_scale multiplies every input, for training and for apply alike; targets and
        // expected outputs stay as written.
        if inputScale != 1 {
            func scaled(_ inputs: [[Double]]) -> [[Double]] { inputs.map { $0.map { inputScale * $0 } } }
            for k in sequences.indices { sequences[k].inputs = scaled(sequences[k].inputs) }
            if let inputs = apply?.inputs { apply?.inputs = scaled(inputs) }
        }
        let problem = Problem(config: config, parameters: parameters, h0: h0, sequences: sequences,
                              learningRate: learningRate, epochs: epochs,
                              applyInputs: apply?.inputs, applyExpected: apply?.expected)
        return Lesson(id: id, title: title, description: description, notes: notes,
                      problem: problem, source: source, initialisation: initialisation, inputScale: inputScale)
    }

    private static func checkFormat(_ node: Node, _ r: LessonReader) throws(LessonError) {
        let expected = LessonMessage.literal("\"\(format)\"")
        // A missing tag is noted, and the rest is read: most likely the author forgot the line.
        guard !node.isMissing else {
            _ = r.attempt { () throws(LessonError) in try r.present(node, expected: expected) }
            return
        }
        guard case .string(format) = try r.present(node, expected: expected) else {
            throw r.mismatch(node, expected: say(.onlyFormat, expected))
        }
    }

    private static func id(_ node: Node, _ r: LessonReader) throws(LessonError) -> String {
        let id = try r.nonEmptyString(node, expected: say(.expectId))
        if let bad = id.unicodeScalars.first(where: { !isWordCharacter($0) && $0 != "-" }) {
            throw r.error(node, say(.idBadCharacter, .literal(JSONWriter.quoted(id)), .literal(JSONWriter.quoted(String(bad)))))
        }
        guard id.count <= LessonLimits.maxIDLength else {
            throw r.error(node, say(.idTooLong, .literal(String(LessonLimits.maxIDLength)), .literal(String(id.count))))
        }
        return id
    }

    private static func notes(_ node: Node, _ r: LessonReader) throws(LessonError) -> [LessonSection: LocalizedText]? {
        guard !node.isMissing else { return [:] }
        let sections = LessonSection.allCases.map(\.rawValue)
        let f = try r.object(node, expected: say(.expectNotes, .list(sections)), known: sections)
        var notes: [LessonSection: LocalizedText] = [:]
        var complete = true
        for section in LessonSection.allCases where !f[section.rawValue].isMissing {
            if let text = r.attempt({ () throws(LessonError) in try r.text(f[section.rawValue], title: false) }) {
                notes[section] = text
            } else {
                complete = false
            }
        }
        return complete ? notes : nil
    }

    private static func model(_ node: Node, _ r: LessonReader) throws(LessonError) -> ModelConfig? {
        let f = try r.object(node, expected: say(.expectModel), known: modelFields)
        let size = say(.wholeFromTo, "1", .literal(String(LessonLimits.maxSize)))
        func integer(_ key: String) -> Int? {
            r.attempt { () throws(LessonError) in try r.integer(f[key], in: 1...LessonLimits.maxSize, expected: size) }
        }
        func choice<E: CaseIterable & RawRepresentable<String>>(_ key: String, _ value: E) -> E? {
            r.attempt { () throws(LessonError) in try r.choice(f[key], default: value) }
        }
        let input = integer("input_size"), hidden = integer("hidden_size"), output = integer("output_size")
        let update = choice("update", UpdateRule.zTimesPrevious), reset = choice("reset", ResetPlacement.beforeMatmul)
        let loss = choice("loss", LossKind.halfSquared), reduction = choice("reduction", Reduction.sum)
        let sequenceReduction = choice("sequence_reduction", Reduction.sum)
        // With the sizes known, a wrong convention (noted already) is taken as its default, so that
        // the shapes of the parameters and sequences are still checked.
        guard let input, let hidden, let output else { return nil }
        return ModelConfig(inputSize: input, hiddenSize: hidden, outputSize: output, update: update ?? .zTimesPrevious,
                           reset: reset ?? .beforeMatmul, loss: loss ?? .halfSquared, reduction: reduction ?? .sum,
                           sequenceReduction: sequenceReduction ?? .sum)
    }

    /// The names of a parameter's dimensions, for messages: Uz is (hidden×hidden).
    private static func dimensions(_ name: ParameterName) -> (rows: String, cols: String) {
        switch name {
        case .Wz, .Wr, .Wh: return ("hidden", "input")
        case .Uz, .Ur, .Uh: return ("hidden", "hidden")
        case .bz, .br, .bh, .bhn: return ("hidden", "")
        case .Why: return ("output", "hidden")
        case .by: return ("output", "")
        }
    }

    /// `parameters` written out, or `init` to draw them from a seed; exactly one of the two.
    /// Nil (with the problems noted) when they cannot be read, or when the model's sizes are
    /// unknown (`c` is nil) and the parameters are written out.
    private static func startingParameters(_ f: Fields, _ c: ModelConfig?, _ r: LessonReader) throws(LessonError) -> StartingParameters? {
        let given = f["parameters"], seeded = f["init"]
        switch (given.isMissing, seeded.isMissing) {
        case (false, false):
            throw r.error(seeded, say(.parametersAndInit))
        case (true, true):
            if r.isSuggested(given) { throw LessonError.noted }
            let used = c.map { ParameterName.used(by: $0).map(\.rawValue) } ?? ["Wz", "Uz", "bz", "Wr", "Ur", "br", "Wh", "Uh", "bh", "Why", "by"]
            throw r.error(given, say(.parametersMissing, .list(used)))
        case (false, true):
            guard let c else { return nil }
            return try parameters(given, c, r).map { StartingParameters(given: $0, seeded: nil) }
        case (true, false):
            let initialisation = try self.initialisation(seeded, r)
            guard c != nil else { return nil }
            return StartingParameters(given: nil, seeded: initialisation)
        }
    }

    private static func initialisation(_ node: Node, _ r: LessonReader) throws(LessonError) -> SeededInitialisation {
        let f = try r.object(node, expected: say(.expectInit), known: ["seed", "scale"])
        let maxSeed = SeededInitialisation.maxSeed
        let seed = r.attempt { () throws(LessonError) in
            try r.integer(f["seed"], in: 0...Int(maxSeed), expected: say(.expectSeed, .literal(String(maxSeed))))
        }
        let scale = r.attempt { () throws(LessonError) in
            let expected = say(.expectScale)
            let scale = try r.number(f["scale"], expected: expected)
            guard scale >= 0 else { throw r.mismatch(f["scale"], expected: expected) }
            return scale
        }
        guard let seed, let scale else { throw LessonError.noted }
        return SeededInitialisation(seed: UInt64(seed), scale: scale)
    }

    private static func inputScale(_ node: Node, _ r: LessonReader) throws(LessonError) -> Double {
        guard !node.isMissing else { return 1 }
        let expected = say(.expectInputScale)
        let scale = try r.number(node, expected: expected)
        guard scale > 0 else { throw r.mismatch(node, expected: expected) }
        return scale
    }

    private static func parameters(_ node: Node, _ c: ModelConfig, _ r: LessonReader) throws(LessonError) -> Parameters? {
        let used = ParameterName.used(by: c).map(\.rawValue)
        let f = try r.object(node, expected: say(.expectParameters, .list(used)),
                             known: ParameterName.allCases.map(\.rawValue))
        // Every value is checked before the parameters are allocated, so that a wrong file with a
        // huge hidden_size fails fast instead of first filling gigabytes with zeros.
        var values: [ParameterName: [Double]] = [:]
        var complete = true
        for name in ParameterName.allCases {
            let field = f[name.rawValue]
            let (rows, cols) = name.shape(c)
            let dims = dimensions(name)
            let value = r.attempt { () throws(LessonError) -> [Double]? in
                if name == .bhn {
                    if c.reset == .beforeMatmul {
                        guard field.isMissing else { throw r.error(field, say(.bhnUnused)) }
                        return nil
                    }
                    guard !field.isMissing else { throw r.error(field, say(.bhnMissing, counted(rows, .numberOne, .numberMany))) }
                }
                return name.isVector
                    ? try r.vector(field, count: rows, unit: .literal(dims.rows))
                    : try r.matrix(field, rows: rows, cols: cols, unit: "\(dims.rows)×\(dims.cols)")
            }
            switch value {
            case .some(.some(let v)): values[name] = v
            case .some(.none): break
            case .none: complete = false
            }
        }
        guard complete else { return nil }
        var p = Parameters(zerosFor: c)   // bhn stays zeros under before_matmul
        for (name, v) in values { p[name] = v }
        return p
    }

    private static func sequences(_ node: Node, _ c: ModelConfig?, _ r: LessonReader) throws(LessonError) -> [TrainingSequence]? {
        let items = try r.elements(node, expected: say(.expectSequences))
        guard !items.isEmpty else { throw r.error(node, say(.sequencesEmpty)) }
        var sequences: [TrainingSequence] = []
        var complete = true
        for item in items {
            let sequence = r.attempt { () throws(LessonError) -> TrainingSequence? in
                let f = try r.object(item, expected: say(.expectSequence), known: ["inputs", "targets"])
                guard let c else { return nil }
                let inputs = r.attempt { () throws(LessonError) in try r.timesteps(f["inputs"], width: c.inputSize, size: "input_size") }
                let targets = r.attempt { () throws(LessonError) in
                    try r.timesteps(f["targets"], width: c.outputSize, size: "output_size", matching: inputs?.count)
                }
                guard let inputs, let targets else { return nil }
                return TrainingSequence(inputs: inputs, targets: targets)
            }
            if let sequence = sequence ?? nil { sequences.append(sequence) } else { complete = false }
        }
        return complete ? sequences : nil
    }

    private static func training(_ node: Node, _ r: LessonReader) throws(LessonError) -> (learningRate: Double, epochs: Int) {
        let f = try r.object(node, expected: say(.expectTraining), known: trainingFields)
        let learningRate = r.attempt { () throws(LessonError) in
            let rate = say(.expectLearningRate)
            let learningRate = try r.number(f["learning_rate"], expected: rate)
            guard learningRate > 0 else { throw r.mismatch(f["learning_rate"], expected: rate) }
            return learningRate
        }
        let epochs = r.attempt { () throws(LessonError) in
            try r.integer(f["epochs"], in: 1...LessonLimits.maxEpochs, expected: say(.expectEpochs, .literal(String(LessonLimits.maxEpochs))))
        }
        guard let learningRate, let epochs else { throw LessonError.noted }
        return (learningRate, epochs)
    }

    /// nil inside: no `apply`. Throws `noted` when it cannot be read or the sizes are unknown.
    private static func apply(_ node: Node, _ c: ModelConfig?, _ r: LessonReader) throws(LessonError) -> (inputs: [[Double]], expected: [[Double]]?)? {
        guard !node.isMissing else { return nil }
        let f = try r.object(node, expected: say(.expectApply), known: ["inputs", "expected"])
        guard let c else { throw LessonError.noted }
        let inputs = r.attempt { () throws(LessonError) in try r.timesteps(f["inputs"], width: c.inputSize, size: "input_size") }
        var expected: [[Double]]? = nil
        if !f["expected"].isMissing {
            expected = r.attempt { () throws(LessonError) in
                try r.timesteps(f["expected"], width: c.outputSize, size: "output_size", matching: inputs?.count)
            }
            if expected == nil { throw LessonError.noted }
        }
        guard let inputs else { throw LessonError.noted }
        return (inputs, expected)
    }
}

/// The parameters as written, or the seeded draw that will make them (exactly one is set).
private struct StartingParameters {
    var given: Parameters?
    var seeded: SeededInitialisation?
}

extension LessonError {
    /// Thrown where the problems are already noted in the reader: nothing more to say.
    static let noted = LessonError(file: "", problems: [])
}
