/// Where a formula in a table cell may break across lines: only between its terms, before a
/// ` = `, ` + ` or ` − ` that stands outside every bracket `(…)`, `[…]` and norm `‖…‖`; never
/// inside a token such as `Why[1][1]`, `∂L/∂a_r₃` or `(1 − 0.7387)`.
///
/// `head` is the formula up to and including its first such ` = ` (with the leading spaces that
/// put a row's `=` under the one above): it stays on the first line, and every further line is
/// indented under the right-hand side. `terms` are the rest, each after the first opening with its
/// operator: `   = 0.7387·0.3903 + (1 − 0.7387)·0.9467` is `   = ` then `0.7387·0.3903` and
/// `+ (1 − 0.7387)·0.9467`. The slides draw it so (`HTMLRenderer`) and the slide layout counts
/// its lines so (`HeightEstimate`).
struct FormulaBreaks: Equatable {
    var head: String
    var terms: [String]

    /// The operators a formula breaks before.
    static let operators: Set<Character> = ["=", "+", "−", "-"]

    init(_ formula: String) {
        var characters = Array(formula.trimmingTrailingSpaces)
        var head = "", terms: [String] = [], term = ""
        // A row that goes on from the one above: its leading spaces and `=` are its head.
        let indent = characters.prefix(while: { $0 == " " }).count
        if characters.dropFirst(indent).starts(with: ["=", " "]) {
            head = String(characters[..<(indent + 2)])
            characters.removeFirst(indent + 2)
        }
        var depth = 0, inNorm = false
        var k = 0
        while k < characters.count {
            let c = characters[k]
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            case "‖": inNorm.toggle()
            default: break
            }
            // " op " at the top level, after something: the term so far ends before the space.
            if c == " ", depth == 0, !inNorm, k + 2 < characters.count, Self.operators.contains(characters[k + 1]),
               characters[k + 2] == " ", term.contains(where: { $0 != " " }) {
                if characters[k + 1] == "=" && head.isEmpty && terms.isEmpty {
                    head = term + " = "
                    term = ""
                    k += 3
                } else {
                    terms.append(term)
                    term = ""
                    k += 1
                }
                continue
            }
            term.append(c)
            k += 1
        }
        if !term.isEmpty { terms.append(term) }
        self.head = head
        self.terms = terms
    }
}
