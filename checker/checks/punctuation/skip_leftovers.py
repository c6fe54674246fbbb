"""Shared by the punctuation kinds: paragraphs that are leftovers, not text.

A scraped header line (``发布日期:… 浏览量: 【字体:``) or a paywall notice is reported
by the artifact rules and goes as a whole; its half-width colons and its cut-off
``【`` are not worth a second report.  The punctuation kinds therefore skip paragraphs
that hold a match of the leftovers family's web-page and paywall patterns.
"""
from __future__ import annotations

from checker.checks.leftovers.pattern import find_matches


# The leftovers family's pattern lists whose matches make a paragraph a leftover.
LEFTOVER_KEYS = ("artifact_web_patterns", "artifact_paywall_patterns")
# …and those whose matches are garbage inside a paragraph: their marks are no marks
# (mojibake; an undecoded HTML entity, whose ; is part of the code: &nbsp; is one blank).
GARBLE_KEYS = ("artifact_garble_patterns", "artifact_entity_patterns")


def leftover_paragraphs(doc, rule) -> frozenset[int]:
    """Indexes of paragraphs holding a match of any pattern list of ``LEFTOVER_KEYS`` in
    the leftovers family's vocabulary (read across families on purpose: the same patterns
    define a leftover for both)."""
    leftovers = rule.vocabulary_of("leftovers")
    patterns: list[str] = []
    for key in LEFTOVER_KEYS:
        for p in leftovers.get(key) or []:
            if isinstance(p, str) and p not in patterns:
                patterns.append(p)
    if not patterns:
        return frozenset()
    # five kinds ask with the same patterns: found once per document
    return doc.shared(("leftover-paragraphs", tuple(patterns)), lambda: _find(doc, tuple(patterns)))


def _find(doc, patterns: tuple[str, ...]) -> frozenset[int]:
    out: set[int] = set()
    for span in find_matches(doc.text, patterns, frozenset()):
        para = doc.paragraph_at(span.start)
        if para is not None:
            out.add(para.index)
    return frozenset(out)


def garbled_spans(doc, rule) -> tuple:
    """The spans of the text matching a pattern list of ``GARBLE_KEYS`` of the leftovers
    family (mojibake: 统?tǒng） — its ） is no bracket), earliest first."""
    leftovers = rule.vocabulary_of("leftovers")
    patterns: list[str] = []
    for key in GARBLE_KEYS:
        for p in leftovers.get(key) or []:
            if isinstance(p, str) and p not in patterns:
                patterns.append(p)
    if not patterns:
        return ()
    return doc.shared(("garbled-spans", tuple(patterns)),
                      lambda: tuple(find_matches(doc.text, tuple(patterns), frozenset())))
