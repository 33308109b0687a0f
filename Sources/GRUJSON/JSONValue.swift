/// A JSON document as a tree. Objects keep their keys in the order they were written, and numbers
/// keep their literal text, so that error messages can quote exactly what the user wrote.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A number from a Double, written at full precision (shortest round-trip).
    public static func double(_ d: Double) -> JSONValue { .number(JSONNumber(d)) }
    public static func int(_ i: Int) -> JSONValue { .number(JSONNumber(literal: String(i), value: Double(i))) }
    public static func doubles(_ v: [Double]) -> JSONValue { .array(v.map(double)) }

    /// What was found, in the words an error message uses: `the number 2.5`, `the string "sum"`,
    /// `an array of 3 values`, `an empty array`, `an object`, `null`. Strings are quoted as JSON
    /// (control characters escaped), so the description always fits on one line.
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return "the number \(n.literal)"
        case .string(let s):
            if s.isEmpty { return "an empty string" }
            return "the string " + JSONWriter.quoted(s.count > 40 ? String(s.prefix(40)) + "…" : s)
        case .array(let a):
            switch a.count {
            case 0: return "an empty array"
            case 1: return "an array of 1 value"
            default: return "an array of \(a.count) values"
            }
        case .object: return "an object"
        }
    }
}

/// A JSON number: its literal text and its value as a Double. `value` is ±∞ when the literal
/// is too large for a Double (e.g. `1e999`); the lesson validator reports that.
public struct JSONNumber: Equatable, Sendable {
    public var literal: String
    public var value: Double

    public init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
    }

    /// The shortest literal that reads back to exactly `d` (Swift's `description`).
    public init(_ d: Double) {
        self.init(literal: JSONNumber.shortest(d), value: d)
    }

    public static func shortest(_ d: Double) -> String {
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        return "\(d)"
    }
}

/// A JSON object whose members keep their written order.
public struct JSONObject: Equatable, Sendable {
    public var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append((key, v))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count
            && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
