"""Markdown: blank out what is not prose (front matter, fenced and indented code).

Blanking replaces characters with spaces and keeps line ends, so every offset keeps its
line and column in the original file.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def mask_markdown(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                for k in range(j + 1):
                    out.append(" " * len(lines[k]))
                i = j + 1
                break
    fence: str | None = None
    prev_blank = True
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if fence is not None:
            out.append(" " * len(line))
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip(" `~"):
                fence = None
        elif m:
            fence = m.group(1)
            out.append(" " * len(line))
        elif prev_blank and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            out.append(" " * len(line))
            i += 1
            # an indented block continues while lines stay indented or blank
            while i < len(lines) and (lines[i].startswith("    ") or lines[i].startswith("\t") or not lines[i].strip()):
                out.append(" " * len(lines[i]))
                i += 1
            prev_blank = True
            continue
        else:
            out.append(line)
        prev_blank = not line.strip()
        i += 1
    return "\n".join(out)
