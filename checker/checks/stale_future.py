"""``stale-future-year``: future tense about a year that, by the section's own year, is
already past: ``将于2022年底前完成`` in a 2023 plan, ``力争2021年实现`` in a 2022
summary.

A future word (``words``: 将于, 预计, 力争, 计划于 …) directly before a four-digit year
earlier than the section's year (``Document.year_at``) is reported.  ``plan_words``
(e.g. ``到``) extend this to horizons in plan sections.  The section's own
year (``预计2022年9月`` in a summary of 2022) is never reported: when the summary was
written is unknown.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"phrase", "year", "section_year"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(default_factory=lambda: [
        "将于", "将在", "预计于", "预计在", "预计", "计划于", "计划在", "拟于", "拟在",
        "力争于", "力争在", "力争", "争取于", "争取在", "确保于", "确保在"])
    # horizon words read in plans only (到2020年); off by default, since a plan's
    # background often says 到2020年底，全市已… in the past tense
    plan_words: list[str] = Field(default_factory=list)


@lru_cache(maxsize=16)
def _compile(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?P<year>(?:19|20)\d{{2}})年(?![0-9]|度|以来|以前|之前)")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    found: dict[int, re.Match[str]] = {}
    for words, plan_only in ((params.words, False), (params.plan_words, True)):
        regex = _compile(tuple(words))
        if regex is None:
            continue
        for m in regex.finditer(text):
            if m.start() in found:
                continue
            if plan_only:
                before = text[max(0, m.start() - 8):m.start()]
                if before.endswith(("直", "截")) or re.search(r"\d年?$", before):
                    continue        # 直到, 截至, 2016年至2020年: past or a span
                if doc.kind_at(m.start()) != "plan":
                    continue
            section_year = doc.year_at(m.start())
            year = int(m.group("year"))
            if section_year is None or year >= section_year:
                continue
            found[m.start()] = m
    for start in sorted(found):
        m = found[start]
        yield Finding(Span(m.start(), m.end()),
                      args={"phrase": m.group(0), "year": m.group("year"), "section_year": doc.year_at(start)})
