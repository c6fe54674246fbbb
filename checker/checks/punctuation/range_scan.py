"""punct-range-mark's expression, tried only where a range mark stands.

The expression (``range_mark._RANGE``) is a low end, an optional blank, a run of one to
four dashes (the mark), an optional blank and a high end, the whole after a look-behind
that forbids a digit, a point or an ASCII letter before it.  ``re`` tries it at every
digit of a text (years, figures: most of them in no range) and reads each number up to
the character after it.  The mark is the rare part, in the middle; so the dashes are
searched for, and a match is tried only at the places its low end can begin before them.

Why every match is found (and nothing else).  A match starting at ``p`` with its mark
starting at ``q``: ``text[p:q]`` is the low end — ``\\d+(?:[.．]\\d+)?``, then nothing,
``%``/``％`` or one or two Han characters — and perhaps one blank, and holds no dash.
So ``q`` opens a run of dashes (the character before it is the blank or the low end's
last), and walking back from such a ``q``:

* the low end ends at ``k``: ``q - 1`` when a blank stands there (the low end holds no
  blank), else ``q``;
* its number ends at ``e``, one of ``k``, ``k - 1``, ``k - 2`` (no unit, one character,
  two), with a digit before ``e``;
* its number is made of digits and points only and the look-behind forbids a digit or
  a point before ``p``: ``p`` is where the run of digits and points ending at ``e``
  begins (from any later place of the run the look-behind fails).

Those few places per run of dashes are tried with ``re``'s own ``match`` in order, the
runs in order.  A match's low end holds no dash, so the places of a later run all lie
past the earlier run, and the first place that matches is the leftmost match, as
``re``'s search finds it; after it the search goes on from its end, as ``finditer``
does.  A match found at a run's place has its mark at that run (a dash between the place
and the run would open an earlier run, which gave the same place, tried there and
failed), so it ends past the run and no other place of the run is left to try.  A place
found that is no match start costs one failed ``match``; none is missed.
``\\d`` is ``str.isdecimal`` (Unicode category Nd, for every code point: the tests check).
"""
from __future__ import annotations

import re

_BLANKS = " \u3000"
_POINTS = ".．"


def range_finditer(whole: re.Pattern, dashes: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """``whole.finditer(text, pos, endpos)`` for ``range_mark._RANGE`` (``dashes``: a run of
    its mark characters, ``[…]+``)."""
    end = len(text) if endpos is None else min(endpos, len(text))
    at = pos
    match = whole.match
    for run in dashes.finditer(text, pos, end):
        q = run.start()
        k = q - 1 if q > 0 and text[q - 1] in _BLANKS else q
        tried = -1
        for e in (k - 2, k - 1, k):            # ascending number ends give ascending starts
            if e <= at or not text[e - 1].isdecimal():
                continue
            p = e - 1
            while p > 0 and (text[p - 1].isdecimal() or text[p - 1] in _POINTS):
                p -= 1
            if p < at or p == tried:
                continue
            tried = p
            found = match(text, p, end)
            if found is not None:
                yield found
                at = found.end()
                break
