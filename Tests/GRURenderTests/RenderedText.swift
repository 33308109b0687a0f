@testable import GRURender

/// A text walkthrough read back: its boxed tables, each with the section and block it sits in.
/// Works for both the Unicode boxes (┌ │ └) and the ASCII ones (+ | +).
struct RenderedText {
    struct Table {
        var section: String        // "2 · Forward pass"
        var block: String          // "Timestep 1", or "" before the first block of a section
        var lines: [String]        // every line, from the top rule to the bottom rule
        /// The data rows, cells trimmed (rules and the header left out).
        var rows: [[String]]
    }

    let tables: [Table]

    init(_ text: String) {
        var tables: [Table] = []
        var section = "", block = ""
        var current: [String]? = nil
        func finish() {
            guard let lines = current, let first = lines.first else { return }
            let bar: Character = first.hasPrefix("┌") ? "│" : "|"
            let rows = lines.dropFirst(3).filter { $0.first == bar }.map { row in
                row.split(separator: bar, omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { String($0).trimmingSpaces }
            }
            tables.append(Table(section: section, block: block, lines: lines, rows: rows))
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current != nil {
                if let c = line.first, "│├└|+".contains(c) { current!.append(line); continue }
                finish()
            }
            if line.hasPrefix("━━ ") || line.hasPrefix("== ") {
                section = String(line.dropFirst(3).prefix { $0 != "━" && $0 != "=" }).trimmingSpaces
                block = ""
            } else if line.hasPrefix("▸ ") || line.hasPrefix("> ") {
                block = String(line.dropFirst(2))
            } else if line.hasPrefix("┌") || line.hasPrefix("+") {
                current = [line]
            }
        }
        finish()
        self.tables = tables
    }

    func tables(inSection prefix: String) -> [Table] {
        tables.filter { $0.section.hasPrefix(prefix) }
    }

    /// `0.5987` or `−3.3643` as a Double.
    static func number(_ cell: String) -> Double? {
        Double(cell.replacing("−", with: "-"))
    }
}
