"""`--format text`: ``path:line:col severity rule message``, the line with the span
underlined (by display width), then counts by severity and category."""
from __future__ import annotations

from collections import Counter

from checker.report.width import text_width

NEEDS_SOURCES = True
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MAX_LINE = 100  # cells of context shown around a span on very long lines


def _snippet(line: str, col: int, end_col: int) -> tuple[str, str]:
    """The line (clipped around the span for long lines) and its underline."""
    start, end = col - 1, max(col, end_col - 1 if end_col > col else col)
    left = max(0, start - 20)
    if text_width(line[left:start]) > 40:
        left = start - 20
    shown = line[left:]
    prefix = "…" if left > 0 else ""
    if text_width(shown) > _MAX_LINE:
        cut = left
        width = 0
        while cut < len(line) and (width < _MAX_LINE or cut < end):
            width += text_width(line[cut])
            cut += 1
        shown = line[left:cut] + "…"
    marker_pad = text_width(prefix) + text_width(line[left:start])
    marker = " " * marker_pad + "^" * max(1, text_width(line[start:end]))
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
        head.append(" ")
        head.append(v.severity, style=_STYLE.get(v.severity, ""))
        head.append(f" {v.rule} ", style="dim")
        head.append(v.message)
        console.print(head)
        source = sources.get(v.path)
        if source is not None and v.line <= len(source.line_starts):
            line = source.line_text(v.line)
            end_col = v.end_column if v.end_line == v.line else len(line) + 1
            shown, marker = _snippet(line, v.column, end_col)
            label = source.line_labels.get(v.line) if source.line_labels else None
            gutter = f"{label or v.line} | "
            console.print(Text(gutter, style="dim") + Text(shown))
            console.print(Text(" " * text_width(gutter)) + Text(marker, style=_STYLE.get(v.severity, "")))
    for err in run.errors:
        console.print(Text("error: ", style="bold red") + Text(err))
    counts = Counter(v.severity for v in run.violations)
    by_cat = Counter(v.category for v in run.violations)
    if run.violations:
        console.print()
        summary = "，".join(f"{n} {s}" for s, n in ((s, counts[s]) for s in ("error", "warning", "info")) if n)
        console.print(Text(f"{len(run.violations)} problems in {run.files} files ({summary})", style="bold"))
        console.print(Text("  " + "  ".join(f"{c}: {n}" for c, n in sorted(by_cat.items())), style="dim"))
    else:
        console.print(Text(f"No problems found in {run.files} files.", style="green"))
