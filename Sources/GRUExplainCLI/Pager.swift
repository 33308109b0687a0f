/// What a key asks `run --step` to do.
enum PagerKey: Equatable, Sendable {
    case next, back, first, last, quit
    /// Ctrl-C read as a byte (the terminal normally turns it into SIGINT instead).
    case interrupt
    /// A key step mode does not use.
    case other
    /// Not a key: the screen must be drawn again, because the terminal was resized or the program
    /// goes on after Ctrl-Z and `fg` (see `Terminal.readKey`).
    case redraw

    /// The key behind the bytes of one key press, as a terminal in non-canonical mode sends them:
    /// Enter, Space, →, ↓, PageDown and n go on; b, ←, ↑, PageUp, p and Backspace go back;
    /// Home and End jump; q, Esc and Ctrl-D quit. An arrow with a modifier (Shift-→ sends
    /// `ESC [1;2C`) counts as the arrow.
    static func decode(_ bytes: [UInt8]) -> PagerKey {
        guard let first = bytes.first else { return .other }
        if first == 0x1B {
            let rest = Array(bytes.dropFirst())
            guard let introducer = rest.first else { return .quit }                // Esc alone
            guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O"), let final = rest.last, rest.count >= 2 else {
                return .other                                                      // Alt-key and the like
            }
            // CSI: ESC [ parameters final; SS3: ESC O final. The first parameter tells the ~ keys apart.
            let parameters = String(decoding: rest.dropFirst().dropLast(), as: UTF8.self)
            let firstParameter = parameters.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            switch final {
            case UInt8(ascii: "C"), UInt8(ascii: "B"): return .next                // → ↓
            case UInt8(ascii: "D"), UInt8(ascii: "A"): return .back                // ← ↑
            case UInt8(ascii: "H"): return .first                                  // Home
            case UInt8(ascii: "F"): return .last                                   // End
            case UInt8(ascii: "~") where introducer == UInt8(ascii: "["):
                switch firstParameter {
                case "6": return .next                                             // PageDown
                case "5": return .back                                             // PageUp
                case "1", "7": return .first                                       // Home
                case "4", "8": return .last                                        // End
                default: return .other
                }
            default: return .other
            }
        }
        switch first {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "n"), UInt8(ascii: "j"): return .next
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "p"), UInt8(ascii: "k"), 0x7F, 0x08: return .back
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x04: return .quit
        case 0x03: return .interrupt
        default: return .other
        }
    }

    /// The key presses in what one read returned. Keys pressed quickly, an arrow held down or a
    /// clicker arrive together (`ESC [C ESC [C`); each one counts.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        var k = 0
        while k < bytes.count {
            var end = k + 1
            if bytes[k] == 0x1B, end < bytes.count {
                if bytes[end] == UInt8(ascii: "[") {
                    end += 1
                    while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }   // parameters
                    if end < bytes.count { end += 1 }                                          // the final byte
                } else if bytes[end] == UInt8(ascii: "O") {
                    end = min(end + 2, bytes.count)
                } else if bytes[end] != 0x1B {
                    end += 1                                                                   // Alt-key
                }
            } else if bytes[k] >= 0xC0 {
                while end < bytes.count, (0x80...0xBF).contains(bytes[end]) { end += 1 }       // one UTF-8 character
            }
            keys.append(Array(bytes[k..<end]))
            k = end
        }
        return keys
    }
}

