"""``pattern``: report text that should not be there at all (an "existence" check).

The rule lists regular expressions (``patterns``) and/or names a list in the data
(``data``: a key of the rule's family vocabulary, which users extend from ``.gwlint.yaml``).
Every match is a finding, with the matched text as ``{match}``.

* ``allow``: match texts that are never reported — e.g. the redaction marks a
  repository uses on purpose (``*`` for a place name).
* ``scope``: ``text`` reports every match; ``line`` reports at most one match per line
  (a scraped header line with three tell-tales is one leftover); ``block`` reports a run
  of matching lines, blank lines between them allowed, once (a paywall notice).
* ``fix``: the replacement for a match (``""`` deletes it); leave unset for no fix.
* ``group_over``: with ``scope: text``, a document holding more matches than this (a
  template left unfilled) gets one finding per line, at its first match, with the
  line's count — under the rule's ``grouped`` template.

Overlapping matches of different patterns are reduced to the earliest, longest one.
Patterns compile once per distinct pattern list (module cache).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"match", "count"})


def MESSAGES(params) -> frozenset[str]:  # noqa: N802 (the registry reads this name)
    """The template of a line's matches reported together, needed when ``group_over`` is set."""
    return frozenset({"grouped"}) if params.group_over is not None else frozenset()


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # regular expressions (multiline); every match is reported
    patterns: list[str] = Field(default_factory=list)
    data: str | None = None                 # a lexicon key holding more patterns
    allow: list[str] = Field(default_factory=list)      # matched texts (the whole match) never reported
    # text: one finding per match; line: one per line; block: one per run of matching lines
    scope: Literal["text", "line", "block"] = "text"
    fix: str | None = None      # replacement of a match ("": delete it); None or block scope: no fix
    # with scope text: above this many matches in a document, one report per line (None: never)
    group_over: int | None = Field(default=None, ge=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern, re.MULTILINE)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
        return value


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.MULTILINE) for p in patterns)


def _patterns(vocabulary, params: Params) -> tuple[str, ...]:
    found = list(params.patterns)
    if params.data:
        extra = vocabulary.get(params.data) or []
        if not isinstance(extra, list) or not all(isinstance(p, str) for p in extra):
            raise ValueError(f"data {params.data!r} must be a list of regular expressions")
        found += [p for p in extra if p not in found]
    return tuple(found)


def find_matches(text: str, patterns: tuple[str, ...], allow: frozenset[str]) -> list[Span]:
    """Non-overlapping matches of any pattern, earliest first, longest at one start."""
    spans: list[Span] = []
    for regex in _compiled(patterns):
        spans += [Span(m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()]
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return [s for s in kept if s.of(text) not in allow]


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    patterns = _patterns(rule.vocabulary, params)
    if not patterns:
        return
    text = doc.text
    spans = find_matches(text, patterns, frozenset(params.allow))
    if params.scope == "text" and params.group_over is not None and len(spans) > params.group_over:
        grouped = "grouped"
        for group in _group_by_line(doc, spans, False):
            first = group[0]
            yield Finding(first, args={"match": first.of(text), "count": len(group)},
                          fix=params.fix if len(group) == 1 else None,
                          message=grouped if len(group) > 1 else None)
        return
    if params.scope == "text":
        for span in spans:
            yield Finding(span, args={"match": span.of(text), "count": 1}, fix=params.fix)
        return
    groups = _group_by_line(doc, spans, params.scope == "block")
    for group in groups:
        first, last = group[0], group[-1]
        if params.scope == "line" or len(group) == 1:
            # one finding per line, at its first match; the fix (if any) handles that match
            yield Finding(first, args={"match": first.of(text), "count": len(group)}, fix=params.fix)
        else:
            # a block spans several lines: no fix, the text between matches is not ours to drop
            yield Finding(Span(first.start, last.end), args={"match": first.of(text), "count": len(group)})


def _group_by_line(doc, spans: list[Span], across_blank_lines: bool) -> list[list[Span]]:
    """Group matches by line (``line`` scope) or by runs of matching lines (``block``)."""
    lines = doc.lines
    starts = [ln.span.start for ln in lines]

    groups: list[list[Span]] = []
    last_line = -10
    for span in spans:
        i = bisect.bisect_right(starts, span.start) - 1
        if groups and i == last_line:
            groups[-1].append(span)
        elif groups and across_blank_lines and i > last_line and all(
                not lines[j].span.of(doc.text).strip() for j in range(last_line + 1, i)):
            groups[-1].append(span)
        else:
            groups.append([span])
        last_line = i
    return groups
