"""``stale-event``: a forward-looking mention of an event that, by the year of the
section it stands in, is already over: ``以优异成绩迎接党的二十大胜利召开`` in a 2023 plan.

Events and their dates are data (``events`` in ``rules/data/events.yaml``); the words
that look forward (``迎接``, ``喜迎`` before the event, ``即将召开`` after it) are
``event_anticipation``.  The year is the section's (``Document.year_at``): a combined
"2022年总结及2023年计划" checks its plan half against 2023.  A section in the event's
own year is never reported (a 2022 plan was written before October 2022), nor a text
whose year is unknown.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"event", "phrase", "date", "year"})


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = Field(min_length=1)
    start: dt.date
    end: dt.date


class Anticipation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    events: str = "events"                        # lexicon keys
    anticipation: str = "event_anticipation"
    # characters allowed between a forward word and the event (迎接党的二十大: 党的 is
    # part of the alias; 迎接中国共产党第二十次…: none)
    gap: int = Field(default=2, ge=0, le=6)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=16)
def _compile(events: tuple[tuple[str, tuple[str, ...]], ...], before: tuple[str, ...],
             after: tuple[str, ...], gap: int) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for name, aliases in events:
        a = _alt(aliases)
        parts = []
        if before:
            parts.append(rf"(?:{_alt(before)})[^，。；、,;\n]{{0,{gap}}}?(?P<e1>{a})")
        if after:
            parts.append(rf"(?P<e2>{a})[“”\"]?(?:{_alt(after)})")
        if parts:
            out.append((name, re.compile("|".join(parts))))
    return out


def load_events(doc, key: str) -> list[Event]:
    raw = doc.lexicon.get(key) or []
    return [Event.model_validate(e) for e in raw]


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    events = {e.name: e for e in load_events(doc, params.events)}
    if not events:
        return
    ant = Anticipation.model_validate(doc.lexicon.get(params.anticipation) or {})
    key = tuple((e.name, tuple(e.aliases)) for e in events.values())
    taken: list[Span] = []
    for name, regex in _compile(key, tuple(ant.before), tuple(ant.after), params.gap):
        event = events[name]
        for m in regex.finditer(doc.text):
            span = Span(m.start(), m.end())
            if any(span.overlaps(t) for t in taken):
                continue
            year = doc.year_at(m.start())
            if year is None or year <= event.end.year:
                continue
            taken.append(span)
            date = event.start.isoformat() if event.start == event.end else \
                f"{event.start.isoformat()}至{event.end.isoformat()}"
            yield Finding(span, args={"event": event.name, "phrase": m.group(0), "date": date, "year": year})
