"""Inline enumerations that skip or repeat: ``一是…二是…四是``, ``第一，…第三，``.

An enumeration may run on over the next paragraph (a paragraph starting ``三是`` after
one ending at ``二是``) as long as no numbered heading or item comes between.  A new
``一是`` starts a new enumeration; a paragraph starting at ``二是`` with nothing before
it is left alone (the first enumerator may sit where the parser cannot see it).  A
heading run into the paragraph (``…。五、存在的问题：一是…``, a document whose line ends
were lost) ends the enumeration before it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.numbering.ordinals import missing, render, shape
from checker.model.markers import marker_at
from checker.model.structure import Marker
from checker.core.skipping_re import compile_skipping

# Marks after which a heading run into a paragraph may start.
_HEADING_AFTER = "。！？；：:;"
_BLANKS = " \t\u3000\u00a0"
# one of _HEADING_AFTER: the marks _heading_between looks after (found by a search, not a
# Python step per character of the stretch)
_HEADING_AFTER_MARK = compile_skipping("[" + re.escape(_HEADING_AFTER) + "]")

MESSAGE_ARGS = frozenset({
    "marker",         # the offending enumerator: 四是
    "detail",         # what is wrong: one of the detail templates below, filled
    "expected",       # the enumerator expected here: 三是
    "previous",       # the enumerator before it: 二是
    "previous_line",  # …and its line
    "missing_first",  # the first and last enumerators missing before it
    "missing_last",
})
# The templates the kind fills (messages: in the pack): the detail — `missing` (one
# enumerator) or `missing_range`, `repeated`, `reversed` — and the note `previous_at`.
MESSAGES = frozenset({"missing", "missing_range", "repeated", "reversed", "previous_at"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

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
            outer: list[Marker] = []    # enumerations a nested 一是 interrupted, innermost last
            for marker in markers:
                if marker.ordinal == 1:
                    if previous is not None and previous in markers:
                        outer.append(previous)     # not one carried from the paragraph before
                    previous = marker
                    continue
                if previous is not None and _heading_between(doc.text, previous.span.end, marker.span.start):
                    previous = None
                    outer.clear()
                if (previous is not None and marker.ordinal != previous.ordinal + 1 and outer
                        and marker.ordinal == outer[-1].ordinal + 1):
                    # 一是工业：有2家，一是A；二是B。二是农业: the inner list (一是A；二是B)
                    # sits inside the outer 一是, and this 二是 goes on the outer one.
                    previous = outer.pop()
                if previous is not None:
                    yield from _compare(doc, rule, previous, marker)
                previous = marker
            last[style] = (enum.paragraph, previous or markers[-1])


def _heading_between(text: str, start: int, end: int) -> bool:
    """Whether a numbered heading opens a clause of ``text[start:end]``."""
    for mark in _HEADING_AFTER_MARK.finditer(text, start, end):
        j = mark.end()
        while j < end and text[j] in _BLANKS:
            j += 1
        if j < end and marker_at(text, j, end) is not None:
            return True
    return False


def _compare(doc, rule, previous: Marker, marker: Marker) -> Iterator[Finding]:
    expected = previous.ordinal + 1
    if marker.ordinal == expected:
        return
    args = {"marker": marker.text, "expected": render(marker.style, shape(marker), expected),
            "previous": previous.text, "previous_line": doc.position(previous.span.start)[0]}
    if marker.ordinal == previous.ordinal:
        detail = "repeated"
    elif marker.ordinal > expected:
        detail, missing_args = missing(marker.style, shape(marker), expected, marker.ordinal - 1)
        args.update(missing_args)
    else:
        detail = "reversed"
    args["detail"] = rule.fill(detail, **args)
    yield Finding(marker.span, args=args, note="previous_at")

