"""Two different periods given for the plan itself.

A plan states its own period where it says what it covers (``规划期为2021—2030年``) and
often in its title (``…规划（2021—2030年）``).  When two such statements differ —
``2021—2030年`` in one place, ``2022—2030年`` in another — one is wrong.  Only the plan's
own period is compared: a period after one of the labels of ``metric_plan_period_pattern``
(规划期, 规划期限 …, written with 为 or a colon) and the bracketed period of the document's
own title when the title names a plan (``metric_plan_title_words``).  Periods of plans
cited in the text (《…规划（2021—2035年）》) and of phases (近期, 远期) are other periods.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.lexicon import data_view
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "period",       # the period here: 2022—2030年
    "first",        # the period given first
    "first_line",   # its line
})


class PeriodData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    # a labelled statement of the plan's period, with groups `start` and `end` (the years)
    metric_plan_period_pattern: str = ""
    # a bracketed period in the title, with groups `start` and `end`
    metric_title_period_pattern: str = ""
    # a title naming one of these is a plan's: its bracketed period is the plan's own
    metric_plan_title_words: list[str] = Field(default_factory=list)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    return compile_skipping(pattern) if pattern else None


def check(doc, rule) -> Iterator[Finding]:
    data = data_view(rule.vocabulary, PeriodData)
    stated = _compiled(data.metric_plan_period_pattern)
    if stated is None:
        return
    text = doc.folded_text
    own: list[tuple[tuple[int, int], Span]] = []
    structure = doc.structure
    titled = _compiled(data.metric_title_period_pattern)
    span = structure.title_span
    if titled is not None and span is not None and any(w in structure.title for w in data.metric_plan_title_words):
        m = titled.search(text, span.start, span.end)
        if m is not None:
            end = m.end("end")
            while end < len(text) and not text[end].isdigit() and text[end] not in ")）" and end < m.end():
                end += 1        # the year word after the last year, not the bracket
            own.append(((int(m.group("start")), int(m.group("end"))), Span(m.start("start"), end)))
    for m in stated.finditer(text):
        if span is not None and span.start <= m.start() < span.end:
            continue
        own.append(((int(m.group("start")), int(m.group("end"))), Span(m.start("start"), m.end())))
    if len(own) < 2:
        return
    own.sort(key=lambda item: item[1].start)
    first_years, first_span = own[0]
    for years, where in own[1:]:
        if years != first_years:
            yield Finding(where, args={"period": where.of(doc.text), "first": first_span.of(doc.text),
                                       "first_line": doc.position(first_span.start)[0]})
            return
