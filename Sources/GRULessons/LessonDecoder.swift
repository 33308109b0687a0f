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
/// `Lesson`, or explains in one line why it cannot.
///
/// Every error names the file and the field as a JSON path with 0-based array indices
/// (`parameters.Uz[1]`, `sequences[0].targets[2]`), then says what was expected and what was
/// found: `my.json: parameters.Uz: expected a 2×2 matrix (hidden×hidden), found 2×3`.
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
    public static func decode(_ bytes: [UInt8], file: String, source: String) throws(LessonError) -> Lesson {
        let r = LessonReader(file: file)
        try checkSize(bytes.count, file: file)
        let text: [UInt8]
        do {
            text = try UTF8Text.decode(bytes)
        } catch {
            throw r.error("", notUTF8Message(error))
        }
        if text.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            let what = text.isEmpty ? "the file is empty" : "the file holds only blank space"
            throw r.error("", "\(what); expected a lesson, a JSON object that starts with \"format\": \"\(format)\"")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw r.error("", "invalid JSON at \(error.description)")
        }
        return try lesson(Node(value: root, path: ""), r, source: source)
    }

    /// The message for a file that is not UTF-8 text: what it probably is, and how to fix it. A
    /// place is given as for the parser's errors, `invalid JSON at line 1, column 11: …`.
    static func notUTF8Message(_ reason: NotUTF8) -> String {
        let fix = "save it as UTF-8"
        func at(_ p: UTF8Problem) -> String { "invalid JSON at line \(p.line), column \(p.column): " }
        switch reason {
        case .gbk(let p):
            return at(p) + "the file is not UTF-8 text (byte \(p.hex)); it is probably GBK or GB18030, "
                + "which a Chinese Windows editor calls 'ANSI'; \(fix)"
        case .utf16WithoutBOM:
            return "the file is not UTF-8 text (many of its bytes are 0x00); it is probably UTF-16 without a byte order mark; \(fix)"
        case .binary(let p) where p.byte == 0:
            return at(p) + "the file contains a NUL byte: it looks like a binary file, not JSON text"
        case .binary(let p):
            return at(p) + "the file is not UTF-8 text (\(p)); it looks like a binary file, not JSON text"
        case .other(let p):
            return at(p) + "the file is not UTF-8 text (\(p)); is it a binary file? If it is text, \(fix)"
        case .notAsMarked(let encoding):
            return "the file starts with the byte order mark of \(encoding) but is not \(encoding) text; \(fix)"
        }
    }

    /// Refuses a file larger than `LessonLimits.maxFileBytes`; the loader calls this before reading.
    static func checkSize(_ byteCount: Int, file: String) throws(LessonError) {
        guard byteCount > LessonLimits.maxFileBytes else { return }
        let mib = 1024 * 1024
        let tenths = (byteCount * 10 + mib / 2) / mib
        throw LessonError(file: file, path: "", message:
            "the file is \(tenths / 10).\(tenths % 10) MiB; a lesson file may be at most \(LessonLimits.maxFileBytes / mib) MiB")
    }

    // MARK: The sections of a lesson, in the order of the format

    private static let topLevelFields = ["format", "id", "title", "description", "notes", "model",
                                         "parameters", "init", "h0", "input_scale", "sequences", "training", "apply"]

    private static func lesson(_ node: Node, _ r: LessonReader, source: String) throws(LessonError) -> Lesson {
        // The format tag comes first: a file of another format gets that message, not a list of
        // unknown fields.
        if case .object(let o)? = node.value {
            try checkFormat(Node(value: o["format"], path: "format"), r)
        }
        let f = try r.object(node, expected: "a lesson, a JSON object that starts with \"format\": \"\(format)\"",
                             known: topLevelFields)
        let id = try self.id(f["id"], r)
        let title = try r.text(f["title"])
        let description = try r.text(f["description"])
        let notes = try self.notes(f["notes"], r)
        let config = try model(f["model"], r)
        let (parameters, initialisation) = try startingParameters(f, config, r)
        let h0 = f["h0"].isMissing
            ? [Double](repeating: 0, count: config.hiddenSize)
            : try r.vector(f["h0"], count: config.hiddenSize, unit: "hidden")
        let inputScale = try self.inputScale(f["input_scale"], r)
        var sequences = try self.sequences(f["sequences"], config, r)
        let (learningRate, epochs) = try training(f["training"], r)
        var apply = try self.apply(f["apply"], config, r)
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
        let expected = "\"\(format)\""
        guard case .string(format) = try r.present(node, expected: expected) else {
            throw r.mismatch(node, expected: expected + " (the only lesson format this version of gru-explain reads)")
        }
    }

    private static func id(_ node: Node, _ r: LessonReader) throws(LessonError) -> String {
        let id = try r.nonEmptyString(node, expected: "a non-empty id made of letters, digits, '_' and '-'")
        if let bad = id.unicodeScalars.first(where: { !isWordCharacter($0) && $0 != "-" }) {
            throw r.error(node.path, "\(JSONWriter.quoted(id)) contains the character \(JSONWriter.quoted(String(bad))); an id may use only the letters A–Z and a–z, digits, '_' and '-'")
        }
        guard id.count <= LessonLimits.maxIDLength else {
            throw r.error(node.path, "expected an id of at most \(LessonLimits.maxIDLength) characters, found \(id.count)")
        }
        return id
    }

    private static func notes(_ node: Node, _ r: LessonReader) throws(LessonError) -> [LessonSection: LocalizedText] {
        guard !node.isMissing else { return [:] }
        let sections = LessonSection.allCases.map(\.rawValue)
        let f = try r.object(node, expected: "an object of notes per section (\(sections.joined(separator: ", ")))",
                             known: sections)
        var notes: [LessonSection: LocalizedText] = [:]
        for section in LessonSection.allCases where !f[section.rawValue].isMissing {
            notes[section] = try r.text(f[section.rawValue])
        }
        return notes
    }

    private static func model(_ node: Node, _ r: LessonReader) throws(LessonError) -> ModelConfig {
        let f = try r.object(node, expected: "an object with input_size, hidden_size and output_size",
                             known: ["input_size", "hidden_size", "output_size", "update", "reset",
                                     "loss", "reduction", "sequence_reduction"])
        let size = "a whole number from 1 to \(LessonLimits.maxSize)"
        return ModelConfig(
            inputSize: try r.integer(f["input_size"], in: 1...LessonLimits.maxSize, expected: size),
            hiddenSize: try r.integer(f["hidden_size"], in: 1...LessonLimits.maxSize, expected: size),
            outputSize: try r.integer(f["output_size"], in: 1...LessonLimits.maxSize, expected: size),
            update: try r.choice(f["update"], default: .zTimesPrevious),
            reset: try r.choice(f["reset"], default: .beforeMatmul),
            loss: try r.choice(f["loss"], default: .halfSquared),
            reduction: try r.choice(f["reduction"], default: .sum),
            sequenceReduction: try r.choice(f["sequence_reduction"], default: .sum))
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
    private static func startingParameters(_ f: Fields, _ c: ModelConfig, _ r: LessonReader) throws(LessonError) -> (Parameters, SeededInitialisation?) {
        let given = f["parameters"], seeded = f["init"]
        switch (given.isMissing, seeded.isMissing) {
        case (false, false):
            throw r.error(seeded.path, "a lesson gives either \"parameters\" (the starting values, written out) or \"init\" (starting values drawn from a seed), not both; remove one of them")
        case (true, true):
            let used = ParameterName.used(by: c).map(\.rawValue).joined(separator: ", ")
            throw r.error(given.path, "missing field; expected an object with the parameters \(used), or instead \"init\": {\"seed\": 7, \"scale\": 0.5} to draw them at random")
        case (false, true):
            return (try parameters(given, c, r), nil)
        case (true, false):
            let initialisation = try self.initialisation(seeded, r)
            return (initialisation.parameters(for: c), initialisation)
        }
    }

    private static func initialisation(_ node: Node, _ r: LessonReader) throws(LessonError) -> SeededInitialisation {
        let f = try r.object(node, expected: "an object {\"seed\": a whole number, \"scale\": a number ≥ 0}",
                             known: ["seed", "scale"])
        let maxSeed = SeededInitialisation.maxSeed
        let seed = try r.integer(f["seed"], in: 0...Int(maxSeed),
                                 expected: "a whole number from 0 to \(maxSeed) (2^53)")
        let expected = "a number ≥ 0 (every entry is drawn from [−scale, scale))"
        let scale = try r.number(f["scale"], expected: expected)
        guard scale >= 0 else { throw r.mismatch(f["scale"], expected: expected) }
        return SeededInitialisation(seed: UInt64(seed), scale: scale)
    }

    private static func inputScale(_ node: Node, _ r: LessonReader) throws(LessonError) -> Double {
        guard !node.isMissing else { return 1 }
        let expected = "a number > 0 that every input is multiplied by"
        let scale = try r.number(node, expected: expected)
        guard scale > 0 else { throw r.mismatch(node, expected: expected) }
        return scale
    }

    private static func parameters(_ node: Node, _ c: ModelConfig, _ r: LessonReader) throws(LessonError) -> Parameters {
        let used = ParameterName.used(by: c).map(\.rawValue)
        let f = try r.object(node, expected: "an object with the parameters \(used.joined(separator: ", "))",
                             known: ParameterName.allCases.map(\.rawValue))
        // Every value is checked before the parameters are allocated, so that a wrong file with a
        // huge hidden_size fails fast instead of first filling gigabytes with zeros.
        var values: [ParameterName: [Double]] = [:]
        for name in ParameterName.allCases {
            let field = f[name.rawValue]
            let (rows, cols) = name.shape(c)
            let dims = dimensions(name)
            if name == .bhn {
                if c.reset == .beforeMatmul {
                    guard field.isMissing else {
                        throw r.error(field.path, "bhn has no role under \"reset\": \"before_matmul\" (it is the bias inside r⊙(Uh·h + bhn), which only after_matmul has); remove it, or set \"reset\": \"after_matmul\"")
                    }
                    continue
                }
                guard !field.isMissing else {
                    throw r.error(field.path, "missing field; \"reset\": \"after_matmul\" needs bhn, a vector of \(counted(rows, "number")) (hidden)")
                }
            }
            values[name] = name.isVector
                ? try r.vector(field, count: rows, unit: dims.rows)
                : try r.matrix(field, rows: rows, cols: cols, unit: "\(dims.rows)×\(dims.cols)")
        }
        var p = Parameters(zerosFor: c)   // bhn stays zeros under before_matmul
        for (name, v) in values { p[name] = v }
        return p
    }

    private static func sequences(_ node: Node, _ c: ModelConfig, _ r: LessonReader) throws(LessonError) -> [TrainingSequence] {
        let items = try r.elements(node, expected: "an array of training sequences, each {\"inputs\": […], \"targets\": […]}")
        guard !items.isEmpty else {
            throw r.error(node.path, "expected at least one training sequence, found an empty array")
        }
        var sequences: [TrainingSequence] = []
        for item in items {
            let f = try r.object(item, expected: "a training sequence, an object with inputs and targets",
                                 known: ["inputs", "targets"])
            let inputs = try r.timesteps(f["inputs"], width: c.inputSize, size: "input_size")
            let targets = try r.timesteps(f["targets"], width: c.outputSize, size: "output_size", matching: inputs.count)
            sequences.append(TrainingSequence(inputs: inputs, targets: targets))
        }
        return sequences
    }

    private static func training(_ node: Node, _ r: LessonReader) throws(LessonError) -> (learningRate: Double, epochs: Int) {
        let f = try r.object(node, expected: "an object with learning_rate and epochs", known: ["learning_rate", "epochs"])
        let rate = "a learning rate > 0"
        let learningRate = try r.number(f["learning_rate"], expected: rate)
        guard learningRate > 0 else { throw r.mismatch(f["learning_rate"], expected: rate) }
        let epochs = try r.integer(f["epochs"], in: 1...LessonLimits.maxEpochs,
                                   expected: "a whole number of epochs from 1 to \(LessonLimits.maxEpochs)")
        return (learningRate, epochs)
    }

    private static func apply(_ node: Node, _ c: ModelConfig, _ r: LessonReader) throws(LessonError) -> (inputs: [[Double]], expected: [[Double]]?)? {
        guard !node.isMissing else { return nil }
        let f = try r.object(node, expected: "an object with inputs and, optionally, expected", known: ["inputs", "expected"])
        let inputs = try r.timesteps(f["inputs"], width: c.inputSize, size: "input_size")
        let expected = f["expected"].isMissing
            ? nil
            : try r.timesteps(f["expected"], width: c.outputSize, size: "output_size", matching: inputs.count)
        return (inputs, expected)
    }
}

