"""Heading and item numbers that skip, repeat or go backwards: ``一、二、四、`` · ``27.`` then ``49.``.

The genre numbers items in two ways, both correct: restarting at 1 under each parent
heading (一、 1. 2. 3. 二、 1. 2.) or running on through the whole document (一、 1.–5.
二、 6.–18.).  For every level the check reads the items under four groupings — per
parent, document-wide, per section and parent, per section — and keeps the grouping
with the fewest breaks; only what breaks that best reading is reported, at the first
marker after the break.  A document whose numbering fits any one reading is silent.

Real documents add these forms that are not breaks:

* a list restarting at 1 after an unnumbered name line (a table of contents or an outline
  at the top, then the title again and the body; a second document of a collection)
  is a new list — as is a 1 whose title is the title an earlier 1 of its level had (a
  contents list, then the body starting again with its first entry) — and so are the
  first sub-items under its items (the outline's
  （一）…（十） numbered through, the body's （一） under its own 一、);
* a number missing from the parse but written at a paragraph start (``1、2022年…``, read
  as a range of years, before ``2、``) is there;
* a number written run into the words before it (``一、社会救助扎实有力1.低保…`` before
  ``2.``: the item glued to its heading line by a web copy) is there;
* a text that opens with an item (``四、``: a later page of a paginated article), or whose
  first numbered item is below the first level (``（五）`` after a page's title and
  byline: the text began inside a section it does not show), does not miss the items
  before it; and a 1 after such a list starts a new list, the parent of the first being
  off the page.  So does a text that opens in mid-text (no title, its first line body
  text: ``doc.structure.opens_mid_text``) whose first item of a level has no parent on
  the page (``二、`` after the tail of page 5);
* a first sub-item written run into its parent heading's line (``二、主要措施（一）加强领导``)
  is there: the next ``（二）`` follows it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.numbering.ordinals import missing, render, shape
from checker.checks.numbering.outline import name_lines
from checker.model.structure import STYLE_ORDER, Block

MESSAGE_ARGS = frozenset({
    "marker",         # the offending marker as written, e.g. 四、
    "detail",         # what is wrong: one of the detail templates below, filled
    "expected",       # the marker expected here, e.g. 三、
    "previous",       # the marker before it, e.g. 五、 (none for a list's first item)
    "previous_line",  # …and its line
    "missing_first",  # the first and last markers missing before it: 三、 · 28. … 48.
    "missing_last",
})
# The templates the kind fills (messages: in the pack): the detail — `missing` (one
# marker) or `missing_range`, `repeated`, `reversed` — and the note on the previous
# marker, `previous_at`.
MESSAGES = frozenset({"missing", "missing_range", "repeated", "reversed", "previous_at"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # Marker styles whose sequences are checked.
    styles: list[str] = list(STYLE_ORDER)
    # Whether a list must start at 1 (一、, （一）, 1.) under its parent.
    start_at_one: bool = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    structure = doc.structure
    by_level: dict[int, list[Block]] = defaultdict(list)
    for block in structure.iter_blocks():
        if block.marker.style in params.styles:
            by_level[block.level].append(block)
    if not by_level:
        return
    sections = structure.sections
    flat = list(structure.iter_blocks())
    flat.sort(key=lambda b: b.head.start)
    heads = [b.paragraphs[0] for b in flat]
    names = name_lines(doc, set(heads))
    first_paragraph = doc.paragraphs[0].index if doc.paragraphs else -1

    # Lookups by position, not by scanning: a text of thousands of numbered lines stays linear.
    place = {id(b): i for i, b in enumerate(flat)}
    sorted_names = sorted(names)

    def head_before(block: Block) -> int:
        """The head paragraph of the block before ``block`` in the text (any level), or -1."""
        i = place[id(block)]
        return heads[i - 1] if i else -1

    def new_list(block: Block, previous: Block | None = None) -> bool:
        """``block`` restarts at 1 after an unnumbered name line: a new list begins.  So
        does a first sub-item whose parent, not ``previous``'s, began such a new list (an
        outline at the top numbering （一）…（十） through, then the title again and the
        body's 一、 with its own （一）)."""
        if block.marker.ordinal != 1:
            return False
        here = block.paragraphs[0]
        k = bisect_right(sorted_names, head_before(block))     # the first name line after it
        if k < len(sorted_names) and sorted_names[k] < here:
            return True
        if _title_key(block.title) in first_titles.get((block.level, block.marker.style), {}).get(
                id(block), ()):
            return True     # the contents' first entry again: the body after a contents list
        parent = block.parent
        return (parent is not None and previous is not None and parent is not previous.parent
                and new_list(parent))

    # For each first item (ordinal 1) of a level and style, the titles of the earlier first
    # items of that level and style: a body that starts again with the title its contents
    # list began with (一、 政府决算报告 … 28、… then 一、政府决算报告) is a new list.
    first_titles: dict[tuple, dict[int, frozenset[str]]] = {}
    for level, items in by_level.items():
        seen: dict[str, set[str]] = defaultdict(set)
        for block in items:
            if block.marker.ordinal == 1:
                key = (level, block.marker.style)
                first_titles.setdefault(key, {})[id(block)] = frozenset(seen[block.marker.style])
                title = _title_key(block.title)
                if title:
                    seen[block.marker.style].add(title)

    first_block = flat[0] if flat else None
    # The text began inside a section whose heading it does not show (a later page of a
    # paginated article, a page cut from the middle of a document): its first numbered
    # item is below the first level and not the first of its list (（五）, 3.).  The
    # first item of each level may then start anywhere: their predecessors are off the page.
    cut_top = (first_block is not None and first_block.marker.style in STYLE_ORDER[1:]
               and first_block.marker.ordinal != 1)
    first_of_level = {id(items[0]) for items in by_level.values()}

    # A text that opens in mid-text (no title, its first line already body text: a
    # later page) shows no numbered item above its first ones: an item with no parent
    # on the page that is the first of its level continues a list begun off the page.
    mid_text = structure.opens_mid_text

    def opens_text(block: Block) -> bool:
        if block.paragraphs[0] == first_paragraph:
            return True
        if mid_text and block.parent is None and id(block) in first_of_level:
            return True
        return cut_top and id(block) in first_of_level

    # ``written``'s answers: the readings of ``_best_reading`` (up to four groupings of a
    # level) ask it again of the same item and gap, and each answer reads the paragraphs
    # between the item and the one before it
    written_known: dict[tuple[int, int, int], bool] = {}

    def written(block: Block, low: int, high: int) -> bool:
        key = (id(block), low, high)
        known = written_known.get(key)
        if known is None:
            known = written_known[key] = written_between(block, low, high)
        return known

    def written_between(block: Block, low: int, high: int) -> bool:
        """Whether the markers low..high of ``block``'s shape all open a paragraph between
        the block before it and itself (written, though the parser did not take them)."""
        here = block.paragraphs[0]
        before = head_before(block)
        if low == 1 and block.parent is not None:
            # the first item may stand run into its parent heading's line (二、主要措施（一）
            # 加强领导…), with its own sub-items below it before this one
            before = min(before, block.parent.paragraphs[0]) if before >= 0 else block.parent.paragraphs[0]
        starts = [doc.paragraph_text(k) for k in range(max(before, 0), here)]
        for ordinal in range(low, high + 1):
            text = render(block.marker.style, shape(block.marker), ordinal)
            if not any(start.startswith(text) or _run_in(start, text) for start in starts):
                return False
        return True

    context = (new_list, opens_text, written)

    section_starts = [section.span.start for section in sections]
    in_order = section_starts == sorted(section_starts)

    def section_of(block: Block) -> int:
        if in_order:    # sections follow the text: the last one starting at or before the block
            i = bisect_right(section_starts, block.span.start) - 1
            return i if i >= 0 and block.span.start < sections[i].span.end else -1
        for i, section in enumerate(sections):
            if section.span.start <= block.span.start < section.span.end:
                return i
        return -1

    groupings = (
        lambda b: id(b.parent),
        lambda b: 0,
        lambda b: (section_of(b), id(b.parent)),
        lambda b: section_of(b),
    )
    # A top-level list that starts again after a name line (an outline, then the title
    # again and the body) divides the text into parts, each read on its own: the outline
    # may number its sub-items through while the body restarts them under each heading.
    top = min(by_level)
    part_starts = [b.span.start for b in by_level[top][1:] if new_list(b)]

    def part_of(block: Block) -> int:
        return bisect_right(part_starts, block.span.start)

    for level in sorted(by_level):
        parts: dict[int, list[Block]] = defaultdict(list)
        for block in by_level[level]:
            parts[part_of(block)].append(block)
        found: list = []
        for items in parts.values():
            found.extend(_best_reading(items, groupings, params.start_at_one, context))
        for block, previous, (detail, detail_args), expected_ordinal in sorted(found, key=lambda t: t[0].span.start):
            marker = block.marker
            args = {"marker": marker.text, "expected": render(marker.style, shape(marker), expected_ordinal),
                    **detail_args}
            note = None
            if previous is not None:
                args.update(previous=previous.marker.text,
                            previous_line=doc.position(previous.marker.span.start)[0])
                note = "previous_at"  # the engine fills it, placing the line in the source's terms
            args["detail"] = rule.fill(detail, **args)
            yield Finding(marker.span, args=args, note=note)


