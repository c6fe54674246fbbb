"""``fractional-count``: a fraction of something indivisible (``3.5所学校``, ``12.5名教师``).

A quantity is reported when its number has a decimal part, it has no magnitude (``1.2万个
学位`` is 12000 places) and its unit is a measure word for whole things
(role ``whole`` in the model's measure-word table).  Averages and ratios are
fractional by nature, so a quantity whose clause holds an average word
(``unit_average_words``: 平均, 人均, 每 …) is left alone, and so is 个 before a unit of
time or a measure (``1.5个小时``: ``unit_fraction_not_before``).  An indicator per N
(每万老年人拥有护理员数) or an average (人均, 户均) often names its subject in one clause
and gives the figure in a later one (…是核心指标，全市已达47.6人): the words of
``unit_ratio_words`` are looked for from the start of the sentence, not only the clause.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.units.forms import built_for, words
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = {"found", "unit", "value"}

# The clause holding a quantity starts after one of these; a bracketed note inside the
# clause belongs to it (每千人口执业（助理）医师3.04人 is still a ratio).
_CLAUSE_MARKS = compile_skipping(r"[，。；：！？,;:!?\n]")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class _Data:
    def __init__(self, doc, rule) -> None:
        vocabulary = words(rule)
        self.units = frozenset(doc.measure_words.with_role("whole"))
        self.average = tuple(vocabulary.unit_average_words)
        self.ratio = tuple(vocabulary.unit_ratio_words)
        self.not_before = tuple(sorted(vocabulary.unit_fraction_not_before, key=len, reverse=True))


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    data = built_for(doc, rule, _Data, lambda _: _Data(doc, rule))
    text = doc.text
    for q in doc.quantities:
        if q.unit not in data.units or q.magnitude is not None or q.unit_span is None:
            continue
        numbers = [q.number_text] + ([q.high_number_text] if q.high_number_text else [])
        if not any(_has_fraction(n) for n in numbers):
            continue
        if text.startswith(data.not_before, q.unit_span.end) if data.not_before else False:
            continue
        clause_start = _clause_start(text, q.span.start)
        clause = text[clause_start:q.span.start]
        if any(word in clause for word in data.average):
            continue
        if data.ratio and _sentence_has(doc, text, q.span.start, data.ratio):
            continue
        span = Span(q.number_span.start, q.unit_span.end)
        yield Finding(span, args={"found": span.of(text), "unit": q.unit, "value": q.number_text})


def _sentence_has(doc, text: str, offset: int, words: tuple[str, ...]) -> bool:
    sentence = doc.sentence_at(offset)
    start = sentence.span.start if sentence is not None else text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    return any(word in before for word in words)


def _has_fraction(number_text: str) -> bool:
    return any(mark in number_text for mark in ".．")


def _clause_start(text: str, offset: int) -> int:
    line_start = text.rfind("\n", 0, offset) + 1
    last = line_start
    for match in _CLAUSE_MARKS.finditer(text, line_start, offset):
        last = match.end()
    return last
