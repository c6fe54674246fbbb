"""``stale-future-year``: future tense about a year that, by the section's own year, is
already past: ``将于2022年底前完成`` in a 2023 plan, ``力争2021年实现`` in a 2022
summary.

A future word (``words``: 将于, 预计, 力争, 计划于 …) directly before a four-digit year
earlier than the section's year (``Document.year_at``) is reported.  ``plan_words``
and ``deadline_words`` extend this in plan sections to horizons and deadlines:
``到2020年实现…``, ``于2022年底前全部完工``, ``2021年底前完成`` in a 2023 plan.  A
deadline needs 前/之前 after the year unless its word is a horizon (到) or a resolve
(力争, 确保); past narration in the same clause (已, 累计, 较2020年, 自2020年以来) is
left alone.  The section's own
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
    # plan sections: 于/在 + a year + 前 (于2022年底前), or a year + 前 + a completion verb
    deadline_words: list[str] = Field(default_factory=list)
    completion: list[str] = Field(default_factory=lambda: [
        "完成", "完工", "建成", "实现", "达到", "落实", "竣工", "投入使用", "交付", "全面", "全部", "基本", "如期"])
    # past narration in the clause after the year, or a comparison/start before it
    past_after: list[str] = Field(default_factory=lambda: [
        "已", "累计", "共计", "共有", "拥有", "现有", "了", "先后", "以来", "期间"])
    past_before: list[str] = Field(default_factory=lambda: ["较", "比", "自", "从", "截至", "截止", "直到", "同", "对"])


@lru_cache(maxsize=16)
def _compile(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?P<year>(?:19|20)\d{{2}})年(?![0-9]|度|以来|以前|之前)")


@lru_cache(maxsize=16)
def _deadline(words: tuple[str, ...], completion: tuple[str, ...]) -> re.Pattern[str]:
    when = r"(?P<year>(?:19|20)\d{2})年(?:底|末|\d{1,2}月(?:底|末|\d{1,2}日)?)?"
    alts = []
    if words:
        alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        alts.append(rf"(?:{alt}){when}(?:前|之前)")
    done = "|".join(re.escape(w) for w in sorted(set(completion), key=len, reverse=True))
    alts.append(rf"(?<![0-9])(?P<bare>{when.replace('?P<year>', '?P<year2>')}(?:前|之前)(?:要|须|必须|务必)?(?:{done}))")
    return re.compile("|".join(alts))


def _past(text: str, start: int, end: int, params: Params, horizon: bool = False) -> bool:
    """Whether the clause around a year narrates the past rather than setting a date.
    A horizon (到2020年底，全县已…) is read up to the end of its sentence."""
    before = text[max(0, start - 8):start]
    after = re.split(r"[。；;\n]" if horizon else r"[，。；,;\n]", text[end:end + 24])[0]
    before = re.split(r"[，。；,;\n]", before)[-1]
    if before.endswith(("直", "截")) or re.search(r"\d年?[至到\-—～~]?$", before):
        return True                 # 直到, 截至, 2016年至2020年: past or a span
    if any(w in before for w in params.past_before):
        return True
    return any(w in after for w in params.past_after) or after.startswith("的")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    found: dict[int, tuple[int, int, str]] = {}
    for words, plan_only in ((params.words, False), (params.plan_words, True)):
        regex = _compile(tuple(words))
        if regex is None:
            continue
        for m in regex.finditer(text):
            if m.start() in found:
                continue
            if plan_only:
                if _past(text, m.start(), m.end(), params, horizon=True) or doc.kind_at(m.start()) != "plan":
                    continue
            section_year = doc.year_at(m.start())
            year = int(m.group("year"))
            if section_year is None or year >= section_year:
                continue
            found[m.start()] = (m.start(), m.end(), m.group("year"))
    for m in _deadline(tuple(params.deadline_words), tuple(params.completion)).finditer(text):
        year = m.group("year") or m.group("year2")
        start = m.start("year2") if m.group("bare") else m.start()
        if any(s <= start < e or start <= s < m.end() for s, e, _ in found.values()):
            continue
        if doc.kind_at(start) != "plan" or _past(text, start, m.end(), params):
            continue
        section_year = doc.year_at(start)
        if section_year is None or int(year) >= section_year:
            continue
        found[start] = (start, m.end(), year)
    for start in sorted(found):
        s, e, year = found[start]
        yield Finding(Span(s, e), args={"phrase": text[s:e], "year": year, "section_year": doc.year_at(start)})
