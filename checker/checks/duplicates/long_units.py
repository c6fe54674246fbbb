"""The comparison units the duplicate kinds read, made only where a kind may keep them.

``Document.sentence_units`` makes every unit of every sentence (the whole sentence, its
clauses, each two neighbouring clauses), a Span and a Unit each.  The kinds read less:

* duplicate-across-files reads a sentence's whole unit only (``whole_units``);
* duplicate-sentence drops every unit whose normalised text is shorter than its
  ``min_length`` (each test of ``compared_units.long_enough`` does: a placeholder counts
  nothing, set phrases taken out only shorten a stretch), about three units in ten;
  ``long_sentence_units`` makes only the others.  A stretch of the normalised text
  shorter than ``min_length`` is passed over before anything is made of it, its set
  phrases are not looked for.  The rule itself now reads
  ``compared_units.compared_sentence_units``, which also tests each stretch before
  making it; ``long_sentence_units`` stays as the plain two-step reading that one is
  tested against (tests/test_compared_units.py).

Both give the units ``units_from`` gives, the same fields in the same order, less the
ones left out (tests/test_long_units.py compares them on random sentences).

Set phrases: a sentence holding one is searched whole first (its whole unit needs it).
When the expression reads nothing beyond what it matches (``_context_free``), a
clause or pair that overlaps no match of the whole holds none either, and is cut as a
sentence without set phrases: a match in the part at j is a match of the whole at the
same place (the same characters read), and every place where the whole has a match
lies inside one of the matches ``finditer`` reports (it reports the leftmost from where
the last one ended, so none starts in a gap between two).
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.core import pattern_facts
from checker.model.comparison_units import literal_holders
from checker.model.similarity import PLACEHOLDER, Unit, _unit, make_unit, placeholder_end


def whole_units(doc, phrases) -> list[Unit | None]:
    """Per sentence, its whole unit (``units_from``'s first when it is not a clause), or
    None when the set phrases leave nothing of it."""
    return _prepared(doc, phrases)[1]


def long_sentence_units(doc, phrases, min_length: int) -> list[list[Unit]]:
    """Per sentence, ``doc.sentence_units(phrases)``'s units whose ``norm`` holds at
    least ``min_length`` characters, in their order."""
    return doc.shared(("long-sentence-units", phrases, min_length),
                      lambda: _long_units(doc, phrases, min_length))


def _prepared(doc, phrases) -> tuple[list, list[Unit | None], list]:
    """(per sentence: the set phrases to take out or None, its whole unit, the matches
    of the phrases in its whole text when they tell the parts apart, else None)."""
    return doc.shared(("sentence-wholes", phrases), lambda: _wholes(doc.text, doc._sentence_norms, phrases))


def _wholes(text: str, norms, phrases):
    # which sentences may hold a set phrase: as ``comparison_units.sentence_units``
    holders = literal_holders(phrases, [n[0] for n in norms]) if phrases is not None else None
    free = phrases is not None and _context_free(phrases)
    owns, wholes, matches = [], [], []
    for n, (norm, offsets, _, _) in enumerate(norms):
        own = phrases if holders is None or holders[n] or not norm else None
        if own is not None and norm and holders is None:
            lacks = getattr(own, "lacks_literals", None)
            if lacks is not None and lacks(norm):
                own = None
        found = None
        if own is None:
            whole = _plain(text, norm, offsets, 0, len(norm), False) if norm else None
        elif free and norm:
            found = [m.span() for m in own.finditer(norm)]
            whole = _unit(norm, offsets, 0, len(norm), False, None, text, _kept_of(found, len(norm)))
        else:
            whole = _unit(norm, offsets, 0, len(norm), False, own, text) if norm else None
        owns.append(own)
        wholes.append(whole or None)
        matches.append(found)
    return owns, wholes, matches


def _long_units(doc, phrases, min_length: int) -> list[list[Unit]]:
    owns, wholes, matches = _prepared(doc, phrases)
    text = doc.text
    out = []
    for (norm, offsets, breaks, _), own, whole, found in zip(doc._sentence_norms, owns, wholes, matches):
        units = [whole] if whole is not None and len(whole.norm) >= min_length else []
        out.append(units)
        if not breaks or len(norm) < min_length:
            continue        # no clauses, or none long enough (a part is no longer than the whole)
        for a, b in clause_stretches(breaks, len(norm)):
            if b - a < min_length:
                continue    # every unit of it is shorter
            if own is None or (found is not None and not _overlaps(found, a, b)):
                units.append(_plain(text, norm, offsets, a, b, True))
            else:
                unit = _unit(norm, offsets, a, b, True, own, text)
                if unit and len(unit.norm) >= min_length:
                    units.append(unit)
    return out


def clause_stretches(breaks: list[int], n: int) -> list[tuple[int, int]]:
    """(start, end) in a normalised text of length ``n`` of its clauses, then of each two
    neighbouring clauses (when there are three or more), ``breaks`` being the clause
    boundaries: the order the units are made in."""
    bounds = [0, *breaks, n]
    stretches = list(zip(bounds, bounds[1:]))
    if len(bounds) > 3:
        stretches += zip(bounds, bounds[2:])
    return stretches


def _plain(text: str, norm: str, offsets: list[int], a: int, b: int, clause: bool) -> Unit:
    """The unit of the stretch ``norm[a:b]`` (a < b) holding no set phrase, as
    ``similarity._plain_units`` makes it."""
    piece = norm[a:b] if b - a < len(norm) else norm
    first = offsets[a]
    end = offsets[b - 1] + 1
    if piece[-1] == PLACEHOLDER:
        end = placeholder_end(text, end - 1, end)
    return make_unit(first, end if end > first else first + 1, piece, clause)


def _overlaps(found: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether a match of the whole (start, end) shares a place with ``[a, b)``."""
    for start, end in found:
        if start < b and a < end:
            return True
    return False


def _kept_of(found: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """``similarity._kept`` from the matches ``finditer`` gave."""
    out = []
    at = 0
    for start, end in found:
        if start > at:
            out.append((at, start))
        at = max(at, end)
    if at < length:
        out.append((at, length))
    return out


def _context_free(phrases) -> bool:
    """True when the expression reads only the characters it matches and matches at
    least one: no anchor or word boundary (``AT``), no lookaround (``ASSERT``), no empty
    match.  Then whether it matches at a place of a part of a text is whether it does
    at that place of the text."""
    pattern, flags = phrases.pattern, int(phrases.flags)
    # kept in the store of facts about expressions: a warm run parses none
    # (tests/test_pattern_facts.py)
    return pattern_facts.answer("context free", pattern, flags, lambda: _context_free_source(pattern, flags))


@lru_cache(maxsize=64)
def _context_free_source(pattern: str, flags: int) -> bool:
    try:
        from re import _parser
        parsed = _parser.parse(pattern, flags & ~re.DEBUG)
    except Exception:
        return False
    if parsed.getwidth()[0] == 0:
        return False
    return not _reads_context(parsed.data)


def _reads_context(items) -> bool:
    from re import _constants as c

    for op, arg in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT, c.GROUPREF_EXISTS):
            return True
        for part in _parts(arg):
            if _reads_context(part):
                return True
    return False


def _parts(arg):
    """The sub-patterns an opcode's argument holds (a SubPattern's items, a branch's
    alternatives, a repeat's body, a group's pattern)."""
    from re import _parser

    if isinstance(arg, _parser.SubPattern):
        yield arg.data
    elif isinstance(arg, (tuple, list)):
        for item in arg:
            if isinstance(item, _parser.SubPattern):
                yield item.data
            elif isinstance(item, (tuple, list)):
                yield from _parts(item)
