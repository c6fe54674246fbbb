"""`--format text`: ``path:line:col severity rule message``, the line with the span
underlined (by display width), then counts by severity and category."""
from __future__ import annotations

import re
from collections import Counter

from checker.report.counts import input_counts
from checker.report.width import char_width, text_width

NEEDS_SOURCES = True
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MAX_LINE = 100  # cells of context shown around a span on very long lines


def _snippet(line: str, col: int, end_col: int) -> tuple[str, str]:
    """The line (clipped around the span for long lines) and its underline.

    At most about ``_MAX_LINE`` cells are shown, so a span covering a whole long
    paragraph is underlined only as far as the shown text reaches.  Tabs are shown as
    one space so the underline stays aligned whatever the terminal's tab stops are.
    """
    line = line.replace("\t", " ")
    start, end = col - 1, max(col, end_col - 1 if end_col > col else col)
    left = max(0, start - 20)
    prefix = "…" if left > 0 else ""
    cut, width = left, 0
    while cut < len(line):
        step = char_width(line[cut])
        if width + step > _MAX_LINE:
            break
        width += step
        cut += 1
    cut = max(cut, min(start + 1, len(line)))  # always show the start of the span
    shown = line[left:cut] + ("…" if cut < len(line) else "")
    marker_pad = text_width(prefix) + text_width(line[left:start])
    marker = " " * marker_pad + "^" * max(1, text_width(line[start:min(end, cut)]))
    return prefix + shown, marker


def _console(stream, options):
    from rich.console import Console

    return Console(file=stream, force_terminal=options.color, no_color=not options.color,
                   highlight=False, soft_wrap=True, width=10_000 if not options.color else None)


# What rich changes in a line printed without colour, soft-wrapped, 10,000 cells wide:
# it expands tabs and drops these control characters; and it strips whitespace past the
# width.  A line without them, and shorter, is written as it is.
_REWRITTEN = re.compile("[\t\x07\x08\x0b\x0c\r]")
_PLAIN_MAX = 5_000


class _Writer:
    """Lines of the report: through rich when coloured (or when rich would change the
    line), else written directly, as rich writes them.  rich builds and renders a Text
    per line: for the 270,000 lines of 1,000 documents' problems that took about 25 CPU s,
    more than the cross-document phase.  rich itself (0.02-0.03 CPU s to import) is
    imported only when a line goes through it."""

    def __init__(self, stream, options) -> None:
        self._stream, self._options = stream, options
        self._console = None
        self.plain = None if options is None or options.color else stream

    @property
    def console(self):
        if self._console is None:
            self._console = _console(self._stream, self._options)
        return self._console

    def blank(self) -> None:
        if self.plain is not None:
            self.plain.write("\n")
        else:
            self.console.print()

    def line(self, text: str, rich_text) -> None:
        """One line: ``text``, or what ``rich_text()`` (the line as a rich Text, styled)
        prints."""
        if self.plain is not None and len(text) < _PLAIN_MAX and not _REWRITTEN.search(text):
            self.plain.write(text + "\n")
        else:
            self.console.print(rich_text())


def render(run, stream, options) -> None:
    out = _Writer(stream, options)
    sources = {r.path: r.source for r in run.results if r.source is not None}
    for v in run.violations:
        _print_violation(out, v, sources)
    _print_summary(out, run)


class Streamer:
    """The text report of a run, printed as it goes: each file's problems as soon as the
    file is checked (in the order of the files), then the problems found across files and
    the summary.  An interrupted or killed run has still shown what it found."""

    def __init__(self, stream, options, keep=None) -> None:
        self.out = _Writer(stream, options)
        self.stream = stream
        self.keep = keep or (lambda violations: violations)   # e.g. only those new to a baseline
        self.shown: list = []
        self._seen: set[int] = set()        # every violation of a file, shown or not kept

    def file_done(self, result) -> None:
        self._seen.update(id(v) for v in result.violations)
        violations = self.keep(sorted(result.violations, key=lambda v: v.sort_key()))
        sources = {result.path: result.source} if result.source is not None else {}
        for v in violations:
            _print_violation(self.out, v, sources)
        self.shown += violations
        self.stream.flush()

    def finish(self, run) -> list:
        """Print what is left (problems found across files) and the summary; return the
        violations reported, for the exit code."""
        sources = {r.path: r.source for r in run.results if r.source is not None}
        rest = self.keep([v for v in run.violations if id(v) not in self._seen])
        for v in rest:
            _print_violation(self.out, v, sources)
        run.violations = self.shown + rest
        _print_summary(self.out, run)
        return run.violations


def _print_violation(out: _Writer, v, sources) -> None:
    def head():
        from rich.text import Text

        head = Text()
        head.append(f"{v.path}:{v.line}:{v.column}", style="bold")
        if v.label:  # a Word file: the place as its reader names it
            head.append(f" [{v.label}]", style="bold")
        head.append(" ")
        head.append(v.severity, style=_STYLE.get(v.severity, ""))
        head.append(f" {v.rule} ", style="dim")
        head.append(v.message)
        return head

    label = f" [{v.label}]" if v.label else ""
    out.line(f"{v.path}:{v.line}:{v.column}{label} {v.severity} {v.rule} {v.message}", head)
    source = sources.get(v.path)
    if source is not None and v.line <= len(source.line_starts):
        line = source.original_line_text(v.line)
        end_col = v.end_column if v.end_line == v.line else len(line) + 1
        shown, marker = _snippet(line, v.column, end_col)
        label = source.line_labels.get(v.line) if source.line_labels else None
        gutter = f"{label or v.line} | "
        pad = " " * text_width(gutter)
        out.line(gutter + shown, lambda: _text(gutter, "dim") + _text(shown))
        out.line(pad + marker, lambda: _text(pad) + _text(marker, _STYLE.get(v.severity, "")))


def _text(text: str, style: str = ""):
    from rich.text import Text

    return Text(text, style=style)


def _print_summary(out: _Writer, run) -> None:
    # Input errors are not repeated here: the command prints each on standard error.
    counts = Counter(v.severity for v in run.violations)
    by_cat = Counter(v.category for v in run.violations)
    # An input that could not be read is not a checked file; a rule that crashed or ran out
    # of its time on a file leaves the file checked by every other rule, so it is counted
    # apart (issue 8, D7), and so is a fix that could not be written (checker.report.counts).
    counted = input_counts(run)
    files = _plural(counted.checked, "file")
    unread = f"; {_plural(counted.not_checked, 'input')} could not be checked" if counted.not_checked else ""
    if counted.rule_failures:
        unread += f"; {_plural(counted.rule_failures, 'rule failure')} (see above)"
    if counted.fix_failures:
        unread += f"; {_plural(counted.fix_failures, 'fix', 'fixes')} not written (see above)"
    if run.violations:
        out.blank()
        summary = ", ".join(_plural(n, s) for s, n in ((s, counts[s]) for s in ("error", "warning", "info")) if n)
        _summary_line(out, f"{_plural(len(run.violations), 'problem')} in {files} ({summary}){unread}", "bold")
        _summary_line(out, "  " + "  ".join(f"{c}: {n}" for c, n in sorted(by_cat.items())), "dim")
    elif run.errors:
        _summary_line(out, f"No problems found in {files}{unread}.", "yellow")
    else:
        _summary_line(out, f"No problems found in {files}.", "green")


def _summary_line(out: _Writer, text: str, style: str) -> None:
    out.line(text, lambda: _text(text, style))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {plural or word + 's'}"
