"""Kind ``duplicate-paragraph``: a paragraph repeated, exactly or nearly, in one document.

The later paragraph is reported; ``related`` names the line of the first.  Paragraphs
are compared in normalised form (see ``checker.model.similarity``), so a repeat with
different punctuation, a swapped quoted name or a changed character or two still counts.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.duplicates.places import (comparable_kinds, heading_paragraphs, line_kinds, same_section,
                                              set_phrases, site_furniture, PLAIN, beyond_titles)
from checker.checks.finding import Finding
from checker.model.document import Document
from checker.model.near_index import NearIndex
from checker.model.similarity import PLACEHOLDER, Unit, figures_differ, near_duplicate

MESSAGE_ARGS = frozenset({
    "length",      # content characters of the paragraph
    "first_line",  # the line of its first occurrence
})
# The note on the first occurrence (messages: in the pack), with first_line.
MESSAGES = frozenset({"first_seen"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_length: int = Field(20, ge=4)          # content characters, set phrases not counted
    min_ratio: float = Field(0.9, gt=0, le=1)  # difflib ratio of the normalised texts
    max_changed: int = Field(6, ge=0)          # characters changed at most
    # Lines this short with no statement punctuation are names or headings: a name line
    # (the title printed again, a signature, a field row) is never a repeat, a heading
    # only when identical.
    line_max_length: int = Field(60, ge=1)
    # A paragraph the leftovers family's site-furniture rules take as a leftover line (a
    # document site's disclaimer, a page's byline) is not document text: never compared.
    # A line up to this long with a match, in a run of such lines, is one of them
    # (artifact-doc-site's run_line_chars); 0 compares every paragraph.
    site_line_chars: int = Field(80, ge=0)


def paragraph_units(doc: Document, params: Params, vocabulary,
                    furniture: frozenset[int] = frozenset()) -> list[tuple[int, Unit]]:
    phrases = set_phrases(vocabulary)
    out = []
    for para, unit in zip(doc.paragraphs, doc.paragraph_units(phrases)):
        if (unit is not None and unit.length >= params.min_length and para.index not in furniture
                and beyond_titles(doc.text, para.span.start, para.span.end) >= params.min_length):
            out.append((para.index, unit))
    return out


def repeated_paragraphs(doc: Document, params: Params, vocabulary,
                        furniture: frozenset[int] = frozenset()) -> list[tuple[int, Unit, int, Unit]]:
    """(later index, later unit, first index, first unit) for each repeated paragraph,
    the paragraphs of a site's ``furniture`` (``places.site_furniture``) left out.
    The sentence rule asks again with the paragraph rule's own parameters (its
    ``defers_to``): found once per document, parameters and set phrases."""
    key = ("repeated-paragraphs", set_phrases(vocabulary), tuple(params), furniture)
    return doc.shared(key, lambda: list(_repeated_paragraphs(doc, params, vocabulary, furniture)))


def _repeated_paragraphs(doc: Document, params: Params, vocabulary,
                         furniture: frozenset[int]) -> Iterator[tuple[int, Unit, int, Unit]]:
    headings = heading_paragraphs(doc)
    kinds = line_kinds(doc, params.line_max_length)
    seen: dict[str, tuple[int, Unit]] = {}
    index = NearIndex(params.max_changed, figures_only_skeletons=True)   # candidates, not all pairs
    kept: list[tuple[int, Unit]] = []
    for para_index, unit in paragraph_units(doc, params, vocabulary, furniture):
        kind = kinds.get(para_index, PLAIN)
        first = seen.get(unit.norm)
        if first is not None and not comparable_kinds(kind, kinds.get(first[0], PLAIN), True):
            first = None
        if first is None and (kind == PLAIN or PLACEHOLDER in unit.norm):
            # a heading or a name line is a repeat only of its own text (``comparable_kinds``
            # with no text alike): none was seen, so the index is not asked (a text with
            # placeholders is: the index counts those it is asked for)
            first = _near(unit, kind, kinds, kept, index, params)
        if first is not None and para_index in headings and not same_section(
                doc, unit.span.start, first[1].span.start):
            first = None        # the summary and the plan of one document may share a heading
        if first is not None:
            yield para_index, unit, first[0], first[1]
        else:
            seen[unit.norm] = (para_index, unit)
        kept.append((para_index, unit))
        index.add(unit.norm)


def _near(unit: Unit, kind: int, kinds: dict[int, int], kept, index: NearIndex, params: Params):
    # earlier paragraphs sharing min_ratio x 0.6 of its bigrams
    for position in index.candidates(unit.norm, params.min_ratio, 0.6):
        other_index, other = kept[position]
        if not comparable_kinds(kind, kinds.get(other_index, PLAIN), False):
            continue
        if near_duplicate(unit.norm, other.norm, min_ratio=params.min_ratio,
                          max_changed=params.max_changed) and not figures_differ(unit.norm, other.norm):
            return kept[position]
    return None


def check(doc: Document, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if not doc.paragraphs:
        return      # every report is a repeated paragraph: nothing is built
    furniture = site_furniture(doc, rule, params.site_line_chars)
    for index, unit, first_index, _ in repeated_paragraphs(doc, params, rule.vocabulary, furniture):
        span = doc.paragraphs[index].span
        args = {"length": unit.length, "first_line": doc.position(doc.paragraphs[first_index].span.start)[0]}
        yield Finding(span, args=args, note="first_seen")
