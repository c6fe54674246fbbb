"""``stale-period``: a plan that sets out to carry out the plan or targets of a planning
period that is already over: ``全面完成“十三五”规划目标任务`` in a 2022 plan.

Periods are data (``periods`` in ``rules/stale/vocabulary.yaml``: 十三五 2016–2020 …),
and so are the words below (``period_words``).  A mention is reported when an action
verb of a plan (``verbs``: 实施, 落实, 完成 …) comes
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
from functools import lru_cache, partial
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.stale.words import PeriodWords, alt, finditer_built, words
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"period", "start", "end", "year", "phrase"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    gap: int = Field(default=6, ge=0, le=12)     # characters between verb and period
    target_gap: int = Field(default=8, ge=0, le=16)   # characters between period and target
    # the section kinds read (plan, summary)
    kinds: list[str] = Field(default_factory=lambda: ["plan"])


@lru_cache(maxsize=16)
def _compile(aliases: tuple[str, ...], verbs: tuple[str, ...], targets: tuple[str, ...],
             gap: int, target_gap: int, set_words: tuple[str, ...]) -> re.Pattern[str]:
    period = rf"[“\"]?(?P<period>{alt(aliases)})[”\"]?"
    set_form = rf"(?P<set>[“\"]?(?P<period2>{alt(aliases)})[”\"]?[^，。；,;:：\n]{{0,6}}?" \
               rf"(?:{alt(set_words)})[^，。；,;:：\n]{{0,6}}?(?:{alt(targets)}))"
    return compile_skipping(
        rf"(?:{alt(verbs)})[^，。；,;:：\n]{{0,{gap}}}?{period}"
        rf"[^，。；,;:：\n]{{0,{target_gap}}}?(?:{alt(targets)})|{set_form}")


def _committed(clause: str, period_words: PeriodWords) -> bool:
    """A commitment word before every history word: the clause states a goal (确保…圆满完成)."""
    firsts = [clause.find(w) for w in period_words.history if w in clause]
    starts = [clause.find(w) for w in period_words.commitments if w in clause]
    # 已 / 以来 / 取得 … report the past whatever precedes them.
    past = any(w in clause for w in period_words.history_always)
    return bool(starts) and not past and min(starts) < min(firsts)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    pw = vocabulary.period_words
    for period in vocabulary.periods:
        text = doc.text
        build = partial(_compile, tuple(period.aliases), tuple(pw.verbs), tuple(pw.targets),
                        params.gap, params.target_gap, tuple(pw.set_words))
        for m in finditer_built(build, text, period.aliases):
            offset = m.start("period2") if m.group("set") else m.start("period")
            clause = re.split(r"[，。；,;\n]", text[m.start():m.end() + 16])[0]
            if any(w in clause for w in pw.history) and not _committed(clause, pw):
                continue
            if doc.kind_at(offset) not in params.kinds:
                continue
            year = doc.year_at(offset)
            if year is None or year <= period.end:
                continue
            yield Finding(Span(m.start(), m.end()),
                          args={"period": period.name, "start": period.start, "end": period.end,
                                "year": year, "phrase": m.group(0)})
