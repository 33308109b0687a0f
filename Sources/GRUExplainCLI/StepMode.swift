import GRURender

/// `run --step`: the walkthrough one page at a time (see `TextRenderer.pages`), with a one-line
/// prompt under each: Enter, Space or → for the next page, b or ← for back, q to quit.
enum StepMode {
    /// Clears the screen and puts the cursor at the top left.
    static let clearScreen = "\u{1B}[H\u{1B}[2J"
    /// Back to the start of the line, and the line erased.
    static let eraseLine = "\r\u{1B}[K"

    /// Shows `pages` until the reader finishes or quits (status 0) or presses Ctrl-C (130).
    static func run(pages: [String], language: Language, color: Bool, ascii: Bool = false,
                    keyboard: inout some Keyboard, write: (String) -> Void) -> Int32 {
        let lines = pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        func heights(columns: Int) -> [[Int]] {
            lines.map { page in page.map { max(1, (visibleWidth($0) + columns - 1) / max(columns, 1)) } }
        }
        var size = keyboard.size
        var pager = Pager(lineHeights: heights(columns: size.columns), rows: size.rows - 1)
        var action = Pager.Action.show
        while true {
            switch action {
            case .show:
                let page = lines[pager.page]
                let shown = page[pager.top..<(pager.top + pager.visibleCount)]
                write(clearScreen + shown.joined(separator: "\n") + "\n" + prompt(pager, language: language, color: color, ascii: ascii))
            case .stay:
                break
            case .finish, .quit:
                write(eraseLine)
                return ExitStatus.success
            case .interrupt:
                write(eraseLine)
                return 130
            }
            guard let key = keyboard.readKey() else {
                write(eraseLine)
                return ExitStatus.success
            }
            let now = keyboard.size
            if now != size {
                // The terminal was resized: measure again, from the top of the same page.
                size = now
                pager = Pager(lineHeights: heights(columns: size.columns), rows: size.rows - 1, page: pager.page)
            }
            action = pager.handle(key)
        }
    }

    /// `[3/12] Enter/Space/→: next · b/←: back · q: quit`, in reverse video when colour is on.
    static func prompt(_ pager: Pager, language: Language, color: Bool, ascii: Bool = false) -> String {
        let what: Message = pager.hasMore ? .stepMore : pager.isLastScreen ? .stepFinish : .stepNext
        let keys = Message.stepKeys.text(language, what.text(language))
        let text = "[\(pager.page + 1)/\(pager.lineHeights.count)] " + (ascii ? Notation.ascii(keys) : keys)
        return color ? "\u{1B}[7m" + text + "\u{1B}[0m" : text
    }

    /// Display columns, not counting ANSI colour escapes.
    static func visibleWidth(_ line: String) -> Int {
        var plain = ""
        var inEscape = false
        for ch in line {
            if inEscape {
                if ch.isLetter { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                plain.append(ch)
            }
        }
        return DisplayWidth.of(plain)
    }
}
