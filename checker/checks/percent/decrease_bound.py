"""A decrease of more than 100%: ``事故发生率下降120%``, ``经费压减110%``.

Nothing can fall by more than all of itself.  An increase above 100% (``同比增长180%``)
is ordinary and never reported; a fall TO a level (``下降到5%``) is a level, not a fall.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.percent.words import words

# Names the message template may use.
MESSAGE_ARGS = frozenset({
    "indicator",   # what decreases (may be empty)
    "value",       # the percentage as written, e.g. 120%
    "verb",        # the verb of the decrease, e.g. 下降
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    maximum: float = 100.0      # percent a decrease may reach; above it (or at it with 以上/超过) is reported


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    # approximation words that push a fall of exactly 100% beyond it: 下降100%以上
    beyond = set(words(rule).beyond_words)
    for q in doc.quantities:
        if q.unit_kind != "percent" or q.verb_kind != "decrease":
            continue
        top = q.high if q.high is not None else q.value
        if top > params.maximum or (top == params.maximum and beyond.intersection(q.approx)):
            yield Finding(q.span, args={"indicator": q.indicator or "", "value": q.text, "verb": q.verb})
