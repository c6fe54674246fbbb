"""An expression that opens with a run of one set of characters, searched from what follows
the run.

``[\\u4e00-\\u9fff]{1,12}〔…〕…号`` (a 文号: an issuer's name, then a bracketed year) is
searched by ``re`` with a match attempt at every Han character — most of a document —
each reading up to twelve characters and backing off again.  What follows the run (the
*rest*, here from the bracket on) begins with characters the set does not hold, and
those are rare; so the rest is searched for (``re`` skips to its first characters), and
where it matches, at ``q``, the run that ends at ``q`` is read backwards.

Why the match found is ``re``'s: a match of the whole starting at ``p`` is the set's run
from ``p`` (``low`` to ``high`` characters) and then the rest.  The run cannot go past a
character the set lacks, and the rest's first character is one (the two are disjoint), so
the run from ``p`` ends at the first such character after ``p``, ``q``, and the rest matches
at ``q``.  The rests' matches are found in order; for one at ``q``, the leftmost ``p`` whose
run reaches ``q`` is where the set's characters before ``q`` begin (at most ``high`` back,
not before the search's start).  No earlier ``p`` can match: its run would end at an
earlier rest position (each was looked at) or at ``q`` (``p`` is the leftmost). No ``p``
past a later rest's match can come before this one.  The match returned is
``whole.match`` at ``p`` — ``re``'s own — so the greedy run and the rest's choices are
``re``'s too.
"""
from __future__ import annotations

import re

_FLAGS_KEPT = re.MULTILINE | re.DOTALL | re.UNICODE
_UNBOUNDED = -1


def _set_end(pattern: str) -> int:
    """Just past the ``[...]`` that opens ``pattern``; 0 if it opens with none."""
    if not pattern.startswith("[") or pattern.startswith("[^"):
        return 0
    i, n = 1, len(pattern)
    if pattern.startswith("]", i):
        i += 1
    while i < n and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1 if i < n else 0


_QUANTIFIER = re.compile(r"\+|\{(\d+)(?:,(\d*))?\}")


def run_split(pattern: str, flags: int = 0) -> tuple[str, str, int, int] | None:
    """``(the set, the rest, low, high)`` when ``pattern`` is a greedy run of a set of
    literals and ranges (``[…]{low,high}`` or ``[…]+``, ``low`` ≥ 1; ``high`` -1: no bound)
    followed by a rest that never matches empty and begins only with characters the set
    lacks, re reading the pieces as it reads the whole; else None."""
    if flags & ~_FLAGS_KEPT:
        return None
    end = _set_end(pattern)
    quantifier = _QUANTIFIER.match(pattern, end) if end else None
    if quantifier is None or pattern.startswith(("?", "+"), quantifier.end()):
        return None         # no run, or a lazy or possessive one
    if quantifier.group() == "+":
        low, high = 1, _UNBOUNDED
    else:
        low = int(quantifier.group(1))
        if quantifier.group(2) is None:
            high = low if "," not in quantifier.group() else _UNBOUNDED
        else:
            high = int(quantifier.group(2)) if quantifier.group(2) else _UNBOUNDED
    if low < 1 or (high != _UNBOUNDED and high < low):
        return None
    the_set, rest = pattern[:end], pattern[quantifier.end():]
    try:
        from re import _constants as c, _parser

        from checker.core.skipping_re import first_set

        whole = _parser.parse(pattern, flags)
        head = _parser.parse(pattern[:quantifier.end()], flags)
        tail = _parser.parse(rest, flags)
        if (head.state.groups != 1 or whole.state.groups != tail.state.groups
                or whole.state.groupdict != tail.state.groupdict or whole.state.flags != tail.state.flags
                or repr(whole.data[:1]) != repr(head.data) or repr(whole.data[1:]) != repr(tail.data)):
            return None
        op, (_, _, body) = head.data[0]
        if op is not c.MAX_REPEAT or len(body.data) != 1 or body.data[0][0] not in (c.IN, c.LITERAL):
            return None
        items = body.data[0][1] if body.data[0][0] is c.IN else [body.data[0]]
        starts = first_set(tail, whole.state.flags | flags)
        if starts is None:
            return None     # the rest may match empty, or its first characters are unknown
        ours, theirs = _intervals(items, c), _intervals(starts, c)
        if ours is None or theirs is None or any(a <= d and c_ <= b for a, b in ours for c_, d in theirs):
            return None
    except Exception:  # noqa: BLE001 - anything unexpected: searched whole
        return None
    return the_set, rest, low, high


def _intervals(items, c) -> list[tuple[int, int]] | None:
    """The code point ranges of set items (literals and ranges only; None otherwise)."""
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append((av, av))
        elif op is c.RANGE:
            out.append(av)
        else:
            return None
    return out


class RunSearch:
    """``whole.search``, found from the rest's matches (see the module's note)."""

    __slots__ = ("whole", "rest", "run_to_end", "low", "high")

    def __init__(self, whole: re.Pattern, split: tuple[str, str, int, int], compile_) -> None:
        the_set, rest, low, high = split
        self.whole = whole
        self.rest = compile_(rest, whole.flags)
        # the longest run of the set that ends where the search ends (\Z at endpos)
        reach = "*" if high == _UNBOUNDED else "{0,%d}" % high
        self.run_to_end = compile_(the_set + reach + r"\Z", whole.flags)
        self.low, self.high = low, high

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        size = len(string)
        end = size if endpos is None else min(max(endpos, 0), size)
        pos = min(max(pos, 0), size)
        rest, run_to_end, low, high = self.rest, self.run_to_end, self.low, self.high
        at = pos
        while at < end and (tail := rest.search(string, at, end)) is not None:
            q = tail.start()
            lo = pos if high == _UNBOUNDED else max(pos, q - high)
            start = run_to_end.search(string, lo, q).start()    # (matches: at q, empty, at the latest)
            if q - start >= low:
                found = self.whole.match(string, start, end)
                if found is None:       # (not expected: the note's argument) re's own search
                    return self.whole.search(string, pos, end)
                return found
            at = q + 1
        return None
