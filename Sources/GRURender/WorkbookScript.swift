/// The script of the workbook page (docs/workbook.md). It knows nothing of the GRU: it reads the
/// data `WorkbookRenderer` embeds, evaluates its formula trees, and marks answers with the policy
/// of `Marker` (GRUCheck), so that `mark()` is the same object as `check --format json`.
///
/// In reading order: the data and the formula trees (evaluate, print, inputs); reading a number
/// as `AnswerSheet`/`WrittenNumber` do; the marking rule, one small object driven by the data's
/// `marking` parameters (issue 11 replaces it); the marker (`Marker.marks` step by step); the
/// sheet text (answers, fill); the page (tables, givens, hints, scores, storage, language); the
/// API `window.gruExplain`.
enum WorkbookScript {
    static let js = #"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("gru-data").textContent);
  var root = document.documentElement;
  root.classList.add("js");

  // ---- The data: keys in computing order, the givens, the formulas ----------------------------
  var order = DATA.keys;
  var entry = {};
  var lessonGivens = {};
  order.forEach(function (e) {
    entry[e.key] = e;
    if ("given" in e) lessonGivens[e.key] = e.given;
  });
  function isGiven(key) { return entry[key] !== undefined && "given" in entry[key]; }
  var givens = Object.assign({}, lessonGivens);
  var values = {};

  // σ as GRUCore.sigmoid computes it.
  function sigmoid(a) {
    if (a >= 0) return 1 / (1 + Math.exp(-a));
    var e = Math.exp(a);
    return e / (1 + e);
  }
  // A formula tree (WorkbookRenderer.encode): a key, a constant, or [operation, operands…],
  // evaluated in the order Formula.evaluate uses.
  function evaluate(f, lookup) {
    if (typeof f === "string") return lookup(f);
    if (typeof f === "number") return f;
    var i, v;
    switch (f[0]) {
      case "+": v = 0; for (i = 1; i < f.length; i++) v += evaluate(f[i], lookup); return v;
      case "*": v = f.length > 1 ? evaluate(f[1], lookup) : 1; for (i = 2; i < f.length; i++) v *= evaluate(f[i], lookup); return v;
      case "-": return evaluate(f[1], lookup) - evaluate(f[2], lookup);
      case "sq": v = evaluate(f[1], lookup); return v * v;
      case "sigmoid": return sigmoid(evaluate(f[1], lookup));
      case "tanh": return Math.tanh(evaluate(f[1], lookup));
    }
    throw new Error("unknown operation " + f[0]);
  }
  // The keys a formula reads, each once, in the order they appear (Formula.inputs).
  var inputsCache = new Map();
  function inputsOf(f) {
    if (inputsCache.has(f)) return inputsCache.get(f);
    var seen = new Set(), out = [];
    (function walk(g) {
      if (typeof g === "string") { if (!seen.has(g)) { seen.add(g); out.push(g); } }
      else if (Array.isArray(g)) for (var i = 1; i < g.length; i++) walk(g[i]);
    })(f);
    inputsCache.set(f, out);
    return out;
  }
  // The formula as Formula.description writes it; `leaf` writes a key (itself, or a number).
  function constantText(c) {
    if (c === 0.5) return "½";
    if (Number.isInteger(c) && Math.abs(c) < 1e15) return String(c);
    if (c > 0 && c < 1 && Number.isInteger(1 / c) && 1 / c < 1e6) return "1/" + (1 / c);
    return String(c);
  }
  // With numbers for the keys, a negative one is put in parentheses where its sign would meet an
  // operator: a factor, a square's base, what is subtracted, a term after the first
  // (0.3·(−0.0032), 1 − (−0.3195)², + (−0.0456)), as a teacher writes it; −0.3195² would read as
  // −(0.3195²). Keys have no sign, so the formula over keys stays Formula.description's.
  function formulaText(f, leaf, parent, first) {
    leaf = leaf || function (k) { return k; };
    parent = parent || 0;
    if (typeof f === "number") return constantText(f);
    if (typeof f === "string") {
      var t = leaf(f), signed = t.charAt(0) === "−" || t.charAt(0) === "-";
      return signed && (parent >= 2 || (parent === 1 && !first)) ? "(" + t + ")" : t;
    }
    var s, parts = f.slice(1);
    switch (f[0]) {
      case "+":
        s = parts.map(function (t, i) { return formulaText(t, leaf, 1, i === 0); }).join(" + ");
        return parent >= 2 ? "(" + s + ")" : s;
      case "-":
        s = formulaText(f[1], leaf, 1, parent !== 1 || first) + " − " + formulaText(f[2], leaf, 2);
        return parent >= 2 ? "(" + s + ")" : s;
      case "*": return parts.map(function (t) { return formulaText(t, leaf, 2); }).join("·");
      case "sq": return formulaText(f[1], leaf, 3) + "²";
      case "sigmoid": return "σ(" + formulaText(f[1], leaf, 0) + ")";
      case "tanh": return "tanh(" + formulaText(f[1], leaf, 0) + ")";
    }
    return "?";
  }

  // Every value, from the givens as they stand (edited or the lesson's).
  function recompute() {
    values = {};
    var lookup = function (k) { return values[k]; };
    order.forEach(function (e) {
      values[e.key] = "given" in e ? givens[e.key] : evaluate(e.formula, lookup);
    });
  }

