"""jieba's full dictionary as rows, read a bounded piece at a time.

The dictionary holds some 350,000 lines ``word frequency class``.  Read whole into a list
of Python tuples it takes about 60 MB, which the phrase index's first build held beside
everything it derived from it; a piece of ``PIECE`` rows takes a few MB, and a reader that
keeps only what it derives from each piece stays within that.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

PIECE = 32_768


def pieces(path: Path, size: int = PIECE) -> Iterator[list[tuple[str, int, str]]]:
    """The dictionary's rows ``(word, frequency, class)`` in the file's order, ``size``
    at a time: every line whose blank-separated second field is a number (the class is ""
    on a line without a third field)."""
    rows: list[tuple[str, int, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
                if len(rows) >= size:
                    yield rows
                    rows = []
    if rows:
        yield rows
