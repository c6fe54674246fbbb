"""Traditional character forms read as simplified ones, for the layers that read words.

Mirror sites publish bulletins in traditional script (萬元, 減少, 個百分點); the quantity
grammar and the number checks read them like their simplified forms.  The table is
``traditional_forms`` of rules/model/traditional.yaml: one character for one, so a folded
text has the offsets of the original.
"""
from __future__ import annotations


from checker.model.lexicon import built_from
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


def _table(lexicon: Any) -> dict[int, str]:
    forms = lexicon.get("traditional_forms") or {}
    table: dict[int, str] = {}
    for old, new in forms.items():
        if not (isinstance(old, str) and isinstance(new, str) and len(old) == 1 and len(new) == 1):
            raise ValueError(f"traditional_forms: {old!r}: {new!r} must map one character to one")
        table[ord(old)] = new
    return table


def _finder(lexicon: Any):
    """One character class of the table's traditional forms (None: an empty table)."""
    table = built_from(lexicon, "traditional_forms", _table)
    if not table:
        return None
    return compile_skipping("[" + escaped_join([chr(code) for code in sorted(table)], "") + "]")


def fold(text: str, lexicon: Any) -> str:
    """``text`` with every traditional form in the table replaced (same length).

    ``str.translate`` with a table of some 300 characters looks every character of the
    text up in it (0.7-0.9 ms for an 8,000-character document) even when, as in nearly
    every document, none is a traditional form.  One search of the table's character
    class (a bitmap test per character, some 30 us) finds whether any is; a text
    holding none is returned as it is, which is what the translation would have made."""
    if not text:
        return text        # nothing to replace: no table is built
    finder = built_from(lexicon, ("traditional_forms", "finder"), _finder)
    if finder is None or finder.search(text) is None:
        return text
    return text.translate(built_from(lexicon, "traditional_forms", _table))
