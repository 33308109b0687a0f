"""Drives the HTML slides in headless Chromium with real input, over the DevTools protocol:
key presses and mouse clicks that go through the browser's own input handling (default actions,
focus), which the page's #selftest cannot imitate with synthetic events.

usage: python3 slides_cdp.py CHROMIUM PAGE.html WIDTH HEIGHT
Prints one line per check, then OK or FAIL (exit status 1). Only the standard library: the
DevTools client is cdp.py, beside this script.
"""
import sys, time

import cdp  # the DevTools client, beside this script

chromium, page, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cdp.start(chromium, page, width, height)
from cdp import call, check, click, evaluate, fail, finish, failures


KEYS = {"ArrowRight": 39, "ArrowLeft": 37, "PageDown": 34, "PageUp": 33, "Home": 36, "End": 35, " ": 32, "Enter": 13,
        "Escape": 27, "1": 49, "2": 50, "+": 187, "-": 189, "b": 66, ".": 190, "t": 84, "l": 76, "?": 191}


def press(key):
    code = {" ": "Space", "Enter": "Enter", "Escape": "Escape", "1": "Digit1", "2": "Digit2", "+": "Equal", "-": "Minus",
            "b": "KeyB", ".": "Period", "t": "KeyT", "l": "KeyL", "?": "Slash"}.get(key, key)
    text = {"text": "\r" if key == "Enter" else key} if len(key) == 1 or key == "Enter" else {}
    call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code, windowsVirtualKeyCode=KEYS[key], **text)
    call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=KEYS[key])


def counter():
    return evaluate("document.getElementById('counter').textContent")


# Wait for the page's script.
while evaluate("document.documentElement.classList.contains('js') && !!document.getElementById('counter')") is not True:
    if time.time() > cdp.deadline:
        fail("the page did not start its script")
    time.sleep(0.1)
total = evaluate("document.querySelectorAll('.slide').length")
print("%d slides at %dx%d" % (total, width, height))
check("opens on", counter(), "1 / %d" % total)
press("ArrowRight"); check("ArrowRight", counter(), "2 / %d" % total)
press(" "); check("Space", counter(), "3 / %d" % total)
press("PageDown"); check("PageDown", counter(), "4 / %d" % total)
press("ArrowLeft"); check("ArrowLeft", counter(), "3 / %d" % total)
press("PageUp"); check("PageUp", counter(), "2 / %d" % total)
press("End"); check("End", counter(), "%d / %d" % (total, total))
press("Home"); check("Home", counter(), "1 / %d" % total)
check("the address follows", evaluate("location.hash"), "#%s/1" % evaluate("document.documentElement.getAttribute('data-lang')"))
check("one slide shown", evaluate("Array.prototype.filter.call(document.querySelectorAll('.slide'),"
                                  "function(s){return getComputedStyle(s).display!=='none'}).length"), 1)
click("#next"); check("the → button", counter(), "2 / %d" % total)
click("[data-set-lang='en']")
check("English: the page's language", evaluate("document.documentElement.lang"), "en")
check("English: the text shown", evaluate("document.querySelector('.slide.current .content[data-lang=en]').offsetHeight > 0 && "
                                          "document.querySelector('.slide.current .content[data-lang=zh]').offsetHeight === 0"), True)
check("English: still on the slide", counter(), "2 / %d" % total)
# The English button has the focus now: Space presses it and must not move the slides.
press(" "); check("Space on the focused language button", counter(), "2 / %d" % total)
check("English stays pressed", evaluate("document.querySelector(\"[data-set-lang='en']\").getAttribute('aria-pressed')"), "true")
click("[data-set-lang='zh']")
check("中文: the page's language", evaluate("document.documentElement.lang"), "zh-Hans")
check("中文: the title", evaluate("document.title === document.documentElement.getAttribute('data-title-zh')"), True)
press("ArrowRight"); check("ArrowRight after a click", counter(), "3 / %d" % total)
# The presenter's keys, typed for real.
press("1"); press("2"); press("Enter"); check("12 then Enter", counter(), "12 / %d" % total)
press("b"); check("b: black screen", evaluate("getComputedStyle(document.getElementById('blank')).display"), "block")
press("."); check(".: back from black", evaluate("getComputedStyle(document.getElementById('blank')).display"), "none")
press("?"); check("?: the list of keys", evaluate("getComputedStyle(document.getElementById('help')).display"), "block")
press("Escape"); check("Esc closes it", evaluate("getComputedStyle(document.getElementById('help')).display"), "none")
size = "parseFloat(getComputedStyle(document.querySelector('.slide.current .content[data-lang=zh]')).fontSize)"
before = evaluate(size)
press("+"); larger = evaluate(size)
press("ArrowRight"); kept = evaluate("document.querySelector('.slide.current').style.getPropertyValue('--zoom')")
press("-"); press("ArrowLeft")
check("+ larger, kept on the next slide, − back", (larger > before * 1.05, kept, abs(evaluate(size) - before) < 0.5), (True, "1.1", True))
press("t"); check("t: dark theme", evaluate("getComputedStyle(document.body).backgroundColor"), "rgb(0, 0, 0)")
press("t"); check("t: light again", evaluate("getComputedStyle(document.body).backgroundColor"), "rgb(255, 255, 255)")
press("l"); check("l: English", evaluate("document.documentElement.lang"), "en")
press("l"); check("l: 中文", evaluate("document.documentElement.lang"), "zh-Hans")
press("Home")
# Printed with motion allowed, the current slide must not be caught mid-animation (it would print faded).
call("Emulation.setEmulatedMedia", media="print", features=[{"name": "prefers-reduced-motion", "value": "no-preference"}])
check("printed: no animation", evaluate("getComputedStyle(document.querySelector('.slide.current')).animationName"), "none")
check("printed: every slide shown", evaluate("Array.prototype.filter.call(document.querySelectorAll('.slide'),"
                                             "function(s){return getComputedStyle(s).display==='none'}).length"), 0)
call("Emulation.setEmulatedMedia", media="screen", features=[{"name": "prefers-reduced-motion", "value": "no-preference"}])
check("on screen: the slide appears with an animation",
      evaluate("getComputedStyle(document.querySelector('.slide.current')).animationName"), "appear")
if failures:
    fail(", ".join(failures))
print("OK")
finish(0)
