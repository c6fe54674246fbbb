"""One figure written twice with its decimal point moved: 106万人次 and 10.6万人次.

A headline or a lead that restates a figure of the body drops or shifts a decimal
point easily; the two then differ by a power of ten while their digits agree.  Two
figures are compared when they have the same unit and magnitude as written, their
significant digits are the same (at least ``min_digits`` of them), their values differ,
and the words before them name the same thing (they share a word of two or more
characters that is not a scope word: 游客, 接待…).  The later figure is reported, with the
line of the first.
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.lexicon import data_view

MESSAGE_ARGS = frozenset({
    "value",       # the figure here: 10.6万人次
    "first",       # the figure stated first: 106万人次
    "first_line",  # its line
})


class SlipData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    metric_scope_words: list[str] = Field(default_factory=list)
    metric_leading_words: list[str] = Field(default_factory=list)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_digits: int = Field(3, ge=2)     # 1.2 and 12 agree too often by chance
    context_chars: int = Field(10, ge=2)  # the words before a figure that name it


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_view(rule.vocabulary, SlipData)
    text = doc.folded_text
    stop = set(data.metric_scope_words) | set(data.metric_leading_words)
    seen: dict[tuple[str, str, str], list] = {}
    for q in doc.quantities:
        if q.is_range or q.bound is not None or q.unit is None or q.is_chinese_numeral:
            continue
        digits = _significant(q.number_text)
        if len(digits) < params.min_digits:
            continue
        key = (digits, q.unit, q.magnitude or "")
        context = _words(text[max(0, q.span.start - params.context_chars):q.span.start], stop)
        for first, first_context in seen.get(key, []):
            if first.value != q.value and context & first_context:
                line, _ = doc.position(first.span.start)
                yield Finding(q.span, args={"value": q.text, "first": first.text, "first_line": line})
                break
        seen.setdefault(key, []).append((q, context))


# The CJK unified ideographs block, by code point.
_HAN_FIRST, _HAN_LAST = chr(0x4E00), chr(0x9FFF)


def _significant(number_text: str | None) -> str:
    digits = "".join(ch for ch in (number_text or "") if ch.isdigit())
    return digits.strip("0")


def _words(text: str, stop: set[str]) -> set[str]:
    """The two-character words of a context (Han characters only), scope words removed."""
    han = "".join(ch if _HAN_FIRST <= ch <= _HAN_LAST else " " for ch in text)
    out = set()
    for chunk in han.split():
        for i in range(len(chunk) - 1):
            pair = chunk[i:i + 2]
            if pair not in stop:
                out.add(pair)
    return out
