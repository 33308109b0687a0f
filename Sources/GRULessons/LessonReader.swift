import GRUCore
import GRUJSON

// Reading JSON values with JSON-path errors: the small checks every part of a lesson is read
// with (LessonDecoder says which part is which).

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
                problems += error(place, say(.unknownFieldKnown, .list(known))).problems
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
        let expected = say(.expectOneOf, .list(E.allCases.map { "\"\($0.rawValue)\"" }))
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
            // The character and its place, spelled only for a message (every text of a lesson is read here).
            var code: LessonMessage { .literal(JSONWriter.codePoint(u)) }
            var at: LessonMessage { .literal(String(k + 1)) }
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