/// The state of `run --step`, without any terminal: which page is shown and from which of its
/// lines. A page taller than the screen is shown a screenful at a time, so on a projector with
/// large type the top of a BPTT table never scrolls away unseen.
///
///     var pager = Pager(lineHeights: [[1, 1, 1], [1, 1]], rows: 2)
///     pager.handle(.next)   // .show: page 0 from line 2 (the rest of page 0)
///     pager.handle(.next)   // .show: page 1
///     pager.handle(.next)   // .finish
///
/// The last two screens of a tall page are split at a blank line when they can be: if the rest of
/// the page fits on one screen from the last blank line of the screen before it, that screen ends
/// there, so a table or a paragraph is not cut in two and the page takes no more screens than
/// before. (At 100×40, lesson1's page 2 in English left its table's last row alone on a second
/// screen; now the second screen is the whole table.)
struct Pager: Equatable {
    enum Action: Equatable {
        /// Redraw: `page` from line `top`.
        case show
        /// Nothing to do (back on the first screen, an unused key).
        case stay
        /// Next on the last screen of the last page: the walkthrough is over.
        case finish
        case quit
        case interrupt
    }

    /// For every page, the screen rows each of its lines takes (more than 1 when a line wraps).
    let lineHeights: [[Int]]
    /// For every page, which of its lines are blank: where a screen may end early (see above).
    let blank: [[Bool]]
    /// Screen rows for the page, without the prompt line (nor the narrow-terminal hint while it is
    /// shown: see `StepMode.run`).
    var rows: Int
    private(set) var page = 0
    /// The first line of `page` on the screen.
    private(set) var top = 0
    /// The first lines of the screens of `page` above this one, so that back shows them again as
    /// they were. Empty exactly when `top` is 0.
    private var above: [Int] = []

    /// `blank` may be empty (no line is blank) or give a flag for every line of every page.
    init(lineHeights: [[Int]], blank: [[Bool]] = [], rows: Int, page: Int = 0) {
        precondition(!lineHeights.isEmpty, "a walkthrough has at least one page")
        precondition(blank.isEmpty || blank.map(\.count) == lineHeights.map(\.count), "a blank flag for every line")
        self.lineHeights = lineHeights
        self.blank = blank.isEmpty ? lineHeights.map { [Bool](repeating: false, count: $0.count) } : blank
        self.rows = rows
        self.page = min(max(page, 0), lineHeights.count - 1)
    }

    /// How many lines of the page fit from `top`: at least one, however tall. When the rest of
    /// the page would then fit on the next screen, this screen ends instead at its last blank
    /// line from which the rest still fits on one screen.
    var visibleCount: Int {
        let heights = lineHeights[page]
        var used = 0, count = 0
        for h in heights[top...] {
            if count > 0 && used + h > rows { break }
            used += h
            count += 1
        }
        // The next screen would start at line `next` and show the rest: move its start up to just
        // after a blank line, as long as the rest still fits and this screen keeps a line that is
        // not blank.
        var next = top + count
        var rest = heights[next...].reduce(0, +)
        guard next < heights.count, rest <= rows else { return count }
        while next > top + 1 {
            if blank[page][next - 1] {
                if blank[page][top..<(next - 1)].contains(false) { return next - top }
            }
            next -= 1
            rest += heights[next]
            if rest > rows { break }
        }
        return count
    }

    /// True when the page goes on below the screen.
    var hasMore: Bool { top + visibleCount < lineHeights[page].count }

    var isLastScreen: Bool { page == lineHeights.count - 1 && !hasMore }

    mutating func handle(_ key: PagerKey) -> Action {
        switch key {
        case .next:
            if hasMore {
                above.append(top)
                top += visibleCount
                return .show
            }
            guard page < lineHeights.count - 1 else { return .finish }
            page += 1
            top = 0
            above = []
            return .show
        case .back:
            if let previous = above.popLast() {
                top = previous                          // the screen above, as it was shown
                return .show
            }
            guard page > 0 else { return .stay }
            page -= 1
            return .show
        case .first:
            if page == 0 && top == 0 { return .stay }
            page = 0
            top = 0
            above = []
            return .show
        case .last:
            let last = lineHeights.count - 1
            if page == last && top == 0 { return .stay }
            page = last
            top = 0
            above = []
            return .show
        case .redraw: return .show
        case .quit: return .quit
        case .interrupt: return .interrupt
        case .other: return .stay
        }
    }
}
