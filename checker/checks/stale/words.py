"""The stale family's words and tables (``rules/stale/vocabulary.yaml``), validated once
per vocabulary; each key is described there."""
from __future__ import annotations

from checker.core import dates as dt      # datetime's classes, without datetime.py
import re
from collections.abc import Callable

from checker.core.patterns import holds_any
from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    aliases: list[str] = Field(min_length=1)
    start: dt.date
    end: dt.date
    known_from: dt.date | None = None       # before this, naming the event is foresight
    only: list[str] = Field(default_factory=list)   # the event's own forward words


class Anticipation(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    plan_before: list[str] = Field(default_factory=list)
    foresight_ok: list[str] = Field(default_factory=list)
    # later in the clause, these make the mention history (庆祝建党100周年活动中涌现的…)
    history_after: list[str] = Field(default_factory=list)
    # right before the forward word (or as its first word), these state the event as
    # achieved (如期打赢脱贫攻坚战 in a review of that year): history, unless a word of
    # ``goal_frame`` earlier in the clause makes it a goal again (确保如期打赢…)
    achieved_before: list[str] = Field(default_factory=list)
    goal_frame: list[str] = Field(default_factory=list)
    # characters that may not stand between a forward word and the event, besides
    # punctuation (迎接…了)
    gap_stops: str = ""


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    aliases: list[str] = Field(min_length=1)
    start: int
    end: int


class Milestones(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    first: list[str] = Field(default_factory=list)
    last: list[str] = Field(default_factory=list)
    this_year: list[str] = Field(default_factory=list)
    copulas: list[str] = Field(default_factory=list)
    # a period's opening or close named as the section's news, with no year before it
    # (实现“十四五”良好开局, “十二五”课题收官): read against the section's year
    opening: list[str] = Field(default_factory=list)
    closing: list[str] = Field(default_factory=list)
    # words that call a year the decisive one of a goal with a deadline (决胜之年)
    goal_words: list[str] = Field(default_factory=list)
    # genre words that end a title (2022年…“十三五”规划工作总结)
    title_genres: list[str] = Field(default_factory=list)


class Goal(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    aliases: list[str] = Field(min_length=1)
    end: int                                # the deadline year


class Anniversary(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    aliases: list[str] = Field(min_length=1)
    year: int                               # the year of the founding or the event


class AnniversaryWords(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    marks: list[str] = Field(default_factory=list)      # 周年, 华诞
    copulas: list[str] = Field(default_factory=list)    # 是, 恰逢, 正值


class PeriodWords(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    verbs: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    set_words: list[str] = Field(default_factory=list)
    history: list[str] = Field(default_factory=list)
    history_always: list[str] = Field(default_factory=list)
    commitments: list[str] = Field(default_factory=list)


class FutureWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)      # hashable: a cache key

    words: tuple[str, ...] = ()
    estimate_words: tuple[str, ...] = ()
    horizon_words: tuple[str, ...] = ()
    deadline_words: tuple[str, ...] = ()
    deadline_marks: tuple[str, ...] = ()
    deadline_modals: tuple[str, ...] = ()
    completion: tuple[str, ...] = ()
    past_after: tuple[str, ...] = ()
    past_after_starts: tuple[str, ...] = ()
    past_before: tuple[str, ...] = ()
    past_before_endings: tuple[str, ...] = ()


class Dates(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)      # hashable: a cache key

    year: str                               # 年
    month: str                              # 月
    day: str                                # 日
    ends: tuple[str, ...] = ()              # 底, 末
    not_after_year: tuple[str, ...] = ()    # 2020年度, 2020年以来
    span_marks: str = ""                    # 2016年至2020年
    range_mark: str = ""                    # joins the first and last day of an event


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    events: list[Event] = Field(default_factory=list)
    event_anticipation: Anticipation = Field(default_factory=Anticipation)
    periods: list[Period] = Field(default_factory=list)
    period_milestones: Milestones = Field(default_factory=Milestones)
    goals: list[Goal] = Field(default_factory=list)
    anniversaries: list[Anniversary] = Field(default_factory=list)
    anniversary_words: AnniversaryWords = Field(default_factory=AnniversaryWords)
    period_words: PeriodWords = Field(default_factory=PeriodWords)
    future_year: FutureWords = Field(default_factory=FutureWords)
    dates: Dates


def words(rule: Any) -> Vocabulary:
    """The rule's stale vocabulary, validated once per vocabulary data."""
    return data_view(rule.vocabulary, Vocabulary)


def alt(words_: Any) -> str:
    """An alternation of words, the longest first."""
    return escaped_join(sorted(set(words_), key=lambda w: (-len(w), w)))


def year_re(dates: Dates, group: str = "year") -> str:
    """A four-digit year and its year word (2023年), the year captured as ``group``."""
    return rf"(?P<{group}>(?:19|20)\d{{2}}){re.escape(dates.year)}"


def lines_holding(text: str, needles: Any) -> list[tuple[int, int]]:
    """The lines of ``text`` holding one of ``needles``, as (start, end) offsets, ``end``
    at the line's newline (or the text's end), in order.

    The family's expressions never cross a line break (their gaps exclude it) and each
    needs one of the words a period, goal or event is named by: run over just the lines
    holding one, an expression finds what it finds over the whole text, where most
    documents name no period at all (a finditer over a whole document costs about a
    hundred times a substring search)."""
    starts: set[int] = set()
    for needle in needles:
        if not holds_any(text, (needle,)):
            # absent, as the text's tables may tell without reading it (most period and
            # goal names are absent from most documents: each was a scan of the whole text)
            continue
        at = text.find(needle)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            starts.add(line)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(needle, end)
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        out.append((start, len(text) if end < 0 else end))
    return out


def finditer_built(build: Callable[[], "re.Pattern[str]"], text: str, needles: Any):
    """``finditer_lines(build(), text, needles)``, the expression built (its words escaped
    and joined, its program read) only when ``text`` holds one of ``needles``: every match
    holds one (see ``finditer_lines``), so a text holding none has none to find.  Each
    period, goal and anniversary list has its own expression, and a document names few of
    them: building them all was most of these rules' cost in a fresh process.  (A needle
    empty or holding a line break gates nothing: built and run as before.)"""
    needles = tuple(needles)
    if needles and all(n and "\n" not in n for n in needles) and not holds_any(text, needles):
        return
    yield from finditer_lines(build(), text, needles)


def finditer_lines(regex: "re.Pattern[str]", text: str, needles: Any):
    """``regex.finditer(text)`` for an expression of this family that holds one of
    ``needles`` in every match and never crosses a line break: run over just the lines
    holding a needle (``lines_holding``), with the same matches.  An expression or a
    needle that holds a line break itself (a user's word) runs over the whole text."""
    if "\n" in regex.pattern or any(not n or "\n" in n for n in needles):
        yield from regex.finditer(text)
        return
    for start, end in lines_holding(text, needles):
        yield from regex.finditer(text, start, end)
