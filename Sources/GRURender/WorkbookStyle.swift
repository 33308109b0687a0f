/// The style sheet of the workbook page: the slides' fonts and colours (`HTMLStyle`), a reading
/// column that works from a 360 px phone (tables scroll sideways inside their box) to a desktop,
/// and a print layout that is the filled worksheet (no buttons, answers as written, marks kept).
enum WorkbookStyle {
    static let css = #"""
@font-face { font-family: "Prime Mono"; src: local("Noto Sans Mono CJK SC"), local("NotoSansMonoCJKsc-Regular"),
             local("Source Han Mono SC"), local("SourceHanMonoSC-Regular"); unicode-range: U+2032-2033; }
@font-face { font-family: "Prime Sans"; src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"),
             local("Source Han Sans SC"), local("SourceHanSansSC-Regular"); unicode-range: U+2032-2033; }
:root {
  --ink: #1a1a1a; --muted: #444; --accent: #0b4f8a; --line: #c4c4c4; --paper: #fff; --band: #eef3f9;
  --good: #14632d; --carry: #7a4b00; --warn: #a4001d; --focus: #c2410c;
  --sans: "Prime Sans", system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC",
          "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  --mono: "Prime Mono", "DejaVu Sans Mono", "Noto Sans Mono", Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC",
          "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", monospace;
}
* { box-sizing: border-box; }
html { font-size: 16px; -webkit-text-size-adjust: 100%; }
/* A box reached by Shift+Tab (or Hint, or a link) scrolls into view below the sticky score, which
   is two lines high on a phone, not under it. */
html { scroll-padding-top: 5rem; }
body { margin: 0 auto; max-width: 60rem; padding: 0.75rem; color: var(--ink); background: var(--paper);
       font-family: var(--sans); line-height: 1.45; }
html[data-lang="zh"] [data-lang="en"], html[data-lang="en"] [data-lang="zh"] { display: none; }
h1 { font-size: 1.35rem; margin: 0.2rem 0 0.5rem; color: var(--accent); }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; color: var(--accent); border-bottom: 2px solid var(--accent); }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.intro, .help { margin: 0.3rem 0; color: var(--muted); }
.warn { color: var(--warn); font-weight: 600; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.6rem 0; }
button, .button { white-space: nowrap; font: inherit; font-size: 0.95rem; padding: 0.35rem 0.7rem; border: 1px solid var(--accent);
                  border-radius: 0.3rem; background: var(--paper); color: var(--accent); cursor: pointer; }
button:hover, .button:hover { background: var(--band); }
button[aria-pressed="true"] { background: var(--accent); color: #fff; }
.button input[type="file"] { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.button { position: relative; display: inline-block; }
.button:focus-within, button:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.langs { margin-left: auto; display: inline-flex; gap: 0.2rem; }
header { position: relative; }
.score { position: sticky; top: 0; z-index: 2; background: var(--band); padding: 0.3rem 0.5rem; font-weight: 600;
         border-radius: 0.3rem; }
.section-score { display: block; font-size: 0.85rem; font-weight: 400; color: var(--muted); }
#status:empty { display: none; }

/* Tables keep their width and scroll sideways inside their box on a narrow screen. */
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
table { border-collapse: collapse; }
table.fields { min-width: 100%; }
table.fields th, table.fields td { padding: 0.2rem 0.4rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.fields thead th { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
tr.group th { background: var(--band); font-weight: 400; font-size: 0.92rem; }
table.fields td:nth-child(2) { width: 1%; white-space: nowrap; }
table.fields td.mark-cell { width: 100%; }
th.key { font-family: var(--mono); font-weight: 400; white-space: nowrap; font-size: 0.92rem; }
input.answer, input.given-input { font-family: var(--mono); font-size: 1rem; padding: 0.2rem 0.3rem; width: 8.5em;
                                  border: 1px solid #888; border-radius: 0.2rem; }
input.given-input { width: 5.5em; font-size: 0.9rem; }
input.bad { border-color: var(--warn); background: #fff0f0; }
input[data-status="correct"] { border-color: var(--good); }
input[data-status="follow_through"] { border-color: var(--carry); }
input[data-status="wrong"] { border-color: var(--warn); }
.mark { font-weight: 600; white-space: nowrap; }
.mark.correct { color: var(--good); }
.mark.follow_through { color: var(--carry); }
.mark.wrong, .mark.unreadable { color: var(--warn); }
.note { font-size: 0.85rem; color: var(--muted); max-width: 26rem; min-width: 8rem; }
.note:empty { display: none; }
.hint-text { font-family: var(--mono); font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; background: #fdf6e3;
             border-left: 3px solid #b07d00; padding: 0.2rem 0.4rem; }
table.fields tr.hint-row td { border-bottom: 0; }
button.hint { font-family: var(--sans); font-size: 0.75rem; padding: 0 0.4rem; margin-left: 0.5rem; vertical-align: 0.1em; }
.given-grid { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0.5rem 1rem; }
table.given caption { text-align: left; font-family: var(--mono); font-size: 0.9rem; white-space: nowrap; }
table.given caption small { font-family: var(--sans); color: var(--muted); }
table.given td { padding: 0.1rem; }
#reset { margin: 0.3rem 0; }

@media (max-width: 480px) {
  body { padding: 0.5rem; }
  h1 { font-size: 1.15rem; }
  .langs { margin-left: 0; }
  input.answer { width: 6.5em; }
  th.key { font-size: 0.8rem; }
  button.hint { display: block; margin: 0.15rem 0 0; }
  .mark { white-space: normal; }
  .note { min-width: 0; }
  table.fields th, table.fields td { padding: 0.2rem 0.25rem; }
}

/* Printed: the filled worksheet. */
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .toolbar, #status, button, .help, #edited[hidden], .intro { display: none !important; }
  .score { position: static; background: none; }
  .scroll { overflow: visible; }
  tr, tr.group { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  input.answer, input.given-input { border: 0; border-bottom: 1px solid #888; border-radius: 0; }
  tr.hint-row { display: none; }
}
"""#
}
