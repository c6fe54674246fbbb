"""Kinds that can find nothing in an empty text, whatever their parameters and data.

A document whose text is empty has no paragraph, sentence, quantity, outline block or
run of characters; every finding of these kinds is made from one of those, so a rule of
such a kind is not run on it, and its module is not imported (a one-file run over an
empty file imported all 43 kind modules and ran 108 rules to find nothing: ~165 M of its
~360 M instructions).  A kind missing here is run as before: the list may be short, never
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
    "decrease-bound",
    # returns when the document has no paragraph, or reports only inside one
    "count-list",
    "count-respectively",
    "punct-balance",
    "punct-halfwidth",
    # every report is at an outline block (task items are blocks)
    "numbering-sequence",
    "responsibility-missing",
    # every report is at a run of Han characters written twice
    "stutter",
    # returns unless the text holds three Han characters in a row
    "typo-phrase",
    # every report needs the year of the place it is in (Document.year_at: a section's or
    # the title's year), and an empty text has neither
    "stale-event",
})


def runs_on_empty_text(kind: str) -> bool:
    """Whether a rule of ``kind`` is run on a document whose text is empty."""
    return kind not in SILENT_ON_EMPTY_TEXT
