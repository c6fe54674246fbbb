"""Inline directives (``gwlint-disable RULE`` …): instructions to gwlint written in the
document.  Reading a source blanks them, so rules never read them as prose; the engine
applies the suppressions they declare (checker.engine.suppress)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.sources.source import normalise_line_ends

DIRECTIVE = re.compile(
    r"^\s*(?:<!--\s*)?gwlint-(disable-next-line|disable|enable)\b([^>\n]*?)\s*(?:-->)?\s*$")


def mask_directives(text: str) -> str:
    """Blank the directive lines (same length, so offsets hold): they are instructions to
    gwlint, not prose, and must not be checked as sentences themselves."""
    if "gwlint-" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "gwlint-" in line and DIRECTIVE.match(line):
            lines[i] = " " * len(line)
    return "\n".join(lines)


@dataclass
class Suppression:
    """One directive and the lines it covers; ``used`` is set when it silences something."""

    line: int                       # where the directive is written
    names: frozenset[str]           # empty = all rules
    first: int                      # lines it covers, inclusive
    last: int
    used: bool = field(default=False)
    text: str = ""                  # the directive line as written (for its report)

    def covers(self, v) -> bool:
        """Whether it silences ``v`` (anything with ``line``, ``rule`` and ``category``)."""
        return self.first <= v.line <= self.last and (not self.names or v.rule in self.names or v.category in self.names)


def parse_directives(text: str) -> list[Suppression]:
    """The suppressions declared in ``text`` (the source as written), in line order."""
    if "gwlint-" not in text:
        return []
    lines = normalise_line_ends(text).split("\n")
    out: list[Suppression] = []
    open_blocks: dict[frozenset[str], int] = {}
    for number, line in enumerate(lines, 1):
        m = DIRECTIVE.match(line)
        if not m:
            continue
        action, rest = m.group(1), m.group(2)
        names = frozenset(n for n in re.split(r"[\s,，]+", rest.strip()) if n)
        if action == "disable-next-line":
            target = number + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            out.append(Suppression(number, names, target, target))
        elif action == "disable":
            open_blocks[names] = number
        else:
            start = open_blocks.pop(names, None)
            if start is None and not names:
                # a bare enable closes every open block
                for key, start_line in list(open_blocks.items()):
                    out.append(Suppression(start_line, key, start_line + 1, number - 1))
                open_blocks.clear()
            elif start is not None:
                out.append(Suppression(start, names, start + 1, number - 1))
    for names, start in open_blocks.items():
        out.append(Suppression(start, names, start + 1, len(lines)))
    for s in out:
        s.text = lines[s.line - 1]
    return sorted(out, key=lambda s: s.line)
