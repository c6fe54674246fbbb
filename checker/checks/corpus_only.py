"""Kinds whose check of one document finds nothing: all they report comes from the
cross-document comparison (their module's ``collect`` and ``check_corpus``).

A run that makes no cross-document summaries (one file, no reference documents: the
engine's ``collect=False``) leaves their rules out and does not import their modules
(duplicate-corpus's brings the duplicate family's corpus code, ~3.6 M instructions of a
one-file run, to return nothing).  A kind missing here is run as before: the list may be
short, never wrong.  tests/test_corpus_only_kinds.py holds each to its module: a corpus
kind whose check returns nothing for any document.
"""
from __future__ import annotations

FINDS_NOTHING_ALONE = frozenset({
    "duplicate-corpus",     # check: ``return iter(())``, everything is in check_corpus
})


def runs_alone(kind: str) -> bool:
    """Whether a rule of ``kind`` is run by a check that makes no cross-document summaries."""
    return kind not in FINDS_NOTHING_ALONE
