"""Inline directives (``gwlint-disable RULE`` …): instructions to gwlint written in the
document.  Reading a source blanks them, so rules never read them as prose; the engine
parses them again to apply the suppressions (checker.engine.suppress)."""
from __future__ import annotations

import re

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
