"""``分别`` with unequal sides: ``A率、B率、C率分别达到30%、50%``.

The subjects are the 、-list of the clause before ``分别``; the values are the
quantities of the clause after it (``doc.quantities``; a range is one value).  With
``由…到…`` each subject has two values.  A last subject holding 和/及/与 may be one
subject or two, and a subject holding a verb from ``count_list_starters`` may hide the
real start of the list: every such reading is accepted before anything is reported.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.enumeration.lists import (
    CLAUSE_END,
    CLOSERS,
    after_marker,
    PAIRS,
    inside_naming,
    item_range,
    match_pairs,
    split_items,
    tables_for,
)
from checker.checks.finding import Finding
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({
    "word",      # the word as written: 分别 (respectively_word of the vocabulary)
    "subjects",  # how many subjects precede it: 3
    "values",    # how many values follow it: 2
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_values: int = Field(2, ge=2)       # one value after 分别 is no list
    max_item_chars: int = Field(30, ge=4)  # a longer subject is a clause, not a list item
    single_percent: bool = True            # A、B分别达到75%: one percentage for several subjects
    # A clause longer than this (no comma or stop on either side of 分别 within it) is not a
    # list of subjects or values; it is not judged.  Bounds the work per 分别 (a run-on
    # paragraph of thousands of 分别 stays linear).
    max_clause_chars: int = Field(400, ge=50)


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


@lru_cache(maxsize=8)
def _rate_pattern(magnitudes: tuple[str, ...]) -> re.Pattern:
    """A rate written as a count per power of ten: ``10/10万``, ``3/1000``, ``2.5/1万``.
    Quantities do not read it (the slash splits it), yet after 分别 it is one value."""
    words = escaped_join(sorted(magnitudes, key=len, reverse=True))
    return compile_skipping(r"(?<![\d.])\d+(?:\.\d+)?\s*/\s*(?:10*(?:" + words + r")|10{1,6}(?![\d.]))")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if not doc.paragraphs:
        return      # every report is in a paragraph: the tables are not built
    tables = tables_for(rule.vocabulary, doc.measure_words.with_role("list-count"))
    text = doc.text
    quantities = doc.quantities
    rates = _rate_pattern(tuple(doc.magnitudes))
    starts = [q.span.start for q in quantities]
    word = tables.data.respectively_word
    for para in doc.paragraphs:
        start, end = para.span.start, para.span.end
        start = after_marker(text, start, end)
        at = text.find(word, start, end)
        partner = None
        while at >= 0:
            if partner is None:
                partner = match_pairs(text, start, end)
            found = _mismatch(text, at, start, end, partner, tables, params, quantities, starts, rates)
            if found is not None:
                yield Finding(Span(at, at + len(word)), args={"word": word, "subjects": found[0], "values": found[1]})
            at = text.find(word, at + len(word), end)


def _ends_with_quantity(text: str, start: int, end: int, quantities, starts) -> bool:
    """Whether a subject ends with a figure (学校3所), as opposed to a name holding one
    (5岁以下儿童死亡率)."""
    while end > start and text[end - 1] in " \u3000":
        end -= 1
    i = bisect.bisect_left(starts, start)
    while i < len(quantities) and quantities[i].span.start < end:
        if quantities[i].span.end >= end:
            return True
        i += 1
    # A bare number closing the subject is a figure too (第3、第5).
    return end > start and text[end - 1].isdigit()


def _thousands(text: str, at: int) -> bool:
    """Whether the comma at ``at`` groups thousands in a number: 1,350个."""
    return (text[at] == "," and at > 0 and text[at - 1].isdigit()
            and text[at + 1:at + 4].isdigit() and len(text[at + 1:at + 4]) == 3
            and not text[at + 4:at + 5].isdigit())


def _mismatch(text, at, floor, ceiling, partner, tables, params, quantities, starts, rates):
    if inside_naming(text, at, partner):
        return None
    # Subjects: the clause before 分别.
    b = at
    floor = max(floor, at - params.max_clause_chars - 1)
    while b > floor:
        ch = text[b - 1]
        if ch in CLOSERS and (b - 1) in partner:
            b = partner[b - 1]
            continue
        if ch in CLAUSE_END or ch in PAIRS or ch in CLOSERS:
            break
        b -= 1
    else:
        if b > 0 and at - b > params.max_clause_chars:
            return None     # ran out of the window, not into a clause end
    items = split_items(text, b, at, partner)
    if len(items) < 2 or any(not text[s:e].strip() for s, e in items):
        return None
    if any(e - s > params.max_item_chars for s, e in items[1:]):
        return None
    n = len(items)
    low, high = item_range(text, *items[-1], partner, tables)
    plausible = set(range(n - 1 + low, n + high))
    for i, (s, e) in enumerate(items[1:-1], start=1):
        if any(w in text[s:e] for w in tables.data.count_list_starters):
            plausible.update(range(n - i - 1 + low, n - i + high))
    if any(_ends_with_quantity(text, s, e, quantities, starts) for s, e in items):
        return None     # 学校3所、幼儿园5所分别…: subjects that are figures, not names
    # Values: the quantities of the clause after 分别.
    e = at + len(tables.data.respectively_word)
    limit = min(ceiling, e + params.max_clause_chars)
    while e < limit and (text[e] not in CLAUSE_END or _thousands(text, e)):
        if text[e] in PAIRS and e in partner:
            e = partner[e]
        e += 1
    if e >= limit and limit < ceiling:
        return None         # no clause end within the window
    i = bisect.bisect_left(starts, at)
    values = []
    while i < len(quantities) and quantities[i].span.start < e:
        values.append(quantities[i])
        i += 1
    # Rates per power of ten (10/10万) the quantities do not hold whole: one value each,
    # in place of any quantity read from a piece of one.
    ratios = [m.span() for m in literal_scan(rates).finditer(text, at, e)]
    if ratios:
        values = [q for q in values if not any(q.span.start < r_end and r_start < q.span.end
                                               for r_start, r_end in ratios)]
    if len(values) + len(ratios) < params.min_values:
        # A、B分别达到75%: one rate for several subjects — 分别 promises one each.
        # (分别开展1次 may mean one each, so only a lone percentage is reported.)
        if not (params.single_percent and len(values) == 1 and not ratios and min(plausible) >= 2
                and values[0].unit_kind == "percent" and not values[0].is_range):
            return None
    count = len(values) + len(ratios)
    if count in plausible:
        return None
    clause = text[at:e]
    if count % 2 == 0 and count // 2 in plausible and any(w in clause for w in tables.data.respectively_pair_words):
        return None     # 分别由A、B提高到C、D: two values per subject
    return min(plausible, key=lambda k: abs(k - count)), count
