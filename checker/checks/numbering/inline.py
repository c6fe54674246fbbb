"""Inline enumerations that skip or repeat: ``一是…二是…四是``, ``第一，…第三，``.

An enumeration may run on over the next paragraph (a paragraph starting ``三是`` after
one ending at ``二是``) as long as no numbered heading or item comes between.  A new
``一是`` starts a new enumeration; a paragraph starting at ``二是`` with nothing before
it is left alone (the first enumerator may sit where the parser cannot see it).
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.numbering.ordinals import render, shape, skipped
from checker.model.structure import Marker

MESSAGE_ARGS = frozenset({
    "marker",     # the offending enumerator: 四是
    "detail",     # 前缺少“三是” · 与前一个重复，应为“三是” · 排在“三是”之后，顺序颠倒
    "expected",   # the enumerator expected here: 三是
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Inline styles checked: cn-shi (一是) and cn-di (第一，).
    styles: list[str] = ["cn-shi", "cn-di"]


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    structure = doc.structure
    heads = {block.paragraphs[0] for block in structure.iter_blocks()}
    last: dict[str, tuple[int, Marker]] = {}      # style -> (paragraph, last marker)
    for enum in structure.inline_enums:
        for style in params.styles:
            markers = [m for m in enum.markers if m.style == style]
            if not markers:
                continue
            carried = last.get(style)
            previous = None
            if carried and carried[0] == enum.paragraph - 1 and enum.paragraph not in heads:
                previous = carried[1]
            for marker in markers:
                if marker.ordinal == 1:
                    previous = marker
                    continue
                if previous is not None:
                    yield from _compare(doc, previous, marker)
                previous = marker
            last[style] = (enum.paragraph, previous or markers[-1])


def _compare(doc, previous: Marker, marker: Marker) -> Iterator[Finding]:
    expected = previous.ordinal + 1
    if marker.ordinal == expected:
        return
    if marker.ordinal == previous.ordinal:
        detail = f"与前一个重复，应为“{render(marker.style, shape(marker), expected)}”"
    elif marker.ordinal > expected:
        detail = f"前缺少{skipped(marker.style, shape(marker), expected, marker.ordinal - 1)}"
    else:
        detail = f"排在“{previous.text}”之后，顺序颠倒"
    line, _ = doc.position(previous.span.start)
    yield Finding(marker.span, args={"marker": marker.text, "detail": detail,
                                     "expected": render(marker.style, shape(marker), expected)},
                  related=f"前一个“{previous.text}”在第{line}行")

