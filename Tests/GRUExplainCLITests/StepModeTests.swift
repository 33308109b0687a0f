import Foundation
import Testing
import GRUCore
import GRULessons
import GRURender
@testable import GRUExplainCLI

/// `run --step`: the key decoder, the pager's state machine, the loop with scripted keys, and the
/// plain walkthrough when there is no terminal.
@Suite struct StepModeTests {
    @Test func keysDecodeAsATerminalSendsThem() {
        let esc: UInt8 = 0x1B
        let cases: [([UInt8], PagerKey)] = [
            ([13], .next), ([10], .next), ([32], .next), (Array("n".utf8), .next),
            ([esc] + Array("[C".utf8), .next), ([esc] + Array("[B".utf8), .next), ([esc] + Array("[6~".utf8), .next),
            ([esc] + Array("OC".utf8), .next),
            (Array("b".utf8), .back), ([0x7F], .back), ([esc] + Array("[D".utf8), .back),
            ([esc] + Array("[5~".utf8), .backScreen), ([esc] + Array("[A".utf8), .backScreen), (Array("k".utf8), .backScreen),
            ([esc] + Array("[H".utf8), .first), ([esc] + Array("[1~".utf8), .first),
            ([esc] + Array("[F".utf8), .last), ([esc] + Array("[4~".utf8), .last),
            (Array("q".utf8), .quit), ([esc], .quit), ([0x04], .quit), ([0x03], .interrupt),
            (Array("x".utf8), .other), ([esc] + Array("[Z".utf8), .other), ([], .other),
        ]
        for (bytes, key) in cases {
            #expect(PagerKey.decode(bytes) == key, "\(bytes)")
        }
    }

    /// → and ↓ go on, ← goes back a page and ↑ a screen, also with a modifier held (Shift-→ is
    /// ESC [1;2C) and in the application-cursor form (ESC O C).
    @Test func everyArrowMoves() {
        let esc = "\u{1B}"
        for sequence in ["[C", "OC", "[B", "OB", "[1;2C", "[1;5B", "[6;2~"] {
            #expect(PagerKey.decode(Array((esc + sequence).utf8)) == .next, "ESC \(sequence)")
        }
        for sequence in ["[D", "OD", "[1;2D"] {
            #expect(PagerKey.decode(Array((esc + sequence).utf8)) == .back, "ESC \(sequence)")
        }
        for sequence in ["[A", "OA", "[1;5A", "[5;2~"] {
            #expect(PagerKey.decode(Array((esc + sequence).utf8)) == .backScreen, "ESC \(sequence)")
        }
    }

    /// Keys that one read returns together (→ held down, a clicker, fast typing) each count: before,
    /// ESC [C ESC [C decoded as one unknown key and nothing moved.
    @Test func keysThatArriveTogetherAreEachCounted() {
        let esc = "\u{1B}"
        let typed: String = esc + "[C" + esc + "[C" + esc + "[1;2D" + "b " + esc + "OB" + esc
        let keys: [PagerKey] = PagerKey.split(Array(typed.utf8)).map(PagerKey.decode)
        #expect(keys == [.next, .next, .back, .back, .next, .next, .quit])
        #expect(PagerKey.split(Array("中q".utf8)).map(PagerKey.decode) == [.other, .quit])
        #expect(PagerKey.split([]).isEmpty)
    }

    @Test func pagerWalksPagesForwardAndBack() {
        // Three pages of 3, 2 and 4 lines on a screen that has room for all of them.
        var pager = Pager(lineHeights: [[1, 1, 1], [1, 1], [1, 1, 1, 1]], rows: 10)
        #expect(pager.page == 0 && !pager.hasMore)
        #expect(pager.handle(.back) == .stay)                     // nothing before the first page
        #expect(pager.handle(.other) == .stay)
        #expect(pager.handle(.next) == .show && pager.page == 1)
        #expect(pager.handle(.back) == .show && pager.page == 0)
        #expect(pager.handle(.last) == .show && pager.page == 2 && pager.isLastScreen)
        #expect(pager.handle(.last) == .stay)
        #expect(pager.handle(.next) == .finish && pager.page == 2) // past the last page: done
        #expect(pager.handle(.first) == .show && pager.page == 0)
        #expect(pager.handle(.quit) == .quit)
        #expect(pager.handle(.interrupt) == .interrupt)
    }