  // ---- Reading a number, as AnswerSheet and WrittenNumber read a sheet's value ---------------
  var R = DATA.reading;
  var numberPattern = new RegExp(R.number);
  function normalize(s) {
    var out = "";
    for (var ch of s) {
      var c = ch.codePointAt(0);
      if (c >= R.full_width[0] && c <= R.full_width[1]) out += String.fromCodePoint(c - R.full_width[2]);
      else if (R.replace[ch] !== undefined) out += R.replace[ch];
      else out += ch;
    }
    return out;
  }
  function trim(s) {
    var a = Array.from(s), i = 0, j = a.length;
    while (i < j && R.spaces.indexOf(a[i]) >= 0) i++;
    while (j > i && R.spaces.indexOf(a[j - 1]) >= 0) j--;
    return a.slice(i, j).join("");
  }
  // The number in a value as students type it (AnswerSheet.numberText), where the data asks for
  // it: without the punctuation that ends a sentence, an "about" sign in front, a space after a minus.
  function numberText(v) {
    var last = v.slice(-1);
    if (R.sentence_end && (R.sentence_end.indexOf(last) >= 0 || (last === "." && R.full_stop_after_point && v.slice(0, -1).indexOf(".") >= 0))) {
      v = v.slice(0, -1).replace(/[ \t]+$/, "");
    }
    var about = R.about ? R.about.filter(function (sign) { return v.slice(0, sign.length) === sign; })[0] : undefined;
    if (about) v = v.slice(about.length).replace(/^[ \t]+/, "");
    if (R.minus_space && v && (v[0] === "-" || v[0] === "+")) {
      var rest = v.slice(1).replace(/^[ \t]+/, "");
      if (/^[0-9.]/.test(rest)) v = v[0] + rest;
    }
    return v;
  }
  // A WrittenNumber: {text, written, value, unit, decimals, whole}; null when it is not one number.
  function writtenNumber(text, written) {
    if (R.percent && text.length > 1 && text.slice(-1) === "%" && text.slice(-2) !== "%%") {
      var p = writtenNumber(text.slice(0, -1));
      if (!p) return null;
      var d = 0, u = p.unit / 100;
      while (u < 0.5 && d < 40) { u *= 10; d += 1; }
      return { text: text, written: written === undefined ? text : written, value: p.value / 100, unit: p.unit / 100,
               decimals: d, whole: false };
    }
    var m = numberPattern.exec(text);
    if (!m || m[1].length + (m[2] || "").length === 0) return null;
    var value = Number(text);
    var exponent = m[3] === undefined ? 0 : parseInt(m[3], 10);
    var unit = Number("1e" + (exponent - (m[2] || "").length));
    if (!isFinite(value) || !(unit > 0)) return null;
    var d = 0, u = unit;
    while (u < 0.5 && d < 40) { u *= 10; d += 1; }
    return { text: text, written: written === undefined ? text : written, value: value, unit: unit, decimals: d,
             whole: !/[.eE]/.test(text) };
  }
  // What the student typed in a field: {blank: true}, {number: WrittenNumber}, or {unreadable: text}.
  function readAnswer(raw) {
    var text = normalize(raw);
    var hash = text.indexOf(R.comment);
    if (hash >= 0) text = text.slice(0, hash);
    text = trim(text);
    if (R.unanswered.indexOf(text) >= 0) return { blank: true };
    var n = writtenNumber(numberText(text), trim(raw.split(R.comment)[0]));
    return n ? { number: n } : { unreadable: trim(raw) };
  }

