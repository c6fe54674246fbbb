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

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.percent.words import words
from checker.model.indicators import is_rate, rate_lexicon
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "indicator",   # the amount, e.g. 货运量
    "value",       # the change as written, e.g. 4.2个百分点
    "verb",        # the verb of the change, e.g. 增长
    "number",      # the number alone, e.g. 4.2
})

LOCAL = True

# Clause marks and blanks between the amount's level and its change.
_JOIN = compile_skipping(r"[，,、\s\u3000]+")
_YEAR = compile_skipping(r"(?:19|20)[0-9]{2}")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # Verb kinds (rules/model/quantities.yaml linking_verbs) that state a change.
    change_verbs: list[str] = Field(default_factory=lambda: ["increase", "decrease"])
    # Unit kinds that are not an amount's level (a percent before the change is a rate).
    rate_kinds: list[str] = Field(default_factory=lambda: ["percent", "permille", "percentage-point"])
    # Unit kinds whose level is an amount whatever the noun before it (1200公里, 3.5亿元,
    # 116万人次): the indicator need not be one of amount_nouns.
    amount_kinds: list[str] = Field(default_factory=lambda: [
        "money", "area", "length", "mass", "volume", "count", "power", "energy"])


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
    year_bases = set(vocabulary.year_change_bases)
    for k, q in enumerate(quantities):
        if k == 0:
            continue
        before = quantities[k - 1]
        if q.unit_kind != "percentage-point" or q.verb_kind not in params.change_verbs or q.high is not None:
            continue
        indicator = (q.indicator or "").strip()
        if not indicator or q.indicator_span != before.indicator_span:
            continue
        verb = q.verb or ""
        gap = _JOIN.sub("", text[before.span.end:q.span.start])
        if not verb or not gap.endswith(verb):
            continue
        base = gap[: len(gap) - len(verb)]
        if before.unit_kind in params.rate_kinds:
            # 116万人次，同比增长2.5%，较2019年同期增长34.6个百分点: the amount's growth
            # against a named earlier year, after its growth against last year
            level = quantities[k - 2] if k >= 2 else None
            if (level is None or before.unit_kind != "percent" or before.verb != verb
                    or _YEAR.sub("{year}", base) not in year_bases
                    or level.indicator_span != q.indicator_span
                    or level.unit_kind not in params.amount_kinds
                    or level.verb_kind in params.change_verbs
                    or is_rate(indicator, rates, exceptions)):
                continue
            before = level
        elif before.unit_kind is None:
            continue
        elif before.verb_kind in params.change_verbs and not base:
            continue        # a change, then a change in points with no base: not read
        if is_rate(indicator, rates, exceptions):
            continue
        if not indicator.endswith(nouns) and before.unit_kind not in params.amount_kinds:
            continue
        if base not in bases | {""} and _YEAR.sub("{year}", base) not in year_bases:
            continue
        if not _same_sentence(doc, before.span.start, q.span.start):
            continue
        yield Finding(q.span, args={"indicator": indicator, "value": q.text, "verb": verb,
                                    "number": q.number_text})


def _same_sentence(doc, a: int, b: int) -> bool:
    sentence = doc.sentence_at(a)
    return sentence is not None and sentence.span.start <= b < sentence.span.end
