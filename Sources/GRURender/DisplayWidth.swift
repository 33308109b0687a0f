/// How many terminal columns text takes, and how to wrap it.
///
/// East Asian wide and fullwidth characters (汉字, ，。) take two columns, combining marks (the
/// tilde in h̃) and zero-width characters none, everything else one. Characters of ambiguous width
/// (σ, ⊙, box drawing) count as one, as most terminals draw them.
public enum DisplayWidth {

    /// The columns `text` takes in a terminal. `text` must not contain escape sequences.
    public static func of(_ text: String) -> Int {
        // Most text (numbers, keys, English) is ASCII: one column a character, none for a control
        // character, without looking up each one's Unicode properties.
        var width = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.unicodeScalars.reduce(0) { $0 + of($1) } }
            width += of(Unicode.Scalar(byte))
        }
        return width
    }

    /// 0, 1 or 2 columns for one Unicode scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value != 0x7F ? 1 : 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(scalar.value) ? 2 : 1
    }

    /// True for CJK ideographs, kana, hangul, fullwidth forms and CJK punctuation: the East Asian
    /// Wide and Fullwidth ranges that occur in text (plus the common emoji blocks).
    public static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F,      // Hangul Jamo initials
             0x2E80...0x303E,      // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
             0x3041...0x33FF,      // kana, bopomofo, CJK compatibility
             0x3400...0x4DBF,      // CJK extension A
             0x4E00...0x9FFF,      // CJK unified ideographs
             0xA000...0xA4CF,      // Yi
             0xAC00...0xD7A3,      // Hangul syllables
             0xF900...0xFAFF,      // CJK compatibility ideographs
             0xFE30...0xFE4F,      // CJK compatibility forms
             0xFF00...0xFF60,      // fullwidth forms (，：（）)
             0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x3FFFD:    // CJK extensions B and beyond
            return true
        default:
            return false
        }
    }

    /// True when `text` contains a CJK ideograph or CJK punctuation.
    public static func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { isWide($0.value) }
    }

    /// `text` padded with spaces on the right (or left) to `width` columns.
    static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }

    /// Breaks `text` into lines of at most `width` columns. English breaks at spaces; Chinese may
    /// break between any two characters, but never before closing punctuation (，。）) or after
    /// opening punctuation (（“). A word longer than `width` stays whole on its own line.
    ///
    /// An equation in prose, "bhn = 0" or "η = 0.05", is kept on one line, and so is a difference
    /// such as "(1 − zₜ)" (`keepingEquationsWhole`).
    ///
    /// The first line may have another width (`firstWidth`, after a label on its left), and
    /// `keepTogether(before, after)` keeps the two words either side of a space on one line:
    /// CheckRenderer keeps `1 − z` together and lets a formula break only before `+`.
    static func wrap(_ text: String, width: Int, firstWidth: Int? = nil,
                     keepTogether: (String, String) -> Bool = { _, _ in false }) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        var pendingSpace = false
        for token in keepingEquationsWhole(joined(tokens(text), keepTogether)) {
            if token == " " { pendingSpace = !line.isEmpty; continue }
            let w = of(token)
            let gap = pendingSpace ? 1 : 0
            if lineWidth + gap + w > (lines.isEmpty ? firstWidth ?? width : width) && !line.isEmpty {
                lines.append(line)
                line = token; lineWidth = w
            } else {
                if pendingSpace { line += " " }
                line += token; lineWidth += gap + w
            }
            pendingSpace = false
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// [a, " ", "−", " ", b] → ["a − b"], then [a, " ", "=", " ", b] → ["a = b"], for single words a
    /// and b of at most 10 columns: a difference such as "(1 − zₜ)⊙h̃ₜ" is not broken inside its
    /// parenthesis, and a name stays with its value ("bhn = 0"), while a longer formula may still
    /// break after its "=".
    private static func keepingEquationsWhole(_ tokens: [String]) -> [String] {
        joiningAround("=", joiningAround("−", tokens))
    }

    private static func joiningAround(_ operator: String, _ tokens: [String]) -> [String] {
        func short(_ word: String) -> Bool { word != " " && !word.contains(" ") && of(word) <= 10 }
        var out: [String] = []
        var k = 0
        while k < tokens.count {
            if tokens[k] == `operator`, out.count >= 2, out[out.count - 1] == " ", short(out[out.count - 2]),
               k + 2 < tokens.count, tokens[k + 1] == " ", short(tokens[k + 2]) {
                out.removeLast()
                out[out.count - 1] += " " + `operator` + " " + tokens[k + 2]
                k += 3
                continue
            }
            out.append(tokens[k])
            k += 1
        }
        return out
    }

    /// The tokens with every space that `keepTogether` refuses to break at (and the token after
    /// it) joined onto the token before: `["1", " ", "−", " ", "z"]` → `["1 − z"]`.
    private static func joined(_ tokens: [String], _ keepTogether: (String, String) -> Bool) -> [String] {
        var out: [String] = []
        var previous: String? = nil     // the last token as it came, before any joining
        var space = false
        for token in tokens {
            if token == " " { space = true; continue }
            if space, let before = previous, keepTogether(before, token) {
                out[out.count - 1] += " " + token
            } else {
                if space { out.append(" ") }
                out.append(token)
            }
            previous = token
            space = false
        }
        if space { out.append(" ") }
        return out
    }

    /// Latin words, single spaces and single CJK characters; closing punctuation sticks to the
    /// token before it and opening punctuation to the token after it.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var lastIsWord = false      // the last token is a Latin word that narrow characters extend
        var lastIsOpening = false   // the last token ends with opening punctuation
        for ch in text {
            if ch == " " || ch == "\n" {
                tokens.append(" ")
                lastIsWord = false; lastIsOpening = false
                continue
            }
            let wide = ch.unicodeScalars.first.map { isWide($0.value) } ?? false
            let glue = lastIsOpening || (closing.contains(ch) && tokens.last.map { $0 != " " } == true)
            if glue || (!wide && lastIsWord) {
                tokens[tokens.count - 1].append(ch)
            } else {
                tokens.append(String(ch))
            }
            lastIsWord = !wide
            lastIsOpening = opening.contains(ch)
        }
        return tokens
    }

    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "》", ",", ".", ";", ":", ")"]
    private static let opening: Set<Character> = ["（", "「", "『", "“", "《"]
}
