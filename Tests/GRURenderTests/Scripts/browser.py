"""One headless Chromium for the browser tests of a test run, which their scripts share
(cdp.py opens each page in a window of its own, with a profile of its own).

usage: python3 browser.py CHROMIUM
Prints "PORT PATH" (its DevTools port and browser endpoint) on one line once the browser listens,
then waits for its standard input to end, as it does when the test process that started it ends
in any way, and ends the browser and removes its profile. Only the standard library.
"""
import shutil, sys, tempfile

import cdp  # the DevTools client, beside this script

profile = tempfile.mkdtemp(prefix="gru-explain-browser-profile-")
try:
    process, port, path = cdp.launch(sys.argv[1], profile)
except RuntimeError as error:
    print("FAIL " + str(error), flush=True)
    sys.exit(1)
print("%d %s" % (port, path), flush=True)
try:
    while sys.stdin.buffer.read(4096):
        pass
finally:
    cdp.stop(process)
    shutil.rmtree(profile, ignore_errors=True)
