"""The rest of an expression that opens with a bounded run of one character class.

``[\\u4e00-\\u9fff]{1,12}〔(?:19|20)[0-9]{2}〕[0-9]{1,4}号`` (a 文号) opens with a run of up
to twelve Han characters: ``re`` finds no character to skip to, tries a match at every
Han character of the text and, at each, reads the run and gives it back one character
at a time.  Every match of such an expression holds a match of its rest (here
``〔(?:19|20)…号``) where its run ends, so a text in which the rest matches nowhere holds
no match of the whole, and the rest, opening with a bracket, is searched by skipping
from one bracket to the next.  ``rest_after_run`` gives that rest; the caller searches
the whole expression only in texts where the rest matches (the matches are the whole
expression's own).
"""
from __future__ import annotations

import re

from checker.core.skipping_re import compile_skipping

# ``[…]{m}`` or ``[…]{m,n}`` at the start, the class read up to its first unescaped
# ``]`` that is not its first character (``[]a]`` holds ``]``)
_HEAD = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]\{[0-9]+(?:,[0-9]*)?\}")


def rest_after_run(pattern: str, flags: int = 0) -> str | None:
    """The expression after a leading ``[class]{m,n}`` of ``pattern``, or None when it
    does not open so (or the rest is not an expression of its own, or the run is made
    lazy or possessive by the character after it).

    The class and its repeat are read from the text (``_HEAD``), not parsed: a process
    that finds the rest's program in the store parses nothing (tests/test_pattern_facts.py
    holds a seed run to that).  Read so, the head is one item — a class, then its repeat —
    and the whole expression is that item followed by the rest, so every match of the
    whole holds a match of the rest where the run ends."""
    head = _HEAD.match(pattern)
    if head is None:
        return None
    rest = pattern[head.end():]
    if not rest or rest[0] in "?+*{":
        return None     # ``{1,12}?``/``{1,12}+``: another repeat than the one read
    try:
        compile_skipping(rest, flags)   # (kept in the store: the caller's own compile)
    except re.error:
        return None     # ``[a]{2}(x``: the rest is no expression of its own
    return rest
