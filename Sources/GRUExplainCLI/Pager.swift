import GRURender

/// What a key asks `run --step` to do.
enum PagerKey: Equatable, Sendable {
    /// `back`: the previous page (its first screen); `backScreen`: the screen before this one.
    case next, back, backScreen, first, last, quit
    /// Ctrl-C read as a byte (the terminal normally turns it into SIGINT instead).
    case interrupt
    /// A key step mode does not use.
    case other
    /// Not a key: the screen must be drawn again, because the terminal was resized or the program
    /// goes on after Ctrl-Z and `fg` (see `Terminal.readKey`).
    case redraw

    /// The key behind the bytes of one key press, as a terminal in non-canonical mode sends them:
    /// Enter, Space, →, ↓, PageDown and n go on; b, ←, p and Backspace go back a page; ↑, PageUp
    /// and k go back a screen;
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
            case UInt8(ascii: "D"): return .back                                   // ←
            case UInt8(ascii: "A"): return .backScreen                             // ↑
            case UInt8(ascii: "H"): return .first                                  // Home
            case UInt8(ascii: "F"): return .last                                   // End
            case UInt8(ascii: "~") where introducer == UInt8(ascii: "["):
                switch firstParameter {
                case "6": return .next                                             // PageDown
                case "5": return .backScreen                                       // PageUp
                case "1", "7": return .first                                       // Home
                case "4", "8": return .last                                        // End
                default: return .other
                }
            default: return .other
            }
        }
        switch first {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "n"), UInt8(ascii: "j"): return .next
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "p"), 0x7F, 0x08: return .back
        case UInt8(ascii: "k"): return .backScreen
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
/// Where a screen ends (`kinds`, see `ScreenLine.Kind`): never after a heading or a table's lead-in
/// (they stay with the start of the table), never inside a table's header or before its first
/// row, never inside a row that wraps, and never so that the next screen holds a table's last row
/// alone with its border (what goes on must be two row groups, or three rows of one). A screen that starts inside a table shows the table's header first. Of
/// the places left it ends at a blank line or between two row groups when one is near the foot
/// of the screen; and when the rest of the page fits on the next screen, at the last blank line
/// from which it still does, so that a table is not cut in two for nothing. (At 100×40, lesson1's
/// page 2 in English once left its table's last row alone on a second screen.)
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
    /// For every page, what each line is (all `.text` when not given).
    let kinds: [[ScreenLine.Kind]]
    /// Screen rows for the page, without the prompt line (nor the narrow-terminal hint while it is
    /// shown: see `StepMode.run`).
    var rows: Int
    private(set) var page = 0
    /// The first line of `page` on the screen (after the repeated table header, if any).
    private(set) var top = 0
    /// The first lines of the screens of `page` above this one, so that back shows them again as
    /// they were. Empty exactly when `top` is 0.
    private var above: [Int] = []

    /// `blank` and `kinds` may be empty, or give one for every line of every page.
    init(lineHeights: [[Int]], blank: [[Bool]] = [], kinds: [[ScreenLine.Kind]] = [], rows: Int, page: Int = 0) {
        precondition(!lineHeights.isEmpty, "a walkthrough has at least one page")
        precondition(blank.isEmpty || blank.map(\.count) == lineHeights.map(\.count), "a blank flag for every line")
        precondition(kinds.isEmpty || kinds.map(\.count) == lineHeights.map(\.count), "a kind for every line")
        self.lineHeights = lineHeights
        self.blank = blank.isEmpty ? lineHeights.map { [Bool](repeating: false, count: $0.count) } : blank
        self.kinds = kinds.isEmpty ? lineHeights.map { [ScreenLine.Kind](repeating: .text, count: $0.count) } : kinds
        self.rows = rows
        self.page = min(max(page, 0), lineHeights.count - 1)
    }

    /// The header lines of the table that a screen starting at line `top` of page `p` opens inside of.
    func repeatedHeader(page p: Int, top: Int) -> [Int] {
        guard top > 0, top < kinds[p].count, let table = kinds[p][top].table, kinds[p][top] != .tableHead(table) else { return [] }
        return kinds[p].indices.filter { kinds[p][$0] == .tableHead(table) }
    }

    /// The lines of the page on the screen: the repeated header, then `visibleCount` lines from `top`.
    var screenLines: [Int] {
        repeatedHeader(page: page, top: top) + Array(top..<(top + visibleCount))
    }

    /// How many lines of the page fit from `top`: at least one, however tall (see above).
    var visibleCount: Int { count(page: page, top: top) }

    func count(page p: Int, top t: Int) -> Int {
        let heights = lineHeights[p], kinds = kinds[p], blank = blank[p]
        let n = heights.count
        func headerRows(_ start: Int) -> Int { repeatedHeader(page: p, top: start).map { heights[$0] }.reduce(0, +) }
        let room = max(1, rows - headerRows(t))
        var used = 0, end = t
        for h in heights[t...] {
            if end > t && used + h > room { break }
            used += h
            end += 1
        }
        if end >= n { return n - t }
        /// May the screen end before line `e`?
        func allowed(_ e: Int) -> Bool {
            switch kinds[e - 1] {
            case .keep, .tableHead: return false
            default: break
            }
            if case .tableRow(_, start: false) = kinds[e] { return false }
            if let table = kinds[e].table {
                // What the next screen would hold of the table: two row groups, or three rows of one.
                let rest = kinds[e...].prefix { $0.table == table }
                let rows = rest.filter { $0 == .tableRow(table, start: true) }.count
                let groups = rest.filter { $0 == .tableRule(table) }.count + (rest.first == .tableRule(table) ? 0 : 1)
                if groups < 2 && rows < 3 { return false }
            }
            return true
        }
        func good(_ e: Int) -> Bool {
            if blank[e - 1] { return true }
            if case .tableRule = kinds[e] { return true }
            return false
        }
        func restFits(_ e: Int) -> Bool { heights[e...].reduce(0, +) + headerRows(e) <= rows }
        let shows = { (e: Int) in blank[t..<(e - 1)].contains(false) }
        if restFits(end) {
            var e = end
            while e > t + 1 && restFits(e) {
                if blank[e - 1] && allowed(e) && shows(e) { return e - t }
                e -= 1
            }
        }
        // A blank line or a rule between row groups in the last quarter of the screen.
        let low = t + max(1, (end - t) * 3 / 4)
        for e in stride(from: end, through: low, by: -1) where e > t && allowed(e) && good(e) && shows(e) { return e - t }
        for e in stride(from: end, to: t, by: -1) where allowed(e) { return e - t }
        return end - t
    }

    /// The first lines of the screens of page `p`, from its top.
    func screenTops(page p: Int) -> [Int] {
        var tops = [0], t = 0
        while true {
            t = next(after: t, page: p)
            guard t < lineHeights[p].count else { return tops }
            tops.append(t)
        }
    }

    /// Where the screen after the one from `t` starts: a rule between row groups is left out, since
    /// the repeated header ends with one.
    private func next(after t: Int, page p: Int) -> Int {
        var t = t + count(page: p, top: t)
        if t < kinds[p].count, case .tableRule = kinds[p][t], !repeatedHeader(page: p, top: t).isEmpty { t += 1 }
        return t
    }

    /// True when the page goes on below the screen.
    var hasMore: Bool { top + visibleCount < lineHeights[page].count }

    var isLastScreen: Bool { page == lineHeights.count - 1 && !hasMore }

    /// Shows line `line` of the current page (after a resize: see `StepMode.run`): on the screen
    /// of the page that holds it, where screens fall from the page's top, or else on a screen
    /// from that line. Back goes to the screens above it.
    mutating func open(at line: Int) {
        let line = min(max(line, 0), lineHeights[page].count - 1)
        let tops = screenTops(page: page)
        let screen = tops.last { $0 <= line } ?? 0
        top = screen + count(page: page, top: screen) > line ? screen : line
        above = tops.filter { $0 < top }
    }

    mutating func handle(_ key: PagerKey) -> Action {
        switch key {
        case .next:
            if hasMore {
                above.append(top)
                top = next(after: top, page: page)
                return .show
            }
            guard page < lineHeights.count - 1 else { return .finish }
            page += 1
            top = 0
            above = []
            return .show
        case .backScreen:
            if let previous = above.popLast() {
                top = previous                          // the screen above, as it was shown
                return .show
            }
            guard page > 0 else { return .stay }
            page -= 1
            var tops = screenTops(page: page)           // the last screen of the page before
            top = tops.removeLast()
            above = tops
            return .show
        case .back:
            if page > 0 {
                page -= 1
            } else if top == 0 {
                return .stay
            }
            top = 0
            above = []
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