def _title_key(title: str) -> str:
    """A heading's title compared across a contents list and the body: blanks and closing
    marks dropped (一、 政府决算报告 and 一、政府决算报告 are one title)."""
    return "".join(ch for ch in title if not ch.isspace()).rstrip("。．.：:")


def _best_reading(items: list[Block], groupings, start_at_one: bool, context) -> list:
    """The breaks of ``items`` (one level of one part) under the grouping with fewest."""
    best: list | None = None
    for key in groupings:
        groups: dict[object, list[Block]] = defaultdict(list)
        for block in items:
            groups[key(block)].append(block)
        breaks = [b for group in groups.values() for b in _breaks(group, start_at_one, context)]
        if best is None or len(breaks) < len(best):
            best = breaks
        if not best:
            break
    return best or []


def _breaks(group: list[Block], start_at_one: bool,
            context) -> Iterator[tuple[Block, Block | None, tuple[str, dict], int]]:
    """Each item of ``group`` (one list, in order) that does not follow its predecessor.

    One slip is reported once: after a repeated number (（二）（二）) the repeat stands
    for the number it should have been, so both （三） and （四） may follow it; after a
    gap or a step back the count goes on from the highest number seen.  The detail is
    a template name of the rule's messages and its arguments."""
    new_list, opens_text, written = context
    previous: Block | None = None
    stands_for = 0   # the ordinal the previous item stands for
    fragment = False  # the list began mid-way at the top of a cut text
    for block in group:
        marker = block.marker
        ordinal = marker.ordinal
        if previous is not None and (new_list(block, previous) or (fragment and ordinal == 1)):
            previous = None   # after a list whose start the text does not show, a 1 is a new list
        if previous is None:
            fragment = ordinal != 1 and opens_text(block)
            if start_at_one and ordinal != 1 and not fragment and not written(block, 1, ordinal - 1):
                yield block, None, missing(marker.style, shape(marker), 1, ordinal - 1), 1
            stands_for = ordinal
        else:
            last = previous.marker.ordinal
            expected = stands_for + 1
            if ordinal == expected or ordinal == last + 1:
                stands_for = ordinal
            elif ordinal == last:
                yield block, previous, ("repeated", {}), expected
                stands_for = expected
            elif ordinal > expected:
                if not written(block, expected, ordinal - 1):
                    yield block, previous, missing(marker.style, shape(marker), expected, ordinal - 1), expected
                stands_for = ordinal
            else:
                yield block, previous, ("reversed", {}), expected
                stands_for = max(stands_for, ordinal)
        previous = block


def _run_in(paragraph: str, marker: str) -> bool:
    """``marker`` stands inside ``paragraph`` run into the words before it, as an item
    glued to the end of its heading line (一、社会救助扎实有力1.低保政策落实到位。): not
    after a digit, a letter or a point (21., 1.1.) and not before a digit (1.5万)."""
    k = paragraph.find(marker, 1)
    while k > 0:
        before, after = paragraph[k - 1], paragraph[k + len(marker):k + len(marker) + 1]
        if not (before.isdigit() or before.isascii() and before.isalpha() or before in "."
                ) and not after.isdigit():
            return True
        k = paragraph.find(marker, k + 1)
    return False
