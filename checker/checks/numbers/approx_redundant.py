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

How a figure may be written (Chinese numerals, magnitudes, the written shares of the wide
reading) and the characters that make an approximation word part of another word
(最近, 约束) are ``approx_figure`` in the vocabulary; 余/多 are its ``rounding_words``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.numbers.words import ApproxFigure, words
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"before", "after", "phrase"})

# what may stand between an approximation word and its figure, or after the figure: no
# punctuation, blank, digit, quote or bracket
_STOP = r"[^，。；、,;:：！？!?\s0-9０-９“”\"（）()《》]"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    gap: int = Field(default=4, ge=0, le=8)          # characters between word and figure
    tail: int = Field(default=4, ge=0, le=8)         # characters between figure and 以上/左右
    wide_gap: int = Field(default=15, ge=0, le=30)   # characters between word and figure, wide reading


def _class(chars: str) -> str:
    return f"[{re.escape(chars)}]" if chars else "(?!)"


def _guards(figure: ApproxFigure) -> tuple[str, str]:
    """Look-arounds keeping an approximation word from matching inside another word."""
    before = f"(?<!{_class(figure.not_before)})" if figure.not_before else ""
    after = f"(?!{_class(figure.not_after)})" if figure.not_after else ""
    return before, after


@lru_cache(maxsize=16)
def _compile(groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], gap: int, tail: int,
             tight: tuple[str, ...], figure: ApproxFigure) -> list[re.Pattern[str]]:
    out = []
    number = rf"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|{_class(figure.numerals)}+)"
    magnitude = f"{_class(figure.magnitudes)}*" if figure.magnitudes else ""
    not_before, not_after = _guards(figure)
    for before, after in groups:
        b = escaped_join(sorted(before, key=len, reverse=True))
        loose = [w for w in after if w not in tight]
        tight_words = [w for w in after if w in tight]
        alts = []
        if loose:
            alts.append(rf"{_STOP}{{0,{tail}}}?(?P<loose>{escaped_join(loose)})")
        if tight_words:
            alts.append(rf"(?P<tight>{escaped_join(tight_words)})")
        tail_re = "|".join(alts)
        out.append(compile_skipping(
            rf"{not_before}(?P<before>{b}){not_after}{_STOP}{{0,{gap}}}?(?P<num>{number}{magnitude})"
            rf"(?P<after>{tail_re})"))
    return out


@lru_cache(maxsize=16)
def _compile_wide(groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], gap: int, tail: int,
                  tight: tuple[str, ...], figure: ApproxFigure) -> list[re.Pattern[str]]:
    out = []
    if not figure.wide:
        return out
    wide = "|".join(figure.wide)
    not_before, not_after = _guards(figure)
    for before, after in groups:
        loose = [w for w in after if w not in tight]
        if not loose:
            continue
        b = escaped_join(sorted(before, key=len, reverse=True))
        out.append(compile_skipping(
            rf"{not_before}(?P<before>{b}){not_after}(?P<gap>{_STOP}{{0,{gap}}}?)"
            rf"(?P<num>(?:{wide}))"
            rf"{_STOP}{{0,{tail}}}?(?P<loose>{escaped_join(loose)})"))
    return out


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    text = doc.text
    groups = tuple((tuple(g.before), tuple(g.after)) for g in vocabulary.redundant_approximations)
    tight = tuple(vocabulary.rounding_words)
    breaks = tuple(vocabulary.approx_breaks)
    figure = vocabulary.approx_figure
    seen: set[int] = set()      # where a reported phrase starts …
    ends: set[int] = set()      # … and ends: one slip, one finding
    for regex in _compile(groups, params.gap, params.tail, tight, figure):
        for m in literal_scan(regex).finditer(text):
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
    for regex in _compile_wide(groups, params.wide_gap, params.tail, tight, figure):
        for m in literal_scan(regex).finditer(text):
            if m.start() in seen or m.end() in ends:
                continue
            if any(word in m.group("gap") for word in breaks):
                continue
            seen.add(m.start())
            ends.add(m.end())
            yield Finding(Span(m.start(), m.end()),
                          args={"before": m.group("before"), "after": m.group("loose"),
                                "phrase": m.group(0)})
