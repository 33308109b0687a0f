import GRUCore
import GRUJSON

/// The limits a lesson file must keep. They are far above what a lesson needs, and low enough that
/// a typo such as `"epochs": 1e12` is refused with a message instead of running for a week.
public enum LessonLimits {
    /// `input_size`, `hidden_size` and `output_size` are whole numbers from 1 to this.
    public static let maxSize = 4096
    /// `training.epochs` is a whole number from 1 to this.
    public static let maxEpochs = 10_000_000
    /// A sequence (training inputs, or `apply.inputs`) has 1 to this many timesteps.
    public static let maxSequenceLength = 1_000_000
    /// A lesson file has at most this many bytes (16 MiB). A file of nothing but numbers takes
    /// about 30 times its size in memory once parsed (measured: 16 MiB of `[0],[0],…` peaks at
    /// 0.6 GB), so this also bounds what reading a file can cost.
    public static let maxFileBytes = 16 * 1024 * 1024
    /// An `id` has 1 to this many characters.
    public static let maxIDLength = 64
}

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
            throw r.error("", say(.invalidJSON, .literal(String(error.line)), .literal(String(error.column)), .literal(error.message)))
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
        case .binary(let p): return at(p, say(.notUTF8Binary, .literal(p.description)))
        case .other(let p): return at(p, say(.notUTF8Other, .literal(p.description)))
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
        let f = try r.object(node, expected: say(.expectNotes, .literal(sections.joined(separator: ", "))), known: sections)
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
            let used = c.map { ParameterName.used(by: $0).map(\.rawValue).joined(separator: ", ") } ?? "Wz, Uz, bz, Wr, Ur, br, Wh, Uh, bh, Why, by"
            throw r.error(given, say(.parametersMissing, .literal(used)))
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
        let f = try r.object(node, expected: say(.expectParameters, .literal(used.joined(separator: ", "))),
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

// MARK: - Reading JSON values with JSON-path errors

/// A value in the lesson file and its JSON path; `value` is nil when the field is missing.
/// `order` places it in the file (see `LessonError.Problem.order`).
struct Node {
    var value: JSONValue?
    var path: String
    var order: [Int] = []

    var isMissing: Bool { value == nil }

    var isArray: Bool {
        if case .array? = value { return true }
        return false
    }

    /// The path of member `key`: `model.hidden_size`, or `notes["my key"]` for a key that is not a
    /// plain name.
    func child(_ key: String, value: JSONValue?) -> Node {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy(isWordCharacter)
        let shown = key.count > 40 ? String(key.prefix(40)) + "…" : key
        let step = plain ? shown : "[\(JSONWriter.quoted(shown))]"
        var index = Int.max
        if case .object(let o)? = self.value, let k = o.keys.firstIndex(of: key) { index = k }
        return Node(value: value, path: path.isEmpty || !plain ? path + step : path + "." + step, order: order + [index])
    }

    /// The path of element `index` (0-based): `sequences[0]`.
    func element(_ index: Int, value: JSONValue) -> Node {
        Node(value: value, path: path + "[\(index)]", order: order + [index])
    }
}

/// The members of a JSON object whose names have been checked.
struct Fields {
    var node: Node
    var object: JSONObject

    subscript(key: String) -> Node { node.child(key, value: object[key]) }
}

/// A–Z, a–z, 0–9 or `_`.
func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
    ("A"..."Z").contains(u) || ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "_"
}

/// Small checks that every part of a lesson is read with, so that each kind of mistake gets the
/// same wording wherever it happens. The reader notes the problems of the fields it skips
/// (`attempt`), and `finish` throws them all, in file order.
final class LessonReader {
    let file: String
    private(set) var problems: [LessonError.Problem] = []
    /// The paths of known fields that an unknown name was taken for ("paramters": parameters):
    /// such a field is not reported missing as well.
    private var suggested: Set<String> = []

    init(file: String) { self.file = file }

    /// `body`'s value, or nil after noting its problem: the caller goes on with the next field.
    func attempt<T>(_ body: () throws(LessonError) -> T) -> T? {
        do {
            return try body()
        } catch {
            problems += error.problems
            return nil
        }
    }

    /// Throws every problem noted, in file order (the first `LessonError.maxProblems`).
    func finish() throws(LessonError) {
        guard !problems.isEmpty else { return }
        let sorted = problems.enumerated().sorted { a, b in
            a.element.order.lexicographicallyPrecedes(b.element.order) || (a.element.order == b.element.order && a.offset < b.offset)
        }.map(\.element)
        throw LessonError(file: file, problems: Array(sorted.prefix(LessonError.maxProblems)),
                          more: max(0, sorted.count - LessonError.maxProblems))
    }

    func error(_ path: String, _ message: LessonMessage) -> LessonError {
        LessonError(file: file, problems: [LessonError.Problem(path: path, message: message)])
    }

    func error(_ node: Node, _ message: LessonMessage) -> LessonError {
        LessonError(file: file, problems: [LessonError.Problem(path: node.path, message: message, order: node.order)])
    }