  // ---- The marking rule ------------------------------------------------------------------------
  // The one place that decides whether a written number agrees with a computation, chosen and
  // parameterized by DATA.marking (docs/workbook.md, "The marking rule"). The marker asks it two
  // questions, with `c` = {formula, truth, inputsTainted, lesson, student, tainted}:
  //   judge(g, c)            — "correct", "follow_through" or "wrong";
  //   explains(g, wrong, c)  — a mistake's formula (null: the sign error) explains g.
  // `lesson` and `student` look keys up on the lesson's values and on the student's (the marker's
  // world); `tainted` holds the keys whose student value is not correct.
  function leadingUnit(v) {
    var a = Math.abs(v), u = 1;
    while (u > a && u > 1e-300) u /= 10;
    while (u * 10 <= a && u < 1e300) u *= 10;
    return u;
  }
  var rules = {
    // `check`'s rule, "an answer is correct when an honest computation gives it", as
    // HonestComputation.swift states it (docs/check.md): interval evaluation of the formula,
    // every input between the lesson's value and the student's, every sub-result possibly rounded
    // or truncated to g's decimals (rule 1), g accepted when the root's interval meets the values
    // that round or truncate to g (rule 3).
    honest: function (P) {
      function I(lo, hi) { if (hi === undefined) hi = lo; return lo <= hi ? [lo, hi] : [hi, lo]; }
      function magnitude(x) { return Math.max(Math.abs(x[0]), Math.abs(x[1])); }
      // Rule 1: v rounded or truncated to the decimals of u lies in [v − u, v + u/2] (v > 0).
      function widen(x, u) {
        if (!(u > 0)) return x;
        return I(x[0] - (x[0] > 0 ? u : u / 2), x[1] + (x[1] < 0 ? u : u / 2));
      }
      // Rule 2: the formula over intervals; every operation below the root widened by rule 1.
      function interval(f, u, inputs) {
        function operand(h) { return typeof h === "string" || typeof h === "number" ? interval(h, u, inputs) : widen(interval(h, u, inputs), u); }
        if (typeof f === "string") return inputs(f);
        if (typeof f === "number") return I(f);
        var parts = f.slice(1).map(operand), x, p, i;
        switch (f[0]) {
          case "+": return parts.reduce(function (a, b) { return I(a[0] + b[0], a[1] + b[1]); }, I(0));
          case "-": return I(parts[0][0] - parts[1][1], parts[0][1] - parts[1][0]);
          case "*":
            p = parts.length ? parts[0] : I(1);
            for (i = 1; i < parts.length; i++) {
              var q = parts[i], c = [p[0] * q[0], p[0] * q[1], p[1] * q[0], p[1] * q[1]];
              p = I(Math.min.apply(null, c), Math.max.apply(null, c));
            }
            if (parts.length >= 3 && u > 0) {
              // A partial product rounded by at most u, then multiplied by the factors not yet in it.
              var m = Math.max.apply(null, parts.map(magnitude)), power = 1, extra = 0;
              for (i = 0; i < parts.length - 2; i++) { power *= m; extra += power; }
              p = I(p[0] - u * extra, p[1] + u * extra);
            }
            return p;
          case "sq":
            x = parts[0];
            var a = x[0] * x[0], b = x[1] * x[1];
            return x[0] <= 0 && 0 <= x[1] ? I(0, Math.max(a, b)) : I(Math.min(a, b), Math.max(a, b));
          case "sigmoid": return sigmoidInterval(parts[0], u);
          case "tanh": return tanhInterval(parts[0], u);
        }
        throw new Error("unknown operation " + f[0]);
      }
      // σ and tanh as themselves or from exponentials rounded by rule 1 (a calculator without a
      // σ key), as HonestComputation.sigmoid and .tanh: each form is monotonic in its exponentials.
      function exponential(x, u) {
        var e = widen(I(Math.exp(x[0]), Math.exp(x[1])), Math.min(u, P.exponential_unit));
        return I(Math.max(0, e[0]), e[1]);
      }
      function hull(a, lo, hi) {
        return isFinite(lo) && isFinite(hi) ? I(Math.min(a[0], lo, hi), Math.max(a[1], lo, hi)) : a;
      }
      function sigmoidInterval(x, u) {
        var r = I(sigmoid(x[0]), sigmoid(x[1]));
        if (!(u > 0)) return r;
        var m = exponential(I(-x[1], -x[0]), u), p = exponential(x, u);
        r = hull(r, 1 / (1 + m[1]), 1 / (1 + m[0]));
        r = hull(r, p[0] / (1 + p[0]), p[1] / (1 + p[1]));
        // ½(1 + tanh(a/2)), tanh(a/2) rounded.
        var half = widen(I(Math.tanh(x[0] / 2), Math.tanh(x[1] / 2)), Math.min(u, P.exponential_unit));
        return hull(r, (1 + half[0]) / 2, (1 + half[1]) / 2);
      }
      function tanhInterval(x, u) {
        var r = I(Math.tanh(x[0]), Math.tanh(x[1]));
        if (!(u > 0)) return r;
        var t = exponential(I(2 * x[0], 2 * x[1]), u), n = exponential(I(-2 * x[1], -2 * x[0]), u);
        r = hull(r, (t[0] - 1) / (t[0] + 1), (t[1] - 1) / (t[1] + 1));
        r = hull(r, (1 - n[1]) / (1 + n[1]), (1 - n[0]) / (1 + n[0]));
        var p = exponential(x, u), m = exponential(I(-x[1], -x[0]), u);
        return hull(r, (p[0] - m[1]) / (p[0] + m[1]), (p[1] - m[0]) / (p[1] + m[0]));
      }
      // Rule 3: the values that round or truncate to g, with a little room for binary rounding.
      function accepts(g, u, root) {
        if (!isFinite(root[0]) || !isFinite(root[1])) return false;
        var slack = u * P.slack + P.binary * Math.abs(g), w;
        if (g > 0) w = I(g - u / 2 - slack, g + u + slack);
        else if (g < 0) w = I(g - u - slack, g + u / 2 + slack);
        else w = I(-u - slack, u + slack);
        return w[0] <= root[1] && root[0] <= w[1];
      }
      function within(g, reference) {
        if (!isFinite(reference)) return false;
        var unit = g.unit;
        if (g.whole && reference !== 0) unit = Math.min(unit, Math.max(leadingUnit(reference), P.whole_floor));
        var tolerance = unit * P.half_unit * (1 + P.slack) + P.binary * Math.max(Math.abs(reference), Math.abs(g.value));
        return Math.abs(g.value - reference) <= tolerance;
      }
      function apart(a, b, g) { return !within(Object.assign({}, g, { value: a }), b); }
      // The window's unit and the widening: one unit of the last decimal; a whole number claims
      // no more than the reference's leading digit and rounds nothing.
      function precision(g, reference) {
        if (!g.whole) return { unit: g.unit, widening: g.unit };
        var unit = g.unit;
        if (reference !== 0 && isFinite(reference)) unit = Math.min(unit, Math.max(leadingUnit(reference), P.whole_floor));
        return { unit: unit, widening: 0 };
      }
      // The inputs' intervals: givens exact; a correct input between the lesson's value and the
      // student's; a tainted one the lesson's (for "correct") or the student's (for "follow-through").
      function side(c, studentSide, w) {
        return function (k) {
          if (isGiven(k)) return I(c.lesson(k));
          var span = c.tainted.has(k) ? I(studentSide ? c.student(k) : c.lesson(k)) : I(c.lesson(k), c.student(k));
          return widen(span, w);
        };
      }
      return {
        judge: function (g, c) {
          var p = precision(g, c.truth);
          if (!c.formula) return accepts(g.value, p.unit, I(c.truth)) ? "correct" : "wrong";
          if (accepts(g.value, p.unit, interval(c.formula, p.widening, side(c, false, p.widening))) || within(g, c.truth)) return "correct";
          if (c.inputsTainted && accepts(g.value, p.unit, interval(c.formula, p.widening, side(c, true, p.widening)))) return "follow_through";
          return "wrong";
        },
        explains: function (g, wrong, c) {
          if (!c.formula) return false;
          var p = precision(g, c.truth);
          return [[c.lesson, false], [c.student, true]].some(function (s) {
            var point = s[0], r = evaluate(c.formula, point);
            var w = wrong !== null ? evaluate(wrong, point) : -r;
            if (!apart(w, r, g) || !(Math.abs(g.value - w) < Math.abs(g.value - r))) return false;
            var x = wrong !== null ? interval(wrong, p.widening, side(c, s[1], p.widening)) : interval(c.formula, p.widening, side(c, s[1], p.widening));
            if (wrong === null) x = I(-x[1], -x[0]);
            return accepts(g.value, p.unit, x);
          });
        }
      };
    }
  };
  var rule = rules[DATA.marking.rule](DATA.marking);

