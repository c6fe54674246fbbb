"""``stale-period``: a plan that sets out to carry out the plan or targets of a planning
period that is already over: ``全面完成“十三五”规划目标任务`` in a 2022 plan.

Periods are data (``periods`` in ``rules/data/events.yaml``: 十三五 2016–2020 …).  A
mention is reported when an action verb of a plan (``verbs``: 实施, 落实, 完成 …) comes
shortly before the period's name, a target word (``targets``: 规划, 目标, 任务 …) comes
right after it, and the section is a plan whose year is after the period's end.
A second form needs no verb: the period's own targets named as set
(``“十三五”时期确定的各项任务``, ``十三五规划提出的目标``: ``set_words`` then a
target word).  History is left alone: ``“十三五”期间取得的成绩``, ``巩固“十三五”成果``,
a clause that says the work is done (``history``: 已, 取得, 圆满 …), anything in a
summary.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"period", "start", "end", "year", "phrase"})


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = Field(min_length=1)
    start: int
    end: int


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    periods: str = "periods"          # lexicon key
    verbs: list[str] = Field(default_factory=lambda: [
        "实施", "落实", "完成", "实现", "推进", "推动", "启动", "编制", "执行", "确保", "对标"])
    targets: list[str] = Field(default_factory=lambda: ["规划", "目标", "任务", "计划", "项目", "重点工程"])
    gap: int = Field(default=6, ge=0, le=12)     # characters between verb and period
    target_gap: int = Field(default=8, ge=0, le=16)   # characters between period and target
    set_words: list[str] = Field(default_factory=lambda: ["确定的", "提出的", "部署的", "明确的", "确立的", "制定的"])
    history: list[str] = Field(default_factory=lambda: [
        "已", "取得", "圆满", "超额", "胜利", "成果", "成绩", "成就", "经验", "以来", "回顾", "总结"])
    kinds: list[str] = Field(default_factory=lambda: ["plan"])
    # Words that make what follows a commitment, so 圆满/超额 after them are the goal,
    # not a report of what was done: 确保…规划目标任务圆满完成.
    commitments: list[str] = Field(default_factory=lambda: ["确保", "力争", "争取", "努力", "务必", "必须", "要"])


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=16)
def _compile(aliases: tuple[str, ...], verbs: tuple[str, ...], targets: tuple[str, ...],
             gap: int, target_gap: int, set_words: tuple[str, ...]) -> re.Pattern[str]:
    period = rf"[“\"]?(?P<period>{_alt(aliases)})[”\"]?"
    set_form = rf"(?P<set>[“\"]?(?P<period2>{_alt(aliases)})[”\"]?[^，。；,;:：\n]{{0,6}}?" \
               rf"(?:{_alt(set_words)})[^，。；,;:：\n]{{0,6}}?(?:{_alt(targets)}))"
    return re.compile(
        rf"(?:{_alt(verbs)})[^，。；,;:：\n]{{0,{gap}}}?{period}"
        rf"[^，。；,;:：\n]{{0,{target_gap}}}?(?:{_alt(targets)})|{set_form}")


def _committed(clause: str, params: Params) -> bool:
    """A commitment word before every history word: the clause states a goal (确保…圆满完成)."""
    firsts = [clause.find(w) for w in params.history if w in clause]
    starts = [clause.find(w) for w in params.commitments if w in clause]
    # 已 / 以来 / 取得 … report the past whatever precedes them.
    past = any(w in clause for w in ("已", "以来", "取得", "回顾", "总结"))
    return bool(starts) and not past and min(starts) < min(firsts)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    periods = [Period.model_validate(p) for p in (rule.vocabulary.get(params.periods) or [])]
    for period in periods:
        regex = _compile(tuple(period.aliases), tuple(params.verbs), tuple(params.targets), params.gap,
                         params.target_gap, tuple(params.set_words))
        text = doc.text
        for m in regex.finditer(text):
            offset = m.start("period2") if m.group("set") else m.start("period")
            clause = re.split(r"[，。；,;\n]", text[m.start():m.end() + 16])[0]
            if any(w in clause for w in params.history) and not _committed(clause, params):
                continue
            if doc.kind_at(offset) not in params.kinds:
                continue
            year = doc.year_at(offset)
            if year is None or year <= period.end:
                continue
            yield Finding(Span(m.start(), m.end()),
                          args={"period": period.name, "start": period.start, "end": period.end,
                                "year": year, "phrase": m.group(0)})
