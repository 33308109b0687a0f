"""Drives `gru-explain run lesson1 --step` in a pseudo-terminal as a person would, and checks
that the terminal's settings come back however the session ends.

usage: python3 step_pty.py BINARY MODE
  MODE q, ctrl-d, sigint or ctrl-c: a 110×40 terminal; Enter, b, →, Space, End and Home, then
       that way out.
  MODE narrow-en or narrow-zh: a 60×30 terminal; every screen, wrapped as a terminal wraps it,
       fits in 30 rows, the prompt in one row, and the first screen says the terminal is too narrow;
       resizing to 100 columns and back redraws at once (SIGWINCH), without a key.
  MODE rules-LANG-COLUMNSxROWS (rules-zh-100x30, rules-en-80x24, …): every screen of lesson1 in
       LANG on that terminal keeps the step-mode rules: no screen ends on a heading, a timestep's
       heading shares its screen with the start of its table, a table continued from the screen
       before opens with its header row again, no screen holds only a table's last row and its
       border, prose is wrapped to the terminal (tables may be wider), and the prompt says b goes
       back a page and ↑ a screen, as they do.
  MODE ctrl-z: gru-explain runs as a shell's foreground job; Ctrl-Z stops it with the terminal
       settings put back, SIGCONT (what fg sends) brings single keys and the screen back.
Prints one line: OK, or FAIL and the reason (exit status 1).
"""
import fcntl, os, re, select, signal, struct, subprocess, sys, termios, time, unicodedata

binary, mode = sys.argv[1], sys.argv[2]
master, slave = os.openpty()
rows, columns = (30, 60) if mode.startswith("narrow") else (40, 110)
language = "zh" if mode == "narrow-zh" else "en"
if mode.startswith("rules-"):
    language = mode.split("-")[1]
    columns, rows = (int(n) for n in mode.split("-")[2].split("x"))
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
before = termios.tcgetattr(slave)
seen = b""
CLEAR = b"\x1b[H\x1b[2J"
PROMPT = b"\x1b[7m["             # the prompt starts in reverse video (colour is on: TERM=xterm)
PROMPT_END = b"\x1b[0m"          # and ends the screen


started = []                      # processes to end if the test fails


def fail(reason):
    tail = seen[-600:].decode("utf-8", "replace")
    print("FAIL " + reason + "\n--- last output ---\n" + tail)
    for pid in started:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    sys.exit(1)


def read_until(predicate, what, timeout=30.0, quiet=0.3):
    """Reads the screen until `predicate(new output)` holds, then until the output has been quiet
    for `quiet` seconds (on a busy machine a screen can arrive in pieces)."""
    global seen
    start = len(seen)
    deadline = time.time() + timeout
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if predicate(seen[start:]):
                while select.select([master], [], [], quiet)[0]:
                    try:
                        seen += os.read(master, 65536)
                    except OSError:
                        break
                return
    fail("waited for " + what)


def wait_for(text, timeout=30.0):
    read_until(lambda new: text.encode() in new, repr(text), timeout)


def wait_for_screen(timeout=30.0):
    """Waits for a whole new screen: cleared, then drawn down to the end of its prompt. The
    program writes nothing more until a key, so there is no quiet moment to wait for (it cost
    0.3 s a screen, most of this test's time)."""
    def whole(new):
        if CLEAR not in new:
            return False
        screen = new.rsplit(CLEAR, 1)[-1]
        return PROMPT in screen and PROMPT_END in screen.rsplit(PROMPT, 1)[-1]
    read_until(whole, "a new screen", timeout, quiet=0)


def last_screen():
    return seen.rsplit(CLEAR, 1)[-1].decode("utf-8", "replace")


def prompt_of_last_screen():
    """The prompt of the last screen without its colour: "[2/12] Enter/Space/→: next …"."""
    return re.sub(r"\x1b\[[0-9;]*m", "", seen.rsplit(PROMPT, 1)[-1].decode("utf-8", "replace"))


def controlling_terminal():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])     # a test runner may have blocked SIGINT
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8"}
command = [binary, "run", "lesson1", "--step", "--lang", language]


def press(key):
    """Sends one key and returns the prompt of the screen it brings."""
    os.write(master, key)
    wait_for_screen()
    return prompt_of_last_screen()


