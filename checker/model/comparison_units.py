"""A document's comparison units for the duplicate kinds, made once per document.

``Document.sentence_units`` and ``Document.paragraph_units`` give what
``similarity.units_of`` gives for each sentence and each paragraph, with less work:

* each sentence is normalised once (``similarity.normalise_from``), whichever kinds ask
  and whatever their set phrases;
* which sentences hold a text the set phrases need (``required_texts``) is found for
  all of them at once, a search of each text through the sentences joined, instead of
  a look for each text in each sentence; the others are cut into units without a look
  for set phrases, as ``units_of`` does after its look finds none;
* a paragraph's normalised text is its sentences' one after the other (the characters
  between two sentences are blanks, which normalising drops), except where reading the
  paragraph whole differs from reading each sentence (``_joined``); those paragraphs
  are normalised whole, as before.
"""
from __future__ import annotations

import bisect
import re

from checker.model.similarity import (_CLAUSE_BREAKS, _MARKER, _PAIR_MARKS, PLACEHOLDER, Unit, _closers,
                                      normalise_from, units_from)

# (normalised text, offsets, clause breaks, whether a numbering marker was dropped at its start)
Normalised = tuple[str, list[int], list[int], bool]


def sentence_norms(text: str, sentences) -> list[Normalised]:
    """Each sentence normalised (``normalise_from``)."""
    return [normalise_from(text, s.span.start, s.span.end) for s in sentences]


def literal_holders(phrases, norms: list[str]) -> list[bool] | None:
    """For each text of ``norms``, whether it holds one of the texts every match of
    ``phrases`` needs (``lacks_literals`` false); None when that is not known of the
    expression (then every text may hold a set phrase).

    The texts are joined with line ends, which no normalised text holds: a required text
    without one is found in the joined string only inside one text, and one with a line
    end is in none.  After a hit the search goes on from the next text, so each text is
    searched through once per required text."""
    required = getattr(phrases, "required_texts", None)
    literals = required() if required is not None else ()
    if not literals or "" in literals:
        return None
    holds = [False] * len(norms)
    joined = "\n".join(norms)
    starts = []
    at = 0
    for norm in norms:
        starts.append(at)
        at += len(norm) + 1
    find = joined.find
    for literal in literals:
        if "\n" in literal:
            continue
        pos = find(literal)
        while pos >= 0:
            n = bisect.bisect_right(starts, pos) - 1
            holds[n] = True
            pos = find(literal, starts[n] + len(norms[n]) + 1)
    return holds


def sentence_units(text: str, norms: list[Normalised], phrases) -> list[list[Unit]]:
    """Per sentence, ``units_of(text, sentence.span, phrases, clauses=True, pairs=True)``."""
    holders = literal_holders(phrases, [n[0] for n in norms]) if phrases is not None else None
    out = []
    for n, (norm, offsets, breaks, _) in enumerate(norms):
        # lacks_literals of units_of: an empty text is never asked
        own = phrases if holders is None or holders[n] or not norm else None
        if own is not None and norm and holders is None:
            lacks = getattr(own, "lacks_literals", None)
            if lacks is not None and lacks(norm):
                own = None
        out.append(units_from(text, norm, offsets, breaks, own, clauses=True, pairs=True))
    return out


