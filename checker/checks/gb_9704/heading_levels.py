"""``gb-heading-levels``: a heading level skipped.  GB/T 9704-2012 7.3.3 numbers the levels of
a text 一、 → （一） → 1. → （1）; a level right under another must be the next one down, so
``1.`` straight under ``一、`` skips ``（一）``.  A document may begin at any level (a short
notice numbered 1. 2. 3. only); what is reported is the first heading of a parent whose
children jump one or more levels (``heading_ranks`` gives each style its rank).
A document that skips the same level under every heading has one problem, not one per
heading: the first place is reported, with the number of places.
"""
from __future__ import annotations

from typing import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.checks.numbering.ordinals import render

MESSAGE_ARGS = frozenset({"marker", "parent", "missing", "count"})

_STANDARD_SHAPES = {1: ("cn-dun", "#、"), 2: ("cn-paren", "（#）"), 3: ("ar-dot", "#."), 4: ("ar-paren", "（#）")}


def check(doc, rule) -> Iterator[Finding]:
    ranks = vocabulary(rule).heading_ranks
    if not ranks:
        return
    places: dict[tuple[str, str], list] = {}
    for block in doc.structure.iter_blocks():
        parent = block.parent
        if parent is None or not parent.children or parent.children[0] is not block:
            continue
        own, above = ranks.get(block.marker.style), ranks.get(parent.marker.style)
        if own is None or above is None or own <= above + 1:
            continue
        places.setdefault((parent.marker.style, block.marker.style), []).append((block, parent, above, own))
    for found in places.values():
        block, parent, above, own = found[0]
        missing = "".join(f"“{render(style, shape, 1)}”" for style, shape in
                          (_STANDARD_SHAPES[r] for r in range(above + 1, own) if r in _STANDARD_SHAPES))
        yield Finding(block.marker.span, args={"marker": block.marker.text, "parent": parent.marker.text,
                                               "missing": missing, "count": len(found)})