    @Test func aPageTallerThanTheScreenShowsAScreenfulAtATime() {
        // Page 0 has 7 lines, the third of which wraps onto 2 rows; 3 rows for the page.
        var pager = Pager(lineHeights: [[1, 1, 2, 1, 1, 1, 1], [1]], rows: 3)
        #expect(pager.visibleCount == 2 && pager.hasMore)         // lines 0–1 (line 2 needs 2 more rows)
        #expect(pager.handle(.next) == .show && pager.page == 0 && pager.top == 2 && pager.visibleCount == 2)
        #expect(pager.handle(.next) == .show && pager.top == 4 && pager.visibleCount == 3 && !pager.hasMore)
        #expect(pager.handle(.backScreen) == .show && pager.top == 2)   // one screenful up: lines 2–3 take the 3 rows
        #expect(pager.handle(.backScreen) == .show && pager.top == 0)
        #expect(pager.handle(.backScreen) == .stay)
        #expect(pager.handle(.last) == .show && pager.page == 1)
        #expect(pager.handle(.back) == .show && pager.page == 0 && pager.top == 0)   // back a page: to its top
        #expect(pager.handle(.last) == .show && pager.page == 1)
        #expect(pager.handle(.backScreen) == .show && pager.page == 0 && pager.top == 4)   // back a screen: the page's last
        #expect(pager.handle(.next) == .show && pager.page == 1)
        #expect(pager.handle(.first) == .show && pager.handle(.next) == .show && pager.top == 2)
        #expect(pager.handle(.back) == .show && pager.page == 0 && pager.top == 0)   // on the first page: to its top
        // A single line taller than the screen still shows, alone.
        var tall = Pager(lineHeights: [[5, 1]], rows: 3)
        #expect(tall.visibleCount == 1)
        #expect(tall.handle(.next) == .show && tall.top == 1)
        #expect(tall.handle(.backScreen) == .show && tall.top == 0)
    }

    /// The rows a line takes, worked out by hand from how a terminal wraps (xterm and tmux do
    /// this): a row holds `columns` columns; a character that does not fit in what is left
    /// starts the next row; a CJK character is two columns wide; colour escapes take none.
    @Test func rowsCountTheWrappedLineAsATerminalShowsIt() {
        let ascii100 = String(repeating: "a", count: 100)
        #expect(StepMode.rows("", columns: 60) == 1)
        #expect(StepMode.rows(ascii100, columns: 100) == 1)        // exactly full: the cursor waits at its end
        #expect(StepMode.rows(ascii100, columns: 60) == 2)         // 60 + 40
        #expect(StepMode.rows(ascii100, columns: 33) == 4)         // 33 + 33 + 33 + 1
        // 60 letters in bold cyan: 71 characters, but 60 columns, one row.
        let colored = "\u{1B}[1;36m" + String(repeating: "a", count: 60) + "\u{1B}[0m"
        #expect(colored.count == 71 && StepMode.rows(colored, columns: 60) == 1)
        // 31 CJK characters, 62 columns: 30 fill a row of 60 (or of 61, whose last column stays
        // empty, since the 31st needs two), the 31st starts row 2; at 62 columns they fit in one.
        let cjk31 = String(repeating: "中", count: 31)
        #expect(StepMode.rows(cjk31, columns: 60) == 2)
        #expect(StepMode.rows(cjk31, columns: 61) == 2)
        #expect(StepMode.rows(cjk31, columns: 62) == 1)
        // "a中中中中" at 3 columns: "a中" | "中" | "中" | "中", 4 rows, although its 9 columns ÷ 3
        // make 3: each row after the first leaves a column empty.
        #expect(StepMode.rows("a中中中中", columns: 3) == 4)
        // A combining tilde takes no column: "h̃ₜ" is 2 columns.
        #expect(StepMode.visibleWidth("h̃ₜ") == 2 && StepMode.rows("h̃ₜ", columns: 2) == 1)
        // lesson1's first zh paragraph line (99 columns) at 60 columns, as tmux showed it: "…[2, 3, 4]"
        // fills row 1 exactly and "。" begins row 2.
        let line = "一个隐藏维度为 2 的 GRU 读入序列 [1, 2, 3]，目标是 [2, 3, 4]。我们依次算出时间步 1、2、3 的每个门、"
        #expect(StepMode.visibleWidth(line) == 99 && StepMode.rows(line, columns: 60) == 2)
        #expect(StepMode.isBlank("") && StepMode.isBlank("  \u{1B}[0m") && !StepMode.isBlank("\u{1B}[1m│"))
    }

