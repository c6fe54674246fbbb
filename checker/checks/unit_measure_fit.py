"""``measure-word-fit``: a measure word that does not fit its noun (``5名学校``, ``20所教师``).

The table ``measure_words`` (``rules/data/measure_words.yaml``) lists, per noun, the
measure words that fit it.  A count is checked only when a noun of the table follows its
measure word directly and ends the noun phrase (see ``MeasureTable.nouns_after``), and
it is reported only when no noun of the phrase accepts the measure word, so
``10所省级高水平职业院校`` (modifiers between), ``123个家长学校`` (a programme the
table lists on its own), ``5名学校领导`` and ``10所学校校长`` are not misread.
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.unit_common import MeasureTable, data_for
from checker.model.span import Span

MESSAGE_ARGS = {"found", "word", "noun", "expected"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    table_key: str = "measure_words"
    boundaries_key: str = "measure_word_boundaries"


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    table = data_for(doc.lexicon, f"measure:{params.table_key}:{params.boundaries_key}",
                     lambda lex: MeasureTable(lex, params.table_key, params.boundaries_key))
    text = doc.text
    for q in doc.quantities:
        if q.unit_span is None or q.unit_kind != "count":
            continue
        nouns = table.nouns_after(text, q.unit_span.end)
        if nouns is None or any(q.unit in table.fits[noun] for noun, _ in nouns):
            continue
        noun, end = nouns[-1]
        fits = table.fits[noun]
        span = Span(q.number_span.start, end)
        yield Finding(span, args={"found": span.of(text), "word": q.unit, "noun": noun,
                                  "expected": "、".join(sorted(fits, key=_order))})


def _order(word: str) -> tuple[int, str]:
    # 个 is the generic measure word: list the specific ones first.
    return (1 if word == "个" else 0, word)
