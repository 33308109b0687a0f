/// The style sheet of the HTML slides.
///
/// One rem is 1/64 of the screen's width or 1/36 of its height, whichever is smaller; the deck
/// takes the whole window (a 4:3 projector gets a slide 64 × 48 rem, no letterbox). At its natural
/// size (`--fit` 1) body text is 0.95 rem and tables 0.8 rem; `HeightEstimate` uses these sizes
/// to break long pages into slides, so keep the two in step. The script then scales each slide's
/// type (`--fit`, 0.7 to 2.2) to the largest size at which its content still fits the window, and
/// by the presenter's own +/− (`--zoom`). Colours meet WCAG AA and mostly AAA (contrast on white:
/// text 17.4:1, headings and the pressed button 8.4:1, muted text 9.7:1, the warning red 8.1:1,
/// the focus ring 5.2:1; text on the note and header backgrounds above 15:1); the dark theme (`t`)
/// is white on black, 21:1.
enum HTMLStyle {
    static let css = #"""
/* The prime of σ′ and tanh′ from the CJK fonts, where they are installed: DejaVu's prime is a
   short slanted stroke that floats in its cell and reads as an acute accent (σ´); Noto's
   (Source Han's) stands upright against the letter. Only U+2032 and U+2033, only local fonts. */
@font-face { font-family: "Prime Mono"; src: local("Noto Sans Mono CJK SC"), local("NotoSansMonoCJKsc-Regular"),
             local("Source Han Mono SC"), local("SourceHanMonoSC-Regular"); unicode-range: U+2032-2033; }
@font-face { font-family: "Prime Sans"; src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"),
             local("Source Han Sans SC"), local("SourceHanSansSC-Regular"); unicode-range: U+2032-2033; }
:root {
  --ink: #1a1a1a; --muted: #444; --accent: #0b4f8a; --line: #c4c4c4; --rule: #6b6b6b;
  --paper: #fff; --band: #eef3f9; --note: #fdf6e3; --note-rule: #b07d00; --warn: #a4001d; --focus: #c2410c;
  /* Latin first, so that σ · ‖ ∂ keep their Latin shapes in Chinese text; then the CJK fonts. */
  --sans: "Prime Sans", system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC",
          "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  --mono: "Prime Mono", "DejaVu Sans Mono", "Noto Sans Mono", Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC",
          "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", monospace;
}
html { font-size: max(10px, min(1.5625vw, 2.7778vh)); }
body { margin: 0; color: var(--ink); background: var(--paper); font-family: var(--sans); line-height: 1.37; }
html[data-lang="zh"] [data-lang="en"].content, html[data-lang="en"] [data-lang="zh"].content { display: none; }
/* The dark, high-contrast theme (key t). */
html[data-theme="dark"] {
  --ink: #fff; --muted: #e0e0e0; --accent: #ffd84d; --line: #8a8a8a; --rule: #d0d0d0;
  --paper: #000; --band: #1f1f1f; --note: #1c1c1c; --note-rule: #ffd84d; --warn: #ff8080; --focus: #ff9f40;
}
html[data-theme="dark"] .chart .grid { stroke: #555; }
html[data-theme="dark"] .chart .axis { stroke: #ddd; }
html[data-theme="dark"] .controls button[aria-pressed="true"] { color: #000; }

/* Slides: without the script they read as one long page. */
.slide { padding: 1rem 1.4rem; border-bottom: 1px solid var(--line); }
.content { font-size: calc(var(--fit, 1) * var(--zoom, 1) * 1rem); }
html.js, html.js body { height: 100%; overflow: hidden; }
html.js #deck { position: fixed; inset: 0; }
html.js .slide { position: absolute; inset: 0 0 2rem 0; overflow: hidden; display: none; border: 0; }
html.js .slide.current { display: block; }
/* Text made larger with + than the slide has room for scrolls rather than being cut off. */
html.js .slide.zoomed { overflow: auto; }
/* On screen only: printed, a slide caught mid-animation would come out faded. */
@media screen and (prefers-reduced-motion: no-preference) {
  html.js .slide.current { animation: appear .2s ease-out; }
  @keyframes appear { from { opacity: .55; } to { opacity: 1; } }
}
/* Black screen (b or .), the key list (?) and the slide number being typed. */
#blank { display: none; position: fixed; inset: 0; background: #000; z-index: 10; }
html.blank #blank { display: block; }
#help { display: none; position: fixed; inset: 0; margin: auto; z-index: 5; width: max-content; height: max-content;
  max-width: 90vw; padding: 1rem 1.6rem; font-size: 1.4rem; color: var(--ink); background: var(--paper);
  border: 2px solid var(--rule); border-radius: .4rem; box-shadow: 0 .3rem 1.5rem rgba(0,0,0,.35); }
html.help #help { display: block; }
#help h2 { font-size: 1.2em; }
#help table { font-size: .9em; margin: 0; }
#help kbd { font-family: var(--mono); font-weight: 700; }
#goto { display: none; }
#goto.typing { display: inline; font-weight: 700; }

h1, h2, h3, p { margin: 0; }
h1 { font-size: 1.7em; line-height: 1.2; margin-bottom: .25em; color: var(--accent); }
h2 { font-size: 1.35em; line-height: 1.2; margin-bottom: .4em; color: var(--accent); }
h3 { font-size: 1.15em; line-height: 1.2; margin-bottom: .35em; }
.kicker { font-size: .75em; line-height: 1.2; margin-bottom: .33em; color: var(--muted); font-weight: 600; }
p { font-size: .95em; margin-bottom: .58em; }
.note { font-size: .85em; margin: 0 0 .65em; padding: .4em .8em; background: var(--note); border-left: .3em solid var(--note-rule); }
.note p { font-size: 1em; margin: 0; }

table { font-size: .8em; line-height: 1.3; border-collapse: collapse; margin-bottom: .69em; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
th, td { padding: .05em .6em; text-align: left; vertical-align: baseline; }
thead th { background: var(--band); border-bottom: 2px solid var(--rule); font-weight: 700; }
tbody + tbody { border-top: 1px solid var(--line); }
tbody th { font-weight: 600; white-space: nowrap; }
th.sub, td.sub { font-weight: 400; color: var(--muted); padding-left: 1.6em; }
/* A formula breaks only between its terms, never inside one (Why[1][1], ∂L/∂a_r₃, (1 − 0.7387)),
   and its further lines stand under its right-hand side (see FormulaBreaks). */
.math { font-family: var(--mono); white-space: pre; }
.formula { display: inline-flex; }
.formula > .rhs { white-space: normal; }
.formula > .rhs > span { white-space: pre; }
/* A table cut between slides: every part as wide as the whole (or the slide), its columns in the
   same shares; a name or a number never narrower than it is, a formula wraps. */
table.cut { width: min(100%, var(--width)); }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.result { font-weight: 700; }
.warning { color: var(--warn); font-weight: 700; }

figure.chart { margin: 0 0 .55em; }
figure.chart svg { display: block; height: 16.5em; width: auto; max-width: 100%; }
.chart text { font-family: var(--sans); font-size: 22px; fill: var(--ink); }
.chart .label { font-weight: 700; }
.chart .value { font-weight: 700; }
.chart .grid { stroke: #d6d6d6; stroke-width: 1; }
.chart .axis { stroke: #333; stroke-width: 2; }
.chart .series { fill: none; stroke: var(--accent); stroke-width: 3.5; stroke-linejoin: round; }
.chart .bar { fill: var(--accent); }

.controls { display: none; }
html.js .controls { display: flex; position: fixed; left: 0; right: 0; bottom: 0;
  height: 2rem; box-sizing: border-box; padding: 0 1.4rem; align-items: center; justify-content: flex-end; gap: .5rem;
  font-size: .75rem; border-top: 1px solid var(--line); background: var(--paper); }
.controls button { font: inherit; min-width: 2.4em; padding: .15em .6em; color: var(--ink); background: var(--paper);
  border: 1px solid var(--rule); border-radius: .3em; cursor: pointer; }
.controls button[aria-pressed="true"] { color: #fff; background: var(--accent); border-color: var(--accent); }
.controls .langs { display: flex; gap: .3rem; margin-left: 1rem; }
#counter { min-width: 4.5em; text-align: center; font-variant-numeric: tabular-nums; }
:focus-visible { outline: .15rem solid var(--focus); outline-offset: .12rem; }

/* Handouts (A4): the slides run on, several to a sheet; no slide is cut between two sheets, so
   every sheet opens with a slide's section and timestep, "(continued)" where it goes on from the
   sheet before, and never ends on a heading or a lead-in (SlideLayout ends no slide there). A deck
   with both languages prints each slide in both. Page numbers at the foot (see pageNumbers). */
@media print {
  @page { size: A4; margin: 12mm 12mm 14mm; }
  html { font-size: 11pt; }
  html[data-theme] { --ink: #1a1a1a; --muted: #444; --accent: #0b4f8a; --line: #c4c4c4; --rule: #6b6b6b;
    --paper: #fff; --band: #eef3f9; --note: #fdf6e3; --note-rule: #b07d00; --warn: #a4001d; }
  html.js, html.js body { height: auto; overflow: visible; }
  html.js #deck { position: static; }
  .slide, html.js .slide { position: static; display: block; padding: 0; border: 0; overflow: visible; }
  html[data-lang] .content[data-lang] { display: block; }
  .content, html.js .content { font-size: 1rem; break-inside: avoid; padding: .5rem 0 .7rem; border-top: 1px solid var(--line); }
  .slide:first-child .content:first-child { border-top: 0; padding-top: 0; }
  html.js .controls, #help, #blank { display: none !important; }
  h1, h2, h3, .kicker { break-after: avoid; }
  figure.chart svg { height: 6.5cm; }
}
"""#

    /// The page number at the foot of every printed sheet: `template` is `Message.printPage`'s,
    /// "Page {0} of {1}".
    static func pageNumbers(_ template: String) -> String {
        let content = "\"" + template.replacing("{0}", with: "\" counter(page) \"").replacing("{1}", with: "\" counter(pages) \"") + "\""
        return "@media print { @page { @bottom-center { content: \(content); font: 9pt sans-serif; color: #444; } } }\n"
    }
}