    /// The prompt never wraps: it shortens to fit in the terminal's width less one column. The
    /// widths are counted by hand: "[1/12] Enter/Space/→: more of this page · b/←: previous page · ↑/PageUp: previous screen · q: quit"
    /// is 61 columns, the short form 51, the shortest 35; the Chinese full form is 58 (each CJK
    /// character and full-width colon two columns).
    @Test func thePromptFitsTheWidth() {
        let pager = Pager(lineHeights: Array(repeating: [1, 1], count: 12), rows: 1)   // page 1 of 12 goes on
        func prompt(_ language: Language, _ columns: Int) -> String {
            StepMode.prompt(pager, language: language, color: false, columns: columns)
        }
        #expect(prompt(.en, 100) == "[1/12] Enter/Space/→: more of this page · b/←: previous page · ↑/PageUp: previous screen · q: quit")
        #expect(prompt(.en, 98) == "[1/12] Space: more of this page · b: prev. page · ↑: prev. screen · q: quit")   // 98 would not leave the last column
        #expect(prompt(.en, 76) == "[1/12] Space: more of this page · b: prev. page · ↑: prev. screen · q: quit")   // 75 columns
        #expect(prompt(.en, 75) == "[1/12] more of this page: Space b ↑ q")
        #expect(prompt(.en, 20) == "[1/12] more of thi…")                    // 19 columns
        #expect(prompt(.zh, 81) == "[1/12] 回车、空格或 →：继续本页 · b 或 ←：上一页 · ↑ 或 PageUp：上一屏 · q：退出")   // 80
        #expect(prompt(.zh, 60) == "[1/12] 空格：继续本页 · b：上一页 · ↑：上一屏 · q：退出")   // 55 columns
        #expect(prompt(.zh, 30) == "[1/12] 继续本页：空格 b ↑ q")                     // 27 columns
        #expect(prompt(.zh, 12) == "[1/12] 继…")                                     // 10: 续 would make 12
        #expect(prompt(.en, 1) == "")
        #expect(StepMode.prompt(pager, language: .en, color: true, columns: 20) == "\u{1B}[7m[1/12] more of thi…\u{1B}[0m")
        #expect(StepMode.truncate("abcdef", toWidth: 5, ascii: true) == "ab...")
    }

    /// The last two screens of a page are split at a blank line when the rest fits on one screen
    /// from there: at 100×40, lesson1's page 2 (English) left its table's last row alone on a
    /// screen; now its first screen ends before the table.
    @Test func aPageBreaksAtABlankLineRatherThanLeaveARemainder() {
        // Six one-row lines, line 2 blank, 4 rows: lines 0–3 would leave 4–5; from the blank line
        // the rest (3–5) fits, so the first screen is lines 0–2.
        var pager = Pager(lineHeights: [[1, 1, 1, 1, 1, 1]], blank: [[false, false, true, false, false, false]], rows: 4)
        #expect(pager.visibleCount == 3 && pager.hasMore)
        #expect(pager.handle(.next) == .show && pager.top == 3 && pager.visibleCount == 3 && !pager.hasMore)
        #expect(pager.handle(.backScreen) == .show && pager.top == 0)
        // Ten lines, line 1 blank, 4 rows: the rest from line 2 (8 rows) would not fit: no change.
        let long = Pager(lineHeights: [Array(repeating: 1, count: 10)], blank: [[false, true] + Array(repeating: false, count: 8)], rows: 4)
        #expect(long.visibleCount == 4)
        // Nine lines, line 5 blank, 4 rows: screens 0–3, then 4–5 (not 4–7, which would leave line
        // 8 alone), then 6–8; back retraces them exactly.
        var tall = Pager(lineHeights: [Array(repeating: 1, count: 9)], blank: [(0..<9).map { $0 == 5 }], rows: 4)
        #expect(tall.visibleCount == 4)
        #expect(tall.handle(.next) == .show && tall.top == 4 && tall.visibleCount == 2)
        #expect(tall.handle(.next) == .show && tall.top == 6 && tall.visibleCount == 3 && !tall.hasMore)
        #expect(tall.handle(.backScreen) == .show && tall.top == 4)
        #expect(tall.handle(.backScreen) == .show && tall.top == 0)
        // A screen that would show only blank lines does not end early.
        let blanks = Pager(lineHeights: [[1, 1, 1, 1]], blank: [[true, true, false, false]], rows: 3)
        #expect(blanks.visibleCount == 3)
    }

