"""Drives the workbook page (gru-explain workbook) in headless Chromium over the DevTools protocol.

usage: python3 workbook_cdp.py CHROMIUM PAGE.html WIDTH HEIGHT input [SCREENSHOT.png]
           real input: typing into fields, Tab, the hint (click and Alt+H), marks on leaving a field,
           the scores, a reload (the answers stay), the language switch, download and open, print.
           Prints one line per check, then OK or FAIL (exit status 1).
       python3 workbook_cdp.py CHROMIUM PAGE.html WIDTH HEIGHT eval EXPRESSIONS.json
           evaluates each JavaScript expression of the JSON list in the page, in order, and prints
           the JSON list of their values (for WorkbookBrowserTests: marking, what if).
Only the standard library: the DevTools client is cdp.py, beside this script (as for slides_cdp.py).
"""
import base64, json, os, sys, tempfile, time

import cdp  # the DevTools client, beside this script

chromium, page, width, height, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
downloads = tempfile.mkdtemp(prefix="gru-explain-downloads-")
cdp.start(chromium, page, width, height, cleanup=[downloads])
from cdp import call, check, evaluate, fail, finish, failures


def wait_ready():
    while evaluate("!!(window.gruExplain && document.documentElement.classList.contains('ready'))") is not True:
        if time.time() > cdp.deadline + 30:
            fail("the page did not start its script")
        time.sleep(0.1)


KEYS = {"Tab": 9, "Enter": 13, "Backspace": 8}


def press(key, modifiers=0, code=None):
    vk = KEYS.get(key, ord(key.upper()) if len(key) == 1 else 0)
    call("Input.dispatchKeyEvent", type="rawKeyDown", key=key, code=code or key, windowsVirtualKeyCode=vk, modifiers=modifiers)
    call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code or key, windowsVirtualKeyCode=vk, modifiers=modifiers)


def type_text(text):
    for ch in text:
        call("Input.dispatchKeyEvent", type="keyDown", key=ch, text=ch, unmodifiedText=ch)
        call("Input.dispatchKeyEvent", type="keyUp", key=ch)


def click(selector):
    cdp.click(selector, scroll=True)  # the page scrolls: bring the element to the middle first


def focused():
    return evaluate("document.activeElement && document.activeElement.getAttribute('data-key')")


def mark_of(key):
    return evaluate("(function(){var r=document.querySelector('tr[data-key=\"%s\"] .mark');return r.className+'|'+r.textContent})()" % key)


call("Page.enable")
wait_ready()

if mode == "eval":
    expressions = json.load(open(sys.argv[6]))
    results = []
    for expression in expressions:
        reply = call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            fail("%s: %s" % (expression[:80], reply["exceptionDetails"].get("exception", {}).get("description", reply["exceptionDetails"])))
        results.append(reply["result"].get("value"))
    print(json.dumps(results))
    finish(0)

lang = evaluate("gruExplain.language()")
keys = evaluate("gruExplain.keys()")
print("%d fields, %s, %dx%d" % (len(keys), lang, width, height))
# Type lesson1's z₁ wrong and the rest right from it: z₁ = 0.6 marks ✗, h₁ from 0.6 marks →.
click("#field-t1\\.a_z\\[1\\]")
check("a click focuses the first field", focused(), "t1.a_z[1]")
type_text("0.4000")
press("Tab")
check("Tab goes to the next field", focused(), "t1.a_z[2]")
check("leaving a field marks it", mark_of("t1.a_z[1]").split("|")[0], "mark correct")
type_text("０．４")
press("Tab")
check("full-width digits are read", mark_of("t1.a_z[2]").split("|")[0], "mark correct")
check("Tab: then t1.z[1]", focused(), "t1.z[1]")
type_text("0.7")
press("Tab")
check("a slip is wrong", mark_of("t1.z[1]").split("|")[0], "mark wrong")
type_text("0.5987")
press("Tab")
check("score of the forward pass", evaluate("document.querySelector('[data-section=forward] .section-score').textContent"),
      {"zh": "已作答 4/51 · 正确 3 · 承前正确 0 · 错误 1", "en": "answered 4/51 · correct 3 · follow-through 0 · wrong 1"}[lang])