    /// "expected …, found the string "2"", with an optional hint on how to fix it.
    func mismatch(_ node: Node, expected: LessonMessage, hint: LessonMessage? = nil) -> LessonError {
        let message = say(.expectedFound, expected, found(node.value))
        return error(node, hint.map { say(.withHint, message, $0) } ?? message)
    }

    /// What was found, in the words of a message: `the number 2.5`, `the string "sum"`, `an
    /// array of 3 values`. Strings are quoted as JSON (control characters escaped), so the
    /// description always fits on one line.
    func found(_ value: JSONValue?) -> LessonMessage {
        switch value {
        case nil: return say(.foundNothing)
        case .null?: return say(.foundNull)
        case .bool(let b)?: return say(b ? .foundTrue : .foundFalse)
        case .number(let n)?: return say(.foundNumber, .literal(n.literal))
        case .string(let s)?:
            if s.isEmpty { return say(.foundEmptyString) }
            return say(.foundString, .literal(JSONWriter.quoted(s.count > 40 ? String(s.prefix(40)) + "…" : s)))
        case .array(let a)?:
            switch a.count {
            case 0: return say(.foundEmptyArray)
            case 1: return say(.foundArrayOne)
            default: return say(.foundArrayMany, .literal(String(a.count)))
            }
        case .object?: return say(.foundObject)
        }
    }

    /// True when an unknown name in the file was taken for this missing field (and so reported).
    func isSuggested(_ node: Node) -> Bool { node.isMissing && suggested.contains(node.path) }

    /// The value of a required field.
    func present(_ node: Node, expected: LessonMessage) throws(LessonError) -> JSONValue {
        guard let value = node.value else {
            if isSuggested(node) { throw LessonError.noted }
            throw error(node, say(.missingField, expected))
        }
        return value
    }

    /// An object whose member names are all in `known`. Each unknown name is noted, with the
    /// nearest known one as a suggestion, or where it belongs (`elsewhere`: "model.loss"), and
    /// the known fields are read all the same.
    func object(_ node: Node, expected: LessonMessage, known: [String], elsewhere: [String: String] = [:]) throws(LessonError) -> Fields {
        guard case .object(let object) = try present(node, expected: expected) else {
            throw mismatch(node, expected: expected)
        }
        for key in object.keys where !known.contains(key) {
            let place = node.child(key, value: nil)
            // "ID" next to "id": a second spelling of a field that is there already.
            if let given = known.first(where: { $0.lowercased() == key.lowercased() && object[$0] != nil }) {
                problems += error(place, say(.unknownFieldCaseSensitive, .literal(given))).problems
            } else if let there = elsewhere[key] {
                problems += error(place, say(.unknownFieldElsewhere, .literal(there))).problems
            } else if let near = nearestName(to: key, among: known) {
                if object[near] == nil { suggested.insert(node.child(near, value: nil).path) }
                problems += error(place, say(.unknownFieldDidYouMean, .literal(near))).problems
            } else {
                problems += error(place, say(.unknownFieldKnown, .literal(known.joined(separator: ", ")))).problems
            }
        }
        return Fields(node: node, object: object)
    }

    func elements(_ node: Node, expected: LessonMessage, hint: LessonMessage? = nil) throws(LessonError) -> [Node] {
        guard case .array(let values) = try present(node, expected: expected) else {
            throw mismatch(node, expected: expected, hint: hint)
        }
        return values.enumerated().map { node.element($0.offset, value: $0.element) }
    }

    /// A finite number. A literal too large for a Double (`1e999`) is refused here.
    func number(_ node: Node, expected: LessonMessage = say(.expectNumber)) throws(LessonError) -> Double {
        guard case .number(let n) = try present(node, expected: expected) else {
            throw mismatch(node, expected: expected)
        }
        guard n.value.isFinite else {
            throw error(node, say(.numberTooLarge, .literal(n.literal)))
        }
        return n.value
    }

