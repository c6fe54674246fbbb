"""Kinds that can find nothing in an empty text, whatever their parameters and data.

A document whose text is empty has no paragraph, sentence, quantity, outline block or
run of characters; every finding of these kinds is made from one of those, so a rule of
such a kind is not run on it, and its module is not imported (a one-file run over an
empty file imported the modules of the 69 kinds its 100 rules use and ran them all to
find nothing: ~165 M of its ~360 M instructions).  A kind missing here is run as before: the list may be short, never
wrong.  tests/test_empty_text_kinds.py runs every built-in rule of these kinds over an
empty document and holds each reason below to the code it names.

Kinds whose findings can come from an expression of the user's (``pattern``, the
vocabularies' expressions) are left out: an expression may match the empty string.
"""
from __future__ import annotations

SILENT_ON_EMPTY_TEXT = frozenset({
    # returns when the document has no sentence / no paragraph
    "duplicate-sentence",
    "duplicate-paragraph",
    # its check finds nothing in any document (the comparison is its collect, not run
    # by a one-file run)
    "duplicate-corpus",
    # returns when the document has no quantity, or reports only at one
    "arith-parts",
    "arith-growth",
    "arith-share",
    "arith-difference",
    "metric-conflict",
    "gb-digit-grouping",
    "gb-range-repeat",
    "rate-bound",
    "rate-change",
    "decrease-bound",
    "range-order",
    "magnitude-mix",
    "fractional-count",
    "bare-magnitude",
    "amount-change-points",
    "measure-word-fit",
    # minority_form's uses: quantities' units and measure words, or a number before a
    # percent sign (its own expression needs both)
    "minority-form",
    "measure-word-mix",
    "percent-sign-mix",
    "unit-spelling-mix",
    # returns when the document has no paragraph, or reports only inside one
    "count-list",
    "count-respectively",
    "punct-balance",
    "punct-halfwidth",
    "gb-nested-quotes",
    "gb-date-line",
    "gb-annotation",
    "gb-cc-line",
    "gb-attachment-note",
    "gb-attachment-match",
    "title-year",
    "gb-addressee",
    # every report is at an outline block or an inline enumeration (task items are blocks)
    "numbering-sequence",
    "numbering-style",
    "numbering-inline",
    "gb-heading-levels",
    "responsibility-missing",
    # every report is at a responsibility annotation, and an empty text has none
    "responsibility-lead",
    "responsibility-fields",
    "responsibility-registry",
    "responsibility-variants",
    # every report is at a run of Han characters written twice
    "stutter",
    # returns unless the text holds three Han characters in a row / any character
    "typo-phrase",
    "typo-traditional",
    "gb-ellipsis",
    # every report is at a match of non-empty literals (escaped; empty ones dropped)
    "substitution",
    "gb-title-dunhao",
    # every report is at a match of an expression that needs figures (arith-shares-sum,
    # number-space, number-exact-approx, punct-range-mark: digits; gb-approx-number: two
    # numerals; gb-year-zero: a year opening on a digit), two letters or digits or a
    # letter after a Han character (number-letter), or a title mark (gb-title-scope)
    "arith-shares-sum",
    "number-space",
    "number-exact-approx",
    "punct-range-mark",
    "gb-approx-number",
    "gb-year-zero",
    "number-letter",
    "gb-title-scope",
    # every report needs the year of its place: written in the match (digits, which an
    # empty match has none of) or the place's (Document.year_at: a section's or the
    # title's), and an empty text has neither
    "stale-event",
    "stale-period",
    "stale-milestone",
    "stale-future-year",
})


def runs_on_empty_text(kind: str) -> bool:
    """Whether a rule of ``kind`` is run on a document whose text is empty."""
    return kind not in SILENT_ON_EMPTY_TEXT
