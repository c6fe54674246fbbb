"""Each distinct pair of texts put to difflib once in a cross-document comparison.

The corpus comparison asks ``is_copy(sentence, candidate)`` for pairs of normalised
texts; a generated or real corpus holds many copies of a sentence, so the same two texts
come back again and again (a copy of a sentence meets the copies of its near copy that
filled its buckets).  The answer depends on the two texts and the parameters alone, so it
is kept, keyed by the pair's hash (the comparison asks only for pairs its arrays could
not decide, a few dozen a document, most of which go to difflib), and what a hit gives is trusted only once the two texts are found equal to the pair it was
computed for (``text_of(name)`` reads them back), so a collision of hashes costs a
comparison, never a wrong verdict.  The kept pairs are named by where their texts are, not
held as strings: an entry is two integers.
"""
from __future__ import annotations

from typing import Callable

# At most this many pairs kept (about 110 bytes each, 3.5 MB); when full the kept pairs are
# forgotten and the comparison goes on filling it again.  4,000 generated documents put
# 78,000 distinct pairs to it: kept whole (8.5 MB) difflib runs 17.8 times a document,
# with this limit 19.1 (the parent's memory is the scarcer resource).
LIMIT = 1 << 15


class CopyVerdicts:
    """``decide(a, b)`` for texts ``a`` and ``b`` named ``name_a`` and ``name_b``,
    computed once per distinct pair of texts."""

    __slots__ = ("decide", "text_of", "known", "limit")

    def __init__(self, decide: Callable[[str, str], bool], text_of: Callable[[int], str],
                 limit: int = LIMIT) -> None:
        self.decide = decide
        self.text_of = text_of
        self.known: dict[int, int] = {}      # hash of (a, b) -> name_a << 65 | name_b << 1 | verdict
        self.limit = limit

    def __call__(self, a: str, name_a: int, b: str, name_b: int) -> bool:
        key = hash((a, b))
        kept = self.known.get(key)
        if kept is not None:
            first_a, first_b = kept >> 65, (kept >> 1) & ((1 << 64) - 1)
            if (first_a == name_a or self.text_of(first_a) == a) and (
                    first_b == name_b or self.text_of(first_b) == b):
                return bool(kept & 1)
        verdict = self.decide(a, b)
        if kept is None:
            if len(self.known) >= self.limit:
                self.known.clear()
            self.known[key] = name_a << 65 | name_b << 1 | verdict
        return verdict