  // ---- The marker: Marker.marks, key by key in computing order -------------------------------
  // `sheet`: {lineOf: {key: line}, answers: {key: readAnswer(...)}}. Returns the object of
  // `check --format json`.
  function markSheet(sheet) {
    var world = {}, tainted = new Set(), origins = {}, results = [];
    var summary = { correct: 0, follow_through: 0, wrong: 0, unanswered: 0, not_on_sheet: 0, first_mistake: null };
    var truthLookup = function (k) { return values[k]; };
    var position = {};
    order.forEach(function (e, n) { position[e.key] = n; });
    order.forEach(function (e) {
      var key = e.key, truth = values[key], formula = e.formula || null;
      var lookup = function (k) { return k in world ? world[k] : values[k]; };
      var inputs = formula ? inputsOf(formula) : [];
      var inputsTainted = inputs.some(function (k) { return tainted.has(k); });
      var line = sheet.lineOf[key];
      var answer = sheet.answers[key];
      if (line === undefined || !answer || !answer.number) {
        world[key] = formula ? evaluate(formula, lookup) : truth;
        if (inputsTainted) {
          tainted.add(key);
          var seen = new Set();
          origins[key] = [].concat.apply([], inputs.filter(function (k) { return tainted.has(k); })
            .map(function (k) { return origins[k] || []; })).filter(function (k) { return !seen.has(k) && seen.add(k); });
        }
        if (line !== undefined) {
          results.push({ key: key, line: line, status: "unanswered", given: null, expected: truth, diagnosis: null });
          summary.unanswered += 1;
        } else if (!isGiven(key)) {
          summary.not_on_sheet += 1;
        }
        return;
      }
      var g = answer.number;
      var r = { key: key, line: line, status: "wrong", given: g.value, given_text: g.text, expected: truth, diagnosis: null };
      var c = { formula: formula, truth: truth, inputsTainted: inputsTainted, lesson: truthLookup, student: lookup, tainted: tainted };
      r.status = rule.judge(g, c);
      if (r.status === "wrong") {
        var mistake = diagnose(g, e, c);
        if (mistake) {
          r.diagnosis = mistake.diagnosis;
          r.diagnosis_text = DATA.diagnosis_texts[mistake.text];
        }
      }
      if (r.status !== "correct" && formula) {
        r.formula = formulaText(formula);
        if (inputs.length) {
          r.inputs = {};
          inputs.forEach(function (k) { r.inputs[k] = values[k]; });
        }
        if (inputsTainted) {
          var carried = inputs.filter(function (k) { return tainted.has(k); });
          r.carried_from = {};
          carried.forEach(function (k) { r.carried_from[k] = lookup(k); });
          var blanks = carried.filter(function (k) { return !(sheet.answers[k] && sheet.answers[k].number && sheet.lineOf[k] !== undefined); });
          if (blanks.length) {
            r.carried_origins = {};
            blanks.forEach(function (k) {
              r.carried_origins[k] = (origins[k] || []).filter(function (o, n, all) { return all.indexOf(o) === n; })
                .sort(function (a, b) { return position[a] - position[b]; });
            });
          }
          r.from_your_values = evaluate(formula, lookup);
        }
      }
      world[key] = isGiven(key) ? truth : g.value;
      if (r.status !== "correct" && !isGiven(key)) {
        tainted.add(key);
        origins[key] = [key];
      }
      summary[r.status] += 1;
      if (r.status === "wrong" && !summary.first_mistake) {
        summary.first_mistake = { key: key, line: line, diagnosis: r.diagnosis };
      }
      results.push(r);
    });
    // Issue 11's breakdown (summary.by_section, summary.score): each worksheet section the sheet
    // has lines for, in the worksheet's order, and (correct + follow-through) / answered.
    var bySection = {}, answered = 0;
    DATA.sections.forEach(function (s) {
      var o = { answered: 0, correct: 0, follow_through: 0, wrong: 0, unanswered: 0, on_sheet: 0, in_lesson: 0 };
      fieldKeys.forEach(function (k) { if (entry[k].section === s.id) o.in_lesson += 1; });
      results.forEach(function (r) {
        if (entry[r.key].section !== s.id) return;
        o.on_sheet += 1;
        o[r.status] += 1;
        if (r.status !== "unanswered") o.answered += 1;
      });
      if (o.on_sheet > 0) bySection[s.id] = o;
    });
    results.forEach(function (r) { if (r.status !== "unanswered") answered += 1; });
    var first = summary.first_mistake;
    delete summary.first_mistake;
    summary.by_section = bySection;
    summary.score = answered ? (summary.correct + summary.follow_through) / answered : null;
    // The gradebook's score (CheckReport.worksheetScore): unanswered keys count 0.
    var earned = 0, outOf = 0;
    Object.keys(bySection).forEach(function (id) {
      var o = bySection[id];
      earned += o.correct + o.follow_through;
      outOf += Math.max(o.in_lesson, o.on_sheet);
    });
    summary.worksheet_score = outOf ? earned / outOf : null;
    summary.first_mistake = first;
    return { format: "gru-explain.check/1", lesson: DATA.lesson, results: results, summary: summary };
  }

