"""``unit-spelling-mix``: one unit written with different spellings in one document.

``unit_spellings`` (``rules/data/unit_spellings.yaml``) lists groups of spellings of one
unit (平方米 / ㎡ / m² / 平米, 公里 / 千米 / km …).  Within a document the spelling most
quantities of a group use is the document's; each quantity written another way is
reported with that spelling as its fix (a tie: the spelling written first).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import data_for, line_note, majority

MESSAGE_ARGS = {"found", "expected"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    spellings_key: str = "unit_spellings"
    # the spellings a house style prefers (千克, 平方米): the other spellings of their
    # units are reported even where most quantities use them
    preferred: list[str] = Field(default_factory=list)


def _groups(lexicon, key: str) -> dict[str, int]:
    raw = lexicon.get(key) or []
    if not isinstance(raw, list):
        raise ValueError(f"data '{key}': a list of groups of spellings")
    group_of: dict[str, int] = {}
    for i, group in enumerate(raw):
        if not isinstance(group, list) or not all(isinstance(s, str) for s in group):
            raise ValueError(f"data '{key}': group {i + 1}: a list of spellings")
        for spelling in group:
            group_of[spelling] = i
    return group_of


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    group_of = data_for(rule.vocabulary, f"unit-spellings:{params.spellings_key}",
                        lambda lex: _groups(lex, params.spellings_key))
    uses: dict[int, list] = defaultdict(list)
    for q in doc.quantities:
        if q.unit_span is not None and q.unit in group_of:
            uses[group_of[q.unit]].append((q.unit, q.unit_span))
    preferred = {group_of[s]: s for s in params.preferred if s in group_of}
    for group, items in uses.items():
        expected = preferred.get(group) or majority(spelling for spelling, _ in items)
        if all(spelling == expected for spelling, _ in items):
            continue
        first = next((span for spelling, span in items if spelling == expected), None)
        for spelling, span in items:
            if spelling != expected:
                yield Finding(span, args={"found": spelling, "expected": expected}, fix=expected,
                              related=line_note(doc, first.start, expected) if first else None)
