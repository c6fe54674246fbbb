"""Shared by the punctuation kinds: paragraphs that are leftovers, not text.

A scraped header line (``发布日期:… 浏览量: 【字体:``) or a paywall notice is reported
by the artifact rules and goes as a whole; its half-width colons and its cut-off
``【`` are not worth a second report.  The punctuation kinds therefore skip paragraphs
that hold a match of the artifact patterns named in their ``skip_data`` parameter.
"""
from __future__ import annotations

from checker.checks.leftovers.pattern import find_matches


def leftover_paragraphs(doc, rule, keys: list[str]) -> set[int]:
    """Indexes of paragraphs holding a match of any pattern list named by ``keys`` in the
    leftovers family's vocabulary (read across families on purpose: the same patterns
    define a leftover for both)."""
    leftovers = rule.vocabulary_of("leftovers")
    patterns: list[str] = []
    for key in keys:
        for p in leftovers.get(key) or []:
            if isinstance(p, str) and p not in patterns:
                patterns.append(p)
    if not patterns:
        return set()
    out: set[int] = set()
    for span in find_matches(doc.text, tuple(patterns), frozenset()):
        para = doc.paragraph_at(span.start)
        if para is not None:
            out.add(para.index)
    return out
