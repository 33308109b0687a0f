#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Where `run --step` gets its keys and its screen size. `Terminal` is the real one; tests use
/// a list of keys.
protocol Keyboard {
    /// The next key press, or nil at the end of input.
    mutating func readKey() -> PagerKey?
    /// The screen: rows and columns.
    var size: (rows: Int, columns: Int) { get }
}

/// The terminal on standard input, switched to single keys (no line editing, no echo) for as long
/// as this value is open. Its settings are put back by `restore()`, by `deinit`, and by the
/// SIGINT, SIGTERM and SIGHUP handlers it installs, which then exit with 128 + the signal.
final class Terminal: Keyboard {
    /// The settings to put back, for the signal handlers (which can capture nothing).
    nonisolated(unsafe) private static var saved: termios? = nil

    private var restored = false
    /// Keys that arrived in one read together with the key returned before them.
    private var pending: [PagerKey] = []

    /// Opens the terminal on standard input, or nil when it is not one.
    static func open() -> Terminal? {
        var original = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        saved = original
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(sig) { number in
                Terminal.putBack()
                let newline: [UInt8] = [10]
                _ = write(STDOUT_FILENO, newline, 1)
                _exit(128 + number)
            }
        }
        var raw = original
        // Keys arrive one at a time, unechoed. Ctrl-C still raises SIGINT (ISIG stays on), and
        // output processing stays on, so "\n" still starts a new line.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            putBack()
            return nil
        }
        return Terminal()
    }

    /// Puts the saved settings back; safe in a signal handler (tcsetattr only).
    private static func putBack() {
        guard var original = saved else { return }
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
    }

    func restore() {
        guard !restored else { return }
        restored = true
        Terminal.putBack()
        for sig in [SIGINT, SIGTERM, SIGHUP] { _ = signal(sig, SIG_DFL) }
    }

    deinit { restore() }

    func readKey() -> PagerKey? {
        if !pending.isEmpty { return pending.removeFirst() }
        var buffer = [UInt8](repeating: 0, count: 16)
        var count = 0
        while true {
            count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }        // a resize, for example
            break
        }
        guard count > 0 else { return nil }                     // end of input, or an error
        var bytes = Array(buffer[0..<count])
        // An escape sequence may arrive in pieces; an Esc alone has nothing after it.
        if bytes == [0x1B] || bytes == [0x1B, UInt8(ascii: "[")] || bytes == [0x1B, UInt8(ascii: "O")] {
            var more = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            while poll(&more, 1, 50) > 0 {
                let n = read(STDIN_FILENO, &buffer, buffer.count)
                guard n > 0 else { break }
                bytes += buffer[0..<n]
                if let last = bytes.last, last != UInt8(ascii: "["), last != UInt8(ascii: "O"), !(0x30...0x3F).contains(last) { break }   // digits and ;
            }
        }
        var keys = PagerKey.split(bytes).map(PagerKey.decode)
        let first = keys.removeFirst()
        pending = keys
        return first
    }

    /// The columns of the terminal on standard output, or nil when it is not a terminal.
    static func outputColumns() -> Int? {
        var w = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 else { return nil }
        return Int(w.ws_col)
    }

    var size: (rows: Int, columns: Int) {
        var w = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_row > 0, w.ws_col > 0 else { return (24, 80) }
        return (Int(w.ws_row), Int(w.ws_col))
    }
}
