"""A growing table of fixed-size records, one per row, kept in blocks of ``BLOCK`` rows.

The cross-document comparison keeps a record per sentence of every document compared
(its length and a sketch of its characters) and adds a batch of rows at a time.  One
array grown by making a larger one and copying into it held both at each growth (2.25
times the table: +19 MiB at 4,000 generated documents), and ``ndarray.resize`` copies
too.  In blocks, a full block is never touched again and a new one is an allocation of
its own (pages not yet written are not resident), so the table grows without a copy.
"""
from __future__ import annotations

BITS = 16
BLOCK = 1 << BITS            # rows per block
MASK = BLOCK - 1


class RowBlocks:
    def __init__(self, np, shape: tuple[int, ...], dtype) -> None:
        self.np = np
        self.shape, self.dtype = shape, dtype
        self.blocks: list = []
        self.rows = 0

    def __len__(self) -> int:
        return self.rows

    def extend(self, values) -> None:
        """Add ``values`` (an array of records of this shape) after the rows held."""
        np = self.np
        done = 0
        while done < len(values):
            at = self.rows & MASK
            if at == 0:
                self.blocks.append(np.empty((BLOCK, *self.shape), dtype=self.dtype))
            n = min(BLOCK - at, len(values) - done)
            self.blocks[-1][at:at + n] = values[done:done + n]
            done += n
            self.rows += n

    def take(self, rows):
        """The records of ``rows`` (an integer array of held rows, any order), as an array."""
        np = self.np
        blocks = self.blocks
        if len(blocks) == 1:
            return blocks[0][rows]
        out = np.empty((len(rows), *self.shape), dtype=self.dtype)
        if not len(rows):
            return out
        # The rows grouped by block with one stable sort of their block numbers, small
        # integers that numpy sorts by radix in linear time (as 16-bit keys: 2**16 blocks
        # are 2**32 rows), then one gather per block: linear in the rows asked for, whatever
        # the number of blocks.  (A pass over all the rows for each block made a look-up
        # grow with the table: 7 passes at 4,000 generated documents.)
        which = rows >> BITS
        low = int(which.min())
        if low == int(which.max()):
            # all in one block (a batch's own rows, most often): one gather
            return blocks[low][rows & MASK]
        order = np.argsort(which.astype(np.uint16 if len(blocks) <= 1 << 16 else np.int64), kind="stable")
        start = 0
        for b, end in enumerate(np.cumsum(np.bincount(which, minlength=len(blocks))).tolist()):
            if end > start:
                picked = order[start:end]
                out[picked] = blocks[b][rows[picked] & MASK]
            start = end
        return out
