"""Apply the mechanical fixes of violations to a document's original text."""
from __future__ import annotations

import re

from checker.engine.violation import Fix, Violation

_LINE_END = re.compile(r"\r\n|\r|\n")


def with_line_ends_of(replaced: str, replacement: str, newline: str) -> str:
    """``replacement`` with the line ends of ``replaced``, the original text it replaces.

    Checks read the text with every line end made ``\n`` and write their fixes in it; a
    fix spanning lines (a paragraph's half-width marks, all of a document's) then put
    ``\n`` in place of a file's ``\r\n``, and ``--fix`` left a CRLF file with mixed line
    ends.  The replacement's line ends are given back one for one, in order, when it has
    as many as the text it replaces (a fix that keeps the lines); otherwise each is the
    file's dominant line end (``newline``).
    """
    if "\n" not in replacement or "\r" not in replaced:
        return replacement
    ends = _LINE_END.findall(replaced)
    parts = replacement.split("\n")
    if len(ends) != len(parts) - 1:
        return newline.join(parts)
    out = [parts[0]]
    for end, part in zip(ends, parts[1:]):
        out.append(end)
        out.append(part)
    return "".join(out)


def apply_fixes(original: str, violations: list[Violation]) -> tuple[str, int]:
    """Return the fixed text and how many fixes were applied.

    Fixes are applied from the end so earlier offsets stay valid; a fix overlapping one
    already taken is skipped (the next --fix run picks it up).
    """
    fixes = sorted({v.fix for v in violations if v.fix is not None}, key=lambda f: (f.start, f.end), reverse=True)
    out = original
    applied = 0
    limit = len(original) + 1
    for fix in fixes:
        if fix.end > limit:
            continue
        if original[fix.start:fix.end] == fix.replacement:
            continue
        out = out[:fix.start] + fix.replacement + out[fix.end:]
        limit = fix.start
        applied += 1
    return out, applied
