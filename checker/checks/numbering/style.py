"""One level of numbering written two ways: ``1.`` beside ``1、``, ``（一）`` beside ``(一)``.

All markers of one level (the parser puts ``1.`` and ``1、`` on one level unless they
nest) should share one shape.  The shape most markers of the level use wins (the first
one seen on a tie); every other marker is reported, with the majority shape as its fix.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.numbering.ordinals import render, shape
from checker.model.structure import STYLE_ORDER, Block

MESSAGE_ARGS = frozenset({
    "marker",     # the minority marker as written: (三)
    "majority",   # the same ordinal in the level's usual shape: （三）
    "count",      # how many markers of the level use the usual shape
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    styles: list[str] = list(STYLE_ORDER)
    # A level needs at least this many markers in its usual shape before the others
    # are called inconsistent.
    min_majority: int = Field(default=1, ge=1)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    by_level: dict[int, list[Block]] = defaultdict(list)
    for block in doc.structure.iter_blocks():
        if block.marker.style in params.styles:
            by_level[block.level].append(block)
    for blocks in by_level.values():
        shapes = [(shape(b.marker), b.marker.style) for b in blocks]
        counts = Counter(shapes)
        if len(counts) < 2:
            continue
        order = {s: i for i, s in reversed(list(enumerate(shapes)))}
        usual = max(counts, key=lambda s: (counts[s], -order[s]))
        if counts[usual] < params.min_majority:
            continue
        usual_shape, usual_style = usual
        for block, own in zip(blocks, shapes):
            if own == usual:
                continue
            marker = block.marker
            fixed = render(usual_style, usual_shape, marker.ordinal)
            yield Finding(marker.span, args={"marker": marker.text, "majority": fixed, "count": counts[usual]},
                          fix=fixed)