    /// lesson1's English page 2 at 100×40 (39 rows under the prompt): 41 lines; the first screen
    /// ends at the blank line before the table, the second is the whole table.
    @Test func lesson1Page2KeepsItsTableWhole() throws {
        let trace = try #require(try? Trace.record(LessonLibrary.load("lesson1").problem))
        let page = TextRenderer.pages(trace, lesson: try LessonLibrary.load("lesson1"), options: RenderOptions(language: .en))[1]
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        var pager = Pager(lineHeights: [lines.map { StepMode.rows($0, columns: 100) }], blank: [lines.map(StepMode.isBlank)], rows: 39)
        #expect(lines.count == 41)
        let first = pager.visibleCount
        #expect(lines[first - 1].isEmpty && lines[first].hasPrefix("┌"))
        #expect(pager.handle(.next) == .show && !pager.hasMore && lines.last!.hasPrefix("└"))
    }

    struct ScriptedKeys: Keyboard {
        var keys: [PagerKey]
        var size: (rows: Int, columns: Int) = (rows: 200, columns: 100)
        mutating func readKey() -> PagerKey? { keys.isEmpty ? nil : keys.removeFirst() }
    }

    func play(_ keys: [PagerKey], pages: [String] = ["one\n", "two\nlines\n", "three\n"]) -> (status: Int32, screens: [String]) {
        var keyboard = ScriptedKeys(keys: keys)
        var out: [String] = []
        let status = StepMode.run(pages: pages, language: .en, color: false, keyboard: &keyboard) { out.append($0) }
        return (status, out)
    }

