"""``numpy.searchsorted(array, values, side="left")`` for a large sorted array, without
its cache misses.

numpy's searchsorted runs one binary search per value, each step waiting for the load
the previous step chose: over the phrase index's hashes (a million 8-byte entries, 8 MB,
memory-mapped) the last ten or so steps of every search miss the caches one after the
other (some 0.4-0.9 us a value, about 1,000 values a generated document).

Here the search is split in two.  A coarse array of every ``step``-th entry (small enough
to stay cached) says which block of ``step`` entries holds each value's place; then all the
values' searches inside their blocks advance together, one numpy step at a time: the loads
of different values no longer wait on each other, and each value's loads stay inside one
block of ``step`` entries (a few cache lines).

Exact by construction (tests/test_typo.py compares it with ``searchsorted``): for a value
``v`` the coarse search gives ``c``, the first block whose first entry is not below ``v``;
when ``c`` is 0 that is entry 0; otherwise the entry at block ``c - 1``'s start is below
``v`` and the one at block ``c``'s start (or the array's end) is not, so the answer lies
in ``(start(c - 1), start(c)]``, which the ordinary halving narrows to one place.
"""
from __future__ import annotations


class SortedLookup:
    """Left insertion points into one sorted 1-D array (``left``)."""

    __slots__ = ("array", "step", "_coarse")

    def __init__(self, array, step: int = 128) -> None:
        self.array = array
        self.step = step
        self._coarse = None      # made on first use: it reads a sample of the whole array

    def left(self, values):
        """What ``numpy.searchsorted(self.array, values, side="left")`` returns."""
        from checker.core.numeric import np

        array, step = self.array, self.step
        size = len(array)
        if not size or not len(values):
            return np.zeros(len(values), dtype=np.intp)
        coarse = self._coarse
        if coarse is None:
            coarse = self._coarse = np.ascontiguousarray(array[::step])
        block = np.searchsorted(coarse, values, side="left")
        # the answer lies in (lo - 1, hi]: array[lo - 1] < value (when lo > 0), and
        # array[hi] >= value or hi is the array's end
        lo = np.where(block > 0, (block - 1) * step + 1, 0)
        hi = np.minimum(block * step, size)
        last = size - 1
        while True:
            open_ = lo < hi
            if not open_.any():
                return lo
            mid = (lo + hi) >> 1
            below = array[np.minimum(mid, last)] < values
            lo = np.where(open_ & below, mid + 1, lo)
            hi = np.where(open_ & ~below, mid, hi)
