"""``measure-word-fit``: a measure word that does not fit its noun (``5名学校``, ``20所教师``).

The model's measure-word table (``rules/model/measure_words.yaml``, read as
``Document.measure_words``) lists, per measure word, the nouns it fits.  A count is checked only when a noun of the table follows its
measure word directly and ends the noun phrase (see ``MeasureTable.nouns_after``), and
it is reported only when no noun of the phrase accepts the measure word, so
``10所省级高水平职业院校`` (modifiers between), ``123个家长学校`` (a programme the
table lists on its own), ``5名学校领导`` and ``10所学校校长`` are not misread.

The noun may also come first, as in lists of figures: ``新增学位3200所``, ``学校共45名``.
There the noun of the table must end right before the number or before linking words
(``noun_first_links``: 达, 共, 为, 新增 …), the noun may not be a quota (``noun_first_quotas``: 计划任务5座 counts bridges), the
count must end its phrase (``学位3200所学校``
is read the other way round), no distributive word (``noun_first_distributive``: 每, 各)
may stand before the noun (``每个学校2名`` counts people per school), the count may not
stand in a breakdown (``breakdown_leads``: 其中, 含) of an earlier count with the same measure
word (``床位892张，其中医院697张`` counts the hospitals' beds), and measure words
that can count the action rather than the noun (role ``may-count-action``: 次, 期, 人次 …
as in ``培训教师3期``) are not checked.  The longest noun is read, so in
``学校建设项目12个`` the 个 counts 项目.  In this order some measure words the table
allows before a noun do not fit (role ``not-people-after-noun``): people are counted
教师200名, never 教师200个, while ``教师节活动200个`` counts 活动 and passes.  Otherwise the generic measure word after a
noun is not reported: ``干线公路5个，高速公路1个`` tallies projects (items) by kind,
an implied noun the generic word fits, and the reading cannot be told from the text.  The words
that fit are listed with the generic one (role ``generic``: 个) last, joined by
``list_separator``.  Before a noun, a measure word of role ``phase-before-noun`` that does
not fit it names a phase (``园区一期企业``), and is not reported.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.units.forms import MeasureTable, built_for, measure_table, words
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "word", "noun", "expected"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # whether to check the noun-first order (学位3200个) too
    noun_first: bool = True


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    table = measure_table(doc, rule)
    first = None
    if params.noun_first:
        first = built_for(doc, rule, _NounFirst, lambda _: _NounFirst(table, words(rule)))
    generic = frozenset(table.table.with_role("generic"))
    phase = frozenset(table.table.with_role("phase-before-noun"))
    vocabulary = words(rule)
    separator = vocabulary.list_separator
    text = doc.text
    counts = [q for q in doc.quantities
              if q.unit_span is not None and q.number_span is not None and q.unit_kind == "count"]
    for i, q in enumerate(counts):
        nouns = table.nouns_after(text, q.unit_span.end)
        if nouns is not None:
            if any(q.unit in table.fits[noun] for noun, _ in nouns) or q.unit in phase:
                continue
            noun, end = nouns[-1]
            span = Span(q.number_span.start, end)
        elif first is not None and (found := first.noun_before(text, q)) is not None:
            noun, start = found
            if _in_breakdown(doc, counts, i, start, vocabulary.breakdown_leads, first):
                continue
            span = Span(start, q.unit_span.end)
        else:
            continue
        fits = [w for w in table.fits[noun] if w != q.unit]
        # the generic measure word is listed after the specific ones
        ordered = sorted(fits, key=lambda w: (w in generic, w))
        yield Finding(span, args={"found": span.of(text), "word": q.unit, "noun": noun,
                                  "expected": separator.join(ordered)})


class _NounFirst:
    """Reads ``noun [links] number measure-word`` (``新增学位3200所``) backwards from a count."""

    def __init__(self, table: MeasureTable, vocabulary) -> None:
        self.table = table
        self.links = tuple(sorted(vocabulary.noun_first_links, key=len, reverse=True))
        self.distributive = tuple(vocabulary.noun_first_distributive)
        self.quotas = frozenset(vocabulary.noun_first_quotas)
        self.loose = frozenset(table.table.with_role("may-count-action"))
        self.generic = frozenset(table.table.with_role("generic"))
        self.longest = max((len(n) for n in table.fits), default=0)

    def noun_before(self, text: str, q) -> tuple[str, int] | None:
        """(noun, start) of a table noun the count ``q`` follows, if its measure word does
        not fit that noun; None when the order is not noun-first or the count fits."""
        if q.unit in self.loose or not self.table.ends_phrase(text, q.unit_span.end):
            return None
        end = q.number_span.start
        # linking and approximating words between noun and digits: 学校共有约45所
        end = _skip_back(text, end, self.links, limit=3)
        noun = None
        for size in range(min(self.longest, end), 0, -1):
            if text[end - size:end] in self.table.fits:
                noun = text[end - size:end]
                break
        if noun is None or noun in self.quotas:
            return None     # 计划任务5座: the quota's figure counts what it is of (bridges)
        unfit = self.table.table.unfit_after_noun(q.unit)
        if q.unit in self.generic and noun not in unfit:
            return None     # 干线公路5个: in a tally by kind, 个 counts items (projects) of the kind
        if q.unit in self.table.fits[noun] and noun not in unfit:
            return None
        start = end - len(noun)
        if any(word in text[max(0, start - 4):start] for word in self.distributive):
            return None
        return noun, start


def _in_breakdown(doc, counts: list, i: int, noun_start: int, leads: list[str], first: "_NounFirst") -> bool:
    """Whether the noun-first count ``counts[i]`` (its noun at ``noun_start``) follows a
    breakdown lead (其中) that follows an earlier count with the same measure word, in its
    sentence or, when the lead opens the sentence, in the one before.  An earlier count
    that is itself a misfit (学位3200所，其中小学学位1200所) is no evidence."""
    sentence = doc.sentence_at(noun_start)
    if sentence is None or not leads:
        return False
    text = doc.text
    before = text[sentence.span.start:noun_start]
    lead_at = max((before.rfind(lead) for lead in leads), default=-1)
    if lead_at < 0:
        return False
    lead_at += sentence.span.start
    scope = sentence.span.start
    if not text[scope:lead_at].strip():
        previous = doc.sentence_at(scope - 1) if scope > 0 else None
        scope = previous.span.start if previous is not None else scope
    unit = counts[i].unit
    j = i - 1
    while j >= 0 and counts[j].number_span.start >= scope:
        if counts[j].unit == unit and counts[j].unit_span.end <= lead_at:
            return first.noun_before(text, counts[j]) is None
        j -= 1
    return False


def _skip_back(text: str, end: int, words: tuple[str, ...], limit: int) -> int:
    for _ in range(limit):
        for word in words:
            if text.endswith(word, 0, end):
                end -= len(word)
                break
        else:
            break
    return end
