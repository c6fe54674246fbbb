"""``magnitude-mix``: comparable amounts written with different magnitudes.

Policy (the rule's ``why`` says it in prose):

* only quantities of the configured unit kinds (money by default) written with one of
  the two compared magnitudes (``compared_magnitudes``: 万 and 亿) take part, each with
  its *band*: at least ``boundary`` (1亿, where 亿 is the natural magnitude) or below it
  (where 万 is);
* only an amount written in the magnitude unnatural for its size (20439.1万元, 0.5亿元)
  is ever reported, with the figure converted to the natural magnitude; an amount in its
  natural magnitude is never converted the other way (125.5亿元 is not 1255000万元);
* it is reported when it is mixed into one list: a sentence whose other amounts of its
  band are mostly in the natural magnitude (省级1.5亿元，市级12000万元，县级2.2亿元), or
  — its own sentence holding no other amount of its band — an amount of the same kind
  (the last two characters of its indicator: 资金, 投资, 收入) and band in the natural
  magnitude in a neighbouring sentence of the paragraph (``scope: document``: anywhere
  in the document).  A sentence writing its list in 万 throughout (37310万元，其中
  16180万元…) is consistent, and a 亿元 total beside 万元 items of other kinds is
  ordinary prose.  The message names the scope with ``magnitude_scope_words`` (同段, 全文);
* ``prefer_yi_from`` (off by default) is a house style: an amount at or above it
  written in 万 is reported even when nothing beside it is written in 亿.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, words
from checker.model.span import Span

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({"found", "suggestion", "magnitude", "expected", "where"}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"first_seen"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

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
    amounts = [q for q in doc.quantities
               if q.unit_kind in kinds and q.magnitude in (mags.small, mags.large) and not q.is_range
               and q.unit_span is not None]
    sentence_of = {id(q): _sentence_of(doc, q) for q in amounts}
    where = vocabulary.magnitude_scope_words

    def natural(q) -> str:
        return mags.large if q.scaled >= params.boundary else mags.small

    reported: set[int] = set()
    for q in amounts:
        expected = natural(q)
        if q.magnitude == expected:
            continue
        band = [o for o in amounts if o is not q and o.unit == q.unit and natural(o) == expected]
        own = [o for o in band if sentence_of[id(o)] == sentence_of[id(q)]]
        own_natural = [o for o in own if o.magnitude == expected]
        if own:
            if len(own_natural) * 2 < len(own) + 1:
                continue        # the sentence's list is written in this magnitude
            witness = own_natural[0]
        else:
            witness = next((o for o in band if o.magnitude == expected and _same_kind(o, q)
                            and _near(doc, o, q, sentence_of, params.scope)), None)
            if witness is None:
                continue
        reported.add(q.span.start)
        yield _finding(doc, q, expected, where.get(params.scope, ""), vocabulary.rounding_words,
                       first_seen(doc, witness.span.start, witness.text))
    if params.prefer_yi_from is not None:
        for q in amounts:
            if q.magnitude == mags.small and q.scaled >= params.prefer_yi_from and q.span.start not in reported:
                yield _finding(doc, q, mags.large, where.get("house-style", ""), vocabulary.rounding_words, None)


def _sentence_of(doc, q) -> int:
    if q.sentence is not None:
        return q.sentence
    sentence = doc.sentence_at(q.span.start)
    return sentence.index if sentence is not None else -1


def _same_kind(a, b) -> bool:
    """Two amounts of one kind of figure: their indicators end in the same two characters."""
    return bool(a.indicator and b.indicator) and a.indicator[-2:] == b.indicator[-2:]


def _near(doc, a, b, sentence_of, scope: str) -> bool:
    if scope == "document":
        return True
    sa, sb = sentence_of[id(a)], sentence_of[id(b)]
    if sa < 0 or sb < 0 or abs(sa - sb) != 1:
        return False
    return doc.sentences[sa].paragraph == doc.sentences[sb].paragraph


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
    from checker.checks.units.decimal_shift import shifted

    text = unicodedata.normalize("NFKC", number_text).replace(",", "")
    moved = shifted(text, multiplier, expected)     # powers of ten: the point moved, no decimal import
    if moved is not None:
        return moved
    from decimal import Decimal, InvalidOperation    # here: a finding is rare, the import 1-2 ms

    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    out = value * Decimal(multiplier) / Decimal(expected)
    return format(out.normalize(), "f")
