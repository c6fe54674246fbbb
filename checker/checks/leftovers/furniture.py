"""Paragraphs that are a site's furniture, not the document's text.

Asked by kinds of other families that compare the document's own text (the duplicate
kinds): a document-sharing site's disclaimer printed above every document it serves is
the same line in each of them, and no copy between the documents.  A paragraph is
furniture when the site-furniture rules of this family (web page, document site, paywall,
site chrome) take its line as a leftover line as a whole, as ``pattern``'s ``run`` scope
does: a line mostly matched, or a short one with a match, and a line up to
``line_chars`` long with a match standing in a run of such lines.  A paragraph of prose
with a leftover put into it stays text.
"""
from __future__ import annotations

import bisect

from checker.checks.leftovers.pattern import compiled_patterns, data_patterns, find_matches, line_runs

# The vocabulary lists of this family that describe a site's furniture around a text,
# and the lines that may stand inside a run of it.
FURNITURE_KEYS = ("artifact_web_patterns", "artifact_doc_site_patterns", "artifact_paywall_patterns",
                  "artifact_site_chrome_patterns")
BRIDGE_KEY = "artifact_doc_site_bridges"


def furniture_paragraphs(doc, vocabulary, line_chars: int) -> frozenset[int]:
    """Indexes of the paragraphs whose lines are all site furniture (``vocabulary``: this
    family's, as ``rule.vocabulary_of("leftovers")`` gives it)."""
    patterns: list[str] = []
    for key in FURNITURE_KEYS:
        patterns += [p for p in data_patterns(vocabulary, key) if p not in patterns]
    if not patterns:
        return frozenset()
    bridges = tuple(data_patterns(vocabulary, BRIDGE_KEY))
    key = ("furniture-paragraphs", tuple(patterns), bridges, line_chars)
    return doc.shared(key, lambda: _find(doc, tuple(patterns), bridges, line_chars))


def _find(doc, patterns: tuple[str, ...], bridges: tuple[str, ...], line_chars: int) -> frozenset[int]:
    text = doc.text
    spans = find_matches(text, patterns, frozenset())
    if not spans:
        return frozenset()
    lines = doc.lines
    starts = [ln.span.start for ln in lines]
    furniture_lines: set[int] = set()
    for group, whole in line_runs(doc, spans, line_chars, compiled_patterns(bridges) if bridges else ()):
        if whole:
            furniture_lines.update(bisect.bisect_right(starts, s.start) - 1 for s in group)
    out: set[int] = set()
    for para in doc.paragraphs:
        first = bisect.bisect_right(starts, para.span.start) - 1
        last = bisect.bisect_right(starts, max(para.span.start, para.span.end - 1)) - 1
        if all(i in furniture_lines or not lines[i].span.of(text).strip() for i in range(first, last + 1)):
            if any(i in furniture_lines for i in range(first, last + 1)):
                out.add(para.index)
    return frozenset(out)
