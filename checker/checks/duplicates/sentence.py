"""Kind ``duplicate-sentence``: a sentence or clause repeated, exactly or nearly, in one document.

Sentences and, inside longer ones, their clauses (split on ，；：) are compared in
normalised form (``checker.model.similarity``): a clause of one sentence repeated as a
sentence of its own later on is found too.  The later occurrence is reported once per
sentence; ``related`` names the first.  Units shorter than ``min_length`` content
characters once the set phrases of the genre are removed are never compared, and a
change in numbers only (figures updated) is not a repeat.

A clause repeated in another paragraph counts only from ``far_clause_min_length`` on
(policy phrases are restated from item to item), but a whole sentence met again as a
clause of a sentence elsewhere (pasted after a new lead-in, perhaps with its name
swapped: ``王明同志获评…。`` / ``深化党建引领，李华同志获评…``) counts from
``far_sentence_min_length``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.duplicates import paragraph as duplicate_paragraph
from checker.checks.duplicates.compared_units import FIGURE_BLANK, compared_sentence_units, long_enough, norm_words
from checker.checks.duplicates.places import (PLAIN, RUN_IN, anaphoric_sentences, comparable_kinds,
                                              heading_paragraphs, heading_start, line_kinds, same_section,
                                              sentence_kind, set_phrases, site_furniture)
from checker.checks.finding import Finding
from checker.model.document import Document
from checker.model.near_index import NearIndex
from checker.model.numerals import CN_NUMERAL_CHARS
from checker.model.similarity import PLACEHOLDER, Unit, figures_differ, near_duplicate, numerals_only_change
from checker.model.span import Span

MESSAGE_ARGS = frozenset({
    "unit",          # what is repeated: the `sentence` or `clause` template of messages:
    "length",        # its content characters
    "first_line",    # where its first occurrence is
    "first_column",
})
# The templates the kind fills (messages: in the pack): the words for a sentence and a
# clause, and the note on the first occurrence (its column only when on the same line).
MESSAGES = frozenset({"sentence", "clause", "first_seen", "first_seen_on_this_line"})

# The tests of the units compared (``compared_units``), under the names the tests read.
_FIGURE_BLANK, _long_enough, _norm_words = FIGURE_BLANK, long_enough, norm_words


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_length: int = Field(12, ge=4)           # content characters, set phrases not counted
    min_ratio: float = Field(0.85, gt=0, le=1)  # difflib ratio of the normalised texts
    max_changed: int = Field(3, ge=0)           # characters changed at most
    clauses: bool = True                        # compare clauses of long sentences too
    # A clause repeated in another paragraph is usually a policy phrase restated in another
    # task item; it counts only from this length on (within one paragraph: min_length).
    far_clause_min_length: int = Field(25, ge=4)
    # A whole sentence repeated as a clause of a sentence in another paragraph counts from
    # this length on (a sentence pasted after a new lead-in: 深化党建引领，王明同志获评…).
    far_sentence_min_length: int = Field(14, ge=4)
    ignore_numeral_changes: bool = True         # a change in figures only is not a repeat
    # Leave the sentences of a repeated paragraph to a duplicate-paragraph rule of the run
    # (one report, not one per sentence); without one in the run they are reported here.
    skip_repeated_paragraphs: bool = True
    # Lines this short with no statement punctuation are names or headings: a name line
    # (title, signature, field row) is never a repeat, headings only when identical.
    line_max_length: int = Field(60, ge=1)
    # A paragraph the leftovers family's site-furniture rules take as a leftover line (a
    # document site's disclaimer, a page's byline) is not document text: never compared.
    # A line up to this long with a match, in a run of such lines, is one of them
    # (artifact-doc-site's run_line_chars); 0 compares every paragraph.
    site_line_chars: int = Field(80, ge=0)


# The paragraph rules of the run (``rule.defers_to``), with their own parameters, report
# the paragraphs they find repeated; their sentences are not reported again here.
DEFERS_TO = frozenset({"duplicate-paragraph"})


def check(doc: Document, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if not doc.sentences:
        return      # every report is a repeated sentence: nothing is built
    phrases = set_phrases(rule.vocabulary)
    skip_paragraphs: set[int] = set()
    if params.skip_repeated_paragraphs:
        for other in rule.defers_to:
            skip_paragraphs.update(i for i, *_ in duplicate_paragraph.repeated_paragraphs(
                doc, other.params, other.vocabulary, site_furniture(doc, other, other.params.site_line_chars)))
    furniture = site_furniture(doc, rule, params.site_line_chars)

    headings = heading_paragraphs(doc)
    # where a figure with its unit ends (a clause ending there states a figure)
    figure_ends = frozenset(q.span.end for q in doc.quantities if q.unit is not None)
    kept: list[Unit] = []
    paragraph_of: list[int] = []
    exact: dict[str, int] = {}
    # earlier units by their bigrams: candidates without comparing all pairs
    index = NearIndex(params.max_changed, figures_only_skeletons=params.ignore_numeral_changes)
    # Whole sentences by their text without figures: a sentence that differs from an
    # earlier one in its figures only is a restated figure (metric-restated), so its
    # clauses are not reported as repeats either (metric-restated compares statements of
    # different paragraphs; within one paragraph the repeat stays this rule's).
    skeletons: dict[str, tuple[str, int]] = {}
    # ... filed only when a sentence with a repeat asks (most have none): until then the
    # whole sentences not yet filed wait here, in their order, so that each skeleton still
    # keeps its first sentence
    unfiled: list[tuple[str, int]] = []
    kinds = line_kinds(doc, params.line_max_length)
    kind_of: list[int] = []
    sentence_of: list[int] = []
    # the characters of this sentence's repeated units (a later unit overlapping them is
    # skipped): one look per unit, not one per earlier hit
    covered = bytearray(len(doc.text) + 1)
    clauses = params.clauses
    item_heads = _item_heads(doc)
    anaphoric = anaphoric_sentences(doc, rule.vocabulary)
    lead_of: list[tuple[int, bool] | None] = []
    # the calls made for every unit, looked up once
    exact_get, file_exact, candidates, add = exact.get, exact.setdefault, index.candidates, index.add
    keep, keep_lead, keep_kind, keep_sentence, keep_paragraph = (
        kept.append, lead_of.append, kind_of.append, sentence_of.append, paragraph_of.append)
    # The units compared only: long enough, and saying something beyond their figures and
    # blanks (template rows, 恢复到去年同期的xx.xx%, recur with only their figures to fill).
    for sentence, units in zip(doc.sentences, compared_sentence_units(doc, phrases, params.min_length, clauses)):
        if not units:
            continue        # nothing compared, filed or reported (what follows reads the units)
        if sentence.paragraph in furniture:
            continue        # a site's disclaimer or byline: not the document's text
        kind = sentence_kind(doc, sentence, kinds)
        # a heading run into the sentence (现将…如下：一、…（一）以X为Y，推进Z。): its units
        # are a heading's, whatever the lead-in before it
        head_at = heading_start(doc, sentence, params.line_max_length) if kind == PLAIN else None
        item = item_heads.get(sentence.index)
        hits: list[tuple[Unit, Unit]] = []
        number, paragraph = sentence.index, sentence.paragraph
        for unit in units:
            norm, start = unit.norm, unit.span.start
            if hits and covered.find(1, start, unit.span.end) >= 0:
                continue          # a clause of a sentence already found repeated
            lead = None if item is None else _item_lead(doc, unit, item)
            unit_kind = RUN_IN if head_at is not None and start >= head_at else kind
            # Most units repeat nothing: no earlier unit with their text and no candidate
            # (asked in this order, as _first_occurrence does), nothing else to weigh.
            position = exact_get(norm)
            if position is not None:
                found = None
            elif unit_kind != PLAIN and PLACEHOLDER not in norm:
                # A heading's, a run-in heading's or a name line's unit repeats only its own
                # text (``comparable_kinds``), and no earlier unit has it: no candidate can
                # be one, so the index is not asked (a text with placeholders is: the index
                # counts those it is asked for).
                found = []
            else:
                found = candidates(norm, 0.5)
            first = None if found == [] else _first_occurrence(
                unit, sentence, unit_kind, kept, paragraph_of, kind_of, sentence_of, exact, index, params, doc,
                figure_ends, lead, lead_of, anaphoric, found)
            if first is not None:
                hits.append((unit, first))
                covered[start:unit.span.end] = b"\x01" * len(unit.span)
            position = add(norm)
            keep(unit)
            keep_lead(lead)
            keep_kind(unit_kind)
            keep_sentence(number)
            keep_paragraph(paragraph)
            file_exact(norm, position)
        for unit, _ in hits:
            covered[unit.span.start:unit.span.end] = bytes(len(unit.span))
        # only the first unit may be the whole sentence (``units_from``; kept in order)
        if params.ignore_numeral_changes and not units[0].clause:
            whole = units[0]
            if hits:
                for earlier, where in unfiled:
                    skeletons.setdefault(_skeleton(earlier), (earlier, where))
                unfiled.clear()
                seen, where_seen = skeletons.setdefault(_skeleton(whole.norm), (whole.norm, sentence.paragraph))
                if where_seen != sentence.paragraph and numerals_only_change(seen, whole.norm):
                    hits = []
            else:
                unfiled.append((whole.norm, sentence.paragraph))
        if hits and sentence.paragraph in headings:
            # The summary and the plan of one document may share a heading.
            hits = [(u, f) for u, f in hits if same_section(doc, u.span.start, f.span.start)]
        if hits and sentence.paragraph not in skip_paragraphs:
            span = Span(min(u.span.start for u, _ in hits), max(u.span.end for u, _ in hits))
            first = min((f for _, f in hits), key=lambda f: f.span.start)
            line = doc.position(span.start)[0]
            first_line, first_column = doc.position(first.span.start)
            args = {"unit": rule.fill("clause" if hits[0][0].clause else "sentence"),
                    "length": hits[0][0].length, "first_line": first_line, "first_column": first_column}
            note = "first_seen_on_this_line" if first_line == line else "first_seen"
            yield Finding(span, args=args, note=note)


# A normalised text holds Han characters, ASCII letters and digits and placeholders only,
# so its digits are 0-9: figures are taken out in one regex pass.
_FIGURE_RUN = re.compile("[0-9" + re.escape("".join(sorted(CN_NUMERAL_CHARS))) + "]+")


def _skeleton(norm: str) -> str:
    return _FIGURE_RUN.sub("", norm)


def _first_occurrence(unit: Unit, sentence, kind: int, kept: list[Unit], paragraph_of: list[int],
                      kind_of: list[int], sentence_of: list[int], exact: dict[str, int],
                      index: NearIndex, params: Params, doc: Document,
                      figure_ends: frozenset[int] = frozenset(),
                      lead: tuple[int, bool] | None = None,
                      lead_of: list[tuple[int, bool] | None] | None = None,
                      anaphoric: frozenset[int] = frozenset(),
                      candidates: list[int] | None = None) -> Unit | None:
    """The earlier unit ``unit`` repeats, or None.  ``candidates``: the index's answer for
    a unit with no earlier exact copy, when the caller has asked it already."""
    paragraph = sentence.paragraph

    def comparable(p: int) -> bool:
        other = kept[p]
        if other.span.end > unit.span.start:
            return False
        if not comparable_kinds(kind, kind_of[p], unit.norm == other.norm):
            return False
        if lead is not None and lead_of is not None and _restated_item(lead, lead_of[p]):
            return False      # a listed goal taken up as the heading of its own item elsewhere
        if paragraph_of[p] != paragraph and sentence.index in anaphoric and sentence_of[p] in anaphoric:
            return False      # 该项目…施工。 in two items: one status of two projects, each its item's
        if unit.clause and sentence_of[p] == sentence.index - 1 and _opens_sentence(doc, unit, sentence.index):
            return False      # words of a sentence taken up to open the next: 要增强X…。增强X，就是要…
        if paragraph_of[p] != paragraph and (unit.clause or other.clause) and _figure_statement(unit, figure_ends):
            return False      # a figure cited again as the base of a reckoning: 收入N万元，加上…
        if (unit.clause or other.clause) and paragraph_of[p] != paragraph:
            # a whole sentence met again as part of a longer one elsewhere
            need = params.far_clause_min_length if unit.clause and other.clause else params.far_sentence_min_length
            return min(unit.length, other.length) >= need
        return True

    if candidates is None:
        position = exact.get(unit.norm)
        if position is not None and comparable(position):
            return kept[position]
        # Only earlier units sharing half the bigrams and within max_changed edits can be
        # repeats; the index proposes those (checker.model.near_index), never all pairs.
        candidates = index.candidates(unit.norm, 0.5)
    for p in candidates:
        if not comparable(p):
            continue
        other = kept[p]
        if near_duplicate(unit.norm, other.norm, min_ratio=params.min_ratio, max_changed=params.max_changed,
                          ignore_numeral_changes=params.ignore_numeral_changes):
            if params.ignore_numeral_changes and figures_differ(unit.norm, other.norm):
                continue      # two items differing in their subject and in their figure
            return other
    return None


def _item_heads(doc: Document) -> dict[int, tuple[int, int, bool]]:
    """Sentence index -> (the list it opens an item of, where its marker ends, whether it
    is the whole item) for the first sentence of each paragraph that opens a numbered
    item.  The list is named by where its parent block starts (-1: the outermost list)."""
    starts = {block.head.start: block for block in doc.structure.iter_blocks()}
    out: dict[int, tuple[int, int, bool]] = {}
    sentences = doc.sentences
    text = doc.text
    for n, sentence in enumerate(sentences):
        if n and sentences[n - 1].paragraph == sentence.paragraph:
            continue
        para = doc.paragraphs[sentence.paragraph]
        block = starts.get(para.span.start)
        if block is None:
            continue
        parent = block.parent.head.start if block.parent is not None else -1
        rest = text[sentence.span.end:para.span.end]
        whole = not any(ch.isalnum() for ch in rest)
        out[sentence.index] = (parent, block.marker.span.end, whole)
    return out


def _item_lead(doc: Document, unit: Unit, item: tuple[int, int, bool] | None) -> tuple[int, bool] | None:
    """(list, whole item) when ``unit`` opens a numbered item: the item's first sentence or
    its first clause, nothing but marks between the marker and it; None otherwise."""
    if item is None:
        return None
    parent, marker_end, whole = item
    if unit.span.start < marker_end:          # a unit counted from the marker on
        return None if unit.clause else (parent, whole)
    if any(ch.isalnum() for ch in doc.text[marker_end:unit.span.start]):
        return None
    return parent, whole and not unit.clause


def _restated_item(lead: tuple[int, bool], other: tuple[int, bool] | None) -> bool:
    """Two item openings in different lists, one of them a whole list entry: a plan lists
    its goals (1.…；2.…；) and then takes each up as the heading of its measures (1.…。
    本学期…) — the structure of the plan, not a copy.  In one list, a repeated item is a slip."""
    return other is not None and other[0] != lead[0] and (lead[1] or other[1])


def _figure_statement(unit: Unit, figure_ends: frozenset[int]) -> bool:
    """The unit is an indicator and its figure, nothing after it (一般公共预算收入N万元):
    met again in another paragraph it is the figure cited once more, as the starting point
    of a balance or a comparison, which metric-restated checks for agreement; a copied
    sentence says more than one figure."""
    end = unit.span.end
    return end in figure_ends or end - 1 in figure_ends or end + 1 in figure_ends


def _opens_sentence(doc: Document, unit: Unit, sentence: int) -> bool:
    """The unit starts its sentence (only marks or blanks before it)."""
    head = doc.text[doc.sentences[sentence].span.start:unit.span.start]
    return not any(ch.isalnum() for ch in head)
