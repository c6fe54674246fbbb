"""The change of an amount written in 个百分点 where % is meant: ``货运量为58亿吨，同比增长
4.2个百分点`` (the reverse of rate-change-in-percent).

个百分点 measures the change of a rate (入学率 from 90% to 92%: 2 个百分点).  A volume or
an amount — a tonnage, a sum of money, a count — changes by a percentage of itself, so
its growth is in %.  Only the plain form is read: the amount's level stated first in a
unit of its own (58亿吨, 240亿元), then in the same clause chain its change with nothing
between but a base (同比, 比上年: ``change_bases``) and the verb.  A change in 个百分点
after a growth rate (增长7%，比上年提高1.2个百分点: the growth rate rose) or after a share
(占全省12%，提高0.5个百分点) has a percent figure before it and passes, and so does a
subject that is a rate (覆盖率) or an amount noun the vocabulary does not list
(``amount_nouns``; contributions such as 拉动经济增长2个百分点 name none).
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.percent.words import words
from checker.model.indicators import is_rate, rate_lexicon

MESSAGE_ARGS = frozenset({
    "indicator",   # the amount, e.g. 货运量
    "value",       # the change as written, e.g. 4.2个百分点
    "verb",        # the verb of the change, e.g. 增长
    "number",      # the number alone, e.g. 4.2
})

LOCAL = True

# Clause marks and blanks between the amount's level and its change.
_JOIN = re.compile(r"[，,、\s\u3000]+")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # Verb kinds (rules/model/quantities.yaml linking_verbs) that state a change.
    change_verbs: list[str] = Field(default_factory=lambda: ["increase", "decrease"])
    # Unit kinds that are not an amount's level (a percent before the change is a rate).
    rate_kinds: list[str] = Field(default_factory=lambda: ["percent", "permille", "percentage-point"])


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    nouns = tuple(vocabulary.amount_nouns)
    bases = set(vocabulary.change_bases)
    if not nouns:
        return
    rates, exceptions = rate_lexicon(doc.lexicon, bounded=False)
    quantities = doc.quantities
    text = doc.text
    for before, q in zip(quantities, quantities[1:]):
        if q.unit_kind != "percentage-point" or q.verb_kind not in params.change_verbs or q.high is not None:
            continue
        if before.unit_kind is None or before.unit_kind in params.rate_kinds:
            continue
        if before.verb_kind in params.change_verbs:
            continue
        indicator = (q.indicator or "").strip()
        if not indicator or q.indicator_span != before.indicator_span:
            continue
        if is_rate(indicator, rates, exceptions) or not indicator.endswith(nouns):
            continue
        gap = _JOIN.sub("", text[before.span.end:q.span.start])
        verb = q.verb or ""
        if not verb or not gap.endswith(verb) or gap[: len(gap) - len(verb)] not in bases | {""}:
            continue
        if not _same_sentence(doc, before.span.start, q.span.start):
            continue
        yield Finding(q.span, args={"indicator": indicator, "value": q.text, "verb": verb,
                                    "number": q.number_text})


def _same_sentence(doc, a: int, b: int) -> bool:
    sentence = doc.sentence_at(a)
    return sentence is not None and sentence.span.start <= b < sentence.span.end
