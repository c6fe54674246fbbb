"""`--format text`: ``path:line:col severity rule message``, the line with the span
underlined (by display width), then counts by severity and category."""
from __future__ import annotations

from collections import Counter

from checker.report.width import text_width

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
    while cut < len(line) and width + text_width(line[cut]) <= _MAX_LINE:
        width += text_width(line[cut])
        cut += 1
    cut = max(cut, min(start + 1, len(line)))  # always show the start of the span
    shown = line[left:cut] + ("…" if cut < len(line) else "")
    marker_pad = text_width(prefix) + text_width(line[left:start])
    marker = " " * marker_pad + "^" * max(1, text_width(line[start:min(end, cut)]))
    return prefix + shown, marker


def render(run, stream, options) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=options.color, no_color=not options.color,
                      highlight=False, soft_wrap=True, width=10_000 if not options.color else None)
    sources = {r.path: r.source for r in run.results if r.source is not None}
    for v in run.violations:
        head = Text()
        head.append(f"{v.path}:{v.line}:{v.column}", style="bold")
        if v.label:  # a Word file: the place as its reader names it
            head.append(f" [{v.label}]", style="bold")
        head.append(" ")
        head.append(v.severity, style=_STYLE.get(v.severity, ""))
        head.append(f" {v.rule} ", style="dim")
        head.append(v.message)
        console.print(head)
        source = sources.get(v.path)
        if source is not None and v.line <= len(source.line_starts):
            line = source.original_line_text(v.line)
            end_col = v.end_column if v.end_line == v.line else len(line) + 1
            shown, marker = _snippet(line, v.column, end_col)
            label = source.line_labels.get(v.line) if source.line_labels else None
            gutter = f"{label or v.line} | "
            console.print(Text(gutter, style="dim") + Text(shown))
            console.print(Text(" " * text_width(gutter)) + Text(marker, style=_STYLE.get(v.severity, "")))
    # Input errors are not repeated here: the command prints each on standard error.
    counts = Counter(v.severity for v in run.violations)
    by_cat = Counter(v.category for v in run.violations)
    # An input that could not be read is not a checked file; a rule that crashed on a file
    # leaves the file checked by every other rule, so it is counted apart (issue 8, D7).
    rule_failures = [e for e in run.errors if _is_rule_failure(e)]
    unreadable = len({e.split(": ", 1)[0] for e in run.errors if not _is_rule_failure(e)})
    files = _plural(max(run.files - unreadable, 0), "file")
    unread = f"; {_plural(unreadable, 'input')} could not be checked" if unreadable else ""
    if rule_failures:
        unread += f"; {_plural(len(rule_failures), 'rule failure')} (see above)"
    if run.violations:
        console.print()
        summary = ", ".join(_plural(n, s) for s, n in ((s, counts[s]) for s in ("error", "warning", "info")) if n)
        console.print(Text(f"{_plural(len(run.violations), 'problem')} in {files} ({summary}){unread}", style="bold"))
        console.print(Text("  " + "  ".join(f"{c}: {n}" for c, n in sorted(by_cat.items())), style="dim"))
    elif run.errors:
        console.print(Text(f"No problems found in {files}{unread}.", style="yellow"))
    else:
        console.print(Text(f"No problems found in {files}.", style="green"))


def _is_rule_failure(error: str) -> bool:
    return "internal error in rule" in error


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"