def paragraph_units(text: str, paragraphs, sentences, norms: list[Normalised], phrases) -> list[Unit | None]:
    """Per paragraph, ``units_of(text, paragraph.span, phrases, clauses=False)``'s unit or
    None, from its sentences' normalised texts where they make the paragraph's."""
    of_paragraph: list[list[int]] = [[] for _ in paragraphs]
    for s in sentences:
        of_paragraph[s.paragraph].append(s.index)
    normed: list[tuple[str, list[int]]] = []
    for para, members in zip(paragraphs, of_paragraph):
        joined = _joined(text, para, [sentences[i] for i in members], [norms[i] for i in members])
        if joined is None:
            norm, offsets, _, _ = normalise_from(text, para.span.start, para.span.end)
            joined = norm, offsets
        normed.append(joined)
    # Which paragraphs hold a text the set phrases need: all at once, as for sentences
    # (``literal_holders``), not a look per paragraph.  A paragraph holding none lacks them
    # (``lacks_literals``); one holding one is searched, and where ``lacks_literals`` would
    # have said it cannot match for another reason (a lookaround's text absent) the search
    # finds nothing and the unit is the plain one, as without the phrases.
    lacks = getattr(phrases, "lacks_literals", None) if phrases is not None else None
    holders = literal_holders(phrases, [norm for norm, _ in normed]) if lacks is not None else None
    out: list[Unit | None] = []
    for n, (norm, offsets) in enumerate(normed):
        own = phrases
        if own is not None and norm and lacks is not None:
            if holders is not None:
                if not holders[n]:
                    own = None
            elif lacks(norm):
                own = None
        units = units_from(text, norm, offsets, [], own, clauses=False)
        out.append(units[0] if units else None)
    return out


def _joined(text: str, para, sentences, norms: list[Normalised]) -> tuple[str, list[int]] | None:
    """The paragraph's normalised text and offsets made from its sentences', or None where
    reading the paragraph whole may differ from reading it a sentence at a time:

    * a bracket or quote closed in another sentence than the one it opens in (whole, the
      text between is dropped or a placeholder; a sentence at a time, neither);
    * a sentence after the first that starts, once normalised, with a placeholder (whole,
      it joins the previous sentence's placeholder when that one ends with one).

    A numbering marker at a sentence's start (二是…) is dropped from the sentence, but
    from the paragraph only after a clause break (；): after a full stop the paragraph's
    clause goes on, so such a sentence is normalised again as part of a clause.  Markers
    and closing marks never hold a sentence's final punctuation, so no marker or pair of
    one sentence reaches into the next."""
    if not sentences:
        return None
    if len(sentences) == 1:
        if sentences[0].span == para.span:
            norm, offsets, _, _ = norms[0]
            return norm, offsets
        return None
    start, end = para.span.start, para.span.end
    if _PAIR_MARKS.search(text, start, end):
        starts = [s.span.start for s in sentences]
        where = bisect.bisect_right
        for opener, closer in _closers(text, start, end).items():
            if where(starts, opener) != where(starts, closer):
                return None
    pieces: list[str] = []
    offsets: list[int] = []
    previous = None
    for sentence, (norm, own_offsets, _, lead) in zip(sentences, norms):
        if previous is not None:
            if lead and text[previous.span.end - 1] not in _CLAUSE_BREAKS:
                norm, own_offsets = _with_marker(text, sentence, norm, own_offsets)
            if norm[:1] == PLACEHOLDER:
                return None
        pieces.append(norm)
        offsets += own_offsets
        previous = sentence
    return "".join(pieces), offsets


def _with_marker(text: str, sentence, norm: str, offsets: list[int]) -> tuple[str, list[int]]:
    """``normalise_from`` of a sentence read as part of a clause begun before it
    (``at_clause_start`` false), from its own reading (``norm``, ``offsets``), which dropped
    the numbering marker at its start: the marker read as text, then the rest as it was.

    Past the marker the two readings are in the same state (no pair is open: a marker holds
    no bracket or quote; the last character kept is no placeholder; no clause has begun),
    so they read the rest alike; a marker holding a clause break (第一，, 首先，) would begin
    a clause in the reading as text, and that sentence is read again whole."""
    start, end = sentence.span.start, sentence.span.end
    marker = _MARKER.match(text, start, end)
    if marker is None or not _CLAUSE_BREAKS.isdisjoint(marker.group()):
        return normalise_from(text, start, end, at_clause_start=False)[:2]
    head, head_offsets, _, _ = normalise_from(text, start, marker.end(), at_clause_start=False)
    return head + norm, head_offsets + offsets
