"""One level of numbering written two ways: ``1.`` beside ``1、``, ``（一）`` beside ``(一)``.

All markers of one level (the parser puts ``1.`` and ``1、`` on one level unless they
nest) should share one shape.  The shape most markers of the level use wins (the first
one seen on a tie); every other marker is reported, with the majority shape as its fix.

``required_shapes`` maps a shape to the one a house style (or GB/T 9704-2012 7.3.3,
which numbers the third level ``1.``) requires instead: ``{"#、": "#."}``.  Markers in
such a shape are then reported even where the whole level uses it (message
``required``), and the level's usual shape is counted after the mapping, so the right
shape is never reported as the odd one out.
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
    # shape -> the shape required instead ({"#、": "#."}); empty: the majority decides alone
    required_shapes: dict[str, str] = Field(default_factory=dict)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    by_level: dict[int, list[Block]] = defaultdict(list)
    for block in doc.structure.iter_blocks():
        if block.marker.style in params.styles:
            by_level[block.level].append(block)
    required = params.required_shapes
    for blocks in by_level.values():
        written = [shape(b.marker) for b in blocks]
        shapes = [required.get(s, s) for s in written]       # a level never mixes 一 and 1
        counts = Counter(shapes)
        style_of = {s: b.marker.style for s, b in zip(written, blocks)}
        for block, own in zip(blocks, written):
            if own in required:
                target = required[own]
                fixed = render(style_of.get(target, block.marker.style), target, block.marker.ordinal)
                yield Finding(block.marker.span, args={"marker": block.marker.text, "majority": fixed,
                                                       "count": counts[target]},
                              fix=fixed, message="required")
        if len(counts) < 2:
            continue
        order = {s: i for i, s in reversed(list(enumerate(shapes)))}
        usual = max(counts, key=lambda s: (counts[s], -order[s]))
        if counts[usual] < params.min_majority:
            continue
        for block, own, as_written in zip(blocks, shapes, written):
            if own == usual or as_written in required:
                continue
            marker = block.marker
            fixed = render(style_of.get(usual, marker.style), usual, marker.ordinal)
            yield Finding(marker.span, args={"marker": marker.text, "majority": fixed, "count": counts[usual]},
                          fix=fixed)