# Alt+H opens the hint of the focused field: the formula and the numbers, not the result.
press("h", modifiers=1, code="KeyH")
hint = evaluate("document.getElementById('hint-t1.a_r[1]').textContent")
check("Alt+H shows the hint", evaluate("!document.getElementById('hint-t1.a_r[1]').closest('tr').hidden"), True)
check("the hint has the formula", hint.startswith("t1.a_r[1] = param.Wr[1][1]·t1.x[1] + param.Ur[1][1]·h0[1]"), True)
check("the hint has the numbers", "0.25·1 + 0.3·0 + 0.3·0 + 0.2" in hint, True)
check("the hint does not give the result", "0.45" not in hint, True)
click("button.hint[data-key='t1.h[1]']")
h_hint = evaluate("document.getElementById('hint-t1.h[1]').textContent")
check("a click on Hint shows it", "(1 − 0.5987)·0.4621" in h_hint, True)
# Follow-through: z written with two decimals and h from it.
evaluate("document.getElementById('field-t1.h[1]').focus()")
type_text("0.1386")
press("Tab")
check("h₁ = (1 − 0.7)·0.4621 from the slip z₁ = 0.7 is follow-through", mark_of("t1.h[1]").split("|")[0], "mark follow_through")
def browser_storage():
    """The localStorage entries the browser process holds for file:// pages (a reload reads these)."""
    return call("DOMStorage.getDOMStorageItems", storageId={"securityOrigin": "file://", "isLocalStorage": True})["entries"]


# Reload: the answers stay. The page stores them at once, but they reach the browser process,
# where a reload reads them, a moment later (longer on a loaded machine): wait until the browser
# holds what the page stored, as it would for a student who reloads a second later.
call("DOMStorage.enable")
stored = json.loads(evaluate("JSON.stringify(Object.keys(localStorage).sort().map(function (k) { return [k, localStorage.getItem(k)]; }))"))
end = time.time() + 20
while sorted(browser_storage()) != stored:
    if time.time() > end:
        fail("the browser did not get the page's localStorage within 20 s")
    time.sleep(0.1)
evaluate("window.beforeReload = true")
call("Page.reload")
while evaluate("!window.beforeReload && !!window.gruExplain && document.documentElement.classList.contains('ready')") is not True:
    if time.time() > cdp.deadline + 60:
        fail("the page did not come back after the reload")
    time.sleep(0.1)
if evaluate("document.getElementById('field-t1.z[2]').value") != "0.5987":
    # What the reloaded page and the browser hold, to tell a lost write from a page that did not read it.
    print("note after the reload: %s; the page's localStorage %s; the browser's %s" % (
        evaluate("location.href + ' ' + document.readyState + ' ' + window.innerWidth"),
        evaluate("JSON.stringify(localStorage)")[:300],
        json.dumps(browser_storage())[:300]))
check("after a reload the answers stay", evaluate("document.getElementById('field-t1.z[2]').value"), "0.5987")
check("after a reload the marks are back", mark_of("t1.a_z[1]").split("|")[0], "mark correct")
# The language switch (both only).
if evaluate("document.querySelectorAll('[data-set-lang]').length") == 2:
    other = "en" if lang == "zh" else "zh"
    click("[data-set-lang='%s']" % other)
    check("the switch changes the language", evaluate("document.documentElement.getAttribute('data-lang')"), other)
    check("the marks follow", mark_of("t1.a_z[1]").split("|")[1], {"zh": "✓ 正确", "en": "✓ correct"}[other])
    click("[data-set-lang='%s']" % lang)
