/// The script of the HTML slides: one slide at a time, keys and clicker buttons to move, the
/// counter, the zh/en switch, and each slide's type scaled to the largest size at which its content
/// fits the window (from 70 % to 220 % of its natural size), times the presenter's own text size.
///
/// Keys (listed on the slide by `?`): → ↓ Space PageDown n Enter next; ← ↑ PageUp p Backspace
/// back; Home, End; a number then Enter goes to that slide; + and − make the text larger or
/// smaller on every slide (remembered, as is the theme); t light / dark high-contrast theme; l the
/// other language (a deck with both); b or . a black screen; f full screen; Esc closes the list,
/// the black screen or a number being typed. The address keeps the place (`#7`, or `#en/7` with
/// both languages), so a reload stays on the slide.
///
/// `#selftest` at the end of the address makes the page test itself as it opens: it presses keys,
/// clicks the language buttons, fits every slide in every language, measures its text and checks
/// its charts' labels, and writes the results as JSON into `<pre id="selftest-report">`, which
/// the browser test reads (Tests/GRURenderTests/Scripts/selftest_cdp.py).
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
  var MIN_FIT = 0.7, MAX_FIT = 2.2, FIRST_FIT = 1.4;
  if (slides.length === 0) return;
  // The presenter's text size (+/−) and theme (t), kept for the next slide and the next visit.
  function stored(name) { try { return window.localStorage.getItem("gru-explain-" + name); } catch (e) { return null; } }
  function store(name, value) { try { window.localStorage.setItem("gru-explain-" + name, value); } catch (e) {} }
  var zoom = Number(stored("zoom")) || 1;
  if (stored("theme") === "dark") root.setAttribute("data-theme", "dark");
  var typed = "";
  var gotoField = document.getElementById("goto");

  function lang() { return root.getAttribute("data-lang"); }
  // Content wider than the slide's text column counts too: a formula's terms do not break, so a
  // table of them can reach into the slide's margin before it reaches the window's edge.
  function overflows(slide) {
    return slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1 ||
      Array.prototype.some.call(slide.querySelectorAll(".content"), function (c) { return c.scrollWidth > c.clientWidth + 1; });
  }
  function fitsAt(slide, scale) {
    slide.style.setProperty("--fit", String(scale));
    return !overflows(slide);
  }
  // How the content just laid out compares with the room on its slide: its height over the
  // height there is room for (the slide's padding does not scale with the type), and its width
  // over the slide's where wider (a formula or a table's row does not wrap).
  function measure(slide) {
    var style = getComputedStyle(slide), top = parseFloat(style.paddingTop), bottom = parseFloat(style.paddingBottom);
    // Overflowing, the slide's scroll height says how far the content reaches; fitting, it is
    // the slide's own height, and the content's boxes say it.
    var needed = slide.scrollHeight > slide.clientHeight + 1 ? slide.scrollHeight - top - bottom : 0, wide = 1;
    Array.prototype.forEach.call(slide.querySelectorAll(".content"), function (c) {
      if (c.offsetHeight === 0) return;
      needed = Math.max(needed, c.offsetTop + c.offsetHeight - top);
      wide = Math.max(wide, c.scrollWidth / Math.max(1, c.clientWidth));
    });
    return { height: needed / Math.max(1, slide.clientHeight - top - bottom), width: wide };
  }
  // The largest type, to within 2 %, at which the slide's content fits: larger than its natural
  // size where there is room, smaller (to 70 %) where there is not. Then the presenter's size.
  // Each size tried costs the browser a layout of the slide, so each next try is a guess from how
  // the content measured: its width grows with the type, its height faster (longer lines also
  // wrap more), as a power of the type learnt from the last two tries. A try lands just above the
  // guess, 2 % at least from the sizes already tried, so that the next one or two settle it, the
  // last mostly on a size that fits, where the slide then stays without another layout: about five
  // layouts a slide in all, where halving the range took eight tries. After five guesses it halves.
  // Sizes are whole percents: the browser keeps the fonts it has laid out at a size, so a size
  // another slide has used costs less than a new one.
  function onGrid(size) { return Math.round(size * 100) / 100; }
  function fit(slide) {
    slide.style.setProperty("--zoom", "1");
    slide.classList.remove("zoomed");
    // high: the smallest size known not to fit (above the largest while none is known).
    var low = MIN_FIT, high = MAX_FIT + 0.02, size = FIRST_FIT, last = null;
    for (var guesses = 0; ; guesses++) {
      var fits = fitsAt(slide, size);
      if (fits) low = size; else high = size;
      if (high - low < 0.0201) break;
      var m = measure(slide), power = 1.5;
      if (last && Math.abs(size - last.size) > 0.005 && m.height > 0 && last.height > 0) {
        power = Math.max(1, Math.min(3, Math.log(m.height / last.height) / Math.log(size / last.size)));
      }
      var guess = size * Math.pow(1 / m.height, 1 / power);
      if (m.width > 1) guess = Math.min(guess, size / m.width);
      last = { size: size, height: m.height };
      // Just above the guess, not to fit; then 2 % below that fits and settles it.
      var next = Math.min(MAX_FIT, Math.max(low + 0.02, Math.min(high - 0.02, guess + 0.01)));
      size = onGrid(guesses < 5 && next > low && next < high ? next : (low + high) / 2);
    }
    var scale = onGrid(low);              // a size tried, that fitted (or the smallest)
    slide.style.setProperty("--fit", String(scale));
    slide.style.setProperty("--zoom", String(zoom));
    if (zoom > 1) slide.classList.add("zoomed");
    slide.setAttribute("data-fit", String(scale));
    return scale;
  }
  function showCounter() {
    counter.textContent = (current + 1) + " / " + slides.length;
    var spoken = counter.getAttribute("data-of-" + lang());
    if (spoken) counter.setAttribute("aria-label", spoken.replace("{0}", current + 1).replace("{1}", slides.length));
  }
  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    slides[current].classList.remove("current");
    current = i;
    slides[i].classList.add("current");
    fit(slides[i]);
    showCounter();
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
  function setZoom(z) {
    zoom = Math.round(Math.max(0.5, Math.min(2.5, z)) * 100) / 100;
    store("zoom", String(zoom));
    fit(slides[current]);
  }
  function toggleTheme() {
    var dark = root.getAttribute("data-theme") !== "dark";
    if (dark) root.setAttribute("data-theme", "dark"); else root.removeAttribute("data-theme");
    store("theme", dark ? "dark" : "light");
  }
  function toggle(name) { root.classList.toggle(name); }
  function setTyped(t) {
    typed = t;
    if (gotoField) { gotoField.textContent = typed ? typed + " ↵" : ""; gotoField.classList.toggle("typing", typed !== ""); }
  }
  function fullScreen() {
    try {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (root.requestFullscreen) root.requestFullscreen();
    } catch (e) {}
  }
  var NEXT = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1, Enter: 1, n: 1 };
  var BACK = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1, Backspace: 1, p: 1 };
  function onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (/^[0-9]$/.test(k)) { setTyped((typed + k).slice(-4)); e.preventDefault(); return; }
    // Enter after a number goes to that slide, even with a button focused.
    if (k === "Enter" && typed) { var n = parseInt(typed, 10); setTyped(""); if (n > 0) show(n - 1); e.preventDefault(); return; }
    // Otherwise Space and Enter on a focused button press the button, nothing more.
    if (e.target && e.target.tagName === "BUTTON" && (k === " " || k === "Enter")) return;
    if (k === "Backspace" && typed) { setTyped(typed.slice(0, -1)); e.preventDefault(); return; }
    setTyped("");
    if (k === "Escape") { root.classList.remove("help", "blank"); return; }
    if (k === "b" || k === "B" || k === ".") toggle("blank");
    else if (k === "?") toggle("help");
    else if (k === "+" || k === "=") setZoom(zoom * 1.1);
    else if (k === "-" || k === "_" || k === "−") setZoom(zoom / 1.1);
    else if (k === "t" || k === "T") toggleTheme();
    else if ((k === "l" || k === "L") && langButtons.length > 1) {
      var langs = langButtons.map(function (b) { return b.getAttribute("data-set-lang"); });
      setLang(langs[(langs.indexOf(lang()) + 1) % langs.length]);
    }
    else if (k === "f" || k === "F") fullScreen();
    else if (NEXT[k]) show(current + 1);
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
  var helpButton = document.getElementById("help-button");
  if (helpButton) helpButton.addEventListener("click", function () { toggle("help"); });
  langButtons.forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-set-lang")); });
  });
  window.addEventListener("resize", function () { fit(slides[current]); });
  window.addEventListener("hashchange", fromAddress);
  // Printed, every slide at its natural size (the print style sheet sets the page's type).
  window.addEventListener("beforeprint", function () { slides.forEach(function (s) { s.style.removeProperty("--fit"); s.style.removeProperty("--zoom"); }); });
  window.addEventListener("afterprint", function () { fit(slides[current]); });

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
    var deckBox = document.getElementById("deck").getBoundingClientRect();
    check("the deck fills the window (no letterbox)", Math.abs(deckBox.width - window.innerWidth) < 1 &&
          Math.abs(deckBox.height - window.innerHeight) < 1 && Math.abs(slides[0].clientWidth - window.innerWidth) < 1,
          "deck " + deckBox.width + "×" + deckBox.height + ", slide " + slides[0].clientWidth + " wide, window " + window.innerWidth + "×" + window.innerHeight);
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
    // The presenter's keys.
    press("?"); check("? shows the list of keys", root.classList.contains("help") && getComputedStyle(document.getElementById("help")).display !== "none");
    press("Escape"); check("Esc hides it", !root.classList.contains("help"));
    press("b"); check("b blacks the screen", root.classList.contains("blank") && getComputedStyle(document.getElementById("blank")).display !== "none");
    press("."); check(". brings it back", !root.classList.contains("blank"));
    var target = Math.min(12, last);
    String(target).split("").forEach(function (d) { press(d); });
    press("Enter"); expectSlide("a number then Enter goes to that slide", target);
    press("1"); press("Enter"); expectSlide("1 then Enter goes to slide 1", 1);
    var before = parseFloat(getComputedStyle(slides[0].querySelector(".content")).fontSize);
    press("+");
    var larger = parseFloat(getComputedStyle(slides[0].querySelector(".content")).fontSize);
    press("ArrowRight");
    var kept = slides[1].style.getPropertyValue("--zoom");
    press("-"); press("Home");
    var after = parseFloat(getComputedStyle(slides[0].querySelector(".content")).fontSize);
    check("+ makes the text larger, on the next slide too, and − smaller again",
          larger > before * 1.05 && kept === "1.1" && Math.abs(after - before) < 0.5,
          "font " + before + " → " + larger + " → " + after + " px, next slide's zoom " + kept);
    press("t");
    var dark = root.getAttribute("data-theme") === "dark" && getComputedStyle(document.body).backgroundColor === "rgb(0, 0, 0)";
    press("t");
    check("t switches to the dark theme and back", dark && root.getAttribute("data-theme") !== "dark" &&
          getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)");
    if (langButtons.length > 1) {
      var was = lang();
      press("l");
      var switched = lang() !== was;
      press("l");
      check("l switches the language and back", switched && lang() === was);
    }
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
    // Every label of every chart inside its chart, and clear of every other label.
    function chartProblems(content) {
      var problems = [];
      Array.prototype.forEach.call(content.querySelectorAll("svg"), function (svg) {
        var box = svg.getBoundingClientRect();
        var labels = Array.prototype.map.call(svg.querySelectorAll("text"), function (t) {
          return { text: t.textContent, r: t.getBoundingClientRect() };
        });
        labels.forEach(function (a, i) {
          if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5 || a.r.top < box.top - 0.5 || a.r.bottom > box.bottom + 0.5) {
            problems.push("'" + a.text + "' leaves its chart");
          }
          for (var j = i + 1; j < labels.length; j++) {
            var b = labels[j];
            if (Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 0.5 &&
                Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 0.5) {
              problems.push("'" + a.text + "' overlaps '" + b.text + "'");
            }
          }
        });
      });
      return problems;
    }
    // Every formula that takes more than one line breaks only between terms: each further line
    // opens with = + or − outside every bracket, and stands right of the first line's "=".
    function formulaSplits(content) {
      var problems = [];
      Array.prototype.forEach.call(content.querySelectorAll(".math"), function (cell) {
        var whole = document.createRange();
        whole.selectNodeContents(cell);
        // Measured character by character only where the boxes' tops lie farther apart than half
        // the smallest box's height: below, a character starts a new line only half its height
        // below the line's first. Most cells are one line whose boxes sit at a few heights (an
        // index, a bar over a letter); measuring their characters took a tenth of the self-test.
        var highest = Infinity, lowest = -Infinity, thinnest = Infinity;
        Array.prototype.forEach.call(whole.getClientRects(), function (r) {
          if (r.width <= 0 || r.height <= 0) return;
          highest = Math.min(highest, r.top); lowest = Math.max(lowest, r.top); thinnest = Math.min(thinnest, r.height);
        });
        if (!(lowest - highest >= thinnest / 2)) return;
        var chars = [];
        var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          for (var k = 0; k < node.data.length; k++) {
            var range = document.createRange();
            range.setStart(node, k); range.setEnd(node, k + 1);
            var r = range.getBoundingClientRect();
            chars.push({ c: node.data[k], top: r.top, left: r.left, height: r.height });
          }
        }
        var text = chars.map(function (x) { return x.c; }).join("");
        var equals = -1, depth = 0, norm = false, line = null, firstLine = true;
        chars.forEach(function (x, i) {
          if (x.c === " " || x.height === 0) return;
          if (line === null) line = x.top;
          else if (x.top > line + x.height / 2) {
            line = x.top;
            firstLine = false;
            var opens = /^[=+\u2212-] /.test(text.slice(i, i + 2));
            var indented = equals < 0 || x.left > equals + 1;
            if (!opens || depth !== 0 || norm || !indented) {
              problems.push("'" + text.trim() + "' breaks before '" + text.slice(i, i + 12) + "'" + (indented ? "" : " (not under its right-hand side)"));
            }
          }
          if (firstLine && equals < 0 && x.c === "=") equals = x.left;
          if ("([{".indexOf(x.c) >= 0) depth += 1;
          if (")]}".indexOf(x.c) >= 0) depth = Math.max(0, depth - 1);
          if (x.c === "\u2016") norm = !norm;
        });
      });
      return problems;
    }
    report.splitFormulas = [];
    report.charts = [];
    report.chartSlides = 0;
    report.tableText = {};
    langs.forEach(function (l) {
      if (langButtons.length) setLang(l);
      report.fits[l] = [];
      report.fill[l] = [];
      report.heights[l] = [];
      report.tableText[l] = [];
      for (var i = 0; i < slides.length; i++) {
        show(i);
        var scale = Number(slides[i].getAttribute("data-fit"));
        report.fits[l].push(scale);
        var content = slides[i].querySelector('.content[data-lang="' + l + '"]') || slides[i].querySelector(".content");
        report.fill[l].push(Math.round(100 * (content.offsetTop + content.offsetHeight) / slides[i].clientHeight));
        var cell = content.querySelector("tbody td, tbody th");
        report.tableText[l].push(cell ? Math.round(10 * parseFloat(getComputedStyle(cell).fontSize)) / 10 : null);
        if (content.querySelector("svg")) report.chartSlides += 1;
        chartProblems(content).forEach(function (p) { report.charts.push({ slide: i + 1, lang: l, problem: p }); });
        formulaSplits(content).forEach(function (p) { report.splitFormulas.push({ slide: i + 1, lang: l, problem: p }); });
        report.minFit = Math.min(report.minFit, scale);
        if (overflows(slides[i])) {
          report.overflow.push({ slide: i + 1, lang: l, scrollHeight: slides[i].scrollHeight, clientHeight: slides[i].clientHeight,
                                 scrollWidth: slides[i].scrollWidth, clientWidth: slides[i].clientWidth });
        }
        // The height of the content at its natural size, in rem, to hold SlideLayout's estimate against.
        slides[i].style.setProperty("--fit", "1");
        slides[i].style.setProperty("--zoom", "1");
        report.heights[l].push(Math.round(100 * content.offsetHeight / rem) / 100);
        // Back to the size show() fitted, without fitting again (half the self-test's layouts).
        slides[i].style.setProperty("--fit", String(scale));
        slides[i].style.setProperty("--zoom", String(zoom));
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