def press_until(key, page, tries=8):
    for _ in range(tries):
        prompt = press(key)
        if prompt.startswith(page):
            return
    fail("never reached page " + page)


def check_restored(when):
    if termios.tcgetattr(slave) != before:
        fail("the terminal settings were not restored " + when)


def check_single_keys(when):
    if termios.tcgetattr(slave)[3] & (termios.ICANON | termios.ECHO):
        fail("line editing or echo is on " + when)


# Display width as a terminal counts it, from Python's own Unicode tables (East Asian Width W and
# F take two columns; combining marks none): independent of gru-explain's DisplayWidth.
def char_width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def screen_rows(line, width):
    """The rows a terminal `width` wide gives `line`: what does not fit goes on the next row, and a
    wide character that does not fit in what is left of a row starts the next one."""
    used, column = 1, 0
    for ch in re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", line):
        w = char_width(ch)
        if w and column > 0 and column + w > width:
            used, column = used + 1, 0
        column += w
    return used


def check_screen(number, width, height):
    """The last screen fits: its lines, wrapped at `width`, and its prompt take at most `height` rows,
    and the prompt is narrower than the terminal. Returns the screen's lines without escapes."""
    lines = last_screen().split("\r\n")
    prompt = re.sub(r"\x1b\[[0-9;]*m", "", lines[-1])
    if sum(char_width(c) for c in prompt) > width - 1:
        fail("screen %d: the prompt %r is wider than %d columns" % (number, prompt, width - 1))
    used = sum(screen_rows(line, width) for line in lines)
    if used > height:
        fail("screen %d takes %d rows on a %d-row terminal: its top scrolls away" % (number, used, height))
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in lines]


def resize(height, width):
    """What a window manager does: a new size on the pty (the kernel sends SIGWINCH)."""
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


def finish(child_wait, expected, ending):
    try:
        status = child_wait()
    except subprocess.TimeoutExpired:
        fail("gru-explain did not end after " + ending)
    if status != expected:
        fail("exit status %d after %s, expected %d" % (status, ending, expected))
    check_restored("after " + ending)
    print("OK " + mode)
    sys.exit(0)


def start():
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                             preexec_fn=controlling_terminal, cwd="/")
    started.append(child.pid)
    return child


def wait_child(child):
    def wait():
        try:
            return child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            raise
    return wait


def keys_and_endings():
    child = start()
    wait_for_screen()
    if not prompt_of_last_screen().startswith("1/12] Enter/Space/\u2192: more of this page"):
        fail("page 1 should be taller than 40 rows and say so")
    check_single_keys("in step mode")
    press_until(b"\r", "2/12]")                      # Enter: the rest of page 1, then page 2
    if not press(b"b").startswith("1/12]"):
        fail("b on the first screen of page 2 should go back to page 1")
    press_until(b"\x1b[C", "2/12]")                  # the right arrow
    press_until(b" ", "3/12]")
    os.write(master, b"\x1b[C\x1b[C")               # two right arrows in one read (held down, a clicker)
    wait_for("[5/12]")
    press_until(b"\x1b[D", "3/12]")                  # the left arrow
    if "Timestep 2" not in last_screen():
        fail("page 3 does not show forward timestep 2")
    if not press(b"\x1b[F").startswith("12/12] Enter/Space/\u2192: finish"):
        fail("End should show the last page")
    if not press(b"\x1b[H").startswith("1/12]"):
        fail("Home should show the first page")
    if mode == "q":
        os.write(master, b"q")
    elif mode == "ctrl-d":
        os.write(master, b"\x04")
    elif mode == "sigint":
        child.send_signal(signal.SIGINT)
    elif mode == "ctrl-c":
        os.write(master, b"\x03")
    finish(wait_child(child), 130 if mode in ("sigint", "ctrl-c") else 0, mode)


