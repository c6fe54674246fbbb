"""Apply the mechanical fixes of violations to a document's original text."""
from __future__ import annotations

from checker.engine.violation import Fix, Violation


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
