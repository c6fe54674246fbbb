"""``punct-range-mark``: a dash or tilde between two numbers that the house style does not
accept as a range mark: doubled or mixed marks (``1—-2``, ``3--5``, ``2021——2025年``),
marks that only look like dashes (``―``, ``‐``) and the half-width tilde (``30~40台``).

``allowed`` lists the accepted marks (default: ``- － ～ — – 〜``; ``至`` is a word and
always fine); a house that writes ranges only with ``～`` or ``—`` narrows it, one that
accepts ``~`` adds it.  The fix writes ``replacement`` (``～``, the range mark of
GB/T 15834).  Dates (``2023-02-28``) use a single ``-`` and are never touched while
``-`` is allowed.  A single mark may also follow a number with its unit (``3万~5万元``,
``8时~10时``); a doubled one there is a 破折号 (``共3项——2项已完成``) and passes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping
from checker.checks.punctuation.range_scan import range_finditer

MESSAGE_ARGS = frozenset({"mark", "range", "replacement"})

_DASHES = "-－～~—–―‐‑〜"
_RANGE = compile_skipping(
    r"(?<![\d.．A-Za-z])(?P<low>\d+(?:[.．]\d+)?(?:[%％]|(?P<unit>[\u4e00-\u9fff]{1,2}))?)[ \u3000]?"
    rf"(?P<mark>[{re.escape(_DASHES)}]{{1,4}})"
    r"[ \u3000]?(?P<high>\d+(?:[.．]\d+)?)(?![\d])")


# the runs of mark characters: ``_RANGE`` is tried only where its low end can begin before one
_DASH_RUN = compile_skipping(rf"[{re.escape(_DASHES)}]+")

_HYPHENS = "-－‐‑"
_CODE_BEFORE = compile_skipping(r"(?:[A-Za-z/]|〕)[ \u3000]?$")
_YEAR = compile_skipping(r"(?:19|20)\d{2}")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # marks accepted between two numbers, each run as written (add "~~" to accept a doubled ~)
    allowed: list[str] = Field(default_factory=lambda: ["-", "－", "～", "—", "–", "〜"])
    replacement: str = "～"      # the range mark the fix writes
    # between two points of time (2021-2025年, 1-11月, 3月12日-31日) GB/T 15834-2011
    # 4.13.3.2 a) prefers the 一字线 —; None: the same replacement as other ranges
    time_replacement: str | None = None
    # words before a number that make a hyphen part of a code (表2-8, 图3-1), and words
    # after a range that make it a span of time (月, 日), read from the lexicon; they
    # only matter when the hyphen is not an allowed range mark
    code_words: str = "range_mark_code_words"
    # vocabulary key of the words after a range that make it a span of time (for time_replacement)
    time_words: str = "range_mark_time_words"


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    allowed = set(params.allowed)
    code_words = tuple(rule.vocabulary.get(params.code_words) or ())
    time_words = tuple(rule.vocabulary.get(params.time_words) or ())
    text = doc.text
    for m in range_finditer(_RANGE, _DASH_RUN, text):
        mark = m.group("mark")
        if mark in allowed or (m.group("unit") and len(mark) > 1):
            continue
        if mark in _HYPHENS and (_is_code(text, m, code_words) or _in_title(text, m.start())):
            continue
        replacement = params.replacement
        if params.time_replacement and _is_time(text, m, time_words):
            replacement = params.time_replacement
        yield Finding(Span(m.start("mark"), m.end("mark")),
                      args={"mark": mark, "range": m.group(0), "replacement": replacement},
                      fix=replacement)


def _is_time(text: str, m: re.Match[str], time_words: tuple[str, ...]) -> bool:
    """2021-2025, 1-11月, 3月12日-31日: the ends are points of time, not amounts."""
    if _YEAR.fullmatch(m.group("low")) and _YEAR.fullmatch(m.group("high")):
        return True
    unit = m.group("unit") or ""
    after = text[m.end():m.end() + 4].lstrip(" \u3000")
    return any(unit.endswith(w) or after.startswith(w) for w in time_words)


def _in_title(text: str, offset: int) -> bool:
    """Inside 《…》: a title is quoted as its owner wrote it (《3-6岁儿童学习与发展指南》)."""
    opened = text.rfind("《", 0, offset)
    return opened >= 0 and "》" not in text[opened:offset] and "\n" not in text[opened:offset]


def _is_code(text: str, m: re.Match[str], code_words: tuple[str, ...]) -> bool:
    """A single hyphen inside a code rather than between the ends of a range: a date
    (2023-02, 2023-02-28), a chain (3-2-11), a standard's or a telephone number
    (GB/T 9704-2012, 0791-8888888), a number of a table or figure (表2-8) or one after
    a 发文字号 (〔2023〕5-1号)."""
    low, high = m.group("low"), m.group("high")
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 2]
    if _YEAR.fullmatch(low) and len(high) <= 2:
        return True                                   # 2023-02: a year and a month
    if after[:1] in _HYPHENS and after[1:2].isdigit():
        return True                                   # 3-2-11, 2023-02-28
    if before[-1:] in _HYPHENS:
        return True
    if low.startswith("0") and len(low) > 1:
        return True                                   # 0791-8888888
    if after[:1].isascii() and after[:1].isalpha():
        return True                                   # 3-2B
    if _CODE_BEFORE.search(before):
        return True                                   # GB/T 9704-2012, 〔2023〕5-1号
    return any(before.endswith(w) for w in code_words)
