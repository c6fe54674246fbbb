"""`--format html`: one self-contained page for the people who edit the documents.

A summary table (category × severity, categories named in Chinese), a table of contents
with a line per document, filter checkboxes for categories and severities, then every
document's text, line by line, with each violation highlighted where it is and its
message in a column beside the line.  Every count on the page — the summary, the
filters, the contents, each document's heading — follows the filters.  Printed, the page
keeps only the lines with problems, without the filters, the message under its line, so
a report of a few documents takes a few pages.  No external fonts, styles or
scripts: the page works offline and from a mail attachment.  Every piece of document
text is HTML-escaped, so markup in a document stays visible text.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict

from checker.report.counts import input_counts
from checker.rules.categories import CATEGORIES, CATEGORY_NAMES_ZH
from checker.sources.source import normalise_line_ends

NEEDS_SOURCES = True

SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

_CSS = """
:root { --error:#c62828; --warning:#b26a00; --info:#1565c0; --line:#8a8a8a; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 4rem; color: #1d1d1d; background: #fafafa;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC", system-ui, sans-serif;
  font-size: 15px; line-height: 1.75; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; word-break: break-all; }
.meta { color: #555; margin: 0 0 1rem; }
table.summary { border-collapse: collapse; margin: .5rem 0 1rem; background: #fff; }
table.summary th, table.summary td { border: 1px solid #ddd; padding: .2rem .7rem; text-align: right; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
.filters { position: sticky; top: 0; z-index: 2; background: #fafafa; padding: .5rem 0;
  border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.filters fieldset { border: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem .8rem; }
.filters legend { float: left; font-weight: bold; margin-right: .5rem; }
.filters label { white-space: nowrap; cursor: pointer; }
.doc { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
.row { display: grid; grid-template-columns: 6.5rem minmax(0, 1fr) minmax(14rem, 32%); gap: 0 1rem;
  border-top: 1px solid #f0f0f0; padding: .15rem .8rem; }
.row:first-child { border-top: none; }
.ln { color: var(--line); font-size: .8rem; text-align: right; user-select: none; padding-top: .2rem; }
.tx { white-space: pre-wrap; word-break: break-all; }
.notes { list-style: none; margin: 0; padding: 0; font-size: .85rem; }
.notes li { border-left: 3px solid var(--warning); padding: 0 .4rem; margin: .1rem 0; }
.notes li.error { border-color: var(--error); }
.notes li.info { border-color: var(--info); }
.notes .standard { color: #555; font-size: .75rem; }
.notes .rule { color: #666; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .75rem; }
mark.hl { background: #ffe08a; border-bottom: 2px solid var(--warning); padding: 0; }
mark.hl.error { background: #ffcdd2; border-color: var(--error); }
mark.hl.info { background: #d6e8ff; border-color: var(--info); }
mark.hl.off { background: none; border-bottom: none; color: inherit; }
.only-problems .row.clean { display: none; }
nav.toc { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; padding: .4rem 1rem; margin: 0 0 1rem; }
nav.toc h2 { margin: .2rem 0; font-size: 1rem; }
nav.toc ol { margin: .2rem 0; padding-left: 1.5rem; }
nav.toc a { color: inherit; word-break: break-all; }
nav.toc .n { color: #555; font-size: .85rem; }
@media print {
  body { padding: 0; background: #fff; font-size: 9.5pt; line-height: 1.5; }
  .filters, .no-print { display: none !important; }
  .row.clean { display: none; }
  .row { grid-template-columns: 4.2rem minmax(0, 1fr); padding: .1rem .3rem; break-inside: avoid; }
  .notes { grid-column: 2; }
  .doc { border: none; }
  h2 { margin: .8rem 0 .2rem; break-after: avoid; }
  nav.toc { border: none; padding: 0; }
  mark.hl.off { background: none; }
  li.note[hidden] { display: none; }
}
.none { color: #2e7d32; }
.errors { color: var(--error); }
"""

_JS = """
(function () {
  var boxes = document.querySelectorAll('.filters input[data-filter]');
  var only = document.getElementById('only-problems');
  function shown() {
    var on = {category: {}, severity: {}};
    boxes.forEach(function (b) { on[b.dataset.filter][b.value] = b.checked; });
    return on;
  }
  function apply() {
    var on = shown();
    var visible = {};
    var byCat = {}, bySev = {}, cell = {}, byDoc = {}, total = 0;
    document.querySelectorAll('li.note').forEach(function (li) {
      var c = li.dataset.category, s = li.dataset.severity, d = li.dataset.doc;
      var catOn = on.category[c] !== false, sevOn = on.severity[s] !== false;
      var ok = catOn && sevOn;
      li.hidden = !ok;
      if (sevOn) { byCat[c] = (byCat[c] || 0) + 1; }
      if (catOn) { bySev[s] = (bySev[s] || 0) + 1; }
      if (ok) {
        visible[li.dataset.v] = s;
        cell[c + '|' + s] = (cell[c + '|' + s] || 0) + 1;
        byDoc[d] = (byDoc[d] || 0) + 1;
        total += 1;
      }
    });
    // every count on the page follows the filters
    document.querySelectorAll('[data-count-category]').forEach(function (el) {
      el.textContent = byCat[el.dataset.countCategory] || 0; });
    document.querySelectorAll('[data-count-severity]').forEach(function (el) {
      el.textContent = bySev[el.dataset.countSeverity] || 0; });
    document.querySelectorAll('[data-cell]').forEach(function (el) {
      var parts = el.dataset.cell.split('|'), n = 0;
      Object.keys(cell).forEach(function (k) {
        var kp = k.split('|');
        if ((parts[0] === '*' || parts[0] === kp[0]) && (parts[1] === '*' || parts[1] === kp[1])) { n += cell[k]; }
      });
      el.textContent = n || (el.dataset.blank === '1' ? '' : 0);
    });
    document.querySelectorAll('[data-count-doc]').forEach(function (el) {
      el.textContent = byDoc[el.dataset.countDoc] || 0; });
    document.querySelectorAll('[data-count-total]').forEach(function (el) { el.textContent = total; });
    document.querySelectorAll('mark.hl').forEach(function (m) {
      var ids = m.dataset.v.split(' ');
      var hit = ids.filter(function (i) { return visible[i] !== undefined; });
      m.classList.toggle('off', hit.length === 0);
    });
    document.querySelectorAll('.row').forEach(function (row) {
      row.classList.toggle('clean', row.querySelector('li.note:not([hidden])') === null);
    });
    document.querySelectorAll('.doc').forEach(function (doc) {
      doc.classList.toggle('only-problems', only.checked);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  only.addEventListener('change', apply);
  apply();
})();
"""


def category_name(category: str) -> str:
    """A category's Chinese name (the id when it has none)."""
    return CATEGORY_NAMES_ZH.get(category, category)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _line_segments(line: str, marks: list[tuple[int, int, int, str]]) -> str:
    """The escaped line with ``<mark>`` around every covered piece.

    ``marks`` are (start, end, violation id, severity) in columns of this line; where
    spans overlap, a piece carries every id covering it, so filters can switch it.
    """
    if not marks:
        return _e(line)
    cuts = {0, len(line)}
    for start, end, _, _ in marks:
        cuts.add(start)
        cuts.add(end)
    cuts_sorted = sorted(c for c in cuts if 0 <= c <= len(line))
    out = []
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    for a, b in zip(cuts_sorted, cuts_sorted[1:]):
        piece = line[a:b]
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        if not covering:
            out.append(_e(piece))
            continue
        worst = min((m[3] for m in covering), key=lambda s: rank.get(s, 9))
        ids = " ".join(str(m[2]) for m in covering)
        out.append(f'<mark class="hl {worst}" data-v="{ids}">{_e(piece)}</mark>')
    return "".join(out)


def _document(index: int, path: str, source, violations: list[tuple[int, object]],
              standards: dict[str, tuple[str, ...]] | None = None) -> str:
    text = normalise_line_ends(source.original) if source is not None else ""
    lines = text.split("\n") if source is not None else []
    if len(lines) > 1 and lines[-1] == "":  # the final line end does not start a line
        lines.pop()
    labels = (source.line_labels or {}) if source is not None else {}
    marks: dict[int, list] = defaultdict(list)
    notes: dict[int, list] = defaultdict(list)
    for vid, v in violations:
        line_no = v.line if lines and v.line <= len(lines) else max(1, len(lines))
        notes[line_no].append((vid, v))
        for ln in range(v.line, min(v.end_line, len(lines)) + 1):
            line = lines[ln - 1]
            start = v.column - 1 if ln == v.line else 0
            end = v.end_column - 1 if ln == v.end_line else len(line)
            if end <= start:  # an empty span: mark one character so it can be seen
                end = min(len(line), start + 1)
                start = min(start, max(0, end - 1))
            if end > start:
                marks[ln].append((start, end, vid, v.severity))
    rows = []
    for number, line in enumerate(lines or [""], 1):
        label = labels.get(number, str(number))
        note_items = "".join(
            f'<li class="note {v.severity}" data-v="{vid}" data-doc="{index}" data-category="{_e(v.category)}" '
            f'data-severity="{_e(v.severity)}"><span class="rule">{_e(v.rule)} · '
            f'{_e(SEVERITY_NAMES.get(v.severity, v.severity))} · {_e(v.label or f"{v.line}:{v.column}")}</span>'
            f'{_standard_note((standards or {}).get(v.rule, ()))}<br>{_e(v.message)}</li>'
            for vid, v in notes.get(number, []))
        clean = "" if notes.get(number) else " clean"
        rows.append(
            f'<div class="row{clean}" id="d{index}-L{number}"><span class="ln">{_e(label)}</span>'
            f'<span class="tx">{_line_segments(line, marks.get(number, []))}</span>'
            f'<ul class="notes">{note_items}</ul></div>')
    count = len(violations)
    return (f'<section class="file" id="doc-{index}"><h2>{_e(path)} '
            f'<small>（<span data-count-doc="{index}">{count}</span> 个问题）</small></h2>'
            f'<div class="doc">{"".join(rows)}</div></section>')


def _standard_note(clauses: tuple[str, ...]) -> str:
    if not clauses:
        return ""
    return f' <span class="standard">依据 {_e("；".join(clauses))}</span>'


def build(run, rules=()) -> str:
    standards = {r.id: tuple(getattr(r, "standard", ()) or ()) for r in rules}
    sources = {r.path: r.source for r in run.results}
    by_path: dict[str, list] = defaultdict(list)
    for vid, v in enumerate(run.violations):
        by_path[v.path].append((vid, v))
    paths = [r.path for r in run.results if r.source is not None or by_path.get(r.path)]
    paths += [p for p in by_path if p not in paths]

    counts = Counter((v.category, v.severity) for v in run.violations)
    present = [c for c in CATEGORIES if any(counts[(c, s)] for s in SEVERITY_ORDER)]
    present += sorted({v.category for v in run.violations} - set(present))
    sev_totals = Counter(v.severity for v in run.violations)

    head_cells = "".join(f"<th>{_e(SEVERITY_NAMES[s])}</th>" for s in SEVERITY_ORDER)

    def cell(c: str, s: str, n: int, tag: str = "td", blank: bool = True) -> str:
        return (f'<{tag} data-cell="{_e(c)}|{s}" data-blank="{1 if blank else 0}">'
                f'{n or ("" if blank else 0)}</{tag}>')

    body_rows = "".join(
        f'<tr><td title="{_e(c)}">{_e(category_name(c))}</td>'
        + "".join(cell(c, s, counts[(c, s)]) for s in SEVERITY_ORDER)
        + cell(c, "*", sum(counts[(c, s)] for s in SEVERITY_ORDER), blank=False) + "</tr>" for c in present)
    total_row = ("<tr><th>合计</th>" + "".join(cell("*", s, sev_totals[s], "th", False) for s in SEVERITY_ORDER)
                 + cell("*", "*", len(run.violations), "th", False) + "</tr>")
    summary = (f'<table class="summary"><thead><tr><th>类别</th>{head_cells}<th>合计</th></tr></thead>'
               f"<tbody>{body_rows}</tbody><tfoot>{total_row}</tfoot></table>"
               if run.violations else '<p class="none">没有发现问题。</p>')

    cat_boxes = "".join(
        f'<label title="{_e(c)}"><input type="checkbox" data-filter="category" value="{_e(c)}" checked> '
        f'{_e(category_name(c))} (<span data-count-category="{_e(c)}">'
        f'{sum(counts[(c, s)] for s in SEVERITY_ORDER)}</span>)</label>' for c in present)
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> '
        f'{_e(SEVERITY_NAMES[s])} (<span data-count-severity="{s}">{sev_totals[s]}</span>)</label>'
        for s in SEVERITY_ORDER)
    filters = (f'<nav class="filters"><fieldset><legend>类别</legend>{cat_boxes}</fieldset>'
               f'<fieldset><legend>级别</legend>{sev_boxes}</fieldset>'
               f'<label><input type="checkbox" id="only-problems"> 只显示有问题的行</label></nav>')
    toc = ""
    if len(paths) > 1:
        entries = "".join(
            f'<li><a href="#doc-{i}">{_e(p)}</a> <span class="n">（<span data-count-doc="{i}">'
            f'{len(by_path.get(p, []))}</span> 个问题）</span></li>' for i, p in enumerate(paths, 1))
        toc = f'<nav class="toc"><h2>目录</h2><ol>{entries}</ol></nav>'
    counted = input_counts(run)     # the text summary's counts (checker.report.counts)
    unread = f"，{counted.not_checked} 个输入未能检查" if counted.not_checked else ""
    errors = ""
    if run.errors:
        errors = '<ul class="errors">' + "".join(f"<li>{_e(e)}</li>" for e in run.errors) + "</ul>"
    documents = "".join(_document(i, p, sources.get(p), by_path.get(p, []), standards)
                        for i, p in enumerate(paths, 1))
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>gwlint 检查报告</title><style>{_CSS}</style></head><body>"
        f"<h1>gwlint 检查报告</h1><p class=\"meta\">检查了 {counted.checked} 个文件{unread}，发现 {len(run.violations)} 个问题"
        f"（当前显示 <span data-count-total>{len(run.violations)}</span> 个）。</p>"
        f"{summary}{errors}{toc}{filters}<main>{documents}</main>"
        f"<script>{_JS}</script></body></html>\n"
    )


def render(run, stream, options) -> None:
    stream.write(build(run, getattr(options, "rules", ())))