    @Test func eachScreenIsClearedAndEndsWithThePrompt() {
        let r = play([.next, .next, .back, .quit])
        #expect(r.status == 0)
        #expect(r.screens == [
            StepMode.clearScreen + "one\n[1/3] Enter/Space/→: next · b/←: previous page · ↑/PageUp: previous screen · q: quit",
            StepMode.clearScreen + "two\nlines\n[2/3] Enter/Space/→: next · b/←: previous page · ↑/PageUp: previous screen · q: quit",
            StepMode.clearScreen + "three\n[3/3] Enter/Space/→: finish · b/←: previous page · ↑/PageUp: previous screen · q: quit",
            StepMode.clearScreen + "two\nlines\n[2/3] Enter/Space/→: next · b/←: previous page · ↑/PageUp: previous screen · q: quit",
            StepMode.eraseLine,
        ])
    }

    /// A keyboard whose terminal changes size: each key comes with the size after it.
    struct ResizingTerminal: Keyboard {
        var events: [(PagerKey, (rows: Int, columns: Int))]
        var size: (rows: Int, columns: Int)
        mutating func readKey() -> PagerKey? {
            guard !events.isEmpty else { return nil }
            let (key, next) = events.removeFirst()
            size = next
            return key
        }
    }

    /// `.redraw` (after Ctrl-Z and fg, or a resize) draws the same screen again; after a resize,
    /// the screen of the same page that holds the line that was at the top, measured for the new size.
    @Test func redrawShowsTheScreenAgain() {
        let small = (rows: 3, columns: 100), tall = (rows: 10, columns: 100)
        var keyboard = ResizingTerminal(events: [(.next, small), (.redraw, small), (.redraw, tall), (.quit, tall)], size: small)
        var out: [String] = []
        _ = StepMode.run(pages: ["a\nb\nc\nd\n", "e\n"], language: .en, color: false, keyboard: &keyboard) { out.append($0) }
        let more = "[1/2] Enter/Space/→: more of this page · b/←: previous page · ↑/PageUp: previous screen · q: quit"
        let next = "[1/2] Enter/Space/→: next · b/←: previous page · ↑/PageUp: previous screen · q: quit"
        #expect(out == [
            StepMode.clearScreen + "a\nb\n" + more,          // 2 rows under the prompt
            StepMode.clearScreen + "c\nd\n" + next,
            StepMode.clearScreen + "c\nd\n" + next,          // drawn again, unmoved
            StepMode.clearScreen + "a\nb\nc\nd\n" + next,    // 10 rows: the whole page
            StepMode.eraseLine,
        ])
        var pager = Pager(lineHeights: [[1]], rows: 5)
        #expect(pager.handle(.redraw) == .show)
    }

    /// A resize keeps the reader's place: the line at the top of the screen before it is on the
    /// screen after it, on the screen of the page that holds it (screens falling from the page's
    /// top), even where the prose is wrapped again for the new width. (It once went back to the
    /// page's first screen: at 80×24 → 100×30 on lesson1's page 2, its second screen was lost.)
    @Test func aResizeKeepsTheFirstLineShown() {
        // 8 lines, 4 a screen: the second screen is e–h. At 4 rows (3 a screen: a–c, d–f, g–h)
        // e is on the screen from d.
        let before = (rows: 5, columns: 100), fewer = (rows: 4, columns: 100)
        var keyboard = ResizingTerminal(events: [(.next, before), (.redraw, fewer), (.backScreen, fewer), (.quit, fewer)], size: before)
        var out: [String] = []
        _ = StepMode.run(pages: ["a\nb\nc\nd\ne\nf\ng\nh\n", "i\n"], language: .en, color: false, keyboard: &keyboard) { out.append($0) }
        let shown = out.map { $0.replacing(StepMode.clearScreen, with: "").split(separator: "\n").dropLast().joined(separator: " ") }
        #expect(shown.prefix(4) == ["a b c d", "e f g h", "d e f", "a b c"])
        // Prose wrapped again: what was on the top line is found by its characters, not its number.
        let narrow = ["one two", "three four", "five six", "seven"].map { ScreenLine(text: $0) }
        let wide = ["one two three four", "five six seven"].map { ScreenLine(text: $0) }
        #expect(StepMode.shownBefore(line: 2, narrow) == 15)   // "one two" and "three four": 15 letters
        #expect(StepMode.line(holding: StepMode.shownBefore(line: 2, narrow), wide) == 1)
        #expect(StepMode.line(holding: StepMode.shownBefore(line: 1, narrow), wide) == 0)
        #expect(StepMode.line(holding: 1000, wide) == 1)
    }

    /// On a terminal narrower than the widest line, the first screen begins with the hint that
    /// `run` prints on stderr, and has that many fewer rows; the next screens do not repeat it; a
    /// resize draws again at once (.redraw), with the hint when the terminal is still narrow.
    @Test func aNarrowTerminalGetsTheHintOnTheFirstScreen() {
        let x45 = String(repeating: "x", count: 45)                 // 2 rows at 40 columns
        let pages = ["p1 a\n\(x45)\np1 c\np1 d\np1 e\n", "p2\n"]
        let narrow = (rows: 8, columns: 40), wide = (rows: 8, columns: 100)
        var keyboard = ResizingTerminal(events: [(.next, narrow), (.back, narrow), (.redraw, wide), (.redraw, narrow), (.quit, narrow)], size: narrow)
        var out: [String] = []
        _ = StepMode.run(pages: pages, language: .en, color: false, keyboard: &keyboard) { out.append($0) }
        // The hint is 89 columns: 3 rows at 40, which leaves 8 − 1 − 3 = 4 rows: "p1 a" and the
        // two rows of x45 and "p1 c".
        let hint = "gru-explain: laid out for 100 columns, the terminal has 40; widen it or use --format html"
        #expect(out == [
            StepMode.clearScreen + hint + "\np1 a\n\(x45)\np1 c\n[1/2] more of this page: Space b ↑ q",
            StepMode.clearScreen + "p1 d\np1 e\n[1/2] next: Space b ↑ q",              // 23 columns
            StepMode.clearScreen + "p1 a\n\(x45)\np1 c\np1 d\np1 e\n[1/2] next: Space b ↑ q",   // 6 rows, no hint
            StepMode.clearScreen + "p1 a\n\(x45)\np1 c\np1 d\np1 e\n[1/2] Enter/Space/→: next · b/←: previous page · ↑/PageUp: previous screen · q: quit",
            StepMode.clearScreen + hint + "\np1 a\n\(x45)\np1 c\n[1/2] more of this page: Space b ↑ q",
            StepMode.eraseLine,
        ])
        // Chinese: the same hint as run's stderr line.
        #expect(OutputOptions.narrowHint(widest: 104, columns: 60, language: .zh, instead: "--format html") == "按 104 列排版，终端只有 60 列；请把窗口拉宽，或改用 --format html。")
        #expect(OutputOptions.narrowHint(widest: 100, columns: 100, language: .en, instead: "--format html") == nil)
    }

    @Test func finishingEndOfInputAndCtrlC() {
        #expect(play([.next, .next, .next]).status == 0)                    // Enter on the last page
        #expect(play([.next]).screens.last == StepMode.eraseLine)            // input ends: quit cleanly
        #expect(play([.next]).status == 0)
        #expect(play([.interrupt]).status == 130)
    }

    @Test func thePromptIsInTheReadersLanguage() {
        let pager = Pager(lineHeights: [[1], [1]], rows: 10)
        #expect(StepMode.prompt(pager, language: .zh, color: false) == "[1/2] 回车、空格或 →：下一页 · b 或 ←：上一页 · ↑ 或 PageUp：上一屏 · q：退出")
        #expect(StepMode.prompt(pager, language: .en, color: true) == "\u{1B}[7m[1/2] Enter/Space/→: next · b/←: previous page · ↑/PageUp: previous screen · q: quit\u{1B}[0m")
        #expect(StepMode.visibleWidth("\u{1B}[1;36m时间步\u{1B}[0m 1") == 8)
    }

    @Test func withoutATerminalStepIsThePlainRun() {
        for language in ["zh", "en"] {
            let plain = runCLI(["run", "lesson1", "--lang", language])
            // stdout is a terminal but stdin is not, and the other way round.
            let a = runCLI(["run", "lesson1", "--lang", language, "--step", "--color", "never"], terminal: true)
            #expect(a.status == 0 && a.stdout == plain.stdout)
            let b = runCLI(["run", "lesson1", "--lang", language, "--step"])
            #expect(b.status == 0 && b.stdout == plain.stdout)
        }
    }

    @Test func stepNeedsTheTextFormatAndTheTerminal() {
        let json = runCLI(["run", "lesson1", "--step", "--format", "json"])
        #expect(json.status == 2 && json.stderr.contains("--step pages through the text walkthrough"))
        let file = runCLI(["run", "lesson1", "--step", "-o", "x.txt"])
        #expect(file.status == 2 && file.stderr.contains("cannot be combined with --output"))
    }

    /// The built binary with standard input not a terminal (/dev/null) prints exactly what `run` prints.
    @Test func builtBinaryWithoutATerminalPrintsThePlainRun() async throws {
        let dir = FileManager.default.temporaryDirectory
        let plain = try await runBinary(["run", "lesson1", "--lang", "en"], in: dir)
        let step = try await runBinary(["run", "lesson1", "--lang", "en", "--step"], in: dir)
        #expect(step.status == 0)
        #expect(step.stdout == plain.stdout)
        #expect(!step.stdout.isEmpty)
    }
}