def narrow():
    child = start()
    wait_for_screen()
    hint = {"en": "gru-explain: laid out for 100 columns, the terminal has 60",
            "zh": "gru-explain: 按 100 列排版，终端只有 60 列"}[language]
    first = check_screen(1, columns, rows)
    if not first[0].startswith(hint):
        fail("the first screen does not begin with the hint %r" % hint)
    if "[1/12]" not in first[-1]:
        fail("the first screen's prompt is not page 1's")
    # Every screen, Space by Space, to the end.
    for number in range(2, 200):
        prompt = prompt_of_last_screen()
        if prompt.startswith("12/12]") and not ("more" in prompt or "继续" in prompt):
            break
        press(b" ")
        shown = check_screen(number, columns, rows)
        if shown[0].startswith("gru-explain:"):
            fail("screen %d still shows the hint" % number)
    else:
        fail("never reached the end")
    # A resize redraws at once; 100 columns are enough, 60 again bring the hint back.
    resize(30, 100)
    wait_for_screen()
    if check_screen(1, 100, 30)[0].startswith("gru-explain:"):
        fail("the hint is shown at 100 columns")
    resize(30, 60)
    wait_for_screen()
    if not check_screen(1, 60, 30)[0].startswith(hint):
        fail("after a resize to 60 columns the screen does not begin with the hint")
    os.write(master, b"q")
    finish(wait_child(child), 0, "q")


