"""``unit-spelling-mix``: one unit written with different spellings in one document.

``unit_spellings`` (``rules/units/vocabulary.yaml``) lists groups of spellings of one
unit (平方米 / ㎡ / m² / 平米, 公里 / 千米 / km …).  Within a document the spelling most
quantities of a group use is the document's; each quantity written another way is
reported with that spelling as its fix (a tie: the spelling written first).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, majority, words
from checker.model.lexicon import built_from

MESSAGE_ARGS = frozenset({"found", "expected"}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"first_seen"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # the spellings a house style prefers (千克, 平方米): the other spellings of their
    # units are reported even where most quantities use them
    preferred: list[str] = Field(default_factory=list)

def _groups(spellings: list[list[str]]) -> dict[str, int]:
    group_of: dict[str, int] = {}
    for i, group in enumerate(spellings):
        for spelling in group:
            group_of[spelling] = i
    return group_of


def check(doc, rule) -> Iterator[Finding]:
    group_of = built_from(rule.vocabulary, _groups, lambda _: _groups(words(rule).unit_spellings))
    uses: dict[int, list] = defaultdict(list)
    for q in doc.quantities:
        if q.unit_span is not None and q.unit in group_of:
            uses[group_of[q.unit]].append((q.unit, q.unit_span))
    preferred = {group_of[s]: s for s in rule.params.preferred if s in group_of}
    for group, items in uses.items():
        expected = preferred.get(group) or majority(spelling for spelling, _ in items)
        if all(spelling == expected for spelling, _ in items):
            continue
        first = next((span for spelling, span in items if spelling == expected), None)
        for spelling, span in items:
            if spelling != expected:
                yield Finding(span, args={"found": spelling, "expected": expected,
                                          **first_seen(doc, first.start, expected)},
                              fix=expected, note="first_seen")
