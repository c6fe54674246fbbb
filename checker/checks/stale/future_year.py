"""``stale-future-year``: future tense about a year that, by the section's own year, is
already past: ``将于2022年底前完成`` in a 2023 plan, ``力争2021年实现`` in a 2022
summary.

A future word (``future_year.words`` of the vocabulary: 将于, 预计, 力争, 计划于 …)
directly before a four-digit year earlier than the section's year (``Document.year_at``)
is reported.  ``horizon_words`` and ``deadline_words`` extend this in plan sections to
horizons and deadlines:
``到2020年实现…``, ``于2022年底前全部完工``, ``2021年底前完成`` in a 2023 plan.  A
deadline needs 前/之前 after the year unless its word is a horizon (到) or a resolve
(力争, 确保); past narration in the same clause (已, 累计, 较2020年, 自2020年以来) is
left alone.  The section's own
year (``预计2022年9月`` in a summary of 2022) is never reported: when the summary was
written is unknown.  Nor is an estimate (vocabulary ``future_year.estimate_words``: 预计) of
the year just before the section's: a report given early in a year (a 政府工作报告 of
2022 reviewing 2021) estimates last year's figures before they are final.

Inside a numbered part whose heading opens with one earlier year (一、2021年完成的主要工作 in a
document of 2022), that year governs its sentences: 确保在2021年… there tells what was
done to secure that year, not a deadline already past.  A heading naming a period
(2021—2025年目标) or a later year changes nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.stale.words import Dates, FutureWords, alt, words, year_re
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"phrase", "year", "section_year"})


@lru_cache(maxsize=16)
def _compile(future: tuple[str, ...], dates: Dates) -> re.Pattern[str] | None:
    if not future:
        return None
    not_after = "|".join(["[0-9]"] + ([alt(dates.not_after_year)] if dates.not_after_year else []))
    return compile_skipping(rf"(?:{alt(future)}){year_re(dates)}(?!{not_after})")


def _when(dates: Dates, group: str) -> str:
    """A year, optionally with its end or a month (and the month's end or a day):
    2022年, 2022年底, 2022年6月底, 2022年6月30日."""
    ends = alt(dates.ends)
    month, day = re.escape(dates.month), re.escape(dates.day)
    return rf"{year_re(dates, group)}(?:{ends}|\d{{1,2}}{month}(?:{ends}|\d{{1,2}}{day})?)?"


@lru_cache(maxsize=16)
def _deadline(words_: FutureWords, dates: Dates) -> re.Pattern[str]:
    before = f"(?:{alt(words_.deadline_marks)})"
    modal = f"(?:{alt(words_.deadline_modals)})?" if words_.deadline_modals else ""
    alts = []
    if words_.deadline_words:
        alts.append(rf"(?:{alt(words_.deadline_words)}){_when(dates, 'year')}{before}")
    alts.append(rf"(?<![0-9])(?P<bare>{_when(dates, 'year2')}{before}{modal}(?:{alt(words_.completion)}))")
    return compile_skipping("|".join(alts))


def _span_mark(dates: Dates) -> str:
    return f"[{re.escape(dates.span_marks)}]?" if dates.span_marks else ""


def _past(text: str, start: int, end: int, words_: FutureWords, dates: Dates, horizon: bool = False) -> bool:
    """Whether the clause around a year narrates the past rather than setting a date.
    A horizon (到2020年底，全县已…) is read up to the end of its sentence."""
    before = text[max(0, start - 8):start]
    after = re.split(r"[。；;\n]" if horizon else r"[，。；,;\n]", text[end:end + 24])[0]
    before = re.split(r"[，。；,;\n]", before)[-1]
    if before.endswith(tuple(words_.past_before_endings)) or \
            re.search(rf"\d(?:{re.escape(dates.year)})?{_span_mark(dates)}$", before):
        return True                 # 直到, 截至, 2016年至2020年: past or a span
    if any(w in before for w in words_.past_before):
        return True
    return any(w in after for w in words_.past_after) or after.startswith(tuple(words_.past_after_starts))


def check(doc, rule) -> Iterator[Finding]:
    vocabulary = words(rule)
    future, dates = vocabulary.future_year, vocabulary.dates
    text = doc.text
    found: dict[int, tuple[int, int, str]] = {}
    estimates = future.estimate_words
    for words_, plan_only in ((future.words, False), (future.horizon_words, True)):
        regex = _compile(tuple(words_), dates)
        if regex is None:
            continue
        for m in regex.finditer(text):
            if m.start() in found:
                continue
            if plan_only:
                if _past(text, m.start(), m.end(), future, dates, horizon=True) or doc.kind_at(m.start()) != "plan":
                    continue
            section_year = _year_at(doc, m.start(), dates)
            year = int(m.group("year"))
            if section_year is None or year >= section_year:
                continue
            if year == section_year - 1 and text.startswith(estimates, m.start()):
                continue        # last year's figures estimated before they are final
            found[m.start()] = (m.start(), m.end(), m.group("year"))
    for m in _deadline(future, dates).finditer(text):
        year = m.group("year") or m.group("year2")
        start = m.start("year2") if m.group("bare") else m.start()
        if any(s <= start < e or start <= s < m.end() for s, e, _ in found.values()):
            continue
        if doc.kind_at(start) != "plan" or _past(text, start, m.end(), future, dates):
            continue
        section_year = _year_at(doc, start, dates)
        if section_year is None or int(year) >= section_year:
            continue
        found[start] = (start, m.end(), year)
    for start in sorted(found):
        s, e, year = found[start]
        yield Finding(Span(s, e), args={"phrase": text[s:e], "year": year,
                                        "section_year": _year_at(doc, start, dates)})


def _year_at(doc, offset: int, dates: Dates) -> int | None:
    """The year a sentence speaks from: its section's, or an earlier single year named by
    the heading of the numbered part that holds it (the innermost such heading)."""
    year = doc.year_at(offset)
    if year is None:
        return None
    found = compile_skipping(year_re(dates))
    heading_year = None
    for block in doc.structure.iter_blocks():
        if not block.span.start <= offset < block.span.end or block.head.start <= offset < block.head.end:
            continue
        years = {int(m.group("year")) for m in found.finditer(block.title)}
        # a period (2021—2025年, 2021年至2025年) names more than one year
        period = bool(dates.span_marks) and re.search(
            rf"(?:19|20)\d{{2}}(?:{re.escape(dates.year)})?\s*[{re.escape(dates.span_marks)}]", block.title)
        # the year opens the heading: it names the part's period (2021年完成的主要工作,
        # 2021年工作回顾), not a document or event of that year (贯彻2019年…文件精神)
        if len(years) == 1 and not period and found.match(block.title.strip(" \t\u3000")):
            heading_year = years.pop()      # blocks come outer first: the innermost wins
    return heading_year if heading_year is not None and heading_year < year else year
