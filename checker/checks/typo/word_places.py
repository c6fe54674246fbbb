"""Every place each word of a fixed set occurs in a text, as a loop of ``str.find`` per
word gives them, found in one pass over the text.

typo-spinner looked for each of its spun words with ``text.find`` from the start and
again from the end of each occurrence: two dozen scans of every document, most of them
finding nothing.  Here one expression, ``[firsts](?=[seconds])`` (``re`` skips to a first
character by its own table), finds the places whose two characters can begin a word,
and only there are the words beginning with those two characters tried.

Why the places are the same: every occurrence of a word begins with its first two
characters, so its place is among the expression's matches, which are in order and
overlap (the expression consumes one character).  ``find`` from ``end`` returns the
first occurrence at or after ``end``; taking a word's occurrences in order and keeping
each one at or after the end of the last one kept is that loop.  Every word has at least
two characters (``WordPlaces.of`` returns None otherwise: the caller keeps ``find``).
"""
from __future__ import annotations

from collections.abc import Iterable

from checker.checks.typo.word_scan import pair_starts


class WordPlaces:
    """The words of a set (each of two characters or more) and where each occurs."""

    __slots__ = ("_candidates", "_by_pair")

    def __init__(self, words: Iterable[str]) -> None:
        by_pair: dict[str, list[str]] = {}
        for word in sorted(set(words)):
            by_pair.setdefault(word[:2], []).append(word)
        self._by_pair = {pair: tuple(group) for pair, group in by_pair.items()}
        self._candidates = pair_starts(by_pair)

    @classmethod
    def of(cls, words: Iterable[str]) -> "WordPlaces | None":
        """The places of ``words``, or None when one is shorter than two characters or
        there are none."""
        words = set(words)
        if not words or any(len(w) < 2 for w in words):
            return None
        return cls(words)

    def places(self, text: str) -> dict[str, list[int]]:
        """word -> the starts ``find`` gives one after another (from 0, then from the end
        of each occurrence found); a word that does not occur is absent."""
        by_pair = self._by_pair
        startswith = text.startswith
        found: dict[str, list[int]] = {}
        ends: dict[str, int] = {}
        for m in self._candidates.finditer(text):
            at = m.start()
            group = by_pair.get(text[at:at + 2])
            if group is None:
                continue
            for word in group:
                if startswith(word, at) and at >= ends.get(word, 0):
                    found.setdefault(word, []).append(at)
                    ends[word] = at + len(word)
        return found