  // The first known mistake that explains g (the rule decides what that means), then the plain
  // sign error; as Marker.diagnose.
  function diagnose(g, e, c) {
    var mistakes = e.mistakes || [];
    for (var i = 0; i < mistakes.length; i++) {
      if (rule.explains(g, mistakes[i].formula, c)) return mistakes[i];
    }
    if (rule.explains(g, null, c)) {
      return { diagnosis: "sign_error", text: e.sign_error };
    }
    return null;
  }

  // ---- The sheet: the worksheet of `gru-explain worksheet` with the answers filled in ---------
  var raw = {};   // key -> what the student typed
  var fieldKeys = [];
  DATA.tables.forEach(function (t) { t.groups.forEach(function (g) { fieldKeys = fieldKeys.concat(g.keys); }); });
  var isField = new Set(fieldKeys);
  var layouts = {};
  function layout(l) {
    if (layouts[l]) return layouts[l];
    var lines = DATA.worksheet[l].replace(/\n$/, "").split("\n"), lineOf = {};
    lines.forEach(function (text, n) {
      var m = /^(\S+) =$/.exec(text);
      if (m && isField.has(m[1])) lineOf[m[1]] = n + 1;
    });
    return (layouts[l] = { lines: lines, lineOf: lineOf });
  }
  // The sheet text: a readable answer after its '=', an unreadable one kept as a comment (so that
  // `check` reads the sheet), a blank one blank.
  function answers() {
    var L = layout(lang);
    return L.lines.map(function (text) {
      var m = /^(\S+) =$/.exec(text);
      if (!m || !isField.has(m[1])) return text;
      var typed = raw[m[1]];
      if (typed === undefined || trim(typed) === "") return text;
      var a = readAnswer(typed);
      if (a.unreadable !== undefined) return text + " # " + a.unreadable;
      return text + " " + trim(typed);
    }).join("\n") + "\n";
  }
  function currentSheet() {
    var L = layout(lang), read = {};
    fieldKeys.forEach(function (k) { if (raw[k] !== undefined) read[k] = readAnswer(raw[k]); });
    return { lineOf: L.lineOf, answers: read };
  }
  // Reads a sheet's lines as AnswerSheet does ('key = value', 'key: value', 'key<TAB>value',
  // 'key value'; '#' comments); the answers replace the fields'. Returns what was read and the
  // lines that were not.
  function fill(text) {
    var next = {}, problems = [], count = 0;
    String(text).replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).forEach(function (original, n) {
      var normalized = normalize(original);
      var hash = normalized.indexOf(R.comment);
      var uncommented = hash >= 0 ? normalized.slice(0, hash) : normalized;
      var line = trim(uncommented);
      if (line === "") return;
      var sep = line.search(/[=:\t]/), keyPart, valuePart;
      if (sep >= 0) { keyPart = line.slice(0, sep); valuePart = line.slice(sep + 1); }
      else if (line.indexOf(" ") >= 0) { keyPart = line.slice(0, line.indexOf(" ")); valuePart = line.slice(line.indexOf(" ")); }
      else { keyPart = line; valuePart = ""; }
      var key = keyPart.replace(/[ \t]/g, "");
      if (!isField.has(key) || next[key] !== undefined) {
        problems.push({ line: n + 1, text: original.slice(0, 60) });
        return;
      }
      var value = trim(valuePart);
      // As the student wrote it: normalize maps one character to one, so the value ends at the
      // last non-space character before the comment.
      var u = Array.from(uncommented), o = Array.from(original), last = u.length - 1;
      while (last >= 0 && " \t".indexOf(u[last]) >= 0) last--;
      var start = last + 1 - Array.from(value).length;
      next[key] = start >= 0 && last < o.length ? o.slice(start, last + 1).join("") : value;
      if (next[key] !== "") count += 1;
    });
    raw = next;
    save();
    renderAll();
    return { read: count, problems: problems };
  }

  // ---- Storage -------------------------------------------------------------------------------
  function fingerprint(s) {
    var h = 5381;
    for (var i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) >>> 0;
    return h.toString(36);
  }
  var STORE = "gru-explain.workbook." + DATA.lesson + "." + fingerprint(JSON.stringify(DATA.keys));
  function save() {
    var edited = {};
    Object.keys(givens).forEach(function (k) { if (givens[k] !== lessonGivens[k]) edited[k] = givens[k]; });
    try { localStorage.setItem(STORE, JSON.stringify({ answers: raw, givens: edited, lang: lang })); } catch (e) { /* private mode */ }
  }
  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(STORE) || "null");
      if (!s) return;
      Object.keys(s.answers || {}).forEach(function (k) { if (isField.has(k)) raw[k] = String(s.answers[k]); });
      Object.keys(s.givens || {}).forEach(function (k) { if (k in givens && isFinite(s.givens[k])) givens[k] = Number(s.givens[k]); });
      if (s.lang && DATA.languages.indexOf(s.lang) >= 0) lang = s.lang;
    } catch (e) { /* nothing stored, or not readable */ }
  }

  // ---- The page ------------------------------------------------------------------------------
  var lang = DATA.start;
  var main = document.getElementById("workbook");
  function word(name) { return DATA.words[name][lang]; }
  function format(template, args) {
    return template.replace(/\{(\d+)\}/g, function (_, n) { return args[Number(n)]; });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (a) {
      if (a === "text") node.textContent = attrs[a];
      else node.setAttribute(a, attrs[a]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  // Text in each language of the page, shown by the switch.
  function both(texts) {
    var span = el("span");
    DATA.languages.forEach(function (l) {
      span.appendChild(el("span", { "data-lang": l, lang: l === "zh" ? "zh-Hans" : "en", text: texts[l] }));
    });
    return span;
  }
  function minus(s) { return s.replace(/^-/, "−"); }
  function shown(key, v) {
    if (!isFinite(v)) return "—";
    return minus(isGiven(key) ? String(v) : v.toFixed(4));
  }

  var fields = {}, marks = {}, hints = {}, notes = {}, sectionScores = {};
  function build() {
    // The givens, editable.
    var givenSection = el("section", { id: "givens", class: "givens" });
    givenSection.appendChild(el("h2", {}, [both(DATA.words.givens)]));
    givenSection.appendChild(el("p", { class: "help" }, [both(DATA.words.givens_help)]));
    var reset = el("button", { type: "button", id: "reset" }, [both(DATA.words.reset)]);
    reset.addEventListener("click", function () { api.reset(); });
    givenSection.appendChild(reset);
    givenSection.appendChild(el("p", { id: "edited", class: "warn", hidden: "" }, [both(DATA.words.edited)]));
    var grid = el("div", { class: "given-grid" });
    DATA.givens.forEach(function (g) {
      var table = el("table", { class: "given" });
      var caption = el("caption", { text: g.name + " " });
      if (g.role) caption.appendChild(el("small", {}, [both(g.role)]));
      table.appendChild(caption);
      g.rows.forEach(function (row) {
        var tr = el("tr");
        row.forEach(function (key) {
          var input = el("input", { type: "text", class: "given-input", "data-key": key,
                                    "aria-label": key, size: "6", spellcheck: "false", autocomplete: "off" });
          input.value = String(givens[key]);
          input.addEventListener("change", function () {
            var n = readAnswer(input.value).number;
            if (n) { api.set(key, n.value); input.classList.remove("bad"); } else { input.classList.add("bad"); }
          });
          fields["given:" + key] = input;
          tr.appendChild(el("td", {}, [input]));
        });
        table.appendChild(tr);
      });
      grid.appendChild(table);
    });
    givenSection.appendChild(grid);
    main.appendChild(givenSection);

    // The walkthrough's tables, section by section, a field in place of each result.
    DATA.sections.forEach(function (s) {
      var tables = DATA.tables.filter(function (t) { return t.section === s.id; });
      if (!tables.length) return;
      var section = el("section", { class: "section", "data-section": s.id, id: "section-" + s.id });
      var score = el("span", { class: "section-score" });
      sectionScores[s.id] = score;
      section.appendChild(el("h2", {}, [both(s.title), score]));
      tables.forEach(function (t) {
        section.appendChild(el("h3", {}, [both(t.title)]));
        var table = el("table", { class: "fields" });
        var head = el("tr");
        ["key", "answer", "mark"].forEach(function (w) { head.appendChild(el("th", { scope: "col" }, [both(DATA.words[w])])); });
        table.appendChild(el("thead", {}, [head]));
        t.groups.forEach(function (g) {
          var body = el("tbody");
          body.appendChild(el("tr", { class: "group" }, [el("th", { colspan: "3", scope: "rowgroup" }, [both(g.label)])]));
          g.keys.forEach(function (key) {
            // No inputmode="decimal": a phone's decimal pad (iOS's) has no minus key, and half the
            // answers (BPTT) are negative; the text keyboard has −, ?, 。 and e too.
            var input = el("input", { type: "text", class: "answer", id: "field-" + key, "data-key": key,
                                      "aria-label": key, spellcheck: "false", autocomplete: "off" });
            input.value = raw[key] || "";
            input.addEventListener("input", function () {
              raw[key] = input.value;
              marks[key].textContent = "";
              marks[key].className = "mark";
              notes[key].textContent = "";
            });
            input.addEventListener("change", function () { raw[key] = input.value; save(); renderMarks(); });
            input.addEventListener("blur", function () { renderMarks(); });
            input.addEventListener("keydown", function (ev) {
              if (ev.altKey && (ev.key === "h" || ev.key === "H")) { ev.preventDefault(); toggleHint(key); }
            });
            fields[key] = input;
            var mark = el("span", { class: "mark", "aria-live": "polite" });
            var note = el("div", { class: "note" });
            marks[key] = mark;
            notes[key] = note;
            var button = el("button", { type: "button", class: "hint", tabindex: "-1", "aria-expanded": "false",
                                        "aria-controls": "hint-" + key, "data-key": key }, [both(DATA.words.hint)]);
            button.addEventListener("click", function () { toggleHint(key); });
            var hint = el("div", { class: "hint-text", id: "hint-" + key });
            var hintRow = el("tr", { class: "hint-row", hidden: "" }, [el("td", { colspan: "3" }, [hint])]);
            hints[key] = { button: button, box: hint, row: hintRow };
            body.appendChild(el("tr", { "data-key": key }, [
              el("th", { scope: "row", class: "key" }, [el("label", { for: "field-" + key, text: key }), button]),
              el("td", {}, [input]),
              el("td", { class: "mark-cell" }, [mark, note])
            ]));
            body.appendChild(hintRow);
          });
          table.appendChild(body);
        });
        section.appendChild(el("div", { class: "scroll" }, [table]));
      });
      main.appendChild(section);
    });
  }

  // The hint: the formula, and the same with the numbers to use (never the result).
  function hintText(key) {
    var f = entry[key].formula;
    return key + " = " + formulaText(f) + "\n" + word("numbers") + " " + formulaText(f, function (k) { return shown(k, values[k]); });
  }
  function toggleHint(key) {
    var h = hints[key], open = h.row.hidden;
    h.row.hidden = !open;
    h.button.setAttribute("aria-expanded", String(open));
    if (open) h.box.textContent = hintText(key);
  }

  var SYMBOL = { correct: "✓", follow_through: "→", wrong: "✗", unanswered: "" };
  var lastReport = null;
  function renderMarks() {
    recompute();
    var report = markSheet(currentSheet());
    lastReport = report;
    var byKey = {};
    report.results.forEach(function (r) { byKey[r.key] = r; });
    var focused = document.activeElement && document.activeElement.classList.contains("answer") ? document.activeElement.getAttribute("data-key") : null;
    var counts = {};
    DATA.sections.forEach(function (s) { counts[s.id] = { asked: 0, answered: 0, correct: 0, follow_through: 0, wrong: 0 }; });
    var total = { asked: 0, answered: 0, correct: 0, follow_through: 0, wrong: 0 };
    fieldKeys.forEach(function (key) {
      var c = counts[entry[key].section];
      c.asked += 1; total.asked += 1;
      var r = byKey[key], mark = marks[key], note = notes[key];
      var a = raw[key] !== undefined ? readAnswer(raw[key]) : { blank: true };
      fields[key].classList.toggle("bad", a.unreadable !== undefined);
      if (r && r.status !== "unanswered") {
        c.answered += 1; c[r.status] += 1; total.answered += 1; total[r.status] += 1;
      }
      if (key === focused && fields[key].value !== (fields[key].getAttribute("data-marked") || "")) return;
      fields[key].setAttribute("data-marked", fields[key].value);
      mark.className = "mark";
      note.textContent = "";
      if (a.unreadable !== undefined) {
        mark.className = "mark unreadable";
        mark.textContent = "?";
        note.textContent = format(word("unreadable"), [a.unreadable]);
        return;
      }
      if (!r || r.status === "unanswered") { mark.textContent = ""; fields[key].removeAttribute("data-status"); return; }
      fields[key].setAttribute("data-status", r.status);
      mark.classList.add(r.status);
      mark.textContent = SYMBOL[r.status] + " " + word(r.status);
      if (r.status === "wrong" && r.diagnosis_text) note.textContent = r.diagnosis_text[lang];
      if (r.status === "follow_through" && r.carried_from) {
        // One "your" for each run of written values, as CheckRenderer writes them.
        var parts = [], written = [];
        var close = function () { if (written.length) parts.push(format(word("your_written"), [written.join(word("list_separator"))])); written = []; };
        Object.keys(r.carried_from).forEach(function (k) {
          var t = sheetWritten(k);
          if (t !== null) { written.push(k + " = " + t); return; }
          close();
          parts.push(k + " = " + shown(k, r.carried_from[k]));
        });
        close();
        var yours = parts.join(word("list_separator"));
        note.textContent = format(word("from_yours"), [yours]);
      }
    });
    DATA.sections.forEach(function (s) {
      var c = counts[s.id];
      if (sectionScores[s.id]) sectionScores[s.id].textContent = format(word("score"), [c.answered, c.asked, c.correct, c.follow_through, c.wrong]);
    });
    document.getElementById("score").textContent = format(word("total"), [format(word("score"), [total.answered, total.asked, total.correct, total.follow_through, total.wrong])]);
    Object.keys(hints).forEach(function (k) { if (!hints[k].row.hidden) hints[k].box.textContent = hintText(k); });
    var edited = Object.keys(givens).some(function (k) { return givens[k] !== lessonGivens[k]; });
    document.getElementById("edited").hidden = !edited;
    return report;
  }
  function sheetWritten(k) {
    var a = raw[k] !== undefined ? readAnswer(raw[k]) : null;
    return a && a.number ? a.number.written : null;
  }
  function renderAll() {
    fieldKeys.forEach(function (k) { fields[k].value = raw[k] || ""; fields[k].removeAttribute("data-marked"); });
    Object.keys(givens).forEach(function (k) { var f = fields["given:" + k]; if (f) { f.value = String(givens[k]); f.classList.remove("bad"); } });
    renderMarks();
  }

  function setLang(l) {
    if (DATA.languages.indexOf(l) < 0) return;
    lang = l;
    root.setAttribute("data-lang", l);
    root.lang = l === "zh" ? "zh-Hans" : "en";
    document.title = DATA.title[l];
    Array.prototype.forEach.call(document.querySelectorAll("[data-set-lang]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === l));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-label-" + l + "]"), function (node) {
      node.setAttribute("aria-label", node.getAttribute("data-label-" + l));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-key]"), function (node) { node.removeAttribute("data-marked"); });
    save();
    renderMarks();
  }
  function status(text) { document.getElementById("status").textContent = text; }

  // ---- The API (docs/workbook.md) ------------------------------------------------------------
  var api = {
    /** Loads a sheet's text into the fields (replacing them); returns {read, problems}. */
    fill: function (text) { return fill(text); },
    /** The sheet text `gru-explain check` reads: the worksheet with the answers filled in. */
    answers: function () { return answers(); },
    /** The marks, the same object as `gru-explain check LESSON sheet --format json`. */
    mark: function () { return renderMarks(); },
    /** Sets a given (`lr`, `h0[1]`, `t2.x[1]`, `t1.target[1]`, `param.Wz[1][1]`) and recomputes. */
    set: function (key, value) {
      if (!(key in givens)) throw new Error("not a given of this lesson: " + key);
      var v = typeof value === "number" ? value : (readAnswer(String(value)).number || {}).value;
      if (typeof v !== "number" || !isFinite(v)) throw new Error("not a number: " + value);
      givens[key] = v;
      var f = fields["given:" + key];
      if (f) { f.value = String(v); f.classList.remove("bad"); }
      save();
      renderMarks();
      return v;
    },
    /** The current value of any key up to the update; null for a key the page does not have. */
    value: function (key) { return key in values ? values[key] : null; },
    /** The lesson's givens again. */
    reset: function () {
      givens = Object.assign({}, lessonGivens);
      save();
      renderAll();
    },
    /** How the page reads a typed number: {value, text, unit, decimals} or null (for tests). */
    read: function (text) { var a = readAnswer(String(text)); return a.number ? a.number : null; },
    /** The keys of the fields, in computing order. */
    keys: function () { return fieldKeys.slice(); },
    /** The language shown, and switching it. */
    language: function (l) { if (l) setLang(l); return lang; },
    data: DATA,
    rule: rule
  };
  window.gruExplain = api;

  // ---- Start ---------------------------------------------------------------------------------
  load();
  recompute();
  build();
  setLang(lang);
  renderAll();
  Array.prototype.forEach.call(document.querySelectorAll("[data-set-lang]"), function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-set-lang")); });
  });
  document.getElementById("download").addEventListener("click", function () {
    var blob = new Blob([answers()], { type: "text/plain;charset=utf-8" });
    var a = el("a", { href: URL.createObjectURL(blob), download: DATA.lesson + "-answers.txt" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });
  document.getElementById("open").addEventListener("change", function (ev) {
    var file = ev.target.files && ev.target.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var result = fill(String(reader.result));
      var text = format(word("opened"), [result.read]);
      if (result.problems.length) {
        text += " " + format(word("open_problems"), [result.problems.length,
          result.problems.slice(0, 3).map(function (p) { return p.line + ": " + p.text; }).join("; ")]);
      }
      status(text);
      ev.target.value = "";
    };
    reader.readAsText(file);
  });
  document.getElementById("clear").addEventListener("click", function () { raw = {}; save(); renderAll(); });
  // Moving into a box keeps its section's score line ("answered 34/51 …") in sight: where the
  // sticky score covers that line and the line and the box both fit below it, the page scrolls
  // the line out from under it. A box scrolled into view stops below the score however many lines
  // the score takes (two on a phone).
  var bar = document.getElementById("score");
  function clearance() { root.style.scrollPaddingTop = Math.ceil(bar.getBoundingClientRect().height + 16) + "px"; }
  clearance();
  window.addEventListener("resize", clearance);
  main.addEventListener("focusin", function (ev) {
    var input = ev.target;
    if (!input.classList || !input.classList.contains("answer")) return;
    clearance();
    requestAnimationFrame(function () {
      var section = input.closest("section");
      var line = section && section.querySelector(".section-score");
      if (!line) return;
      var under = bar.getBoundingClientRect().bottom, top = line.getBoundingClientRect().top;
      if (top < under && input.getBoundingClientRect().bottom - top + 8 < window.innerHeight - under) window.scrollBy(0, top - under - 4);
    });
  });
  root.classList.add("ready");
})();
"""#
}
