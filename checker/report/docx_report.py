"""`--format docx --output FILE`: a copy of a Word input with one comment per violation.

The comment is anchored at the violation's characters: runs are split at the span's
edges (keeping their formatting) so Word highlights exactly the offending text; a run
holding more than text (a field, a drawing) is not split and the comment covers it
whole.  The input file is never written: the copy goes to ``--output`` (a file for one
Word input; a folder, created if needed, for several).  Inputs that are not ``.docx``
cannot carry Word comments: they are skipped with a note on standard error, and a run
with no Word input at all is an error.
"""
from __future__ import annotations

import copy
import os
import sys
from collections import defaultdict
from pathlib import Path

from checker.sources.docx_source import iter_lines, open_docx, visible_runs

BINARY = True
WRITES_FOLDERS = True   # --output may name a folder, existing or not
AUTHOR = "gwlint"
INITIALS = "GW"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

# Run children that a split can rebuild exactly from run.text.
_TEXT_TAGS = {"rPr", "t", "tab", "br", "cr"}


class ReportError(Exception):
    pass


def comment_text(v, elsewhere: bool = False) -> str:
    """The comment; ``elsewhere``: the problem is in a header, footer or note, where Word
    cannot anchor comments, so the comment (on the first paragraph) says where it is."""
    where = f"【{v.label}】" if elsewhere and v.label else ""
    return f"【{SEVERITY_NAMES.get(v.severity, v.severity)}】{where}{v.message}（{v.rule}，{v.category}）"


def _splittable(run) -> bool:
    for child in run._r:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag not in _TEXT_TAGS:
            return False
        if tag == "br" and child.get(child.tag.rsplit("}", 1)[0] + "}type") not in (None, "textWrapping"):
            return False  # a page or column break would be lost
    return True


def _split_run(run, at: int):
    """Split ``run`` at character ``at`` into two runs of the same formatting; returns both."""
    from docx.text.run import Run

    text = run.text
    twin = copy.deepcopy(run._r)
    run._r.addnext(twin)
    second = Run(twin, run._parent)
    run.text = text[:at]
    second.text = text[at:]
    return run, second


def _runs_at(paragraph, start: int, end: int, exact: bool = True) -> list:
    """The runs covering characters [start, end) of a paragraph, splitting at the edges."""
    if exact:
        for edge in (start, end):
            pos = 0
            for run in visible_runs(paragraph):
                n = len(run.text)
                if pos < edge < pos + n and _splittable(run):
                    _split_run(run, edge - pos)
                    break
                pos += n
    chosen = []
    pos = 0
    for run in visible_runs(paragraph):
        n = len(run.text)
        if n and pos < end and start < pos + n:
            chosen.append(run)
        pos += n
    return chosen


def annotate(data: bytes, path: str, violations: list) -> tuple[object, int]:
    """A python-docx Document of ``data`` with a comment per violation; returns (doc, placed)."""
    document = open_docx(data, path)
    lines = list(iter_lines(document))
    placed = 0
    for v in sorted(violations, key=lambda v: (v.line, v.column, v.rule)):
        if not lines:
            break
        index = min(v.line, len(lines)) - 1
        first = lines[index]
        last = lines[min(max(v.end_line, v.line), len(lines)) - 1]
        if not first.commentable:
            # A header, footer or note (Word anchors comments in the body only) or a block
            # content control: the comment goes on the nearest paragraph that can carry
            # one, and names the place (页眉, 脚注 2, 段落 3 第9字 …).
            host = _nearest_commentable(lines, index)
            if host is None:
                continue
            runs = visible_runs(host.paragraph) or [host.paragraph.add_run("")]
            document.add_comment(runs, text=comment_text(v, elsewhere=True), author=AUTHOR, initials=INITIALS)
            placed += 1
            continue
        if not last.commentable:
            last = first
        start = max(0, v.column - 1)
        end = max(0, v.end_column - 1)
        if first is last:
            if end <= start:
                end = start + 1
            runs = _runs_at(first.paragraph, start, end)
        else:
            head = _runs_at(first.paragraph, start, len(first.text) + 1)
            tail = _runs_at(last.paragraph, 0, max(end, 1))
            runs = (head[:1] + tail[-1:]) if head and tail else head or tail
        if not runs:  # an empty paragraph or a span past its end: comment the whole paragraph
            runs = visible_runs(first.paragraph) or [first.paragraph.add_run("")]
        document.add_comment(runs, text=comment_text(v), author=AUTHOR, initials=INITIALS)
        placed += 1
    return document, placed


def _nearest_commentable(lines: list, index: int):
    """The closest paragraph with text before ``index`` that can carry a comment, else the
    closest after it."""
    for line in reversed(lines[:index]):
        if line.commentable and line.text.strip():
            return line
    return next((line for line in lines[index + 1:] if line.commentable and line.text.strip()), None)


def _targets(word_paths: list[str], output: str) -> dict[str, Path]:
    out = Path(output)
    if len(word_paths) == 1 and not out.is_dir():
        return {word_paths[0]: out}
    out.mkdir(parents=True, exist_ok=True)
    names: dict[str, Path] = {}
    used: set[str] = set()
    for p in word_paths:
        name = Path(p).name
        stem, n = Path(name).stem, 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.docx"
        used.add(name)
        names[p] = out / name
    return names


def render(run, stream, options) -> None:
    if not options.output_path:
        raise SystemExit("gwlint: --format docx writes a Word file; give --output FILE")
    paths = [r.path for r in run.results if not r.errors]
    word = [p for p in paths if p.lower().endswith(".docx") and os.path.isfile(p)]
    for p in paths:
        if p not in word:
            print(f"gwlint: docx report: skipped {p} (only .docx inputs can carry Word comments)", file=sys.stderr)
    if not word:
        print("gwlint: --format docx needs at least one .docx input", file=sys.stderr)
        raise SystemExit(2)
    by_path: dict[str, list] = defaultdict(list)
    for v in run.violations:
        by_path[v.path].append(v)
    for src, target in _targets(word, options.output_path).items():
        if target.exists() and os.path.samefile(src, target):
            print(f"gwlint: --output {target} is the input itself; the original is never modified", file=sys.stderr)
            raise SystemExit(2)
        data = Path(src).read_bytes()
        document, placed = annotate(data, src, by_path.get(src, []))
        tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
        document.save(str(tmp))
        os.replace(tmp, target)
        print(f"gwlint: wrote {target} with {placed} comment(s)", file=sys.stderr)
