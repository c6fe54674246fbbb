"""Where the words of a fixed set occur in a text, found as ``re`` finds them with the
alternation of the words longest first (``literal.alternation``), but without trying every
word at every place.

``re`` runs an alternation of two hundred words by trying each branch in turn at every
position whose character begins one of them: with a hundred and sixty first characters,
most of them common (不 人 以 会 …), that is most positions of a document, each paying a
test per branch.  Here one expression, ``[firsts](?=[seconds])``, finds the positions
whose character begins a word and whose next character is the second character of a word
(``re`` skips to a first character by its own table), and only there are the words that
begin with those two characters tried, longest first.

Why it finds the same matches: the alternation's search from ``at`` returns the leftmost
position ``p >= at`` where some branch matches, and of those branches the first in the
alternation's order — the longest word that starts at ``p`` (two words of the same length
cannot both start at ``p``).  A word starting at ``p`` has its first character at ``p`` and
its second at ``p + 1``, so ``p`` is among the candidate positions; the candidates are in
order and overlapping ones are all found (the expression consumes one character); each
search goes on from the previous match's end, as ``finditer`` does.  Every word has at
least two characters (``WordScan.of`` returns None otherwise: the caller keeps ``re``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checker.core.skipping_re import compile_skipping


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(set(chars))) + "]"


def pair_starts(words: Iterable[str]) -> re.Pattern[str]:
    """``[firsts](?=[seconds])`` of ``words`` (each of two characters or more): the places
    where one of them may begin, found with ``re``'s skip to a first character; one
    character consumed, so overlapping places are all found."""
    words = list(words)
    return compile_skipping(_char_class(w[0] for w in words) + "(?=" + _char_class(w[1] for w in words) + ")")


class WordScan:
    """The words of a set (each of two characters or more), found in a text in order,
    without overlaps, the longest word at each place (see the module's note)."""

    __slots__ = ("_candidates", "_by_pair")

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(set(words), key=lambda w: (-len(w), w))     # the alternation's order
        by_pair: dict[str, list[str]] = {}
        for word in ordered:
            by_pair.setdefault(word[:2], []).append(word)
        self._by_pair = {pair: tuple(group) for pair, group in by_pair.items()}
        self._candidates = pair_starts(ordered)

    @classmethod
    def of(cls, words: Iterable[str]) -> "WordScan | None":
        """The scan of ``words``, or None when one of them is shorter than two characters
        or there are none."""
        words = set(words)
        if not words or any(len(w) < 2 for w in words):
            return None
        return cls(words)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, word)`` of each match, as ``alternation(words).finditer(text)``
        gives them."""
        by_pair = self._by_pair
        startswith = text.startswith
        end = 0
        for m in self._candidates.finditer(text):
            at = m.start()
            if at < end:
                continue            # inside the previous match: re searched on from its end
            group = by_pair.get(text[at:at + 2])
            if group is None:
                continue
            for word in group:
                if startswith(word, at):
                    end = at + len(word)
                    yield at, end, word
                    break
