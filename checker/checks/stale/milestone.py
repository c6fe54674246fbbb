"""``stale-milestone``: a year called the first or last year of a planning period that
does not start or end then: ``2023年是“十四五”规划的开局之年`` (十四五 began in 2021).

Periods are data (``periods`` in ``rules/stale/vocabulary.yaml``); the ordinal words are
``period_milestones`` there (``first``: 开局之年, 起步之年 …; ``last``: 收官之年 …), with
the words for this year (``this_year``: 今年) and for "is" (``copulas``: 是, 为).
Words that name no fixed year (关键之年, 攻坚之年) are not listed and never read.  The
year is the one the sentence names (``2023年是…``), or the section's for ``今年是…``;
the milestone must stand in the same clause as the period, so ``…的关键之年，是…的开局之年``
does not tie the second clause to the first clause's period.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.stale.words import Dates, alt, words, year_re
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"phrase", "period", "year", "expected", "milestone"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gap: int = Field(default=14, ge=0, le=30)   # characters between 是 and the period


@lru_cache(maxsize=16)
def _compile(aliases: tuple[str, ...], first: tuple[str, ...], last: tuple[str, ...],
             this_year: tuple[str, ...], copulas: tuple[str, ...], gap: int, dates: Dates) -> re.Pattern[str]:
    clause = "[^，。；,;:：\\n]"
    ordinals = []
    if first:
        ordinals.append(rf"(?P<first>{alt(first)})")
    if last:
        ordinals.append(rf"(?P<last>{alt(last)})")
    subject = rf"(?:{year_re(dates)}|(?P<this>{alt(this_year)}))"
    return re.compile(
        rf"{subject}(?:{alt(copulas)}){clause}{{0,{gap}}}?[“\"]?(?P<period>{alt(aliases)})[”\"]?"
        rf"{clause}{{0,10}}?(?:{'|'.join(ordinals)})")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    periods = vocabulary.periods
    ms = vocabulary.period_milestones
    if not periods or not (ms.first or ms.last) or not ms.copulas:
        return
    found: dict[int, Finding] = {}
    for period in periods:
        regex = _compile(tuple(period.aliases), tuple(ms.first), tuple(ms.last), tuple(ms.this_year),
                         tuple(ms.copulas), params.gap, vocabulary.dates)
        for m in regex.finditer(doc.text):
            year = int(m.group("year")) if m.group("year") else doc.year_at(m.start())
            if year is None:
                continue
            expected = period.start if m.group("first") else period.end
            if year == expected or m.start() in found:
                continue
            milestone = m.group("first") or m.group("last")
            found[m.start()] = Finding(Span(m.start(), m.end()), args={
                "phrase": m.group(0), "period": period.name, "year": year, "expected": expected,
                "milestone": milestone})
    for start in sorted(found):
        yield found[start]
