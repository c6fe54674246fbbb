"""``number-approx-redundant``: two approximation words on one figure, saying the same
thing twice: ``至少建设4个以上``, ``约4000人左右``, ``超过90%以上``, ``近50余所``.

The pairs live in the data (``redundant_approximations``: groups of ``before`` and
``after`` words).  The figure follows the ``before`` word directly or after at most
``gap`` characters of a verb (``至少建设4个``); a ``以上``/``左右`` word may follow
the figure's unit and a short noun (``4个以上``, ``5000人左右``), while ``余``/``多``
must stand right after the figure or its magnitude (``近50余所``, ``近3万余人``), so
``近3年多所学校`` (多所 = many schools) is not read as one.  Nothing crosses
punctuation.

The two words may also stand further apart in one clause, with the thing measured
between them: ``约占全市学生总数的35%左右``, ``超过全省平均水平的1.5倍以上``.  That wide
reading allows up to ``wide_gap`` characters without digits between the first word and
the figure, takes only written figures (35%, 1.5倍, 三分之一, 一半, 六成) and no ``余``/``多``,
and gives up when the stretch between holds a word that starts a new statement
(``approx_breaks``: 达到, 提高 …), as in ``超过国家标准的学校达到40%以上``, where 超过
belongs to another figure.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"before", "after", "phrase"})

_NUMBER = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百千]+)"
_MAGNITUDE = r"[十百千万亿]*"
# words that end in an approximation word's characters but are something else
_NOT_BEFORE = "最附靠亲临节制预签合契公条相大邀特履违简婉隐失赴爽集俭誓"
# characters after 约 that make it a word of its own (约束, 约定, 约谈 …)
_NOT_AFTER = "束定谈请见稿"
# figures the wide reading accepts: digits, or a written fraction or share
_WIDE_NUMBER = (r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?[十百千万亿]*"
                r"|[一二两三四五六七八九十]+分之[一二三四五六七八九十]+|一半|[一二三四五六七八九]成)")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    data: str = "redundant_approximations"   # lexicon key
    gap: int = Field(default=4, ge=0, le=8)          # characters between word and figure
    tail: int = Field(default=4, ge=0, le=8)         # characters between figure and 以上/左右
    tight_after: list[str] = Field(default_factory=lambda: ["余", "多"])
    wide_gap: int = Field(default=15, ge=0, le=30)   # characters between word and figure, wide reading
    breaks: str = "approx_breaks"                    # lexicon key: words that end the wide reading


@lru_cache(maxsize=16)
def _compile(groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], gap: int, tail: int,
             tight: tuple[str, ...]) -> list[re.Pattern[str]]:
    out = []
    stop = r"[^，。；、,;:：！？!?\s0-9０-９“”\"（）()《》]"
    for before, after in groups:
        b = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
        loose = [w for w in after if w not in tight]
        tight_words = [w for w in after if w in tight]
        alts = []
        if loose:
            alts.append(rf"{stop}{{0,{tail}}}?(?P<loose>{'|'.join(map(re.escape, loose))})")
        if tight_words:
            alts.append(rf"(?P<tight>{'|'.join(map(re.escape, tight_words))})")
        tail_re = "|".join(alts)
        out.append(re.compile(
            rf"(?<![{_NOT_BEFORE}])(?P<before>{b})(?![{_NOT_AFTER}]){stop}{{0,{gap}}}?(?P<num>{_NUMBER}{_MAGNITUDE})"
            rf"(?P<after>{tail_re})"))
    return out


@lru_cache(maxsize=16)
def _compile_wide(groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], gap: int, tail: int,
                  tight: tuple[str, ...]) -> list[re.Pattern[str]]:
    out = []
    stop = r"[^，。；、,;:：！？!?\s0-9０-９“”\"（）()《》]"
    for before, after in groups:
        loose = [w for w in after if w not in tight]
        if not loose:
            continue
        b = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
        out.append(re.compile(
            rf"(?<![{_NOT_BEFORE}])(?P<before>{b})(?![{_NOT_AFTER}])(?P<gap>{stop}{{0,{gap}}}?)"
            rf"(?P<num>{_WIDE_NUMBER})"
            rf"{stop}{{0,{tail}}}?(?P<loose>{'|'.join(map(re.escape, loose))})"))
    return out


def _groups(vocabulary, params: Params):
    raw = vocabulary.get(params.data) or []
    groups = []
    for entry in raw:
        if not isinstance(entry, dict) or not {"before", "after"} <= set(entry):
            raise ValueError(f"{params.data}: each entry needs 'before' and 'after' word lists")
        groups.append((tuple(entry["before"]), tuple(entry["after"])))
    return tuple(groups)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    groups = _groups(rule.vocabulary, params)
    tight = tuple(params.tight_after)
    breaks = tuple(rule.vocabulary.get(params.breaks) or ())
    seen: set[int] = set()      # where a reported phrase starts …
    ends: set[int] = set()      # … and ends: one slip, one finding
    for regex in _compile(groups, params.gap, params.tail, tight):
        for m in regex.finditer(text):
            if m.start() in seen:
                continue
            seen.add(m.start())
            ends.add(m.end())
            found = m.groupdict()
            after = found.get("loose") or found.get("tight")
            yield Finding(Span(m.start(), m.end()),
                          args={"before": m.group("before"), "after": after, "phrase": m.group(0)})
    if params.wide_gap <= params.gap:
        return
    for regex in _compile_wide(groups, params.wide_gap, params.tail, tight):
        for m in regex.finditer(text):
            if m.start() in seen or m.end() in ends:
                continue
            if any(word in m.group("gap") for word in breaks):
                continue
            seen.add(m.start())
            ends.add(m.end())
            yield Finding(Span(m.start(), m.end()),
                          args={"before": m.group("before"), "after": m.group("loose"),
                                "phrase": m.group(0)})
