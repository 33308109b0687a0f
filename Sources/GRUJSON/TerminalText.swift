/// Text that a user supplied (a lesson's title, a file name, a line of an answer sheet), made safe
/// to echo on a terminal.
///
/// A control character written to a terminal is obeyed, not shown: ESC [2J clears the screen,
/// ESC ]0;… retitles the window, BEL rings, a carriage return overwrites the line. Every command
/// passes what it echoes of the user's text through `escaped` (or `escapedKeepingLineBreaks` for
/// a text of several lines), which shows each such character as a `\u` escape (`\u001B`), as a
/// JSON string would. The characters escaped are C0 and C1 controls, DEL, and the invisible
/// format characters that reorder or hide text (bidirectional overrides, zero-width spaces, the
/// line and paragraph separators, the byte order mark).
public enum TerminalText {
    /// `text` on one line, every control and invisible format character escaped.
    public static func escaped(_ text: String) -> String {
        JSONWriter.oneLine(text)
    }

    /// `text` with its line breaks (`\n`) kept and every other control character escaped.
    public static func escapedKeepingLineBreaks(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }
}
