"""Which word of a list a name ends with, by one look-up per word length.

The responsibility names are matched against lists of endings (unit suffixes such as
中心/服务中心/局, trailers such as 等): a loop of ``name.endswith(word)`` over the list,
in an order (shortest or longest first), returning the first word the name ends with
and is longer than.  Of the words of one length a name can end with one only, so the
first hit in that order is the first length, in the same order, at which the name's own
ending of that length is in the list: ``endings_by_length`` groups the words once,
``listed_ending`` asks one set per length.
"""
from __future__ import annotations

from collections.abc import Iterable


def endings_by_length(words: Iterable[str], longest_first: bool) -> tuple[tuple[int, frozenset[str]], ...]:
    """The words grouped by length, the lengths in the order given."""
    listed = list(words)
    lengths = sorted({len(w) for w in listed}, reverse=longest_first)
    return tuple((n, frozenset(w for w in listed if len(w) == n)) for n in lengths)


def listed_ending(name: str, groups: tuple[tuple[int, frozenset[str]], ...]) -> str | None:
    """The first word (in the groups' order) that ``name`` ends with and is longer than:
    ``next((w for w in words if name.endswith(w) and len(name) > len(w)), None)`` for the
    words sorted by length in that order."""
    size = len(name)
    for n, words in groups:
        if size > n:
            ending = name[size - n:]
            if ending in words:
                return ending
    return None
