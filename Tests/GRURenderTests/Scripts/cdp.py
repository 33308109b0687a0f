"""A minimal client of Chromium's DevTools protocol, shared by the scripts beside it
(slides_cdp.py, workbook_cdp.py, screenshots_cdp.py, selftest_cdp.py, browser.py): opens a page
in headless Chromium and talks to it over a WebSocket on 127.0.0.1. Only the standard library.

    import cdp
    cdp.start(chromium, page, width, height)
    cdp.evaluate("document.title")
    cdp.check("the title", cdp.evaluate("document.title"), "…")   # prints ok or FAIL
    cdp.click("#next")
    cdp.finish(0)

The page gets its own browser, or, when GRU_EXPLAIN_CDP_BROWSER names one that browser.py
started ("PORT PATH"), a window in that browser with a profile of its own (a browser context:
its own storage and downloads), which finish() closes. Starting a browser costs about 1.5 s of
CPU; the tests start one for all their pages.
"""
import base64, json, os, shutil, signal, socket, struct, subprocess, sys, tempfile, time, urllib.request

# The checks that failed; a script prints them and calls fail() at its end.
failures = []
# start() allows 30 s from here for Chromium to open its port and page; scripts wait relative to it.
deadline = 0.0
# The browser this script started (None in a shared one), its profile, and the folders finish() removes.
browser = None
profile = None
removed = []
# In a shared browser: the connection to the browser, and this page's browser context.
shared = None
# The parameter that names this page's browser context to a Browser.* method ({} in a browser of its own).
context = {}
page_connection = None


class Connection:
    """One WebSocket to a DevTools endpoint: a page's or the browser's."""

    def __init__(self, port, path):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.next_id = 0
        # The handshake (client frames masked, server frames not).
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, port, key)).encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            fail("the WebSocket handshake was refused: %r" % response[:80])

    def recv_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                fail("the DevTools connection closed")
            data += chunk
        return data

    def send(self, message):
        payload = json.dumps(message).encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            first, second = self.recv_exact(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self.recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self.recv_exact(8))[0]
            message += self.recv_exact(length)
            if first & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})


def launch(chromium, profile):
    """Starts headless Chromium on about:blank with `profile`; the process, and its DevTools port
    and browser path, from the file it writes into the profile (within 30 s)."""
    process = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--hide-scrollbars", "--force-prefers-reduced-motion", "--remote-debugging-address=127.0.0.1",
         "--remote-debugging-port=0", "--user-data-dir=" + profile,
         # A window that is not in front still runs its timers and draws its frames.
         "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
         "--disable-backgrounding-occluded-windows", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        # Its temporary files (an org.chromium.Chromium.* folder it leaves when it is ended) in the
        # profile, which is removed with it.
        env=dict(os.environ, TMPDIR=profile),
        start_new_session=True)  # its own process group: stop() ends the renderers with it
    port_file = os.path.join(profile, "DevToolsActivePort")
    until = time.time() + 30
    while not (os.path.exists(port_file) and open(port_file).read().strip()):
        if time.time() > until or process.poll() is not None:
            stop(process)
            shutil.rmtree(profile, ignore_errors=True)
            raise RuntimeError("Chromium did not open its DevTools port")
        time.sleep(0.05)
    port, path = open(port_file).read().split()[:2]
    return process, int(port), path


def stop(process):
    """Ends the browser's whole process group, so that no renderer goes on writing into its profile."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    time.sleep(0.2)


def start(chromium, page, width, height, cleanup=()):
    """Opens `page` in headless Chromium with a window of width×height (a page under 600 px wide
    as on a phone), and connects to it. `cleanup` lists folders that finish() removes."""
    global browser, profile, removed, shared, context, page_connection, deadline
    removed = list(cleanup)
    deadline = time.time() + 30
    endpoint = os.environ.get("GRU_EXPLAIN_CDP_BROWSER")
    if endpoint:
        port, path = endpoint.split()
        port = int(port)
        shared = Connection(port, path)
        context = {"browserContextId": shared.call("Target.createBrowserContext")["browserContextId"]}
        target = shared.call("Target.createTarget", url="about:blank", newWindow=True, width=width, height=height, **context)["targetId"]
    else:
        profile = tempfile.mkdtemp(prefix="gru-explain-cdp-")
        try:
            browser, port, _ = launch(chromium, profile)
        except RuntimeError as error:
            fail(str(error))
        targets = []
        while time.time() < deadline and not targets:
            targets = [t for t in json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port)) if t.get("type") == "page"]
            time.sleep(0.05)
        if not targets:
            fail("no page target")
        target = targets[0]["id"]
    page_connection = Connection(port, "/devtools/page/" + target)
    # The viewport itself (a headless window is never narrower than 500 px), and the page as if
    # its window were in front (the shared browser has several).
    call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600)
    call("Emulation.setFocusEmulationEnabled", enabled=True)
    call("Page.navigate", url="file://" + os.path.abspath(page))


def finish(code):
    if shared is not None and context:
        try:
            shared.call("Target.disposeBrowserContext", **context)
        except OSError:
            pass
    if browser is not None:
        stop(browser)
    for folder in [profile] + removed:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(code)


def fail(reason):
    print("FAIL " + reason)
    finish(1)


def call(method, **params):
    return page_connection.call(method, **params)


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
