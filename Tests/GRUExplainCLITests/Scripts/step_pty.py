"""Drives `gru-explain run lesson1 --step` in a pseudo-terminal as a person would, and checks
that the terminal's settings come back however the session ends.

usage: python3 step_pty.py BINARY q|ctrl-d|sigint|ctrl-c
Prints one line: OK, or FAIL and the reason (exit status 1).
"""
import fcntl, os, select, signal, struct, subprocess, sys, termios, time

binary, ending = sys.argv[1], sys.argv[2]
master, slave = pty_pair = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 110, 0, 0))
before = termios.tcgetattr(slave)
seen = b""


def fail(reason):
    tail = seen[-600:].decode("utf-8", "replace")
    print("FAIL " + reason + "\n--- last output ---\n" + tail)
    sys.exit(1)


def wait_for(text, timeout=30.0):
    """Reads the screen until `text` appears after what was already read, then until the
    output has been quiet for a moment (on a busy machine a screen can arrive in pieces)."""
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
            if text.encode() in seen[start:]:
                while select.select([master], [], [], 0.3)[0]:
                    try:
                        seen += os.read(master, 65536)
                    except OSError:
                        break
                return
    fail("waited for %r" % text)


def controlling_terminal():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])     # a test runner may have blocked SIGINT
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8"}
child = subprocess.Popen([binary, "run", "lesson1", "--step", "--lang", "en"], stdin=slave, stdout=slave,
                         stderr=slave, env=env, preexec_fn=controlling_terminal, cwd="/")
def press(key):
    """Sends one key and returns the prompt of the screen it brings: "[2/12] Enter/Space: next …"."""
    os.write(master, key)
    wait_for("q: quit")
    return seen.rsplit(b"\x1b[7m[", 1)[-1].decode("utf-8", "replace")


def press_until(key, page):
    for _ in range(8):
        prompt = press(key)
        if prompt.startswith(page):
            return
    fail("never reached page " + page)


wait_for("q: quit")
if b"[1/12] Enter/Space/\xe2\x86\x92: more of this page" not in seen:
    fail("page 1 should be taller than 40 rows and say so")
during = termios.tcgetattr(slave)
if during[3] & (termios.ICANON | termios.ECHO):
    fail("step mode did not turn off line editing and echo")
press_until(b"\r", "2/12]")                      # Enter: the rest of page 1, then page 2
if not press(b"b").startswith("1/12]"):
    fail("b on the first screen of page 2 should go back to page 1")
press_until(b"\x1b[C", "2/12]")                  # the right arrow
press_until(b" ", "3/12]")
os.write(master, b"\x1b[C\x1b[C")               # two right arrows in one read (held down, a clicker)
wait_for("[5/12]")
press_until(b"\x1b[D", "3/12]")                  # the left arrow
if b"Timestep 2" not in seen.rsplit(b"\x1b[H\x1b[2J", 1)[-1]:
    fail("page 3 does not show forward timestep 2")
if not press(b"\x1b[F").startswith("12/12] Enter/Space/\u2192: finish"):
    fail("End should show the last page")
if not press(b"\x1b[H").startswith("1/12]"):
    fail("Home should show the first page")

if ending == "q":
    os.write(master, b"q")
elif ending == "ctrl-d":
    os.write(master, b"\x04")
elif ending == "sigint":
    child.send_signal(signal.SIGINT)
elif ending == "ctrl-c":
    os.write(master, b"\x03")
try:
    status = child.wait(timeout=30)
except subprocess.TimeoutExpired:
    child.kill()
    fail("gru-explain did not end after " + ending)
expected = 130 if ending in ("sigint", "ctrl-c") else 0
if status != expected:
    fail("exit status %d after %s, expected %d" % (status, ending, expected))
after = termios.tcgetattr(slave)
if after != before:
    fail("the terminal settings were not restored after " + ending)
print("OK " + ending)
