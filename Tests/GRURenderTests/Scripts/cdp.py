"""A minimal client of Chromium's DevTools protocol, shared by slides_cdp.py, workbook_cdp.py and screenshots_cdp.py:
starts headless Chromium on a page and talks to it over a WebSocket on 127.0.0.1. Only the
standard library.

    import cdp
    cdp.start(chromium, page, width, height)
    cdp.evaluate("document.title")
    cdp.check("the title", cdp.evaluate("document.title"), "…")   # prints ok or FAIL
    cdp.click("#next")
    cdp.finish(0)
"""
import base64, json, os, shutil, signal, socket, struct, subprocess, sys, tempfile, time, urllib.request

# The checks that failed; a script prints them and calls fail() at its end.
failures = []
browser = None
profile = None
sock = None
removed = []
# start() allows 30 s from here for Chromium to open its port and page; scripts wait relative to it.
deadline = 0.0


def start(chromium, page, width, height, cleanup=()):
    """Opens `page` in headless Chromium at width×height and connects to it. `cleanup` lists
    folders that finish() removes with the browser's profile."""
    global browser, profile, sock, removed, deadline
    removed = list(cleanup)
    profile = tempfile.mkdtemp(prefix="gru-explain-cdp-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--hide-scrollbars", "--force-prefers-reduced-motion", "--remote-debugging-address=127.0.0.1",
         "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=%d,%d" % (width, height),
         "file://" + os.path.abspath(page)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        # Its temporary files (an org.chromium.Chromium.* folder it leaves when it is ended) in the
        # profile, which finish() removes.
        env=dict(os.environ, TMPDIR=profile),
        start_new_session=True)  # its own process group: finish() ends the renderers with it

    # The port Chromium chose, from the file it writes into the profile.
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while not (os.path.exists(port_file) and open(port_file).read().strip()):
        if time.time() > deadline or browser.poll() is not None:
            fail("Chromium did not open its DevTools port")
        time.sleep(0.1)
    port = int(open(port_file).read().split()[0])
    targets = []
    while time.time() < deadline and not targets:
        targets = [t for t in json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port))
                   if t.get("type") == "page" and t.get("url", "").startswith("file://")]
        time.sleep(0.1)
    if not targets:
        fail("no page target")
    path = "/" + targets[0]["webSocketDebuggerUrl"].split("/", 3)[3]

    # WebSocket handshake and frames (client frames masked, server frames not).
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, port, key)).encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)
    if b" 101 " not in response.split(b"\r\n")[0]:
        fail("the WebSocket handshake was refused: %r" % response[:80])


def finish(code):
    if browser is not None:
        # The whole group, so that no renderer goes on writing into the profile once it is removed.
        try:
            os.killpg(browser.pid, signal.SIGTERM)
            browser.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(browser.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.2)
    for folder in [profile] + removed:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(code)


def fail(reason):
    print("FAIL " + reason)
    finish(1)


def recv_exact(n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            fail("the DevTools connection closed")
        data += chunk
    return data


def send(message):
    payload = json.dumps(message).encode()
    header = bytes([0x81])
    if len(payload) < 126:
        header += bytes([0x80 | len(payload)])
    elif len(payload) < 65536:
        header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
    else:
        header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
    mask = os.urandom(4)
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def receive():
    message = b""
    while True:
        first, second = recv_exact(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack(">H", recv_exact(2))[0]
        elif length == 127:
            length = struct.unpack(">Q", recv_exact(8))[0]
        message += recv_exact(length)
        if first & 0x80:
            return json.loads(message)


next_id = [0]


def call(method, **params):
    next_id[0] += 1
    send({"id": next_id[0], "method": method, "params": params})
    while True:
        reply = receive()
        if reply.get("id") == next_id[0]:
            if "error" in reply:
                fail("%s: %s" % (method, reply["error"]))
            return reply.get("result", {})


def evaluate(expression):
    return call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")


def check(name, got, expected):
    """Prints "ok" or "FAIL" with what was found (a long value cut at 100 characters), and records a failure."""
    ok = got == expected
    shown = lambda v: repr(v) if len(repr(v)) <= 100 else repr(v)[:100] + "…"
    print(("ok   " if ok else "FAIL ") + "%s: %s" % (name, shown(got)) + ("" if ok else ", expected %s" % shown(expected)))
    if not ok:
        failures.append(name)


def click(selector, scroll=False):
    """A real left click at the middle of the element; with scroll, the element is scrolled to the middle first."""
    if scroll:
        call("Runtime.evaluate", expression="document.querySelector(%s).scrollIntoView({block:'center'})" % json.dumps(selector))
    box = evaluate("(function(){var r=document.querySelector(%s).getBoundingClientRect();return [r.x+r.width/2,r.y+r.height/2];})()"
                   % json.dumps(selector))
    for kind in ("mousePressed", "mouseReleased"):
        call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