def content_of_last_screen():
    """The last screen's lines without escapes, the narrow-terminal hint and the prompt."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in last_screen().split("\r\n")][:-1]
    if lines and lines[0].startswith("gru-explain:"):
        lines = lines[1:]
    return lines


def width_of(line):
    return sum(char_width(c) for c in line)


def is_table(line):
    """A line of a box-drawn table: from ┌ │ ├ └ to ┐ │ ┤ ┘ (the lesson's note has a bar on its left only)."""
    return line.startswith(("\u250c", "\u2502", "\u251c", "\u2514")) and line.rstrip().endswith(("\u2510", "\u2502", "\u2524", "\u2518"))


def check_rules(number, lines, prompt):
    """The step-mode rules on one screen (see the usage above)."""
    content = [line for line in lines if line.strip()]
    if not content:
        fail("screen %d is empty" % number)
    last = content[-1]
    if (last.startswith("\u25b8 ") or last.startswith("\u2501\u2501 ")) and not prompt.startswith("12/12]"):
        fail("screen %d ends on the heading %r" % (number, last))
    for k, line in enumerate(lines):
        if line.startswith("\u25b8 ") and not any(l.startswith("\u250c") for l in lines[k + 1:]):
            fail("screen %d: the heading %r is not followed by the start of its table" % (number, line))
    if is_table(content[0]) and not content[0].startswith("\u250c"):
        fail("screen %d opens inside a table without its header row: %r" % (number, content[0]))
    if content[0].startswith("\u250c"):
        rest = content[3:]
        rows_before_border = 0
        for line in rest:
            if line.startswith("\u2514"):
                break
            if line.startswith("\u2502"):
                rows_before_border += 1
        if rest and rest[0].startswith(("\u2502", "\u2514")) and rows_before_border <= 1 and len(rest) <= 2:
            fail("screen %d holds only a table's last row and its border: %r" % (number, content))
    for line in lines:
        if not is_table(line) and width_of(line) > columns:
            fail("screen %d: a line of prose is %d columns wide on a %d-column terminal: %r" % (number, width_of(line), columns, line))
    says = ("\u4e0a\u4e00\u9875" in prompt and "\u4e0a\u4e00\u5c4f" in prompt) if language == "zh" else ("page" in prompt and "screen" in prompt)
    if not says:
        fail("screen %d: the prompt %r does not say that b goes back a page and \u2191 a screen" % (number, prompt))


def rules():
    child = start()
    wait_for_screen()
    first = check_screen(1, columns, rows)
    first_content = content_of_last_screen()
    check_rules(1, first_content, prompt_of_last_screen())
    screens = {}
    previous_prompt = None
    for number in range(2, 400):
        prompt = prompt_of_last_screen()
        if prompt.startswith("12/12]") and not ("more" in prompt or "\u7ee7\u7eed" in prompt):
            break
        page = prompt.split("]")[0]
        press(b" ")
        check_screen(number, columns, rows)
        lines = content_of_last_screen()
        check_rules(number, lines, prompt_of_last_screen())
        screens.setdefault(prompt_of_last_screen().split("]")[0], []).append(lines)
    else:
        fail("never reached the end")
    # ↑ goes back a screen, b a page: on the second screen of the BPTT's first page (page 6).
    page = "6/12"
    if len(screens.get(page, [])) < 2:
        fail("page 6 fits on one screen at %dx%d; the test needs a page of two" % (columns, rows))
    press(b"\x1b[H")                                   # Home
    press_until(b" ", page + "]", 60)
    press(b" ")
    if content_of_last_screen() != screens[page][1]:
        fail("Space on page 6's first screen does not show its second")
    press(b"\x1b[A")                                   # ↑
    if not prompt_of_last_screen().startswith(page) or content_of_last_screen() != screens[page][0]:
        fail("\u2191 on page 6's second screen does not show its first")
    press(b" ")
    if not press(b"b").startswith("5/12]") or content_of_last_screen() != screens["5/12"][0]:
        fail("b on page 6's second screen does not show page 5 from its top")
    press(b" ")                                         # page 6 again
    if not press(b"\x1b[A").startswith("5/12]") or content_of_last_screen() != screens["5/12"][-1]:
        fail("\u2191 on page 6's first screen does not show page 5's last screen")
    os.write(master, b"q")
    finish(wait_child(child), 0, "q")


def process_state(pid):
    """'T' when stopped: the third field of /proc/PID/stat, else what ps says."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        out = subprocess.run(["ps", "-o", "state=", "-p", str(pid)], capture_output=True, text=True).stdout
        return out.strip()[:1]


def ctrl_z():
    """gru-explain as a job of an interactive shell: a session leader (the 'shell', a child of
    this script) owns the pty and waits; gru-explain runs in its own process group, in the
    foreground. A group whose parent is outside its session would be orphaned, and the system
    ignores a stop signal there, so gru-explain cannot simply be the session leader here."""
    report_r, report_w = os.pipe()
    shell = os.fork()
    if shell == 0:
        try:
            os.close(report_r)
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            job = os.fork()
            if job == 0:
                os.setpgid(0, 0)
                signal.signal(signal.SIGTTOU, signal.SIG_IGN)     # tcsetpgrp from the background
                os.tcsetpgrp(slave, os.getpgrp())
                signal.signal(signal.SIGTTOU, signal.SIG_DFL)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                os.chdir("/")
                os.execve(binary, command, env)
            os.write(report_w, str(job).encode())
            os.close(report_w)
            _, status = os.waitpid(job, 0)                        # not WUNTRACED: waits through stops
            os._exit(os.waitstatus_to_exitcode(status) & 0xFF if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
        except BaseException:
            os._exit(99)
    os.close(report_w)
    started.append(shell)
    job = int(os.read(report_r, 32) or b"0")
    started.append(job)
    if not job:
        fail("could not start gru-explain as a job")

    def wait_shell():
        deadline = time.time() + 30
        while time.time() < deadline:
            pid, status = os.waitpid(shell, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(job, signal.SIGKILL)
        raise subprocess.TimeoutExpired(binary, 30)

    wait_for_screen()
    press(b" ")
    page = prompt_of_last_screen()[:6]
    os.write(master, b"\x1a")                        # Ctrl-Z
    deadline = time.time() + 30
    while process_state(job) != "T":
        if time.time() > deadline:
            fail("Ctrl-Z did not stop gru-explain (state %r)" % process_state(job))
        time.sleep(0.05)
    check_restored("while stopped by Ctrl-Z")
    os.killpg(job, signal.SIGCONT)                   # what fg sends
    wait_for_screen()
    if not prompt_of_last_screen().startswith(page):
        fail("after SIGCONT the screen of %r is not drawn again" % page)
    check_single_keys("after Ctrl-Z and SIGCONT")
    redrawn = last_screen()
    press(b" ")                                      # one key, no Enter: single keys again
    if last_screen() == redrawn:
        fail("Space after SIGCONT did not move on")
    os.write(master, b"q")
    finish(wait_shell, 0, "q after Ctrl-Z and SIGCONT")


if mode in ("q", "ctrl-d", "sigint", "ctrl-c"):
    keys_and_endings()
elif mode in ("narrow-en", "narrow-zh"):
    narrow()
elif mode.startswith("rules-"):
    rules()
elif mode == "ctrl-z":
    ctrl_z()
else:
    fail("unknown mode " + mode)
