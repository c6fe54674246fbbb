"""A growth (or decline) rate that does not follow from the figures before it.

``教育经费为35.28亿元，同期增加3.5亿元，增幅11%``: the rise over the old level is
3.5 ÷ (35.28 − 3.5) = 11.0%, fine; with ``增加5亿元`` it would be 16.5% and is reported.
Two shapes are read, within one sentence:

* level A, then a change B (a figure with an increase/decrease verb), then the rate C:
  C must match B ÷ (A − B) (A is the new level) or B ÷ A (A is the old one) — either
  reading is accepted, so only a rate that fits neither is reported;
* ``由A增加到B，增长C%`` (years may stand beside the figures: ``由2023年的A增加到
  2024年的B``): C must match (B − A) ÷ A;
* ``A，较上年的B增长C%`` (the old level given after the new one): C must match
  (A − B) ÷ B.

Figures are intervals (``figures``), and ``tolerance`` percentage points more are
allowed for the writer's rounding; a figure with 以上/近/超 says too little to check.
"""
from __future__ import annotations

import bisect
import math
from typing import Iterator

from checker.checks.arithmetic.figures import ToleranceParams, data_for, interval, unit_key
from checker.checks.finding import Finding

MESSAGE_ARGS = frozenset({
    "rate",      # the rate as written: 增幅11%
    "expected",  # what the figures give: 16.5%
    "figures",   # the figures it was computed from: 35.28亿元、5亿元
})


_CLAUSE = frozenset("，,；;：:")
_MAX_BETWEEN = 12   # characters between two figures of one growth statement


class Params(ToleranceParams):
    pass


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_for(rule.vocabulary)
    text = doc.text
    quantities = doc.quantities
    for index, rate in enumerate(quantities):
        if rate.unit_kind != "percent" or rate.is_range:
            continue
        sense = _sense(rate, data)
        if sense is None:
            continue
        before = [q for q in quantities[:index] if q.sentence == rate.sentence and unit_key(q, data)]
        if len(before) < 2:
            continue
        b, a = before[-1], before[-2]
        if unit_key(a, data) != unit_key(b, data):
            continue
        if a.unit_kind == "percent" or b.unit_kind == "percent":
            continue
        readings = _readings(text, a, b, rate, sense, data)
        if not readings:
            continue
        r_low, r_high = interval(rate, params.about)
        if math.isinf(r_high):
            continue
        r_low -= params.tolerance
        r_high += params.tolerance
        fits = []
        for formula in readings:
            low, high = _range(formula, a, b, params.about)
            if low is None:
                break
            fits.append((low, high))
        else:
            if fits and not any(low <= r_high and r_low <= high for low, high in fits):
                mid = sum(fits[0]) / 2
                yield Finding(rate.span, args={
                    "rate": _rate_text(text, rate, b),
                    "expected": f"{mid:.1f}%",
                    "figures": f"{a.text}、{b.text}",
                })


def _sense(rate, data) -> str | None:
    words = [w for w in (rate.indicator, rate.verb) if w]
    if any(w.endswith(g) for w in words for g in data.arith_growth_words):
        return "increase"
    if any(w.endswith(d) for w in words for d in data.arith_decline_words):
        return "decrease"
    return None


def _readings(text, a, b, rate, sense, data) -> list[str]:
    """The formulas the two figures allow: "new", "old" (change B over level A) or "move"."""
    if b.verb_kind == sense:
        if a.verb_kind in ("increase", "decrease"):
            return []
        return ["new", "old"] if sense == "increase" else ["new-down", "old"]
    between = text[a.span.end:b.span.start]
    if len(between) > _MAX_BETWEEN:
        return []
    if (between.endswith(data.arith_attributive) and any(w in between for w in data.arith_base_words)
            and not any(ch in _CLAUSE for ch in between[1:]) and rate.verb_span is not None and b.span.end == rate.verb_span.start):
        # 4500人次，较上年的3600人次增长30%: A is the new level, B the old one
        return ["base"] if sense == "increase" else ["base-down"]
    if any(ch in _CLAUSE for ch in between):
        return []
    opening = text[_clause_start(text, a.span.start):a.span.start]
    if b.verb in data.arith_target_verbs or any(v in between for v in data.arith_target_verbs):
        # 由3200人增加到3680人, 由2023年的3200人增加到2024年的3680人
        if any(w in opening[-_MAX_BETWEEN:] for w in data.arith_from_words):
            return ["move"] if sense == "increase" else ["move-down"]
        return []
    return []


def _rate_text(text, rate, b) -> str:
    """The rate with its name (增幅11%) or verb (增长12%), never reaching back over B."""
    span = rate.indicator_span
    if span is not None and b.span.end <= span.start and span.end <= rate.span.start:
        return text[span.start:rate.span.end]
    if rate.verb_span is not None and b.span.end <= rate.verb_span.start:
        return text[rate.verb_span.start:rate.span.end]
    return rate.text


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in _CLAUSE | {"。", "\n"}) + 1


def _range(formula, a, b, about) -> tuple[float | None, float | None]:
    a_low, a_high = interval(a, about)
    b_low, b_high = interval(b, about)
    if any(math.isinf(x) for x in (a_high, b_high)):
        return None, None
    values = []
    for x in (a_low, a_high):
        for y in (b_low, b_high):
            if formula == "new":        # A is the new level, B the rise
                base = x - y
                num = y
            elif formula == "new-down":  # A is the new level, B the fall
                base = x + y
                num = y
            elif formula == "old":      # A is the old level
                base, num = x, y
            elif formula == "move":     # from A up to B
                base, num = x, y - x
            elif formula == "base":     # A now, up from the old level B
                base, num = y, x - y
            elif formula == "base-down":  # A now, down from the old level B
                base, num = y, y - x
            else:                       # from A down to B
                base, num = x, x - y
            if base <= 0:
                return None, None
            values.append(100 * num / base)
    return min(values), max(values)
