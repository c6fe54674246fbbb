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

# ``[…]{m}`` or ``[…]{m,n}`` at the start, the class read up to its first unescaped
# ``]`` that is not its first character (``[]a]`` holds ``]``)
_HEAD = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]\{[0-9]+(?:,[0-9]*)?\}")


def rest_after_run(pattern: str, flags: int = 0) -> str | None:
    """The expression after a leading ``[class]{m,n}`` of ``pattern``, or None when it
    does not open so (or the rest is not an expression of its own, or the run is made
    lazy or possessive by the character after it)."""
    head = _HEAD.match(pattern)
    if head is None:
        return None
    rest = pattern[head.end():]
    if not rest or rest[0] in "?+*{":
        return None     # ``{1,12}?``/``{1,12}+``: another repeat than the one read
    try:
        from re import _constants as c, _parser

        parsed = _parser.parse(head.group(), flags)
        if len(parsed.data) != 1 or parsed.data[0][0] is not c.MAX_REPEAT:
            return None
        inner = parsed.data[0][1][2]
        if len(inner.data) != 1 or inner.data[0][0] not in (c.IN, c.LITERAL, c.NOT_LITERAL):
            return None
        re.compile(rest, flags)
    except Exception:  # noqa: BLE001 - not an expression, or re's parser changed: no rest
        return None
    return rest
