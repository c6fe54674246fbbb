"""``stale-event``: a mention of a dated event that the section's year contradicts.

Two cases:

* looking forward to an event already over: ``以优异成绩迎接党的二十大胜利召开`` in a
  2023 plan.  The forward words are ``event_anticipation``: ``before`` (迎接, 喜迎 …)
  and ``after`` (即将召开 …) the event everywhere, ``plan_before`` (庆祝, 纪念 …) in plan
  sections only, since a summary may narrate last year's celebrations.  An event may
  list its ``only`` words instead (决胜全面建成小康社会: the phrase 全面建成小康社会 alone
  is history, not a forward look).
  A forward word narrated as done (``achieved_before``: 我们如期打赢脱贫攻坚战 in a review
  of that year) is history, unless the clause frames it as a goal (``goal_frame``:
  确保如期…); so is a sentence that names a year up to the event's before it
  (``2020年是…打赢脱贫攻坚战…的一年`` in a review written in 2021).
* citing an event before it happened: a 2023 plan that studies the spirit of
  ``二十届三中全会`` (July 2024).  Only events with a ``known_from`` date are read so,
  and a mention in a forward context (筹备…, …召开, ``foresight_ok``) is left alone.

Events and their dates are data (``events`` in ``rules/stale/vocabulary.yaml``).  The
first case is reported with the rule's message, the second with its ``foresight``
template.  The year is
the section's (``Document.year_at``): a combined "2022年总结及2023年计划" checks its
plan half against 2023.  A section in the event's own year is never reported, nor a
text whose year is unknown.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.stale.words import Dates, Event, alt, finditer_lines, words
from checker.model.span import Span
from checker.core.patterns import holds_any
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"event", "phrase", "date", "year"})
# The template of a mention before the event was known (the rule's message is for a
# forward look at an event already over).
MESSAGES = frozenset({"foresight"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # characters allowed between a forward word and the event (迎接党的二十大: 党的 is
    # part of the alias; 迎接中国共产党第二十次…: none)
    gap: int = Field(default=2, ge=0, le=6)
    foresight: bool = True      # also report an event cited before its known_from date (`foresight` message)


@lru_cache(maxsize=64)
def _forward(aliases: tuple[str, ...], before: tuple[str, ...], after: tuple[str, ...],
             plan_before: tuple[str, ...], gap: int, stops: str) -> re.Pattern[str] | None:
    a = alt(aliases)
    clause = f"[^，。；、,;\\n{re.escape(stops)}]"
    parts = []
    if before:
        parts.append(rf"(?:{alt(before)}){clause}{{0,{gap}}}?(?P<e1>{a})")
    if plan_before:
        parts.append(rf"(?P<plan>(?:{alt(plan_before)}){clause}{{0,{gap}}}?(?P<e3>{a}))")
    if after:
        parts.append(rf"(?P<e2>{a})[“”\"]?(?:{alt(after)})")
    return compile_skipping("|".join(parts)) if parts else None


@lru_cache(maxsize=64)
def _mention(aliases: tuple[str, ...]) -> re.Pattern[str]:
    return compile_skipping(alt(aliases))


def _date(event: Event, dates: Dates) -> str:
    if event.start == event.end:
        return event.start.isoformat()
    return f"{event.start.isoformat()}{dates.range_mark}{event.end.isoformat()}"


def _achieved(text: str, start: int, phrase: str, ant) -> bool:
    """The forward word is narrated as done: an ``achieved_before`` word opens the phrase or
    stands right before it (我们如期打赢脱贫攻坚战), and no ``goal_frame`` word earlier in
    the clause makes it a goal (确保如期打赢…)."""
    before = re.split(r"[，。；、,;\n]", text[max(0, start - 12):start])[-1]
    head = next((w for w in ant.achieved_before if phrase.startswith(w)), None)
    if head is None:
        head = next((w for w in ant.achieved_before if before.endswith(w)), None)
        if head is None:
            return False
        before = before[:-len(head)]
    return not any(w in before for w in ant.goal_frame)


@lru_cache(maxsize=8)
def _year_pattern(year_word: str) -> re.Pattern[str]:
    return compile_skipping(rf"(?<![0-9])((?:19|20)[0-9]{{2}})\s?{re.escape(year_word)}")


def _sentence_year(doc, offset: int, year_word: str) -> int | None:
    """The year the sentence holding ``offset`` names last before it (2020年是…), if any."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return None
    years = _year_pattern(year_word).findall(doc.text, sentence.span.start, offset)
    return int(years[-1]) if years else None


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    events = vocabulary.events
    if not events:
        return
    ant = vocabulary.event_anticipation
    text = doc.text
    taken: list[Span] = []
    found: list[Finding] = []
    for event in events:
        aliases = tuple(event.aliases)
        if not holds_any(text, aliases):
            continue        # every expression below needs one of the event's names
        if event.only:
            regex = _forward(aliases, tuple(event.only), (), (), params.gap, ant.gap_stops)
        else:
            regex = _forward(aliases, tuple(ant.before), tuple(ant.after), tuple(ant.plan_before), params.gap,
                             ant.gap_stops)
        for m in finditer_lines(regex, text, aliases) if regex else ():
            span = Span(m.start(), m.end())
            if any(span.overlaps(t) for t in taken):
                continue
            if m.groupdict().get("plan") and doc.kind_at(m.start()) != "plan":
                continue
            rest = re.split(r"[，。；,;\n]", text[m.end():m.end() + 16])[0]
            if any(w in rest for w in ant.history_after):
                continue
            if _achieved(text, m.start(), m.group(0), ant):
                continue
            year = doc.year_at(m.start())
            if year is None or year <= event.end.year:
                continue
            own = _sentence_year(doc, m.start(), vocabulary.dates.year)
            if own is not None and own <= event.end.year:
                continue    # 2020年是…打赢脱贫攻坚战…的一年: the sentence speaks of its own year
            taken.append(span)
            found.append(Finding(span, args={"event": event.name, "phrase": m.group(0),
                                             "date": _date(event, vocabulary.dates), "year": year}))
        if not (params.foresight and event.known_from):
            continue
        ok = tuple(ant.foresight_ok) + tuple(ant.before) + tuple(ant.after) + tuple(ant.plan_before)
        for m in _mention(aliases).finditer(text):
            span = Span(m.start(), m.end())
            if any(span.overlaps(t) for t in taken):
                continue
            year = doc.year_at(m.start())
            if year is None or year >= event.known_from.year:
                continue
            context = re.split(r"[，。；,;\n]", text[max(0, m.start() - 8):m.start()])[-1] + "|" + \
                re.split(r"[，。；,;\n]", text[m.end():m.end() + 6])[0]
            if any(w in context for w in ok):
                continue
            taken.append(span)
            found.append(Finding(span, args={"event": event.name, "phrase": m.group(0),
                                             "date": _date(event, vocabulary.dates), "year": year},
                                 message="foresight"))
    found.sort(key=lambda f: f.span.start)
    yield from found
