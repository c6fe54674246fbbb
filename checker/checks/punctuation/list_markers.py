"""List markers closed by a single parenthesis ("1)", "a)", "十)", "2）"), found only where
a parenthesis closes.

``punct-balance`` asks, per paragraph, where such markers end.  Their expression opens
with ``^`` or a look-behind, which gives ``re`` no first character to skip to: a search
tried it at every character of every paragraph.  But every match is at most
``_LONGEST`` characters and ends with one of ``_CLOSERS``, so it lies inside the stretch
of ``_LONGEST`` characters ending at one of them; the expression is searched over those
stretches only (merged where they meet), from left to right, which finds the same matches
(``marker_ends``; tests/test_speed_shortcuts_exact.py compares it with a whole search):

* no match starts outside the stretches, so the whole search passes over the rest;
* a match that starts in a stretch ends at a closer at most ``_LONGEST - 1`` characters
  on, whose own stretch holds its start: the two are one merged stretch, so the match is
  not cut by the stretch's end;
* the stretch's search starts where the whole search stands there: the last match before
  it ended inside an earlier stretch;
* the look-behind may read the character before a stretch (``re`` reads the whole string
  behind ``pos``) and ``^`` holds only at the text's start, as in the whole search.
"""
from __future__ import annotations

import re
from checker.core.skipping_re import compile_skipping
from functools import lru_cache

_CLOSERS = ")）"
_LONGEST = 4            # up to three numerals and the closer


@lru_cache(maxsize=8)
def list_marker(numerals: str) -> re.Pattern[str]:
    """A list marker closed by a single parenthesis, half- or full-width: "1)", "a)",
    "十)", "2）" at the start of a paragraph or after a clause mark."""
    return compile_skipping(rf"(?:^|(?<=[\s；;，,。：:]))[0-9A-Za-z{re.escape(numerals)}]{{1,3}}[{_CLOSERS}]")


def marker_ends(numerals: str, body: str) -> set[int]:
    """``{m.end() - 1 for m in list_marker(numerals).finditer(body)}``."""
    marker = list_marker(numerals)
    if any(c in numerals for c in _CLOSERS):
        # a closer that is also a numeral: a match may hold two closers; searched whole
        return {m.end() - 1 for m in marker.finditer(body)}
    ends: set[int] = set()
    find = body.find
    stretches: list[list[int]] = []
    for closer in _CLOSERS:
        at = find(closer)
        while at >= 0:
            stretches.append([max(0, at - _LONGEST + 1), at + 1])
            at = find(closer, at + 1)
    if not stretches:
        return ends
    stretches.sort()
    merged = [stretches[0]]
    for a, b in stretches[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in merged:
        for m in marker.finditer(body, a, b):
            ends.add(m.end() - 1)
    return ends
