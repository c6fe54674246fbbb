"""``measure-word-mix``: one noun counted with the generic 个 and a specific measure word.

``5所学校`` in one place and ``3个学校`` in another: the document counts its schools two
ways.  For each noun of ``measure_words`` the counts written with a fitting measure word
are split into generic (``Params.generic``: 个) and specific (所, 名, 家 …); the side
fewer counts use is reported (a tie: the generic side).  Two specific words for one noun
(名 and 位 for teachers, 场 and 次 for activities) say different things and are not
compared; misfits (``5名学校``) are measure-word-fit's business.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import MeasureTable, data_for, line_note, majority
from checker.model.span import Span

MESSAGE_ARGS = {"found", "word", "noun", "expected"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    generic: list[str] = Field(default_factory=lambda: ["个"], min_length=1)
    table_key: str = "measure_words"
    boundaries_key: str = "measure_word_boundaries"


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    table = data_for(rule.vocabulary, f"measure:{params.table_key}:{params.boundaries_key}",
                     lambda lex: MeasureTable(lex, params.table_key, params.boundaries_key))
    generic = set(params.generic)
    text = doc.text
    uses: dict[str, list] = defaultdict(list)
    for q in doc.quantities:
        if q.unit_span is None or q.unit_kind != "count":
            continue
        nouns = table.nouns_after(text, q.unit_span.end)
        # The head (last) noun that takes the measure word is the one counted: 3个学校党支部.
        counted = next(((noun, end) for noun, end in reversed(nouns or []) if q.unit in table.fits[noun]), None)
        if counted is None:
            continue
        noun, end = counted
        uses[noun].append((q, end, "generic" if q.unit in generic else "specific"))
    for noun, items in uses.items():
        sides = [side for _, _, side in items]
        if len(set(sides)) < 2:
            continue
        expected = majority(sides, prefer=lambda s: 0 if s == "specific" else 1)
        first, first_end = next((q, end) for q, end, side in items if side == expected)
        words = "、".join(dict.fromkeys(q.unit for q, _, side in items if side == expected))
        for q, end, side in items:
            if side == expected:
                continue
            span = Span(q.number_span.start, end)
            yield Finding(span, args={"found": span.of(text), "word": q.unit, "noun": noun, "expected": words},
                          related=line_note(doc, first.span.start, text[first.number_span.start:first_end]))
