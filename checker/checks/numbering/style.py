"""One level of numbering written two ways: ``1.`` beside ``1、``, ``（一）`` beside ``(一)``.

All markers of one level (the parser puts ``1.`` and ``1、`` on one level unless they
nest) should share one shape.  The shape most markers of the level use wins (the first
one seen on a tie); every other marker is reported, with the majority shape as its fix.

``required_shapes`` maps a numbering style to the shape a house style (or GB/T
9704-2012 7.3.3, which numbers the third level ``1.``) requires for it:
``{"ar-dun": "#."}`` turns every ``1、`` into ``1.``.  Markers of such a style are then
reported even where the whole level uses it (message ``required``), and the level's
usual shape is counted after the mapping, so the right shape is never reported as the
odd one out.  A "marker" that follows a long paragraph cut off in mid-sentence is the
page number a document-sharing site put between two pages (``…名生培\n2、养实现新突破``),
not a heading; when half the markers of a level are such, the whole level is page
numbers (the first page's "1、" follows no cut) and no required shape is asked of it.
Nor is it asked of a level most of whose markers open no heading (a short first clause
without a comma): a list run into prose is left to the majority rule.
Items of an inner level that stand before any item of the levels above them belong to
no heading of the document's outline: a site's notice list, a breadcrumb, a contents
list.  They are another list, so their shape is not compared with the body's.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.numbering.ordinals import render, shape
from checker.model.structure import STYLE_ORDER, Block

MESSAGE_ARGS = frozenset({
    "marker",     # the minority marker as written: (三)
    "majority",   # the same ordinal in the level's usual shape: （三）
    "count",      # how many markers of the level use the usual shape
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # marker styles checked: cn-dun, cn-paren, ar-dot, ar-dun, ar-paren, circled
    styles: list[str] = list(STYLE_ORDER)
    # A level needs at least this many markers in its usual shape before the others
    # are called inconsistent.
    min_majority: int = Field(default=1, ge=1)
    # style -> the shape required for it ({"ar-dun": "#."}); empty: the majority decides alone
    required_shapes: dict[str, str] = Field(default_factory=dict)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    by_level: dict[int, list[Block]] = defaultdict(list)
    blocks_all = list(doc.structure.iter_blocks())
    top = min((b.level for b in blocks_all), default=1)
    for block in blocks_all:
        if block.level > top and block.parent is None:
            continue          # an orphan list outside the outline (notice, breadcrumb)
        if block.marker.style in params.styles:
            by_level[block.level].append(block)
    required = params.required_shapes
    for blocks in by_level.values():
        written = [shape(b.marker) for b in blocks]
        # a level never mixes 一 and 1, so the shape alone tells its markers apart
        shapes = [required.get(b.marker.style, s) for s, b in zip(written, blocks)]
        counts = Counter(shapes)
        style_of = {s: b.marker.style for s, b in zip(written, blocks)}
        asked = [b for b in blocks if b.marker.style in required]
        cut = [b for b in asked if _after_cut_text(doc, b)]
        headings = [b for b in asked if _heading_like(doc, b)]
        pages = len(cut) * 2 >= len(asked) or len(headings) * 2 < len(asked)
        for block, own in zip(blocks, written):
            target = required.get(block.marker.style)
            if target is not None and target != own and not pages:
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
        for block, own in zip(blocks, shapes):
            if own == usual or block.marker.style in required:
                continue
            marker = block.marker
            fixed = render(style_of.get(usual, marker.style), usual, marker.ordinal)
            yield Finding(marker.span, args={"marker": marker.text, "majority": fixed, "count": counts[usual]},
                          fix=fixed)


_CLOSING = "。！？；：…”’）)】》!?;:.\"'"


def _after_cut_text(doc, block: Block) -> bool:
    """The paragraph before the marker is long and stops in mid-sentence: a page break of
    a scraped document, so the "marker" is a page number."""
    para = doc.paragraph_at(block.marker.span.start)
    if para is None:
        return False
    for prev in reversed(doc.paragraphs[:para.index]):
        body = prev.span.of(doc.text).strip()
        if body:
            return len(body) >= 40 and body[-1] not in _CLOSING
    return False


_CLAUSE_END = "。！？；!?;\n"


def _heading_like(doc, block: Block) -> bool:
    """The text after the marker opens with a heading: a first clause of at most 30
    characters with no comma in it (1、狠抓招商引资工作。 but not 1、教育局2022工作总结…)."""
    rest = doc.text[block.marker.span.end:block.marker.span.end + 60]
    clause = rest
    for i, ch in enumerate(rest):
        if ch in _CLAUSE_END:
            clause = rest[:i]
            break
    return 0 < len(clause.strip()) <= 30 and "，" not in clause and "," not in clause
