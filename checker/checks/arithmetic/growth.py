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
import re
from dataclasses import replace
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import Field

from checker.checks.arithmetic.figures import ToleranceParams, clause_before, data_for, half_step, interval, unit_key
from checker.checks.finding import Finding
from checker.model.last_mark import last_mark
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "base",      # the whole-number base nearest a rate no whole base gives: 21起
    "rate",      # the rate as written: 增幅11%
    "expected",  # what the figures give: 16.5%
    "figures",   # the figures it was computed from: 35.28亿元、5亿元
})


# The template for a rate no whole-number base gives (messages: in the pack).
MESSAGES = frozenset({"whole_base"})

_CLAUSE = frozenset("，,；;：:")
_MAX_BETWEEN = 12   # characters between two figures of one growth statement


class Params(ToleranceParams):
    # The figures' rounding is allowed for already (their intervals); this margin is the
    # writer's rounding of the rate and what the figures cannot show (a revised base).
    # 0.3: 增长20.45% from 121.6万亩 and a rise of 20.2万亩 (19.9%) is a wrong rate.
    tolerance: float = Field(0.3, ge=0)


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    quantities = doc.quantities
    if not quantities:
        return      # every report reads a rate among the quantities: the tables are not built
    data = data_for(rule.vocabulary)
    text = doc.folded_text
    starts = [q.span.start for q in quantities]
    for index, rate in enumerate(quantities):
        if rate.unit_kind != "percent" or rate.is_range:
            continue
        sense = _sense(rate, data)
        if sense is None or (rate.verb_kind == "level" and rate.verb in data.arith_reached_verbs
                             and not _names_change(rate, data)):
            continue    # 由4.08%下降为2.67%: the percentage is the level reached, not the change
        found = _integer_base(text, quantities, index, rate, sense, data)
        if found is not None:
            yield found
            continue
        before = [q for q in quantities[:index] if q.sentence == rate.sentence and unit_key(q, data)]
        readings = []
        if len(before) >= 2:
            b, a = before[-1], before[-2]
            if _share_base(text, quantities, starts, a, data):
                # 完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%:
                # the plan's figure is the base of the completion share, not the level that
                # changed; the level is the figure before it (none: nothing to check).
                earlier = [q for q in before[:-2] if q.span.end <= a.span.start]
                a = earlier[-1] if earlier and not _share_base(text, quantities, starts, earlier[-1], data) else None
        if len(before) >= 2 and a is not None:
            if (unit_key(a, data) == unit_key(b, data) and a.unit_kind != "percent"
                    and b.unit_kind != "percent"):
                readings = _readings(text, a, b, rate, sense, data)
        if not readings and before:
            # 完成28583万元，同比增长10.85%，增收2798万元: the change comes after the rate.
            a, b = before[-1], _change_after(text, quantities, index, rate, sense, data)
            if b is not None and _share_base(text, quantities, starts, a, data):
                # 完成X，占年计划Y的Z%，同比增长R%，增收D: Y is the plan, X the level
                a = before[-2] if len(before) >= 2 and not _share_base(text, quantities, starts, before[-2], data) else None
                if a is None:
                    continue
            if b is not None and unit_key(a, data) == unit_key(b, data) and a.verb_kind not in ("increase", "decrease"):
                readings = ["new", "old"] if sense == "increase" else ["new-down", "old"]
        if not readings:
            continue
        if rate.sentence is not None and any(w in doc.sentence_text(rate.sentence) for w in data.arith_adjusted_words):
            continue    # 按可比价格计算, 同口径: the rate's base is not the figures written
        years = None
        if _annual_average(text, rate, data):
            # 由2020年的120亿元增加到2025年的180亿元，年均增长8.4%: a compound rate over the
            # years between the figures, checked only when both years are written.
            years = _span_years(text, a, b, data) if readings in (["move"], ["move-down"]) else None
            if years is None:
                continue
            readings = ["annual"] if readings == ["move"] else ["annual-down"]
        r_low, r_high = interval(rate, params.about)
        if math.isinf(r_high):
            continue
        r_low -= params.tolerance
        r_high += params.tolerance
        fits = []
        for formula in readings:
            low, high = _range(formula, a, b, params.about, years)
            if low is None:
                break
            fits.append((low, high))
        else:
            if fits and not any(low <= r_high and r_low <= high for low, high in fits):
                mid = sum(fits[0]) / 2
                yield Finding(rate.span, args={
                    "rate": (_annual_text(text, rate, data) if years else None)
                    or _rate_text(text, rate, b if b.span.end <= rate.span.start else a),
                    "expected": f"{mid:.1f}%",
                    "figures": f"{a.text}、{b.text}",
                })


