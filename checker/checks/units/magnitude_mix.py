"""``magnitude-mix``: comparable amounts written with different magnitudes.

Policy (the rule's ``why`` says it in prose):

* only quantities of the configured unit kinds (money by default) written with one of
  the two compared magnitudes (``compared_magnitudes``: 万 and 亿) take part, grouped by scope (a paragraph by default: the genre
  writes a list item or a list on one line) and by unit (元 and 美元 apart);
* amounts are comparable when they fall in the same band: at least ``boundary``
  (1亿, where 亿 is the natural magnitude) or below it (where 万 is);
* in each band the magnitude most amounts use is the paragraph's; each amount written
  with the other magnitude is reported, with the figure converted as its fix.  A tie
  goes to the band's natural magnitude.  ``35.28亿元…增加3.5亿元`` is consistent, and
  ``1.6亿元`` beside ``53万元`` is two amounts of very different size, never compared.
  The message names the scope with ``magnitude_scope_words`` (同段, 全文);
* ``prefer_yi_from`` (off by default) is a house style: an amount at or above it
  written in 万 is reported even when nothing beside it is written in 亿.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, majority, words
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "suggestion", "magnitude", "expected", "where"}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"first_seen"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # unit kinds (rules/model/units.yaml: money, area …) whose amounts are compared
    unit_kinds: list[str] = Field(default_factory=lambda: ["money"], min_length=1)
    # paragraph: amounts are compared within one paragraph; document: across the whole text
    scope: Literal["paragraph", "document"] = "paragraph"
    # in base units (1e8 = 1亿): amounts below it and from it on form two bands, never compared
    boundary: float = Field(default=1e8, gt=0)
    # house style, in base units (1e8 = 1亿): an amount in 万 from this size on is reported; None: off
    prefer_yi_from: float | None = Field(default=None, gt=0)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    mags = vocabulary.compared_magnitudes
    if mags is None:
        return
    kinds = set(params.unit_kinds)
    groups: dict[tuple, list] = defaultdict(list)
    for q in doc.quantities:
        if q.unit_kind not in kinds or q.magnitude not in (mags.small, mags.large) or q.is_range \
                or q.unit_span is None:
            continue
        scope = _scope_of(doc, q.span.start, params.scope)
        band = "large" if q.scaled >= params.boundary else "small"
        groups[(scope, q.unit, band)].append(q)
    reported: set[int] = set()
    where = vocabulary.magnitude_scope_words
    for (_, _, band), items in groups.items():
        natural = mags.large if band == "large" else mags.small
        expected = majority([q.magnitude for q in items], prefer=lambda m: 0 if m == natural else 1)
        if expected is None or all(q.magnitude == expected for q in items):
            continue
        first = next(q for q in items if q.magnitude == expected)
        for q in items:
            if q.magnitude != expected:
                reported.add(q.span.start)
                yield _finding(doc, q, expected, where.get(params.scope, ""), vocabulary.rounding_words,
                               first_seen(doc, first.span.start, first.text))
    if params.prefer_yi_from is not None:
        for q in doc.quantities:
            if (q.unit_kind in kinds and q.magnitude == mags.small and not q.is_range and q.unit_span is not None
                    and q.scaled >= params.prefer_yi_from and q.span.start not in reported):
                yield _finding(doc, q, mags.large, where.get("house-style", ""), vocabulary.rounding_words, None)


def _scope_of(doc, offset: int, scope: str) -> int:
    if scope == "document":
        return 0
    para = doc.paragraph_at(offset)
    return para.index if para is not None else -1


def _finding(doc, q, expected: str, where: str, rounding: list[str], first: dict | None) -> Finding:
    span = Span(q.number_span.start, q.unit_span.end)
    found = span.of(doc.text)
    converted = _convert(q.number_text, q.multiplier, doc.magnitudes[expected])
    suggestion = f"{converted}{expected}{q.unit}" if converted else None
    # 万余元 → 亿余元 would shift the meaning of 余; such figures get no fix.
    fix = suggestion if converted and not any(w in found for w in rounding) else None
    args = {"found": found, "suggestion": suggestion or f"…{expected}{q.unit}",
            "magnitude": q.magnitude, "expected": expected, "where": where}
    return Finding(span, args={**args, **(first or {})}, fix=fix, note="first_seen" if first else None)


def _convert(number_text: str, multiplier: int, expected: int) -> str | None:
    """``20439.1`` 万 in 亿 -> ``2.04391`` (exact decimal arithmetic; None: not Arabic)."""
    try:
        value = Decimal(unicodedata.normalize("NFKC", number_text).replace(",", ""))
    except InvalidOperation:
        return None
    out = value * Decimal(multiplier) / Decimal(expected)
    return format(out.normalize(), "f")
