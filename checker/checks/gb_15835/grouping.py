"""``gb-digit-grouping``: long numbers grouped with thousands commas in one place and written
solid in another (``12,345人`` beside ``23456人``).  GB/T 15835-2011 5.1.1 allows either
way of writing a number of more than four digits; a document keeps to one.

Only numbers the quantity layer reads as amounts count (codes, years and telephone
numbers do not), and only those with at least ``min_digits`` digits before the decimal
point: four-digit numbers may stay solid in a grouped document.  The way most such
numbers are written is the document's; the others are reported with it as their fix.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, majority

MESSAGE_ARGS = frozenset({"found", "fixed", "style_count"}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"grouped", "solid", "first_seen"})
_SEPARATORS = ",，"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_digits: int = Field(default=5, ge=5)   # digits before the decimal point for a number to be compared


def _grouped(integer: str) -> str:
    out = []
    for i, ch in enumerate(reversed(integer)):
        if i and i % 3 == 0:
            out.append(",")
        out.append(ch)
    return "".join(reversed(out))


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    items = []
    for q in doc.quantities:
        if q.number_span is None or q.is_chinese_numeral:
            continue
        written = q.number_span.of(text)
        integer = written.split(".")[0]
        digits = "".join(ch for ch in integer if ch.isdigit())
        if len(digits) < params.min_digits or not all(ch.isdigit() or ch in _SEPARATORS for ch in integer):
            continue
        style = "grouped" if any(ch in _SEPARATORS for ch in integer) else "solid"
        items.append((style, q.number_span, written, digits))
    usual = majority(style for style, *_ in items)
    if usual is None or all(style == usual for style, *_ in items):
        return
    first = next(span for style, span, *_ in items if style == usual)
    count = sum(1 for style, *_ in items if style == usual)
    for style, span, written, digits in items:
        if style == usual:
            continue
        decimals = written[len(written.split(".")[0]):]
        fixed = (_grouped(digits) if usual == "grouped" else digits) + decimals
        yield Finding(span, args={"found": written, "fixed": fixed, "style_count": count,
                                  **first_seen(doc, first.start, first.of(text))},
                      fix=fixed, message=usual, note="first_seen")
