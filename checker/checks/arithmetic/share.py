"""A share that does not follow from its part and whole.

``学生总数11.2万人，参加课后服务10.5万人，占比80%``: 10.5 ÷ 11.2 = 93.75%, reported.
The share is a percentage named by a share word (占比, 比例, 占…的), or a rate whose
stem names the part (``本科上线1500人，本科上线率70%``).  The part is the figure right
before the share (in its clause or the one before); the wholes are the figures in the
part's unit before it in the sentence since the previous percentage, the nearest at most
one clause before the part.  The share is reported only when no whole gives it
(``俱乐部15个，学生78人中有18人参加，占27%`` has one whole: 78人).  Anything looser
(``学校达1152所，占比72.23%`` names no whole) is left alone.
"""
from __future__ import annotations

import math
from typing import Iterator

from checker.checks.arithmetic.figures import ToleranceParams, data_for, interval, unit_key
from checker.checks.finding import Finding

MESSAGE_ARGS = frozenset({
    "share",     # the share with its name as written: 占比80%, 本科上线率70%
    "expected",  # part ÷ whole: 93.8%
    "part",      # 10.5万人
    "whole",     # 11.2万人
})

_CLAUSE = frozenset("，,；;：:")


class Params(ToleranceParams):
    pass


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_for(rule.vocabulary)
    text = doc.text
    quantities = doc.quantities
    for index, share in enumerate(quantities):
        if share.unit_kind != "percent" or share.is_range:
            continue
        clause_start = _clause_start(text, share.span.start)
        clause = text[clause_start:share.span.start]
        named = any(w in clause for w in data.arith_share_words)
        if not named and not _rate_named(text, share, clause, data):
            continue
        before = []
        for q in reversed(quantities[:index]):
            if q.sentence != share.sentence or q.unit_kind == "percent":
                break
            before.append(q)
        if len(before) < 2:
            continue
        part, earlier = before[0], before[1:]
        unit = unit_key(part, data)
        if unit is None or part.is_range or part.verb_kind in ("increase", "decrease"):
            continue
        if _clauses(text, part.span.end, share.span.start) > 1:
            continue
        if not named and not _rate_named(text, share, text[_clause_start(text, part.span.start):part.span.start], data):
            continue    # 本科上线率 needs its part to be 本科上线1500人
        # The whole: a figure in the part's unit before it, the nearest at most one clause
        # earlier; any of them that gives the share clears it (A人中有B人 or A人，B人).
        wholes = [q for q in earlier if unit_key(q, data) == unit]
        if not wholes or _clauses(text, wholes[0].span.end, part.span.start) > 1:
            continue
        if any(w.is_range or w.verb_kind in ("increase", "decrease") for w in wholes):
            continue
        s_low, s_high = interval(share, params.about)
        p_low, p_high = interval(part, params.about)
        if math.isinf(s_high) or math.isinf(p_high):
            continue
        fits = False
        usable = []
        for whole in wholes:
            w_low, w_high = interval(whole, params.about)
            if math.isinf(w_high) or w_low <= 0 or part.scaled > whole.scaled:
                fits = True     # a whole that says too little (or is smaller) cannot be ruled out
                break
            usable.append(whole)
            low, high = 100 * p_low / w_high, 100 * p_high / w_low
            if low <= s_high + params.tolerance and s_low - params.tolerance <= high:
                fits = True
                break
        if fits or not usable:
            continue
        whole = usable[0]
        if named:
            at = max(clause.rfind(w) for w in data.arith_share_words)
            shown = text[clause_start + at:share.span.end] if at >= 0 else share.text
        else:
            shown = f"{share.indicator}{share.text}"
        yield Finding(share.span, args={
            "share": shown,
            "expected": f"{100 * part.scaled / whole.scaled:.1f}%",
            "part": part.text,
            "whole": whole.text,
        })


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in _CLAUSE | {"。", "\n"}) + 1


def _rate_named(text: str, share, clause: str, data) -> bool:
    """Whether the share is a rate (本科上线率) whose stem (上线) names the text given."""
    name = share.indicator or ""
    suffix = next((s for s in data.arith_rate_suffixes if s and name.endswith(s)), None)
    if suffix is None or share.verb_kind in ("increase", "decrease"):
        return False
    # A rate named by a change (压减率, 下降率, 增长率) measures old-to-new, not part of whole.
    stem_words = name[:-len(suffix)]
    if any(name.endswith(w) or stem_words.endswith(w) for w in data.arith_growth_words + data.arith_decline_words):
        return False
    stem = stem_words[-2:]
    return len(stem) == 2 and stem in clause


def _clauses(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if ch in _CLAUSE)
