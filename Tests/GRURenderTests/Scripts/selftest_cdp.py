"""The slides' own self-test (the page's address with #selftest, see HTMLScript) in headless
Chromium, over the DevTools protocol.

usage: python3 selftest_cdp.py CHROMIUM PAGE.html WIDTH HEIGHT
Opens the page with #selftest at a viewport of WIDTH×HEIGHT, waits for its report, and prints the
report's JSON on one line (or FAIL and the reason, exit status 1). Only the standard library: the
DevTools client is cdp.py, beside this script.
"""
import sys, time

import cdp  # the DevTools client, beside this script

chromium, page, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cdp.start(chromium, page + "#selftest", width, height)
from cdp import evaluate, fail, finish

# lesson3's 246 slides in two languages take about 15 s alone, longer beside other work.
while True:
    report = evaluate("(function () { var r = document.getElementById('selftest-report'); return r ? r.textContent : null; })()")
    if report:
        break
    if time.time() > cdp.deadline + 150:
        fail("no self-test report within three minutes")
    time.sleep(0.2)
print(report)
finish(0)
