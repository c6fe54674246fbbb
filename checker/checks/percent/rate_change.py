"""The change of a rate written in % where 个百分点 is meant: ``入学率比上年提高2%``.

A rate that goes from 90% to 92% rises by 2 个百分点 (percentage points), but by 2.2%.
Writing ``提高2%`` is ambiguous at best.  Levels (``提升至47.30%``), changes already in
个百分点, changes of things that are not rates (``经费增长5.7%``) and growth rates
(``增幅11%``) all pass.
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.percent.words import words
from checker.model.indicators import is_rate, rate_lexicon

# Names the message template may use.
MESSAGE_ARGS = frozenset({
    "indicator",   # the rate, e.g. 入学率
    "value",       # the change as written, e.g. 2%
    "verb",        # the verb of the change, e.g. 提高
    "number",      # the number alone, e.g. 2 (a range: its ends joined by range_mark)
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Verb kinds (rules/model/quantities.yaml linking_verbs) that state a change.
    change_verbs: list[str] = Field(default_factory=lambda: ["increase", "decrease"])


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    rates, exceptions = rate_lexicon(doc.lexicon, bounded=False)
    mark = words(rule).range_mark
    for q in doc.quantities:
        if q.unit_kind != "percent" or q.verb_kind not in params.change_verbs:
            continue
        if not is_rate(q.indicator, rates, exceptions):
            continue
        number = q.number_text if q.high is None else f"{q.number_text}{mark}{q.high_number_text}"
        yield Finding(q.span, args={"indicator": q.indicator, "value": q.text, "verb": q.verb,
                                    "number": number})
