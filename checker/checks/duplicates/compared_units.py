"""The units duplicate-sentence compares: the long ones that say something beyond figures.

A unit is compared when it is long enough in content characters (``Unit.length``), in
words (``wording_length``) and in Han characters outside the titles it cites
(``places.beyond_titles``), holds no unfilled figure (``FIGURE_BLANK``), and is a whole
sentence or ``clauses`` is on.  ``long_enough`` gives those of a list of units;
``compared_sentence_units`` gives, per sentence, those of ``long_units``' units, tested
before a unit is made: a stretch of a sentence without set phrases (most of them) is
tested from its place in the normalised text and made only when it passes, in one loop
per sentence instead of a unit made, a call for it, and a second loop reading its fields.

Each test is a property of the unit alone, so the answer for a unit does not depend on
the other units beside it (the per-sentence shortcuts below are exact for any stretch
of text that covers the units tested): tests/test_compared_units.py holds the two ways
to the tests written out.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from checker.checks.duplicates.long_units import _overlaps, _prepared, clause_stretches
from checker.checks.duplicates.places import HAN_HIGH_BYTES, beyond_titles
from checker.model.similarity import PLACEHOLDER, Unit, _new, _set_clause, _set_end, _set_norm, _set_span, \
    _set_start, _unit, placeholder_end
from checker.model.span import Span

# An unfilled figure (xx.xx, ××%, xxxxx元): a template row whose figures are still to be
# written; two such rows differ in what will be filled in (placeholder-unfilled reports the
# blank), as parallel rows that differ only in their subject (城镇… xxxxx元，农村… xxxxx元)
# will once their figures are written.  A run of at least two marks not inside a Latin word.
FIGURE_BLANK = re.compile(r"[xX×*＊]+[.．][xX×*＊]+|[xX×*＊]+\s*[%％]|(?<![A-Za-z])[xX×*＊]{2,}(?![A-Za-z])")
# Every match of ``FIGURE_BLANK`` holds one of these.
_BLANK_MARKS = re.compile("[xX×*＊]")
# What a normalised text holds besides words (``wording_length``): it holds Han
# characters, ASCII letters and digits and placeholders only (``similarity.normalise``).
_NOT_WORDS = re.compile("[0-9xX" + PLACEHOLDER + "]")


def blank_marks(text: str, lo: int, hi: int) -> list[int]:
    """The places in ``text[lo:hi]`` of the marks every ``FIGURE_BLANK`` match opens with
    (empty: no unit in the stretch holds an unfilled figure)."""
    return [m.start() for m in _BLANK_MARKS.finditer(text, lo, hi)]


def holds_blank(text: str, marks: list[int], start: int, end: int) -> bool:
    """``FIGURE_BLANK.search(text, start, end)`` found, tried only at the ``marks``
    (``blank_marks`` of a stretch covering the unit): each branch of the expression opens
    with one of ``[xX×*＊]`` (the third after a look-behind, which reads the text before
    the place whatever the search's start), so a match starts at a mark, and the search's
    attempt there is ``match`` at that place with the same end.  The search tried every
    place of the unit, a mark or not (the look-behind keeps ``re`` from skipping ahead):
    an anonymised name (《*》) made each unit of its sentence a scan of the whole unit."""
    match = FIGURE_BLANK.match
    for at in range(bisect_left(marks, start), len(marks)):
        place = marks[at]
        if place >= end:
            return False
        if match(text, place, end):
            return True
    return False


def norm_words(norm: str) -> int:
    """``wording_length`` of a normalised text, in C: such a text holds Han characters,
    ASCII letters and digits and placeholders only (``similarity.normalise``), so its
    characters that are not words are the placeholders and the ASCII digits, x and X,
    found among its ASCII characters (an ``encode`` that drops the others)."""
    ascii_part = norm.encode("ascii", "ignore")
    return (len(norm) - norm.count(PLACEHOLDER) - len(ascii_part)
            + len(ascii_part.translate(None, b"0123456789xX")))


def long_enough(text: str, units: list[Unit], min_length: int, clauses: bool) -> list[Unit]:
    """The units of ``units`` (one sentence's) that are compared, in their order."""
    if not units:
        return []
    places = [(u.span.start, u.span.end, u.norm, u.clause, u) for u in units
              if clauses or not u.clause]
    return _passing(text, places, min_length, _plain_words(units))


def _plain_words(units: list[Unit]) -> bool:
    """True when no unit of a sentence holds a digit, an x or a placeholder: then each
    one's ``wording_length`` and ``length`` are its ``len``.  A sentence's units are
    parts of its normalised text (its first unit, the whole sentence, or its clauses
    with the set phrases taken out): one search of each distinct text, usually one."""
    first = units[0].norm
    if _NOT_WORDS.search(first):
        return False
    return not any(_NOT_WORDS.search(u.norm) for u in units if u.norm not in first)


def _high_bytes(text: str, lo: int, hi: int) -> bytes | None:
    """The high bytes of ``text[lo:hi]``'s UTF-16 units, or None when the stretch holds a
    title mark (``beyond_titles`` must count then) or a character beyond the BMP.  Han
    characters outside titles: with no title in the stretch, a unit's Han characters are
    counted in these bytes (``places.han_count``), made once per sentence; a unit's are a
    slice of them while every character is one unit."""
    if text.find("《", lo, hi) >= 0:
        return None
    high = text[lo:hi].encode("utf-16-be", "surrogatepass")[::2]
    return high if len(high) == hi - lo else None


def _passing(text: str, places: list, min_length: int, plain: bool) -> list[Unit]:
    """The units of ``places`` ((start, end, norm, clause, the unit or None: made here
    when it passes), one sentence's) that pass the tests; ``plain``: no norm holds a
    digit, an x or a placeholder (then each one's length and words are its ``len``)."""
    out: list[Unit] = []
    if not places:
        return out
    # The x/×/* marks in the stretch from the earliest start to the latest end: with none,
    # no unit holds an unfilled figure (every match opens with one).
    lo = min([p[0] for p in places])
    hi = max([p[1] for p in places])
    marks = blank_marks(text, lo, hi)
    high = _high_bytes(text, lo, hi)
    for start, end, norm, clause, unit in places:
        if len(norm) < min_length:
            continue
        # words (norm_words) are never more than the content characters (the length)
        if not plain and norm_words(norm) < min_length:
            continue
        if high is None:
            han = beyond_titles(text, start, end)
        else:
            piece = high[start - lo:end - lo]
            han = len(piece) - len(piece.translate(None, HAN_HIGH_BYTES))
        if han < min_length or (marks and holds_blank(text, marks, start, end)):
            continue
        if unit is None:
            # make_unit(start, end, norm, clause), written out (a call per unit saved)
            span = _new(Span)
            _set_start(span, start)
            _set_end(span, end)
            unit = _new(Unit)
            _set_span(unit, span)
            _set_norm(unit, norm)
            _set_clause(unit, clause)
        out.append(unit)
    return out


def compared_sentence_units(doc, phrases, min_length: int, clauses: bool) -> list[list[Unit]]:
    """Per sentence, ``long_enough`` of ``long_units.long_sentence_units(doc, phrases,
    min_length)``'s units: the same units (the whole sentence's is the very object
    ``long_units.whole_units`` gives), the others made only when they pass."""
    return doc.shared(("compared-sentence-units", phrases, min_length, clauses),
                      lambda: _compared(doc, phrases, min_length, clauses))


_NONE: list[Unit] = []      # a sentence with no unit compared (shared: never changed)


def _compared(doc, phrases, min_length: int, clauses: bool) -> list[list[Unit]]:
    owns, wholes, matches = _prepared(doc, phrases)
    text = doc.text
    out = []
    append = out.append
    for (norm, offsets, breaks, _), own, whole, found in zip(doc._sentence_norms, owns, wholes, matches):
        n = len(norm)
        if n < min_length:
            append(_NONE)       # no unit is longer than the whole text
            continue
        if own is None:
            append(_plain_sentence(text, norm, offsets, breaks, whole, min_length, clauses) or _NONE)
            continue
        # (start, end, norm, clause, unit) of each unit ``long_units`` makes, in its order
        places = []
        if whole is not None and len(whole.norm) >= min_length:
            places.append((whole.span.start, whole.span.end, whole.norm, False, whole))
        if breaks and clauses:
            wild = PLACEHOLDER in norm
            for a, b in clause_stretches(breaks, n):
                if b - a < min_length:
                    continue    # every unit of it is shorter
                if own is None or (found is not None and not _overlaps(found, a, b)):
                    # ``long_units._plain``'s place, the unit made only if it passes
                    piece = norm[a:b]
                    first = offsets[a]
                    end = offsets[b - 1] + 1
                    if wild and piece[-1] == PLACEHOLDER:
                        end = placeholder_end(text, end - 1, end)
                    places.append((first, end if end > first else first + 1, piece, True, None))
                else:
                    unit = _unit(norm, offsets, a, b, True, own, text)
                    if unit and len(unit.norm) >= min_length:
                        places.append((unit.span.start, unit.span.end, unit.norm, True, unit))
        if not places:
            append(_NONE)
            continue
        # every unit's norm is a part of the sentence's, set phrases taken out: with no
        # digit, x or placeholder in it, none has one (``_plain_words``)
        append(_passing(text, places, min_length, _NOT_WORDS.search(norm) is None) or _NONE)
    return out


def _plain_sentence(text: str, norm: str, offsets: list[int], breaks: list[int], whole: Unit,
                    min_length: int, clauses: bool) -> list[Unit]:
    """``_passing`` of a sentence without set phrases (most of them; ``whole``: its whole
    unit, ``long_units._plain`` of all of ``norm``), its units' places worked out and
    tested in one loop, with no list of places.  The whole unit's span covers every
    other's: a clause starts at or after the first character kept and ends at or before
    the last one's end, or, ending in a placeholder, at the first closing mark after the
    placeholder's opening one, which is before the next character kept (the quoted stretch
    is passed over whole), or is the whole's own end for the last clause."""
    lo, hi = whole.span.start, whole.span.end
    marks = blank_marks(text, lo, hi)
    high = _high_bytes(text, lo, hi)
    plain = _NOT_WORDS.search(norm) is None
    out: list[Unit] = []
    # the whole sentence (its norm is long enough: the caller asks only then)
    if plain or norm_words(norm) >= min_length:
        if high is None:
            han = beyond_titles(text, lo, hi)
        else:
            han = hi - lo - len(high.translate(None, HAN_HIGH_BYTES))
        if han >= min_length and not (marks and holds_blank(text, marks, lo, hi)):
            out.append(whole)
    if not breaks or not clauses:
        return out
    wild = PLACEHOLDER in norm
    for a, b in clause_stretches(breaks, len(norm)):
        if b - a < min_length:
            continue
        piece = norm[a:b]
        if not plain and norm_words(piece) < min_length:
            continue
        start = offsets[a]
        end = offsets[b - 1] + 1
        if wild and piece[-1] == PLACEHOLDER:
            end = placeholder_end(text, end - 1, end)
        if high is None:
            han = beyond_titles(text, start, end)
        else:
            part = high[start - lo:end - lo]
            han = len(part) - len(part.translate(None, HAN_HIGH_BYTES))
        if han < min_length or (marks and holds_blank(text, marks, start, end)):
            continue
        # make_unit(start, end, piece, True), written out (a call per unit saved; the end
        # is past the start: offsets increase)
        span = _new(Span)
        _set_start(span, start)
        _set_end(span, end)
        unit = _new(Unit)
        _set_span(unit, span)
        _set_norm(unit, piece)
        _set_clause(unit, True)
        out.append(unit)
    return out
