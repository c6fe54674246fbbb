"""One figure written twice with its decimal point moved: 106万人次 and 10.6万人次.

A headline or a lead that restates a figure of the body drops or shifts a decimal
point easily; the two then differ by a power of ten while their digits agree.  Two
figures are compared when they have the same unit and magnitude as written, their
significant digits are the same (at least ``min_digits`` of them), their values differ,
and the words before them name the same thing (they share a word of two or more
characters that is not a scope word: 游客, 接待…).  The later figure is reported, with the
line of the first.

``form: leading-digit`` reads the other slip of a copied figure: a leading digit lost
(支出合计2,435.16万元 … 支出合计，435.16万元, the 2 taken for a thousands separator).  The
shorter figure is the longer with its first digit dropped, both with the same unit and
magnitude, at least ``min_digits`` digits left, and the same label right before both
(the run of Han characters ending at the figure, one separator allowed: 支出合计 and
支出合计，).  A figure that is a part of the other (of which 435.16 of 2,435.16) has a
label of its own and is never compared; the shorter figure is reported, wherever it
stands.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.lexicon import data_view
from checker.core.skipping_re import compile_skipping

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({
    "value",       # the figure here: 10.6万人次
    "first",       # the figure stated first: 106万人次
    "first_line",  # its line
})


class SlipData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    metric_scope_words: list[str] = Field(default_factory=list)
    metric_leading_words: list[str] = Field(default_factory=list)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_digits: int = Field(3, ge=2)     # 1.2 and 12 agree too often by chance
    context_chars: int = Field(10, ge=2)  # the words before a figure that name it
    # decimal: the decimal point moved; leading-digit: the first digit lost
    form: Literal["decimal", "leading-digit"] = "decimal"
    label_chars: int = Field(3, ge=2)    # leading-digit: shortest label compared


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if params.form == "leading-digit":
        yield from _leading_digit(doc, params)
        return
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


# The label before a figure: a run of Han characters, then at most one separator.
_LABEL = compile_skipping(r"([\u4e00-\u9fff]{2,12})[\uff0c,\uff1a:\s]?$")


def _label(text: str, start: int) -> str:
    match = _LABEL.search(text[max(0, start - 14):start])
    return match.group(1) if match else ""


def _leading_digit(doc, params: Params) -> Iterator[Finding]:
    text = doc.folded_text
    figures = []
    for q in doc.quantities:
        if q.is_range or q.bound is not None or q.unit is None or q.is_chinese_numeral:
            continue
        number = (q.number_text or "").replace(",", "")
        if not number[:1].isdigit():
            continue
        label = _label(text, q.span.start)
        if len(label) >= params.label_chars:
            figures.append((q, number, label))
    by_number: dict[tuple[str, str, str], list] = {}
    for q, number, label in figures:
        by_number.setdefault((number, q.unit, q.magnitude or ""), []).append((q, label))
    for q, number, label in figures:
        if number[0] == "0" or sum(ch.isdigit() for ch in number) < params.min_digits:
            continue
        for digit in "123456789":
            for other, other_label in by_number.get((digit + number, q.unit, q.magnitude or ""), []):
                if other_label.endswith(label) or label.endswith(other_label):
                    line, _ = doc.position(other.span.start)
                    yield Finding(q.span, args={"value": q.text, "first": other.text, "first_line": line})
                    break
            else:
                continue
            break