# Download: the sheet text that `check` reads.
call("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads, eventsEnabled=True, **cdp.context)
click("#download")
target = None
end = time.time() + 20
while time.time() < end and target is None:
    names = [n for n in os.listdir(downloads) if n.endswith(".txt")]
    if names:
        target = os.path.join(downloads, names[0])
    time.sleep(0.1)
if target is None:
    fail("the download did not arrive")
time.sleep(0.3)
sheet = open(target, encoding="utf-8").read()
check("the download's name", os.path.basename(target), evaluate("gruExplain.data.lesson") + "-answers.txt")
check("the download is answers()", sheet, evaluate("gruExplain.answers()"))
check("the download has the answers", "t1.z[1] = 0.7\n" in sheet and "t1.z[2] = 0.5987\n" in sheet and "t1.a_z[2] = ０．４\n" in sheet, True)
# Clear, then open the downloaded file: the fields come back.
click("#clear")
check("clear empties the fields", evaluate("document.getElementById('field-t1.z[1]').value"), "")
document = call("DOM.getDocument")
node = call("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="#open")
call("DOM.setFileInputFiles", files=[target], nodeId=node["nodeId"])
end = time.time() + 10
while time.time() < end and evaluate("document.getElementById('field-t1.z[2]').value") != "0.5987":
    time.sleep(0.1)
check("open loads the file", evaluate("document.getElementById('field-t1.z[2]').value"), "0.5987")
check("... and marks it", mark_of("t1.h[1]").split("|")[0], "mark follow_through")
if len(sys.argv) > 6:
    # A picture for a person to look at: the first forward table, filled and marked, a hint open.
    click("button.hint[data-key='t1.h[1]']")
    call("Runtime.evaluate", expression="document.querySelector('tr[data-key=\"t1.z[1]\"]').scrollIntoView()")
    time.sleep(0.2)
    shot = call("Page.captureScreenshot", format="png")
    open(sys.argv[6], "wb").write(base64.b64decode(shot["data"]))
check("open says how many", evaluate("document.getElementById('status').textContent"),
      {"zh": "读入了 5 个答案。", "en": "5 answers read."}[lang])
# What if: a given changed in its field recomputes every value.
before = evaluate("gruExplain.value('update.by[1]')")
evaluate("document.querySelector('input.given-input[data-key=\"param.Wz[1][1]\"]').focus()")
evaluate("document.querySelector('input.given-input[data-key=\"param.Wz[1][1]\"]').select()")
type_text("0.4")
press("Tab")
check("a given typed in recomputes", evaluate("gruExplain.value('param.Wz[1][1]')"), 0.4)
check("... every value", evaluate("gruExplain.value('update.by[1]')") != before, True)
check("... and the marks: a_z[1] is now wrong", mark_of("t1.a_z[1]").split("|")[0], "mark wrong")
check("the edited note shows", evaluate("!document.getElementById('edited').hidden"), True)
click("#reset")
check("reset restores", evaluate("gruExplain.value('update.by[1]')"), before)
# Printed: no buttons, the answers stay.
call("Emulation.setEmulatedMedia", media="print")
check("printed: no toolbar", evaluate("getComputedStyle(document.querySelector('.toolbar')).display"), "none")
check("printed: no hint buttons", evaluate("getComputedStyle(document.querySelector('button.hint')).display"), "none")
check("printed: answers shown", evaluate("getComputedStyle(document.getElementById('field-t1.z[1]')).display") != "none", True)
call("Emulation.setEmulatedMedia", media="screen")
# Shift+Tab back to a box just above the sticky score: it scrolls into view below the score, not
# under it (the page's scroll-padding-top; without it the box lands at the window's top edge).
evaluate("document.getElementById('field-t1.a_r[1]').focus()")
evaluate("(function(){var f=document.getElementById('field-t1.a_r[1]'), b=document.getElementById('score').getBoundingClientRect().bottom;"
         " window.scrollBy(0, f.getBoundingClientRect().top - b - 5);})()")
press("Tab", modifiers=8)
check("Shift+Tab goes back", focused(), "t1.z[2]")
check("... to a box not under the sticky score",
      evaluate("document.activeElement.getBoundingClientRect().top >= document.getElementById('score').getBoundingClientRect().bottom"), True)
# A tap into a box whose section's score line ("answered 0/51 …") lies just under the sticky score
# brings that line out from under it (the page's focus handler; without it the line stayed hidden).
evaluate("(function(){var s=document.querySelector('[data-section=forward] .section-score'), b=document.getElementById('score').getBoundingClientRect().bottom;"
         " window.scrollTo({top: window.scrollY + s.getBoundingClientRect().top - b + 12, behavior: 'instant'});})()")
click_here = evaluate("(function(){var r=document.getElementById('field-t1.a_z[1]').getBoundingClientRect();return [r.x+r.width/2,r.y+r.height/2];})()")
for kind in ("mousePressed", "mouseReleased"):
    call("Input.dispatchMouseEvent", type=kind, x=click_here[0], y=click_here[1], button="left", clickCount=1)
time.sleep(0.3)
check("a tap into a box leaves its section's score line in sight",
      evaluate("document.querySelector('[data-section=forward] .section-score').getBoundingClientRect().top >= document.getElementById('score').getBoundingClientRect().bottom"), True)
# At this width nothing but the tables' own boxes scrolls sideways.
check("the page does not scroll sideways", evaluate("document.documentElement.scrollWidth <= window.innerWidth"), True)
if failures:
    fail(", ".join(failures))
print("OK")
finish(0)