def _links_only(text: str, data) -> bool:
    """Whether ``text`` holds nothing but clause marks and words naming the base
    (，同比 / ，较上年同期): the rate is the change of the figure before it."""
    rest = text.strip(" \t\u3000，,")
    for word in sorted(data.arith_rate_links, key=len, reverse=True):
        rest = rest.replace(word, "")
    return not rest.strip(" \t\u3000，,")


def _share_base(text: str, quantities, starts, q, data) -> bool:
    """Whether ``q`` is the base of a share written right after it (完成年初预算数60999万元的
    40.4%, 占年计划32010万元的80.57%): a plan or budget to measure against, not a level."""
    at = q.span.end
    if not text.startswith(data.arith_attributive, at):
        return False
    i = bisect.bisect_left(starts, at)
    return (i < len(quantities) and quantities[i].unit_kind == "percent"
            and not text[at + len(data.arith_attributive):quantities[i].span.start].strip(" \t\u3000"))


def _exact_count(q) -> bool:
    return (q.unit_kind == "count" and q.magnitude is None and q.bound is None and not q.is_range
            and not q.is_chinese_numeral and (q.number_text or "").isdigit())


def _integer_base(text, quantities, index, rate, sense, data) -> Finding | None:
    """事故17起，同比下降19.01%: last year's count was a whole number n, and no n gives
    (n − 17) ÷ n = 19.01% (21 gives 19.05%).  A rate written to its digits (rounded or
    cut off) after an exact count is checked for a whole-number base."""
    if index == 0 or rate.bound is not None or rate.verb_span is None:
        return None
    level = quantities[index - 1]
    if level.sentence != rate.sentence or not _exact_count(level) or level.verb_kind in ("increase", "decrease"):
        return None
    if not _links_only(text[level.span.end:rate.verb_span.start], data):
        return None
    if any(w in clause_before(text, level.span.start) for w in data.arith_base_words):
        return None     # 较上年的20000人次增长30%: the count is the old level
    count = level.value
    if count <= 0:
        return None
    step = half_step(rate.number_text, True)
    low, high = (rate.value - step) / 100, (rate.value + 3 * step) / 100
    if sense == "decrease":
        if high >= 1:
            return None
        n_low, n_high = count / (1 - low), count / (1 - high)
    else:
        n_low, n_high = count / (1 + high), count / (1 + low)
    if math.ceil(n_low - 1e-9) <= n_high + 1e-9:
        return None
    # the nearest whole base and the rate it gives
    best = None
    for n in (math.floor(n_low), math.ceil(n_high), math.floor(n_high), math.ceil(n_low)):
        if n <= 0 or (sense == "decrease" and n <= count):
            continue
        r = 100 * ((n - count) / n if sense == "decrease" else (count - n) / n)
        if best is None or abs(r - rate.value) < abs(best[1] - rate.value):
            best = (n, r)
    if best is None:
        return None
    digits = max(_decimals(rate), 1) + 1
    return Finding(rate.span, message="whole_base", args={
        "rate": text[rate.verb_span.start:rate.span.end],
        "figures": level.text,
        "expected": f"{best[1]:.{digits}f}%",
        "base": f"{best[0]}{level.unit or ''}",
    })


