"""``stale-milestone``: a year called the first or last year of a planning period that
does not start or end then: ``2023年是“十四五”规划的开局之年`` (十四五 began in 2021).

Periods are data (``periods`` in ``rules/stale/vocabulary.yaml``); the ordinal words are
``period_milestones`` there (``first``: 开局之年, 起步之年 …; ``last``: 收官之年 …), with
the words for this year (``this_year``: 今年) and for "is" (``copulas``: 是, 为).
Words that name no fixed year (关键之年, 攻坚之年) are not listed and never read.  The
year is the one the sentence names (``2023年是…``), or the section's for ``今年是…``;
the milestone must stand in the same clause as the period, so ``…的关键之年，是…的开局之年``
does not tie the second clause to the first clause's period.

Two more forms, both copies of an older document with the year replaced:

* a goal with a deadline (``goals``: 全面建成小康社会, 2020) whose decisive year
  (``goal_words``: 决胜之年 …) is said to be a year after the deadline:
  ``2023年是…全面建设小康社会的决胜之年``.  A year before the deadline passes (such
  words were used loosely on the way to it).
* a period's opening or close (``opening``: 开局 …; ``closing``: 收官) named with no
  year before it, as the section's news: ``实现了“十二五”时期的良好开局`` in a report of
  2022.  A report may look back five years (``review_years``: a 换届 report of 2023
  recalls the 十四五's opening in 2021), so only a section year further from the
  opening or close than that is reported.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.stale.words import Dates, alt, finditer_built, words, year_re
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"phrase", "period", "year", "expected", "milestone", "start", "end"})
# The template of a title that names a year outside its period.
MESSAGES = frozenset({"title"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    gap: int = Field(default=14, ge=0, le=30)   # characters between 是 and the period
    # years a report may look back (a 换届 report reviews five): an opening or a close
    # named further back than this from the section's year is a copy
    review_years: int = Field(default=5, ge=1, le=20)


@lru_cache(maxsize=16)
def _compile(aliases: tuple[str, ...], first: tuple[str, ...], last: tuple[str, ...],
             this_year: tuple[str, ...], copulas: tuple[str, ...], gap: int, dates: Dates) -> re.Pattern[str]:
    clause = "[^，。；,;:：\\n]"
    ordinals = []
    if first:
        ordinals.append(rf"(?P<first>{alt(first)})")
    if last:
        ordinals.append(rf"(?P<last>{alt(last)})")
    subject = rf"(?:{year_re(dates)}|(?P<this>{alt(this_year)}))"
    return compile_skipping(
        rf"{subject}(?:{alt(copulas)}){clause}{{0,{gap}}}?[“\"]?(?P<period>{alt(aliases)})[”\"]?"
        rf"{clause}{{0,10}}?(?:{'|'.join(ordinals)})")


@lru_cache(maxsize=16)
def _compile_goal(aliases: tuple[str, ...], goal_words: tuple[str, ...], this_year: tuple[str, ...],
                  copulas: tuple[str, ...], gap: int, dates: Dates) -> re.Pattern[str]:
    clause = "[^，。；,;:：\\n]"
    subject = rf"(?:{year_re(dates)}|(?P<this>{alt(this_year)}))" if this_year else year_re(dates)
    return compile_skipping(
        rf"{subject}[，,]?(?:{alt(copulas)}){clause}{{0,{gap}}}?(?P<goal>{alt(aliases)})"
        rf"{clause}{{0,10}}?(?P<word>{alt(goal_words)})")


@lru_cache(maxsize=16)
def _compile_news(aliases: tuple[str, ...], opening: tuple[str, ...], closing: tuple[str, ...]) -> re.Pattern[str]:
    clause = "[^，。；,;:：\\n]"
    words_ = []
    if opening:
        words_.append(rf"(?P<open>{alt(opening)})")
    if closing:
        words_.append(rf"(?P<close>{alt(closing)})")
    return compile_skipping(rf"[“\"]?(?P<period>{alt(aliases)})[”\"]?{clause}{{0,10}}?(?:{'|'.join(words_)})")


def _goals(doc, vocabulary, params: Params, found: dict[int, Finding]) -> None:
    ms = vocabulary.period_milestones
    if not vocabulary.goals or not ms.goal_words or not ms.copulas:
        return
    for goal in vocabulary.goals:
        build = partial(_compile_goal, tuple(goal.aliases), tuple(ms.goal_words),
                        tuple(ms.this_year), tuple(ms.copulas), params.gap, vocabulary.dates)
        for m in finditer_built(build, doc.text, goal.aliases):
            year = int(m.group("year")) if m.group("year") else doc.year_at(m.start())
            if year is None or year <= goal.end or m.start() in found:
                continue
            found[m.start()] = Finding(Span(m.start(), m.end()), args={
                "phrase": m.group(0), "period": goal.name, "year": year, "expected": goal.end,
                "milestone": m.group("word")})


def _news(doc, vocabulary, params: Params, found: dict[int, Finding]) -> None:
    ms = vocabulary.period_milestones
    if not (ms.opening or ms.closing):
        return
    taken = [f.span for f in found.values()]
    for period in vocabulary.periods:
        build = partial(_compile_news, tuple(period.aliases), tuple(ms.opening), tuple(ms.closing))
        for m in finditer_built(build, doc.text, period.aliases):
            span = Span(m.start(), m.end())
            if any(span.overlaps(t) for t in taken) or m.start() in found:
                continue
            year = doc.year_at(m.start())
            if year is None:
                continue
            expected = period.start if m.group("open") else period.end
            if abs(year - expected) <= params.review_years:
                continue
            found[m.start()] = Finding(span, args={
                "phrase": m.group(0), "period": period.name, "year": year, "expected": expected,
                "milestone": m.group("open") or m.group("close")})


@lru_cache(maxsize=16)
def _compile_title(aliases: tuple[str, ...], genres: tuple[str, ...], dates: Dates) -> re.Pattern[str]:
    return compile_skipping(
        rf"^[ \t\u3000]*{year_re(dates)}[^\n。，；,;]{{0,24}}?[“\"]?(?P<period>{alt(aliases)})[”\"]?"
        rf"[^\n。，；,;]{{0,16}}?(?:{alt(genres)})[ \t\u3000]*$", re.MULTILINE)


def _titles(doc, vocabulary, params: Params, found: dict[int, Finding]) -> None:
    genres = vocabulary.period_milestones.title_genres
    if not genres:
        return
    for period in vocabulary.periods:
        build = partial(_compile_title, tuple(period.aliases), tuple(genres), vocabulary.dates)
        for m in finditer_built(build, doc.text, period.aliases):
            year = int(m.group("year"))
            if period.start - 1 <= year <= period.end + 1 or m.start() in found:
                continue
            found[m.start()] = Finding(Span(m.start("year"), m.end()), message="title", args={
                "phrase": m.group(0).strip(), "period": period.name, "year": year, "start": period.start,
                "end": period.end, "expected": period.start, "milestone": ""})


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    periods = vocabulary.periods
    ms = vocabulary.period_milestones
    found: dict[int, Finding] = {}
    subject_form = bool(periods and (ms.first or ms.last) and ms.copulas)
    for period in periods if subject_form else ():
        build = partial(_compile, tuple(period.aliases), tuple(ms.first), tuple(ms.last),
                        tuple(ms.this_year), tuple(ms.copulas), params.gap, vocabulary.dates)
        for m in finditer_built(build, doc.text, period.aliases):
            year = int(m.group("year")) if m.group("year") else doc.year_at(m.start())
            if year is None:
                continue
            expected = period.start if m.group("first") else period.end
            if year == expected or m.start() in found:
                continue
            milestone = m.group("first") or m.group("last")
            found[m.start()] = Finding(Span(m.start(), m.end()), args={
                "phrase": m.group(0), "period": period.name, "year": year, "expected": expected,
                "milestone": milestone})
    _goals(doc, vocabulary, params, found)
    _news(doc, vocabulary, params, found)
    _titles(doc, vocabulary, params, found)
    for start in sorted(found):
        yield found[start]
