"""A list of texts kept as one joined text and where each begins, each made when read.

The phrase index's ~11,000 phrases are read at a fresh process's first document with a
Han window, yet a scan reads only the few its candidates name (``phrases[pid]``).  Made
all at once (``str.split``) they were ~1-2 ms of that document; kept joined, one is a
slice made when asked for.  ``JoinedLines`` reads as the list it stands for: indexing
(negative and slices too), ``len``, iteration, ``in``, and equality with any sequence of
the same texts in the same order.

The joined text is kept as its UTF-8 bytes, the starts counted in bytes (format 3 of the
kept lists, ``phrase_lists``): read back by ``marshal`` a ``str`` of the ~60,000
characters was decoded whole (~1.5 M instructions of every fresh process's first
document); bytes are copied, and a text is decoded when it is read.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence

# the item type of the starts: four bytes (a text of up to 4 G characters)
STARTS_TYPE = "I"


def joined_of(texts: list[str], separator: str = "\n") -> bytes:
    """The texts, each followed by ``separator`` (an ASCII character none of them holds),
    as UTF-8: the ``joined`` of ``JoinedLines``."""
    return "".join(text + separator for text in texts).encode("utf-8")


def starts_of(texts: list[str]) -> array:
    """Where each text begins in ``joined_of(texts)`` (in bytes), then its length: the
    ``starts`` of ``JoinedLines``."""
    starts = array(STARTS_TYPE, [0] * (len(texts) + 1))
    at = 0
    for i, text in enumerate(texts):
        starts[i] = at
        at += len(text.encode("utf-8")) + 1
    starts[len(texts)] = at
    return starts


class JoinedLines(Sequence):
    """``texts`` as ``joined`` (``joined_of``: each text followed by one separator
    character, as UTF-8) and ``starts`` (``starts_of``, in bytes): text ``i`` is
    ``joined[starts[i]:starts[i + 1] - 1]`` decoded."""

    __slots__ = ("joined", "starts")

    def __init__(self, joined: bytes, starts: array) -> None:
        self.joined = joined
        self.starts = starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self.starts) - 1
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("JoinedLines index out of range")
        starts = self.starts
        return self.joined[starts[i]:starts[i + 1] - 1].decode("utf-8")

    def __iter__(self):
        joined = self.joined.decode("utf-8")
        # n texts end with n separators: the last one cut, a split gives the n texts
        return iter(joined[:-1].split(joined[-1]) if len(self.starts) > 1 else ())

    def __eq__(self, other) -> bool:
        if isinstance(other, JoinedLines):
            return self.joined == other.joined and self.starts == other.starts
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None             # as a list's: equal to one, so unhashable like one

    def __repr__(self) -> str:
        return f"JoinedLines({list(self)!r})"

    def __reduce__(self):
        return (JoinedLines, (self.joined, self.starts))
