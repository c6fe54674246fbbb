"""The change of a rate written in % where 个百分点 is meant: ``入学率比上年提高2%``.

A rate that goes from 90% to 92% rises by 2 个百分点 (percentage points), but by 2.2%.
Writing ``提高2%`` is ambiguous at best.  Levels (``提升至47.30%``), changes already in
个百分点, changes of things that are not rates (``经费增长5.7%``) and growth rates
(``增幅11%``) all pass.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.percent.words import words
from checker.model.indicators import is_rate, rate_lexicon
from checker.core.skipping_re import compile_skipping

# Names the message template may use.
MESSAGE_ARGS = frozenset({
    "indicator",   # the rate, e.g. 入学率
    "value",       # the change as written, e.g. 2%
    "verb",        # the verb of the change, e.g. 提高
    "number",      # the number alone, e.g. 2 (a range: its ends joined by range_mark)
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # Verb kinds (rules/model/quantities.yaml linking_verbs) that state a change.
    change_verbs: list[str] = Field(default_factory=lambda: ["increase", "decrease"])


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    rates, exceptions = rate_lexicon(doc.lexicon, bounded=False)
    vocabulary = words(rule)
    mark = vocabulary.range_mark
    quantities = doc.quantities
    paired = _paired_paragraphs(doc, quantities, params, rates, exceptions, vocabulary.part_share_marks)
    for i, q in enumerate(quantities):
        if q.unit_kind != "percent" or q.verb_kind not in params.change_verbs:
            continue
        if not is_rate(q.indicator, rates, exceptions):
            continue
        if q.indicator.endswith(tuple(vocabulary.per_mille_rates)):
            continue    # 出生率下降1.2%: a rate in ‰ changes in ‰ or 个千分点; % is relative
        if _subject_before_sentence(doc, q):
            continue
        if i and _part_share_inherited(doc, q, quantities[i - 1], vocabulary, paired):
            continue
        if _amount_between(doc, q, quantities[i - 1] if i else None, params):
            continue
        number = q.number_text if q.high is None else f"{q.number_text}{mark}{q.high_number_text}"
        yield Finding(q.span, args={"indicator": q.indicator, "value": q.text, "verb": q.verb,
                                    "number": number})


# A figure in a unit of measure written in Latin or Greek letters (55μg/m3, 0.8mg/L, 12km):
# a physical amount, whatever the quantity reader makes of it.
_PHYSICAL = compile_skipping(r"[0-9](?:[0-9.]*)\s*[A-Za-z\u00b5\u03bc][A-Za-z\u00b5\u03bc/0-9\u00b2\u00b3]*")


def _amount_between(doc, q, before, params) -> bool:
    """PM10平均浓度值为55μg/m3，较上年同期降低6.8%: when an amount in a unit of its own
    stands between the rate the change would inherit and the change, in the same sentence,
    the change is that amount's relative change (a concentration fell 6.8 %), never a rate
    change — whatever share the paragraph named earlier."""
    span = q.indicator_span
    if span is None or span.end > q.span.start:
        return False
    start = span.end
    if before is not None and before.span.end > start:
        start = before.span.end
        if (before.unit_kind not in (None, "percent") and before.verb_kind not in params.change_verbs
                and span.end <= before.span.start):
            return _same_sentence(doc, before.span.start, q.span.start)
    gap = doc.text[start:q.span.start]
    found = None
    for m in _PHYSICAL.finditer(gap):
        found = m
    return found is not None and _same_sentence(doc, start + found.start(), q.span.start)


def _subject_before_sentence(doc, q) -> bool:
    """…占比为38%，比上年提高3个百分点。全年零售总额240亿元，同比增长7%: a change whose
    rate was named in an earlier sentence has no subject of its own in its sentence; a
    sentence end closes what the rate's sentence said, and the growth after it belongs
    to what the new sentence is about (an amount the reader may not even parse), never
    to the rate carried over the full stop."""
    span = q.indicator_span
    if span is None or span.end > q.span.start:
        return False
    return _FULL_STOP.search(doc.text, span.end, q.span.start) is not None


# A sentence end (a semicolon does not end what the clause before it is about:
# 覆盖率为63%；比上年提高1%).
_FULL_STOP = compile_skipping(r"[\u3002\uff01\uff1f!?]")


def _same_sentence(doc, a: int, b: int) -> bool:
    for sentence in doc.sentences:
        if sentence.span.start <= a < sentence.span.end:
            return b < sentence.span.end
    return False


def _part_share_inherited(doc, q, before, vocabulary, paired) -> bool:
    """高技术产业增加值占全区比重为6.3%，同比增长18.5%: the change has no subject of its
    own (its indicator is the share's, written before the share's figure), and the share
    is a part's (X占Y…): the clause goes on about X, whose amount grew.  A share written
    as one noun (纺织业占比12.6%，同比增长3.9%) is read so only in a paragraph that pairs
    shares with amount changes (…占比51.5%，增加值同比下降8.6%)."""
    span = q.indicator_span
    if span is None or span.end > before.span.start:
        return False
    indicator = q.indicator.rstrip()
    if not any(m in indicator for m in vocabulary.part_share_marks):
        return False
    if not any(indicator.endswith(n) for n in vocabulary.share_nouns):
        return True
    para = doc.paragraph_at(q.span.start)
    return para is not None and para.index in paired


def _paired_paragraphs(doc, quantities, params, rates, exceptions, marks) -> set[int]:
    """Paragraphs where a share is followed by the change of an amount named in its own
    clause (…的51.5%，增加值同比下降8.6%): there a share and the growth after it are two
    facts about one part."""
    out: set[int] = set()
    for before, q in zip(quantities, quantities[1:]):
        if q.unit_kind != "percent" or q.verb_kind not in params.change_verbs:
            continue
        span = q.indicator_span
        if span is None or span.start < before.span.end or is_rate(q.indicator, rates, exceptions):
            continue
        share = is_rate(before.indicator, rates, exceptions) or any(m in (before.indicator or "") for m in marks)
        if before.unit_kind == "percent" and before.verb_kind not in params.change_verbs and share:
            para = doc.paragraph_at(q.span.start)
            if para is not None:
                out.add(para.index)
    return out
