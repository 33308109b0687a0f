import GRUCore

/// Where `run --step` gets its keys and its screen size. `Terminal` is the real one; tests use
/// a list of keys.
protocol Keyboard {
    /// The next key press, or nil at the end of input. `.redraw` when the screen must be drawn
    /// again without a key (after a resize, or after Ctrl-Z and `fg`).
    mutating func readKey() -> PagerKey?
    /// The screen: rows and columns.
    var size: (rows: Int, columns: Int) { get }
}

/// The terminal on standard input, switched to single keys (no line editing, no echo) for as long
/// as this value is open. Its settings are put back by `restore()`, by `deinit`, and by the
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT handlers it installs, which then exit with 128 + the signal.
///
/// Ctrl-Z (SIGTSTP) puts the settings back and stops the program, as a shell user expects; `fg`
/// (SIGCONT) switches to single keys again and `readKey` returns `.redraw`; so does a resize
/// (SIGWINCH). Those three handlers only write the signal's number into a pipe (a signal handler
/// may do little more, and can capture nothing); `readKey` waits on that pipe beside standard
/// input and does the work outside the handler.
final class Terminal: Keyboard {
    /// The settings to put back, for the signal handlers (which can capture nothing).
    nonisolated(unsafe) private static var saved: termios? = nil
    /// The single-key settings, to switch to again after Ctrl-Z and `fg`.
    nonisolated(unsafe) private static var raw: termios? = nil
    /// The pipe the SIGTSTP, SIGCONT and SIGWINCH handlers write to: both ends non-blocking (a
    /// full pipe drops the byte rather than block a handler). Made once, and never closed, since
    /// a handler may still be running in another thread.
    nonisolated(unsafe) private static var wake: (read: Int32, write: Int32) = (-1, -1)

    /// Signals that end step mode: the settings are put back, then the program exits.
    private static let endingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals that `readKey` handles: stop, go on, resize.
    private static let wakingSignals = [SIGTSTP, SIGCONT, SIGWINCH]

    private var restored = false
    /// Keys that arrived in one read together with the key returned before them.
    private var pending: [PagerKey] = []

    /// Opens the terminal on standard input, or nil when it is not one.
    static func open() -> Terminal? {
        var original = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        saved = original
        for sig in endingSignals {
            _ = signal(sig) { number in
                Terminal.putBack()
                let newline: [UInt8] = [10]
                _ = write(STDOUT_FILENO, newline, 1)
                _exit(128 + number)
            }
        }
        // Without the pipe, Ctrl-Z keeps its default (the program stops in single-key mode, as before).
        if makeWakePipe() {
            for sig in wakingSignals { catchWaking(sig) }
        }
        var raw = original
        // Keys arrive one at a time, unechoed. Ctrl-C still raises SIGINT (ISIG stays on), and
        // output processing stays on, so "\n" still starts a new line.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        Terminal.raw = raw
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            putBack()
            for sig in endingSignals + wakingSignals { _ = signal(sig, SIG_DFL) }
            return nil
        }
        return Terminal()
    }

    /// Makes `wake` if it is not there yet; false when the system refuses.
    private static func makeWakePipe() -> Bool {
        if wake.read >= 0 { return true }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wake = (ends[0], ends[1])
        return true
    }

    /// The handler of SIGTSTP, SIGCONT and SIGWINCH: the signal's number into the pipe, and
    /// errno as it was (the interrupted code may be about to read it).
    private static func catchWaking(_ sig: Int32) {
        _ = signal(sig) { number in
            let savedErrno = errno
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(Terminal.wake.write, &byte, 1)
            errno = savedErrno
        }
    }

    /// The signal numbers waiting in the pipe, read to its end.
    private static func drainWake() -> Set<Int32> {
        var signals = Set<Int32>()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(wake.read, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            for byte in buffer[0..<n] { signals.insert(Int32(byte)) }
        }
        return signals
    }

    /// Puts the saved settings back; safe in a signal handler (tcsetattr only).
    private static func putBack() {
        guard var original = saved else { return }
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
    }

    /// Ctrl-Z: the settings as they were, then the program stops until `fg` (or `kill -CONT`)
    /// lets it go on, in single-key mode again. The prompt line is erased first, so that the
    /// shell's "Stopped" starts at the left. In a process group that no shell watches (an orphan),
    /// the system ignores the stop and step mode simply goes on.
    private func suspend() {
        _ = write(STDOUT_FILENO, StepMode.eraseLine, StepMode.eraseLine.utf8.count)
        Terminal.putBack()
        _ = signal(SIGTSTP, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTSTP)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = raise(SIGTSTP)                                   // stopped here until SIGCONT
        Terminal.catchWaking(SIGTSTP)
    }

    func restore() {
        guard !restored else { return }
        restored = true
        Terminal.putBack()
        for sig in Terminal.endingSignals + Terminal.wakingSignals { _ = signal(sig, SIG_DFL) }
    }

    deinit { restore() }

    func readKey() -> PagerKey? {
        if !pending.isEmpty { return pending.removeFirst() }
        // Wait for a key or a signal. poll is not restarted after a handler ran (EINTR).
        while true {
            var waiting = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: Terminal.wake.read, events: Int16(POLLIN), revents: 0)]   // fd -1: ignored
            let ready = poll(&waiting, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if waiting[1].revents & Int16(POLLIN) != 0 {
                let signals = Terminal.drainWake()
                if signals.contains(SIGTSTP) { suspend() }
                if signals.contains(SIGTSTP) || signals.contains(SIGCONT) {
                    // Going on after a stop: the shell had the terminal and set it for itself.
                    if var raw = Terminal.raw { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) }
                    _ = Terminal.drainWake()                 // the SIGCONT that let this one go on
                }
                return .redraw
            }
            if waiting[0].revents != 0 { break }             // a key, the end of input or an error
        }
        var buffer = [UInt8](repeating: 0, count: 16)
        var count = 0
        while true {
            count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
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
