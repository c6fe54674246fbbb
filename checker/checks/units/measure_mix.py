"""``measure-word-mix``: one noun counted with the generic 个 and a specific measure word.

``5所学校`` in one place and ``3个学校`` in another: the document counts its schools two
ways.  For each noun of the model's measure-word table the counts written with a fitting
measure word are split into generic (role ``generic``: 个) and specific (所, 名, 家 …); the side
fewer counts use is reported (a tie: the generic side).  Two specific words for one noun
(名 and 位 for teachers, 场 and 次 for activities) say different things and are not
compared; misfits (``5名学校``) are measure-word-fit's business.  The note names the
document's first count of the majority side (the pack's ``first_seen`` template).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, majority, measure_table, words
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "word", "noun", "expected"}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"first_seen"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(doc, rule) -> Iterator[Finding]:
    table = measure_table(doc, rule)
    generic = set(table.table.with_role("generic"))
    separator = words(rule).list_separator
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
        expected_words = separator.join(dict.fromkeys(q.unit for q, _, side in items if side == expected))
        note = first_seen(doc, first.span.start, text[first.number_span.start:first_end])
        for q, end, side in items:
            if side == expected:
                continue
            span = Span(q.number_span.start, end)
            yield Finding(span, args={"found": span.of(text), "word": q.unit, "noun": noun,
                                      "expected": expected_words, **note}, note="first_seen")
