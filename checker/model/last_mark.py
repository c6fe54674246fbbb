"""Where the last of a set of characters stands before an offset, found in one call.

``max(text.rfind(c, 0, at) for c in marks)`` asks ``str.rfind`` once per mark, and a mark
the text holds nowhere before ``at`` (the ASCII ``(``, ``;`` of a Chinese document) sends
its search back over the whole text before ``at``: several whole-prefix scans for each
figure whose clause the number checks read.  ``last_mark(marks)`` gives a function that
answers the same with one match of ``(?s).*[marks]`` from ``lo`` with ``endpos`` ``at``:
``.*`` takes the window whole at once (re counts a run of "any character" without
reading it) and gives characters back from its end until a mark stands there, so the
work is the distance from ``at`` back to the last mark, not the text's length.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable

from checker.core.skipping_re import compile_skipping


@lru_cache(maxsize=64)
def last_mark(marks: str | frozenset[str]) -> Callable[..., int]:
    """``last(text, lo, at)``: the largest index ``i`` with ``lo <= i < at`` and
    ``text[i]`` one of ``marks``, else -1 — ``max(text.rfind(c, lo, at) for c in marks)``
    for ``0 <= lo`` and ``0 <= at`` (``at`` past the text's end reads to its end)."""
    chars = "".join(sorted(set(marks)))
    if not chars:
        return lambda text, lo=0, at=None: -1
    match = compile_skipping("(?s).*[" + re.escape(chars) + "]").match

    def last(text: str, lo: int = 0, at: int | None = None) -> int:
        found = match(text, lo, len(text) if at is None else at)
        return -1 if found is None else found.end() - 1

    return last
