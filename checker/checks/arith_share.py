"""A share that does not follow from its part and whole.

``学生总数11.2万人，参加课后服务10.5万人，占比80%``: 10.5 ÷ 11.2 = 93.75%, reported.
The share is a percentage named by a share word (占比, 比例, 占…的); the whole and the
part are the only two figures before it in the sentence since the previous percentage,
in one unit, the part no larger than the whole, the part in the clause right before
the share (or the share's own) and the whole at most one clause earlier.  Anything
looser (``学校达1152所，占比72.23%`` names no whole) is left alone.
"""
from __future__ import annotations

import math
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.arith_common import data_for, interval, unit_key
from checker.checks.finding import Finding

MESSAGE_ARGS = frozenset({
    "share",     # the share as written: 80%
    "expected",  # part ÷ whole: 93.8%
    "part",      # 10.5万人
    "whole",     # 11.2万人
})

_CLAUSE = frozenset("，,；;：:")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tolerance: float = Field(0.5, ge=0)     # percentage points beyond the share's own rounding
    about: float = Field(0.05, ge=0, le=1)  # how far 约/左右 may stray, relative


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_for(doc.lexicon)
    text = doc.text
    quantities = doc.quantities
    for index, share in enumerate(quantities):
        if share.unit_kind != "percent" or share.is_range:
            continue
        clause_start = max(text.rfind(c, 0, share.span.start) for c in _CLAUSE | {"。", "\n"}) + 1
        clause = text[clause_start:share.span.start]
        if not any(w in clause for w in data.arith_share_words):
            continue
        before = []
        for q in reversed(quantities[:index]):
            if q.sentence != share.sentence or q.unit_kind == "percent":
                break
            before.append(q)
        if len(before) != 2:
            continue
        part, whole = before
        unit = unit_key(part, data)
        if unit is None or unit_key(whole, data) != unit or part.is_range or whole.is_range:
            continue
        if part.verb_kind in ("increase", "decrease") or whole.verb_kind in ("increase", "decrease"):
            continue
        if part.scaled > whole.scaled:
            continue
        if _clauses(text, part.span.end, share.span.start) > 1 or _clauses(text, whole.span.end, part.span.start) > 1:
            continue
        p_low, p_high = interval(part, params.about)
        w_low, w_high = interval(whole, params.about)
        s_low, s_high = interval(share, params.about)
        if any(math.isinf(x) for x in (p_high, w_high, s_high)) or w_low <= 0:
            continue
        low, high = 100 * p_low / w_high, 100 * p_high / w_low
        if low <= s_high + params.tolerance and s_low - params.tolerance <= high:
            continue
        yield Finding(share.span, args={
            "share": share.text,
            "expected": f"{100 * part.scaled / whole.scaled:.1f}%",
            "part": part.text,
            "whole": whole.text,
        })


def _clauses(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if ch in _CLAUSE)
