"""Screenshots of several slides of one page in one headless Chromium, over the DevTools protocol.

usage: python3 screenshots_cdp.py CHROMIUM PAGE.html WIDTH HEIGHT LANG/SLIDE=OUT.png ...
Opens the page once, then for each LANG/SLIDE goes to that address (#zh/5, as a link to a slide
does), waits until the slide is shown in that language with its fonts loaded, and writes a PNG of
WIDTH×HEIGHT. One browser for all the pictures: a browser started per picture took most of
BrowserTests' time. Prints one line per picture, then OK or FAIL (exit status 1). Only the
standard library: the DevTools client is cdp.py, beside this script.
"""
import base64, sys, time

import cdp  # the DevTools client, beside this script

chromium, page, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
shots = [argument.split("=", 1) for argument in sys.argv[5:]]
cdp.start(chromium, page, width, height)
from cdp import call, evaluate, fail, finish

while evaluate("document.documentElement.classList.contains('js') && !!document.getElementById('counter')") is not True:
    if time.time() > cdp.deadline:
        fail("the page did not start its script")
    time.sleep(0.1)
total = evaluate("document.querySelectorAll('.slide').length")
for address, out in shots:
    language, slide = address.split("/")
    evaluate("location.hash = '#%s/%s'" % (language, slide))
    shown = "document.getElementById('counter').textContent === '%s / %d' && document.documentElement.getAttribute('data-lang') === '%s'" \
            % (slide, total, language)
    while evaluate(shown) is not True:
        if time.time() > cdp.deadline + 60:
            fail("#%s/%s: the slide was not shown" % (language, slide))
        time.sleep(0.05)
    # The fonts in place and two frames drawn since the slide was fitted.
    call("Runtime.evaluate", expression="document.fonts.ready.then(function () { return new Promise(function (done) {"
         " requestAnimationFrame(function () { requestAnimationFrame(done); }); }); })", awaitPromise=True)
    shot = call("Page.captureScreenshot", format="png")
    open(out, "wb").write(base64.b64decode(shot["data"]))
    print("#%s/%s: %s" % (language, slide, out))
print("OK")
finish(0)
