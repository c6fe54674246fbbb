"""``stale-anniversary``: a year called an anniversary it is not:
``2023年是中华人民共和国成立70周年`` (the 70th was 2019).

A 范文 copied from an older year keeps its anniversaries when the year is replaced.  The
year's subject is a four-digit year (``2023年是…``, ``2019年，是…``) or this year
(``今年是…``, read as the section's year); a word that ties it to the anniversary
(``anniversary_words.copulas``: 是, 恰逢, 正值 …) follows, then within the clause one of
the known foundings (``anniversaries`` in ``rules/stale/vocabulary.yaml``: each a name,
its spellings and the year it happened) and a count with its mark (70周年, 七十周年,
75华诞).  Arithmetic decides: the year minus the founding year must be the count.  A
founding the data does not list (a county's own) is never read, nor a count that is not
a number (百年华诞).
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.stale.words import Dates, alt, finditer_built, words, year_re
from checker.model.numerals import parse_cn_int, CN_NUMERAL_CHARS
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"phrase", "name", "founded", "year", "count", "expected"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    gap: int = Field(default=14, ge=0, le=30)        # characters between the copula and the founding
    count_gap: int = Field(default=4, ge=0, le=10)   # characters between the founding and the count


@lru_cache(maxsize=16)
def _compile(aliases: tuple[str, ...], marks: tuple[str, ...], copulas: tuple[str, ...],
             this_year: tuple[str, ...], gap: int, count_gap: int, dates: Dates) -> re.Pattern[str]:
    clause = "[^，。；,;:：\\n]"
    numeral = "[0-9]{1,3}|[" + "".join(sorted(CN_NUMERAL_CHARS)) + "]{1,4}"
    subject = rf"(?:{year_re(dates)}|(?P<this>{alt(this_year)}))" if this_year else year_re(dates)
    return compile_skipping(
        rf"{subject}[，,]?(?:{alt(copulas)}){clause}{{0,{gap}}}?(?P<alias>{alt(aliases)})"
        rf"{clause}{{0,{count_gap}}}?(?P<count>{numeral})(?:{alt(marks)})")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    aw = vocabulary.anniversary_words
    if not vocabulary.anniversaries or not aw.marks or not aw.copulas:
        return
    founded: dict[str, tuple[str, int]] = {}
    for item in vocabulary.anniversaries:
        for alias in item.aliases:
            founded[alias] = (item.name, item.year)
    build = partial(_compile, tuple(founded), tuple(aw.marks), tuple(aw.copulas),
                    tuple(vocabulary.period_milestones.this_year), params.gap, params.count_gap,
                    vocabulary.dates)
    for m in finditer_built(build, doc.text, tuple(founded)):
        count_text = m.group("count")
        count = int(count_text) if count_text.isdigit() else parse_cn_int(count_text)
        if count is None:
            continue
        year = int(m.group("year")) if m.group("year") else doc.year_at(m.start())
        if year is None:
            continue
        name, origin = founded[m.group("alias")]
        if year - origin == count or year <= origin:
            continue
        yield Finding(Span(m.start(), m.end()), args={
            "phrase": m.group(0), "name": name, "founded": origin, "year": year, "count": count,
            "expected": year - origin})
