"""The duplicate family's normalisation as it was first written, a character at a time
(a numbering-marker match tried at every clause start, NFKC per mark): the reference
that tests/test_normalise_steps.py and tests/test_comparison_units.py hold the fast
reading in ``checker.model.similarity`` to."""
from __future__ import annotations

import unicodedata

from checker.model.similarity import _BRACKETS, _CLAUSE_BREAKS, _CONTENT_RUN, _MARKER, _QUOTES, PLACEHOLDER, _closers, is_content


def reference_normalise(text: str, start: int, end: int, at_clause_start: bool = True):
    """(normalised text, offsets, clause breaks, whether a marker was read at ``start``)."""
    pieces: list[str] = []
    offsets: list[int] = []
    breaks: list[int] = []
    count = 0
    last = ""
    i = start
    lead = False
    closers = None
    while i < end:
        if at_clause_start:
            m = _MARKER.match(text, i, end)
            if m and m.end() < end:
                lead = lead or i == start
                i = m.end()
            at_clause_start = False
            if i >= end:
                break
        run = _CONTENT_RUN.match(text, i, end)
        if run:
            j = run.end()
            pieces.append(run.group())
            offsets.extend(range(i, j))
            count += j - i
            last = text[j - 1]
            i = j
            continue
        ch = text[i]
        if ch in _BRACKETS:
            if closers is None:
                closers = _closers(text, i, end)
            j = closers.get(i, -1)
            i = j + 1 if j >= 0 else i + 1
            continue
        if ch in _QUOTES:
            if closers is None:
                closers = _closers(text, i, end)
            j = closers.get(i, -1)
            if j >= 0 and not any(is_content(unicodedata.normalize("NFKC", c)[:1] or " ") for c in text[i + 1:j]):
                if last != PLACEHOLDER:
                    pieces.append(PLACEHOLDER)
                    offsets.append(i)
                    count += 1
                    last = PLACEHOLDER
                i = j + 1
                continue
            i += 1
            continue
        if ch in _CLAUSE_BREAKS:
            if count and (not breaks or breaks[-1] != count):
                breaks.append(count)
            at_clause_start = True
            i += 1
            continue
        if ch == "\n":
            at_clause_start = True
        c = unicodedata.normalize("NFKC", ch)
        if len(c) == 1 and is_content(c):
            pieces.append(c)
            offsets.append(i)
            count += 1
            last = c
        i += 1
    if breaks and breaks[-1] == count:
        breaks.pop()
    return "".join(pieces), offsets, breaks, lead

