import GRUCore
import GRUJSON

/// Damages a lesson file or an answer sheet the ways a disk, an editor, a careless script or a
/// hostile user would, driven by SplitMix64 so that every case can be replayed from its seed.
///
/// Byte mutations work on any file; JSON mutations parse the lesson, change one node of the tree
/// and write it back; line mutations work on answer sheets.
struct Mutator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// 0..<n
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    mutating func chance(_ p: Double) -> Bool { rng.nextUniform() < p }

    // MARK: Bytes

    /// Bytes that mean something in JSON or in a sheet, so that a random byte is often a near miss.
    static let punctuation = Array("{}[]\",:=#?.eE-+0123456789ntfaNI\\/ \t\n\r".utf8)

    /// Numbers at and beyond every edge: overflow, underflow, the size and epoch limits, Int's range.
    static let edgeNumbers = [
        "1e308", "1.7976931348623157e308", "1e309", "-1e400", "1e-400", "5e-324", "-0", "0", "0.0",
        "2.5", "4096", "4097", "1e15", "99999999999999999999", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "10000000", "10000001", "1e7", "1e-7",
        "1000000", "1000001", "-1", "3", "1", "1e2", "123456789012345678901234567890.5",
    ]

    /// Text in many scripts, a BOM, a zero-width joiner, line and paragraph separators, an emoji
    /// with a modifier, a combining mark, a right-to-left mark, full-width digits and the
    /// characters a terminal reacts to.
    static let strangeText = [
        "隐藏状态", "é", "\u{FEFF}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{85}", "👩🏽‍🔬", "e\u{301}",
        "\u{200F}", "０．５", "\u{1B}[2J", "\u{7F}", "\u{0B}", "\u{C}", "𝔁", "\u{FFFD}", "\r",
    ]

    /// Sequences that are not UTF-8: a lone continuation byte, an overlong encoding, a UTF-16
    /// surrogate, bytes that never occur, a character cut short.
    static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xFE], [0xFF], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xC3], [0x00],
    ]

    mutating func mutateBytes(_ bytes: inout [UInt8]) {
        let n = bytes.count
        switch below(9) {
        case 0 where n > 0:                 // flip one bit
            bytes[below(n)] ^= UInt8(1 << below(8))
        case 1 where n > 0:                 // overwrite a byte
            bytes[below(n)] = chance(0.5) ? pick(Self.punctuation) : UInt8(truncatingIfNeeded: rng.next())
        case 2:                             // truncate
            bytes.removeLast(n - below(n + 1))
        case 3 where n > 0:                 // delete a run
            let at = below(n), length = 1 + below(min(64, n - at))
            bytes.removeSubrange(at..<min(n, at + length))
        case 4:                             // insert random bytes
            let run = (0..<(1 + below(8))).map { _ in chance(0.5) ? pick(Self.punctuation) : UInt8(truncatingIfNeeded: rng.next()) }
            bytes.insert(contentsOf: run, at: below(n + 1))
        case 5 where n > 0:                 // duplicate a run
            let at = below(n), length = 1 + below(min(256, n - at))
            bytes.insert(contentsOf: bytes[at..<min(n, at + length)], at: below(n + 1))
        case 6:                             // strange but valid UTF-8
            bytes.insert(contentsOf: Array(pick(Self.strangeText).utf8), at: below(n + 1))
        case 7:                             // invalid UTF-8
            bytes.insert(contentsOf: pick(Self.invalidUTF8), at: below(n + 1))
        default:                            // line ends changed throughout: CRLF, or CR alone
            let crlf = chance(0.5)
            var changed: [UInt8] = []
            changed.reserveCapacity(n + n / 8)
            for b in bytes {
                if b == 0x0A {
                    changed.append(0x0D)
                    if crlf { changed.append(0x0A) }
                } else {
                    changed.append(b)
                }
            }
            bytes = changed
        }
    }

    // MARK: JSON

    /// One change to one node of a lesson's tree, chosen at random.
    mutating func mutateJSON(_ root: JSONValue) -> JSONValue {
        var counter = 0
        let target = below(Self.nodeCount(root))
        let kind = below(6)
        return rewrite(root, target: target, counter: &counter, kind: kind)
    }

    private static func nodeCount(_ v: JSONValue) -> Int {
        switch v {
        case .array(let a): return 1 + a.reduce(0) { $0 + nodeCount($1) }
        case .object(let o): return 1 + o.members.reduce(0) { $0 + nodeCount($1.value) }
        default: return 1
        }
    }

    private mutating func rewrite(_ v: JSONValue, target: Int, counter: inout Int, kind: Int) -> JSONValue {
        if counter == target {
            counter += Self.nodeCount(v)
            return change(v, kind: kind)
        }
        counter += 1
        switch v {
        case .array(let a):
            var out: [JSONValue] = []
            for e in a { out.append(counter <= target ? rewrite(e, target: target, counter: &counter, kind: kind) : e) }
            return .array(out)
        case .object(let o):
            var out = JSONObject()
            for m in o.members {
                out.members.append((m.key, counter <= target ? rewrite(m.value, target: target, counter: &counter, kind: kind) : m.value))
            }
            return .object(out)
        default:
            return v
        }
    }

    /// A number written exactly as `literal`, even one a Double cannot hold (the writer writes
    /// the literal of a finite value).
    static func literal(_ text: String) -> JSONValue { .number(JSONNumber(literal: text, value: 0)) }

    private mutating func change(_ v: JSONValue, kind: Int) -> JSONValue {
        switch kind {
        case 0:     // another type in its place
            return pick([.null, .bool(true), .bool(false), Self.literal("0"), Self.literal("-1"),
                         .string(""), .string("0.5"), .string(pick(Self.strangeText)), .array([]),
                         .array([Self.literal("1"), Self.literal("2")]), .object(JSONObject()),
                         .object(JSONObject([("zh", .string("中")), ("en", .string("en"))]))])
        case 1:     // a number at an edge, wherever a number is (else anywhere)
            return Self.literal(pick(Self.edgeNumbers))
        case 2:     // nested: just within the parser's limit, at it, or far beyond
            var nested = v
            for _ in 0..<pick([1, 2, 10, 150, 199, 200, 201, 1000]) {
                nested = chance(0.5) ? .array([nested]) : .object(JSONObject([("a", nested)]))
            }
            return nested
        case 3:     // an object with a duplicated, a case-changed, a removed or an unknown key
            guard case .object(var o) = v, !o.members.isEmpty else { return .array([v, v]) }
            let k = below(o.members.count)
            switch below(4) {
            case 0: o.members.append(o.members[k])
            case 1: o.members.append((o.members[k].key.uppercased(), o.members[k].value))
            case 2: o.members.remove(at: k)
            default: o.members.append((o.members[k].key + pick(["_", "s", "x"]), .null))
            }
            return .object(o)
        case 4:     // an array grown, shrunk, emptied or turned ragged
            guard case .array(var a) = v, !a.isEmpty else { return .array([v]) }
            switch below(4) {
            case 0: a.append(a[below(a.count)])
            case 1: a.remove(at: below(a.count))
            case 2: a = []
            default: a[below(a.count)] = .array([a[below(a.count)], Self.literal("1")])
            }
            return .array(a)
        default:    // a string replaced by strange text, or a long one
            return .string(chance(0.8) ? pick(Self.strangeText) : String(repeating: "长", count: 5000))
        }
    }

    // MARK: Answer sheets

    /// One change to a sheet's lines: a key or a value replaced, a line repeated, a huge line,
    /// a line of strange text; or, a third of the time, a byte mutation.
    mutating func mutateSheet(_ bytes: inout [UInt8]) {
        guard chance(0.66) else { mutateBytes(&bytes); return }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return }
        let k = below(lines.count)
        switch below(7) {
        case 0:     // a value at an edge, or not a number
            let key = lines[k].split(separator: "=").first.map(String.init) ?? lines[k]
            lines[k] = key + "= " + pick(Self.edgeNumbers + ["nan", "inf", "0,5", "1/2", "[0.1, 0.2]", "？", "一", "0x1p-3", "1e", "--1", "+-0"])
        case 1:     // a key with indices or timesteps out of range, zero or huge
            lines[k] = pick(["t0.z[1]", "t1.z[0]", "t99999999999.z[1]", "t1.z[99999999999999999999]", "t1.z[1][1][1]",
                             "grad.Wz[1]", "s1.t1.z[1]", "apply.t9.y[1]", "train.loss[0]", "train.loss[501]",
                             "t1.grad.bhn[1]", "t1.rh[1]", "t1.n_h[1]", "update.Why[2][1]", "t1..z[1]", "[1]", "t-1.z[1]"]) + " = 0.5"
        case 2:     // a line repeated
            lines.insert(lines[k], at: below(lines.count + 1))
        case 3:     // a very long line
            lines[k] = String(repeating: pick(["t1.z[1]", "9", "长", " "]), count: 5_000)
        case 4:     // strange text inside a line
            var line = Array(lines[k].unicodeScalars)
            line.insert(contentsOf: pick(Self.strangeText).unicodeScalars, at: below(line.count + 1))
            lines[k] = String(String.UnicodeScalarView(line))
        case 5:     // a line removed
            lines.remove(at: k)
        default:    // the separator changed
            lines[k] = lines[k].replacing("=", with: pick([":", "\t", " ", "==", "＝", ""]))
        }
        bytes = Array(lines.joined(separator: "\n").utf8)
    }
}
