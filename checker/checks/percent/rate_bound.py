"""A rate, share or coverage outside 0–100%: ``巩固率达到103%``, ``覆盖率100%以上``.

A quantity is checked when it is a percentage, its indicator is a rate (the rate
lexicon of ``rules/data/quantities.yaml``: 率, 占比, 比例 … but not 增长率, 增幅,
完成率 …) and its verb states a level (达到, 为, 提升至 … or none): a change of a rate
(提高2%) is the business of the ``rate-change`` kind.
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.indicators import is_rate, rate_lexicon

# Names the message template may use.
MESSAGE_ARGS = frozenset({
    "direction",   # 超过 (above the maximum) or 低于 (below the minimum)
    "indicator",   # the rate, e.g. 巩固率
    "value",       # the percentage as written, e.g. 103%
    "limit",       # the bound it crosses: 100% or 0%
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    maximum: float = 100.0
    minimum: float = 0.0
    # Approximation words that push a value at the maximum beyond it: 100%以上, 超过100%.
    # (达/不低于 are left out: 达100% is an ordinary full coverage.)
    beyond_words: list[str] = Field(default_factory=lambda: [
        "以上", "及以上", "超过", "超", "逾", "高于", "突破", "多", "余"])
    # Verb kinds that state a level (None: no verb, as in 公办率58.78%).
    level_verbs: list[str] = Field(default_factory=lambda: ["level", "share"])


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    words, exceptions = rate_lexicon(doc.lexicon)
    beyond = set(params.beyond_words)
    for q in doc.quantities:
        if q.unit_kind != "percent":
            continue
        if q.verb_kind is not None and q.verb_kind not in params.level_verbs:
            continue
        if not is_rate(q.indicator, words, exceptions):
            continue
        top = q.high if q.high is not None else q.value
        limit = None
        if top > params.maximum or (top == params.maximum and beyond.intersection(q.approx)):
            limit = params.maximum
        elif q.value < params.minimum:
            limit = params.minimum
        if limit is None:
            continue
        direction = "低于" if limit == params.minimum and q.value < params.minimum else "超过"
        yield Finding(q.span, args={"indicator": q.indicator, "value": q.text, "limit": f"{limit:g}%",
                                    "direction": direction})