// MARK: - Reading JSON values with JSON-path errors

/// A value in the lesson file and its JSON path; `value` is nil when the field is missing.
struct Node {
    var value: JSONValue?
    var path: String

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
        return Node(value: value, path: path.isEmpty || !plain ? path + step : path + "." + step)
    }

    /// The path of element `index` (0-based): `sequences[0]`.
    func element(_ index: Int, value: JSONValue) -> Node {
        Node(value: value, path: path + "[\(index)]")
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

/// "1 number", "3 numbers".
func counted(_ n: Int, _ noun: String) -> String {
    n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
}

/// Small checks that every part of a lesson is read with, so that each kind of mistake gets the
/// same wording wherever it happens.
struct LessonReader {
    var file: String

    func error(_ path: String, _ message: String) -> LessonError {
        LessonError(file: file, path: path, message: message)
    }

    /// "expected …, found the string "2"", with an optional hint on how to fix it.
    func mismatch(_ node: Node, expected: String, hint: String? = nil) -> LessonError {
        let found = node.value?.kindDescription ?? "nothing"
        return error(node.path, "expected \(expected), found \(found)" + (hint.map { "; " + $0 } ?? ""))
    }

    /// The value of a required field.
    func present(_ node: Node, expected: String) throws(LessonError) -> JSONValue {
        guard let value = node.value else { throw error(node.path, "missing field; expected \(expected)") }
        return value
    }

    /// An object whose member names are all in `known`; an unknown name is refused with the
    /// nearest known one as a suggestion.
    func object(_ node: Node, expected: String, known: [String]) throws(LessonError) -> Fields {
        guard case .object(let object) = try present(node, expected: expected) else {
            throw mismatch(node, expected: expected)
        }
        for key in object.keys where !known.contains(key) {
            // "ID" next to "id": a second spelling of a field that is there already.
            if let given = known.first(where: { $0.lowercased() == key.lowercased() && object[$0] != nil }) {
                throw error(node.child(key, value: nil).path, "unknown field; names are case-sensitive, and \(given) is given already")
            }
            let advice = nearestName(to: key, among: known).map { "did you mean \($0)?" }
                ?? "the known fields are \(known.joined(separator: ", "))"
            throw error(node.child(key, value: nil).path, "unknown field; \(advice)")
        }
        return Fields(node: node, object: object)
    }

    func elements(_ node: Node, expected: String, hint: String? = nil) throws(LessonError) -> [Node] {
        guard case .array(let values) = try present(node, expected: expected) else {
            throw mismatch(node, expected: expected, hint: hint)
        }
        return values.enumerated().map { node.element($0.offset, value: $0.element) }
    }

    /// A finite number. A literal too large for a Double (`1e999`) is refused here.
    func number(_ node: Node, expected: String = "a number") throws(LessonError) -> Double {
        guard case .number(let n) = try present(node, expected: expected) else {
            throw mismatch(node, expected: expected)
        }
        guard n.value.isFinite else {
            throw error(node.path, "\(n.literal) is too large for a Double (the largest is about 1.8e308)")
        }
        return n.value
    }

    /// A whole number in `range`; `2.0` and `1e2` count as whole, `2.5` does not.
    func integer(_ node: Node, in range: ClosedRange<Int>, expected: String) throws(LessonError) -> Int {
        let d = try number(node, expected: expected)
        // Compare as Doubles first: converting a huge Double to Int would trap.
        guard d.rounded() == d, d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            throw mismatch(node, expected: expected)
        }
        return Int(d)
    }

    func nonEmptyString(_ node: Node, expected: String = "a non-empty string") throws(LessonError) -> String {
        guard case .string(let s) = try present(node, expected: expected), !s.isEmpty else {
            throw mismatch(node, expected: expected)
        }
        return s
    }

    /// One of the raw values of `E`, or `default` when the field is missing.
    func choice<E: CaseIterable & RawRepresentable<String>>(_ node: Node, default: E) throws(LessonError) -> E {
        guard !node.isMissing else { return `default` }
        let expected = "one of " + E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard case .string(let s)? = node.value, let value = E(rawValue: s) else {
            throw mismatch(node, expected: expected)
        }
        return value
    }

    /// `{"zh": "…", "en": "…"}`, both non-empty.
    func text(_ node: Node) throws(LessonError) -> LocalizedText {
        let f = try object(node, expected: "an object with a \"zh\" and an \"en\" text", known: ["zh", "en"])
        return LocalizedText(zh: try nonEmptyString(f["zh"]), en: try nonEmptyString(f["en"]))
    }

    /// A plain array of `count` numbers, such as a bias `[0.1, 0.1]`.
    func vector(_ node: Node, count: Int, unit: String, hint: String? = nil) throws(LessonError) -> [Double] {
        let expected = "a vector of \(counted(count, "number")) (\(unit))"
        let items = try elements(node, expected: expected, hint: hint)
        guard items.count == count else { throw mismatch(node, expected: expected) }
        var values: [Double] = []
        for item in items {
            if item.isArray {
                throw mismatch(item, expected: "a number", hint: "a vector is a plain array of numbers, not an array of rows")
            }
            values.append(try number(item))
        }
        return values
    }

    /// A `rows`×`cols` matrix written as an array of rows; returns its entries row by row.
    func matrix(_ node: Node, rows: Int, cols: Int, unit: String) throws(LessonError) -> [Double] {
        let expected = "a \(rows)×\(cols) matrix (\(unit))"
        let rowNodes = try elements(node, expected: expected)
        guard !rowNodes.isEmpty else { throw mismatch(node, expected: expected) }
        var table: [[Node]] = []
        for row in rowNodes {
            table.append(try elements(row, expected: "a row, an array of \(counted(cols, "number"))",
                                      hint: "write a \(rows)×\(cols) matrix as an array of \(counted(rows, "row"))"))
        }
        if let k = table.firstIndex(where: { $0.count != table[0].count }) {
            throw error(rowNodes[k].path, "ragged matrix: this row has \(counted(table[k].count, "value")) but row 0 has \(table[0].count); expected \(expected)")
        }
        guard table.count == rows, table[0].count == cols else {
            throw error(node.path, "expected \(expected), found \(table.count)×\(table[0].count)")
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
        let each = width == 1 ? "a number (or a 1-vector)" : "a vector of \(width) numbers"
        let steps = try elements(node, expected: "an array with \(each) per timestep")
        if let count, steps.count != count {
            throw error(node.path, "expected \(counted(count, "timestep")), one per input, found \(steps.count)")
        }
        guard !steps.isEmpty else {
            throw error(node.path, "expected at least one timestep, found an empty array")
        }
        guard steps.count <= LessonLimits.maxSequenceLength else {
            throw error(node.path, "expected at most \(LessonLimits.maxSequenceLength) timesteps (the limit for a sequence), found \(steps.count)")
        }
        var values: [[Double]] = []
        values.reserveCapacity(steps.count)
        for step in steps {
            if width == 1, !step.isArray {   // a plain number (anything else gets "expected a number")
                values.append([try number(step)])
            } else {
                values.append(try vector(step, count: width, unit: "\(size) is \(width)",
                                         hint: width == 1 ? nil : "a plain number stands for a vector only where \(size) is 1"))
            }
        }
        return values
    }
}
