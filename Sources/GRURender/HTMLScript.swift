/// The script of the HTML slides: one slide at a time, keys and clicker buttons to move, the
/// counter, the zh/en switch, and a slide's type made a little smaller (to 70 % at the least) when
/// its content would not fit the screen.
///
/// Keys: → ↓ Space PageDown n next; ← ↑ PageUp p Backspace back; Home, End. The address keeps the
/// place (`#7`, or `#en/7` with both languages), so a reload stays on the slide.
///
/// `#selftest` at the end of the address makes the page test itself as it opens: it presses keys,
/// clicks the language buttons, fits every slide in every language, and writes the results as JSON
/// into `<pre id="selftest-report">`, which `chromium --headless --dump-dom` prints (the browser test).
enum HTMLScript {
    static let js = #"""
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var counter = document.getElementById("counter");
  var langButtons = Array.prototype.slice.call(document.querySelectorAll("[data-set-lang]"));
  var current = 0;
  var MIN_FIT = 0.7;
  if (slides.length === 0) return;

  function lang() { return root.getAttribute("data-lang"); }
  function overflows(slide) {
    return slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1;
  }
  // The largest type, in steps of 4 %, at which the slide's content fits.
  function fit(slide) {
    var scale = 1;
    slide.style.setProperty("--fit", "1");
    while (overflows(slide) && scale > MIN_FIT + 0.001) {
      scale = Math.round((scale - 0.04) * 100) / 100;
      slide.style.setProperty("--fit", String(scale));
    }
    slide.setAttribute("data-fit", String(scale));
    return scale;
  }
  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    slides[current].classList.remove("current");
    current = i;
    slides[i].classList.add("current");
    fit(slides[i]);
    counter.textContent = (i + 1) + " / " + slides.length;
    var spoken = counter.getAttribute("data-of-" + lang());
    if (spoken) counter.setAttribute("aria-label", spoken.replace("{0}", i + 1).replace("{1}", slides.length));
    if (history.replaceState && location.hash !== "#selftest") {
      history.replaceState(null, "", "#" + (langButtons.length ? lang() + "/" : "") + (i + 1));
    }
  }
  function setLang(l) {
    root.setAttribute("data-lang", l);
    root.lang = l === "zh" ? "zh-Hans" : "en";
    document.title = root.getAttribute("data-title-" + l) || document.title;
    langButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === l)); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-label-" + l + "]"), function (el) {
      el.setAttribute("aria-label", el.getAttribute("data-label-" + l));
    });
    show(current);
  }
  var NEXT = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1, Enter: 1, n: 1 };
  var BACK = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1, Backspace: 1, p: 1 };
  function onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    // Space and Enter on a focused button press the button, nothing more.
    if (e.target && e.target.tagName === "BUTTON" && (k === " " || k === "Enter")) return;
    if (NEXT[k]) show(current + 1);
    else if (BACK[k]) show(current - 1);
    else if (k === "Home") show(0);
    else if (k === "End") show(slides.length - 1);
    else return;
    e.preventDefault();
  }
  function fromAddress() {
    var m = /^#(?:(zh|en)\/)?(\d+)$/.exec(location.hash);
    if (!m) return false;
    if (m[1] && langButtons.length) setLang(m[1]);
    show(parseInt(m[2], 10) - 1);
    return true;
  }
  document.addEventListener("keydown", onKey);
  document.getElementById("prev").addEventListener("click", function () { show(current - 1); });
  document.getElementById("next").addEventListener("click", function () { show(current + 1); });
  langButtons.forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-set-lang")); });
  });
  window.addEventListener("resize", function () { fit(slides[current]); });
  window.addEventListener("hashchange", fromAddress);

  function selftest() {
    var report = { slides: slides.length, width: window.innerWidth, height: window.innerHeight,
                   checks: [], failures: 0, overflow: [], minFit: 1, fits: {}, fill: {}, heights: {} };
    var rem = parseFloat(getComputedStyle(root).fontSize);
    function check(name, ok, detail) {
      report.checks.push({ name: name, ok: !!ok, detail: detail || "" });
      if (!ok) report.failures += 1;
    }
    function press(key, target) {
      (target || document.body).dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true, cancelable: true }));
    }
    function shown() {
      return slides.filter(function (s) { return getComputedStyle(s).display !== "none"; });
    }
    function expectSlide(name, n) {
      var visible = shown();
      check(name, current === n - 1 && counter.textContent === n + " / " + slides.length &&
            visible.length === 1 && visible[0] === slides[n - 1],
            "at slide " + (current + 1) + ", counter " + counter.textContent + ", " + visible.length + " shown");
    }
    var last = slides.length;
    show(0);
    expectSlide("opens on slide 1", 1);
    press("ArrowRight"); expectSlide("ArrowRight goes on", 2);
    press(" "); expectSlide("Space goes on", 3);
    press("PageDown"); expectSlide("PageDown goes on", 4);
    press("ArrowLeft"); expectSlide("ArrowLeft goes back", 3);
    press("PageUp"); expectSlide("PageUp goes back", 2);
    press("End"); expectSlide("End goes to the last slide", last);
    press("ArrowRight"); expectSlide("nothing after the last slide", last);
    press("Home"); expectSlide("Home goes to the first slide", 1);
    press("ArrowLeft"); expectSlide("nothing before the first slide", 1);
    document.getElementById("next").click(); expectSlide("the next button", 2);
    document.getElementById("prev").click(); expectSlide("the back button", 1);
    press(" ", document.getElementById("next")); expectSlide("Space on a focused button is the button's", 1);
    var langs = langButtons.map(function (b) { return b.getAttribute("data-set-lang"); });
    if (langs.length === 0) langs = [lang()];
    langButtons.forEach(function (b) {
      var l = b.getAttribute("data-set-lang");
      b.click();
      var visible = Array.prototype.filter.call(slides[current].querySelectorAll(".content"), function (c) {
        return getComputedStyle(c).display !== "none";
      });
      check("the " + l + " button", root.lang === (l === "zh" ? "zh-Hans" : "en") && b.getAttribute("aria-pressed") === "true" &&
            visible.length === 1 && visible[0].getAttribute("data-lang") === l && document.title === root.getAttribute("data-title-" + l),
            "lang " + root.lang + ", " + visible.length + " shown");
    });
    langs.forEach(function (l) {
      if (langButtons.length) setLang(l);
      report.fits[l] = [];
      report.fill[l] = [];
      report.heights[l] = [];
      for (var i = 0; i < slides.length; i++) {
        show(i);
        var scale = Number(slides[i].getAttribute("data-fit"));
        report.fits[l].push(scale);
        var content = slides[i].querySelector('.content[data-lang="' + l + '"]') || slides[i].querySelector(".content");
        report.fill[l].push(Math.round(100 * (content.offsetTop + content.offsetHeight) / slides[i].clientHeight));
        // The content's height in rem, to hold SlideLayout's estimate against.
        report.heights[l].push(Math.round(100 * content.offsetHeight / rem) / 100);
        report.minFit = Math.min(report.minFit, scale);
        if (overflows(slides[i])) {
          report.overflow.push({ slide: i + 1, lang: l, scrollHeight: slides[i].scrollHeight, clientHeight: slides[i].clientHeight,
                                 scrollWidth: slides[i].scrollWidth, clientWidth: slides[i].clientWidth });
        }
      }
    });
    show(0);
    var out = document.createElement("pre");
    out.id = "selftest-report";
    out.textContent = JSON.stringify(report);
    document.body.appendChild(out);
  }
  if (location.hash === "#selftest") selftest(); else if (!fromAddress()) show(0);
})();
"""#
}
