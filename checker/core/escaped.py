"""Words escaped for a regular expression and joined: ``separator.join(map(re.escape, words))``.

The rules build their alternations from word lists (some two thousand words a fresh
process escapes, at the first document).  ``re.escape`` is a ``str.translate`` of each
word through a table of the characters it escapes, all of them ASCII; for a Chinese word
that is a dictionary look-up per character, ~0.25 us a word.  The words of a list rarely
hold any of those characters: one search of their joined text finds whether any does,
and a list without one is joined as it is, which is what escaping each word would have
made.  (``tests/test_escaped_join.py`` compares the set below with ``re.escape`` over every
character.)
"""
from __future__ import annotations

import re

# the characters re.escape changes (its table since Python 3.7: none outside ASCII)
_SPECIAL = re.compile(r"[()\[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]")


def escaped_join(words, separator: str = "|") -> str:
    """``separator.join(re.escape(w) for w in words)`` (``words``: texts)."""
    if type(words) is not list and type(words) is not tuple:
        words = list(words)
    if _SPECIAL.search("".join(words)) is None:
        return separator.join(words)
    return separator.join([re.escape(w) for w in words])
