"""A stated change that is not the difference of the two levels it sits between.

``天数由298天增加到316天，增加28天``: the levels differ by 18 days, so the 28 is wrong
(one of the three figures was copied from elsewhere).  Two shapes are read, within one
sentence:

* ``由A…到B，增加C`` (years may stand beside the levels: ``由2025年的A减少到2026年的B``):
  C must be B − A (a decrease: A − B);
* ``A，较上年的B增加C`` (the old level given after the new one): C must be A − B.

The three figures share a unit (levels in % with a change in 个百分点 count too); the
change follows the second level directly or after a link word only (``同比``, ``净`` —
``arith_difference_links``), so ``…到316天，重污染天数减少3天`` names another indicator
and is left alone.  Figures are intervals as written (``figures``): ``5.82万`` is
±0.005万, ``6万`` ±0.5万, ``约``/``以上`` widen them, so rounding is never reported.
"""
from __future__ import annotations

import math
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.arithmetic.figures import data_for, interval, unit_key
from checker.checks.finding import Finding
from checker.model.last_mark import last_mark

MESSAGE_ARGS = frozenset({
    "change",    # the change as written: 增加28天
    "expected",  # what the levels give: 18天
    "figures",   # the two levels: 298天、316天
})

_CLAUSE = frozenset("，,；;：:")
_LAST_CLAUSE_END = last_mark(_CLAUSE | {"。", "\n"})
_MAX_BETWEEN = 12   # characters between the two levels of one statement


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    about: float = Field(0.05, ge=0, le=1)   # how far 约/左右 may stray, relative


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_for(rule.vocabulary)
    text = doc.folded_text
    quantities = doc.quantities
    for index in range(2, len(quantities)):
        change = quantities[index]
        if change.verb_kind not in ("increase", "decrease") or change.verb_span is None or change.is_range:
            continue
        a, b = quantities[index - 2], quantities[index - 1]
        if not (a.sentence == b.sentence == change.sentence) or a.is_range or b.is_range:
            continue
        if not _same_unit(a, b, change, data):
            continue
        link = text[b.span.end:change.verb_span.start]
        shape = _shape(text, a, b, link, data)
        if shape is None:
            continue
        old, new = (a, b) if shape == "move" else (b, a)
        low, high = _difference(old, new, params.about)
        if low is None:
            continue
        c_low, c_high = interval(change, params.about)
        if change.verb_kind == "decrease":
            c_low, c_high = -c_high, -c_low
        if c_low <= high and low <= c_high:
            continue
        exact = (new.scaled - old.scaled) / change.multiplier
        if change.verb_kind == "decrease":
            exact = -exact
        shown = f"{exact:.4f}".rstrip("0").rstrip(".")
        unit = data.arith_point_unit if change.unit_kind == "percentage-point" else change.unit or ""
        yield Finding(change.span, args={
            "change": text[change.verb_span.start:change.span.end],
            "expected": f"{shown}{change.magnitude or ''}{unit}",
            "figures": f"{a.text}、{b.text}",
        })


def _same_unit(a, b, change, data) -> bool:
    if a.unit_kind == b.unit_kind == "percent":
        return change.unit_kind == "percentage-point"
    key = unit_key(change, data)
    return key is not None and unit_key(a, data) == key and unit_key(b, data) == key


def _shape(text, a, b, link, data) -> str | None:
    """"move" for 由A到B，增加C, "base" for A，较上年的B增加C, None for neither."""
    between = text[a.span.end:b.span.start]
    if len(between) > _MAX_BETWEEN:
        return None
    if (between.endswith(data.arith_attributive) and any(w in between for w in data.arith_base_words)
            and not any(ch in _CLAUSE for ch in between[1:]) and not link):
        return "base"
    if any(ch in _CLAUSE for ch in between) or not _linked(link, data):
        return None
    if not (b.verb in data.arith_target_verbs or any(v in between for v in data.arith_target_verbs)):
        return None
    clause = _LAST_CLAUSE_END(text, 0, a.span.start) + 1     # (see ``last_mark``)
    opening = text[clause:a.span.start][-_MAX_BETWEEN:]
    if not any(w in opening for w in data.arith_from_words):
        return None
    return "move"


def _linked(link: str, data) -> bool:
    """Whether only a comma and link words stand between the second level and the change."""
    rest = link.strip()
    if not rest or rest[0] not in "，,":
        return False
    rest = rest[1:].strip()
    return not rest or rest in data.arith_difference_links


def _difference(old, new, about) -> tuple[float | None, float | None]:
    o_low, o_high = interval(old, about)
    n_low, n_high = interval(new, about)
    if any(math.isinf(x) for x in (o_high, n_high)):
        return None, None
    return n_low - o_high, n_high - o_low
