"""Half-open character ranges into a document's normalised text."""
from __future__ import annotations

from dataclasses import dataclass

from checker.model.unfrozen_twin import unfrozen_twin


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Characters ``start`` (inclusive) to ``end`` (exclusive) of ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start:self.end]

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def cover(self, other: Span) -> Span:
        """The smallest span holding both."""
        return Span(min(self.start, other.start), max(self.end, other.end))


# ``Span(start, end)`` without the dataclass constructor, for offsets the caller knows
# valid (0 <= start <= end): a frozen dataclass's ``__init__`` sets each field by
# ``object.__setattr__`` and ``__post_init__`` checks the bounds, some three times the
# cost of plain stores into an unfrozen twin given the class Span (``unfrozen_twin``).
# The span made is equal to, hashes and prints like the constructor's
# (tests/test_quantity_objects.py).  The quantities layer makes five or six spans for
# each of a document's ~100 quantities, the sentences layer one a sentence.
_new = object.__new__
_Unfrozen = unfrozen_twin(Span)


def known_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for bounds known valid: the bounds' check is skipped."""
    span = _new(_Unfrozen)
    span.start = start
    span.end = end
    span.__class__ = Span
    return span