    /// A whole number in `range`; `2.0` and `1e2` count as whole, `2.5` does not.
    func integer(_ node: Node, in range: ClosedRange<Int>, expected: LessonMessage) throws(LessonError) -> Int {
        let d = try number(node, expected: expected)
        // Compare as Doubles first: converting a huge Double to Int would trap.
        guard d.rounded() == d, d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            throw mismatch(node, expected: expected)
        }
        return Int(d)
    }

    func nonEmptyString(_ node: Node, expected: LessonMessage = say(.expectNonEmptyString)) throws(LessonError) -> String {
        guard case .string(let s) = try present(node, expected: expected), !s.isEmpty else {
            throw mismatch(node, expected: expected)
        }
        return s
    }

    /// One of the raw values of `E`, or `default` when the field is missing.
    func choice<E: CaseIterable & RawRepresentable<String>>(_ node: Node, default: E) throws(LessonError) -> E {
        guard !node.isMissing else { return `default` }
        let expected = say(.expectOneOf, .literal(E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")))
        guard case .string(let s)? = node.value, let value = E(rawValue: s) else {
            throw mismatch(node, expected: expected)
        }
        return value
    }

    /// A text in one language or two: a plain string (the same in every language), or an object
    /// with `zh`, `en` or both, each a non-empty string. A title is one line; a description or a
    /// note may hold line breaks (`\n\n` between paragraphs). No other control character is
    /// allowed: it could move the cursor, clear the screen or retitle the window of whoever shows
    /// the lesson.
    func text(_ node: Node, title: Bool) throws(LessonError) -> LocalizedText {
        let expected = say(.expectText)
        switch try present(node, expected: expected) {
        case .string:
            return LocalizedText(try plainText(node, title: title))
        case .object(let o):
            let f = try object(node, expected: expected, known: ["zh", "en"])
            if o["zh"] == nil, o["en"] == nil { throw error(node, say(.textEmptyObject)) }
            var texts: [String: String] = [:]
            var complete = true
            for language in ["zh", "en"] where !f[language].isMissing {
                if let t = attempt({ () throws(LessonError) in try plainText(f[language], title: title) }) {
                    texts[language] = t
                } else {
                    complete = false
                }
            }
            guard complete else { throw LessonError.noted }
            return LocalizedText(zh: texts["zh"], en: texts["en"])
        default:
            throw mismatch(node, expected: expected)
        }
    }

    private func plainText(_ node: Node, title: Bool) throws(LessonError) -> String {
        let s = try nonEmptyString(node)
        for (k, u) in s.unicodeScalars.enumerated() {
            let code = LessonMessage.literal(JSONWriter.codePoint(u))
            let at = LessonMessage.literal(String(k + 1))
            if title, u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" {
                throw error(node, say(.titleLineBreak, code, at))
            }
            if u == "\t" { throw error(node, say(.textTab, at)) }
            if u != "\n", u.properties.generalCategory == .control {
                throw error(node, say(.controlCharacter, code, at))
            }
        }
        return s
    }

    /// A plain array of `count` numbers, such as a bias `[0.1, 0.1]`.
    func vector(_ node: Node, count: Int, unit: LessonMessage, hint: LessonMessage? = nil) throws(LessonError) -> [Double] {
        let expected = say(.expectVector, counted(count, .numberOne, .numberMany), unit)
        let items = try elements(node, expected: expected, hint: hint)
        guard items.count == count else { throw mismatch(node, expected: expected) }
        var values: [Double] = []
        for item in items {
            if item.isArray {
                throw mismatch(item, expected: say(.expectNumber), hint: say(.vectorNotRows))
            }
            values.append(try number(item))
        }
        return values
    }

    /// A `rows`×`cols` matrix written as an array of rows; returns its entries row by row.
    func matrix(_ node: Node, rows: Int, cols: Int, unit: String) throws(LessonError) -> [Double] {
        let expected = say(.expectMatrix, .literal(String(rows)), .literal(String(cols)), .literal(unit))
        let rowNodes = try elements(node, expected: expected)
        guard !rowNodes.isEmpty else { throw mismatch(node, expected: expected) }
        var table: [[Node]] = []
        for row in rowNodes {
            table.append(try elements(row, expected: say(.expectRow, counted(cols, .numberOne, .numberMany)),
                                      hint: say(.matrixAsRows, .literal(String(rows)), .literal(String(cols)), counted(rows, .rowOne, .rowMany))))
        }
        if let k = table.firstIndex(where: { $0.count != table[0].count }) {
            throw error(rowNodes[k], say(.raggedMatrix, counted(table[k].count, .valueOne, .valueMany), .literal(String(table[0].count)), expected))
        }
        guard table.count == rows, table[0].count == cols else {
            throw error(node, say(.matrixSize, expected, .literal(String(table.count)), .literal(String(table[0].count))))
        }
        var values: [Double] = []
        for row in table {
            for entry in row { values.append(try number(entry)) }
        }
        return values
    }

    /// One vector of `width` numbers per timestep; where `width` is 1 a plain number may stand
    /// for the vector. With `matching`, the count of timesteps must equal it (targets follow inputs).
    func timesteps(_ node: Node, width: Int, size: String, matching count: Int? = nil) throws(LessonError) -> [[Double]] {
        let each = width == 1 ? say(.expectNumberOrOneVector) : say(.expectVectorOf, .literal(String(width)))
        let steps = try elements(node, expected: say(.expectTimesteps, each))
        if let count, steps.count != count {
            throw error(node, say(.timestepsCount, counted(count, .timestepOne, .timestepMany), .literal(String(steps.count))))
        }
        guard !steps.isEmpty else { throw error(node, say(.timestepsEmpty)) }
        guard steps.count <= LessonLimits.maxSequenceLength else {
            throw error(node, say(.timestepsTooMany, .literal(String(LessonLimits.maxSequenceLength)), .literal(String(steps.count))))
        }
        var values: [[Double]] = []
        values.reserveCapacity(steps.count)
        for step in steps {
            if width == 1, !step.isArray {   // a plain number (anything else gets "expected a number")
                values.append([try number(step)])
            } else {
                values.append(try vector(step, count: width, unit: say(.sizeIs, .literal(size), .literal(String(width))),
                                         hint: width == 1 ? nil : say(.plainNumberOnlyWidthOne, .literal(size))))
            }
        }
        return values
    }
}
