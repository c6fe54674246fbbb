"""Traditional character forms read as simplified ones, for the layers that read words.

Mirror sites publish bulletins in traditional script (萬元, 減少, 個百分點); the quantity
grammar and the number checks read them like their simplified forms.  The table is
``traditional_forms`` of rules/model/traditional.yaml: one character for one, so a folded
text has the offsets of the original.
"""
from __future__ import annotations

from typing import Any

from checker.model.lexicon import built_from


def _table(lexicon: Any) -> dict[int, str]:
    forms = lexicon.get("traditional_forms") or {}
    table: dict[int, str] = {}
    for old, new in forms.items():
        if not (isinstance(old, str) and isinstance(new, str) and len(old) == 1 and len(new) == 1):
            raise ValueError(f"traditional_forms: {old!r}: {new!r} must map one character to one")
        table[ord(old)] = new
    return table


def fold(text: str, lexicon: Any) -> str:
    """``text`` with every traditional form in the table replaced (same length)."""
    if not text:
        return text        # nothing to replace: the table is not built
    table = built_from(lexicon, "traditional_forms", _table)
    if not table:
        return text
    return text.translate(table)