def _decimals(q) -> int:
    digits = q.number_text or ""
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _change_after(text, quantities, index, rate, sense, data):
    """The change stated right after a rate (…增长10.85%，增收2798万元), if any."""
    if index + 1 >= len(quantities):
        return None
    change = quantities[index + 1]
    if change.sentence != rate.sentence or change.verb_kind != sense or change.verb_span is None:
        return None
    if not _links_only(text[rate.span.end:change.verb_span.start], data):
        return None
    return change


def _names_change(rate, data) -> bool:
    """The rate's own name is a rate of change (增长比例为58%, 下降幅度为20%): after it, 为
    gives the change, not a level reached."""
    name = rate.indicator or ""
    return any(name.endswith(w) for w in data.arith_change_names)


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
    if span is not None and b.span.end <= span.start and span.end <= rate.span.start and not any(
            ch in _CLAUSE for ch in text[span.start:rate.span.start]):
        return text[span.start:rate.span.end]
    if rate.verb_span is not None and b.span.end <= rate.verb_span.start:
        return text[rate.verb_span.start:rate.span.end]
    return rate.text


def _clause_start(text: str, at: int) -> int:
    # the last clause mark before ``at`` (``last_mark``: one match, where a ``str.rfind``
    # per mark read back over the whole text for each mark it lacks)
    return _LAST_CLAUSE_END(text, 0, at) + 1


_LAST_CLAUSE_END = last_mark(_CLAUSE | {"。", "\n"})


def _annual_average(text: str, rate, data) -> bool:
    """Whether a rate is an average over years (年均增长8.4%, 平均每年增长): a compound
    rate, never the total change between two figures."""
    end = rate.verb_span.start if rate.verb_span is not None else rate.span.start
    clause = clause_before(text, end)
    return any(w in clause for w in data.arith_annual_words)


def _annual_text(text: str, rate, data) -> str | None:
    """The rate from its annual word on (年均增长10.5%), for the message."""
    end = rate.verb_span.start if rate.verb_span is not None else rate.span.start
    clause = clause_before(text, end)
    at = max((clause.rfind(w) for w in data.arith_annual_words), default=-1)
    return text[end - len(clause) + at:rate.span.end] if at >= 0 else None


@lru_cache(maxsize=8)
def _year_pattern(pattern: str) -> re.Pattern[str]:
    return compile_skipping(pattern)


def _span_years(text: str, a, b, data) -> int | None:
    """The years between the two figures of 由2020年的A增加到2025年的B (None when either
    year is not written before its figure)."""
    year = _year_pattern(data.arith_year_pattern)
    first = year.findall(clause_before(text, a.span.start))
    second = year.findall(text[a.span.end:b.span.start])
    if not first or not second:
        return None
    years = int(second[-1]) - int(first[-1])
    return years if years >= 1 else None


def _reached(q):
    """A level written 达X (人均纯收入达11963元) beside its change and rate states the level
    reached, not a floor: 达 is its verb, and the change pins it."""
    if q.bound == "at-least" and q.verb_kind == "level" and q.approx == (q.verb,):
        return replace(q, bound=None)
    return q


def _range(formula, a, b, about, years=None) -> tuple[float | None, float | None]:
    a_low, a_high = interval(_reached(a), about)
    b_low, b_high = interval(_reached(b), about)
    if any(math.isinf(x) for x in (a_high, b_high)):
        return None, None
    values = []
    for x in (a_low, a_high):
        for y in (b_low, b_high):
            if formula in ("annual", "annual-down"):   # from A to B in `years` years, compounded
                if x <= 0 or y <= 0:
                    return None, None
                change = (y / x) ** (1 / years) - 1
                values.append(100 * (change if formula == "annual" else -change))
                continue
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
