"""``substitution``: a term that a configured list replaces: the variant is reported with
the preferred term as its fix.

The list is data (``data``: a lexicon key, ``terminology`` by default) of entries
``{preferred: …, variants: [...], since: YEAR?, note: …?}``.  With ``since`` the entry
applies only to sections whose year (``Document.year_at``) is that year or later — a
name changed on a known date (新冠肺炎 → 新冠病毒感染 from 2023) is not an error in a
report about 2022.  A variant that is part of the preferred term where it stands
(``从严`` inside ``全面从严治党``) is never reported.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span
from checker.core.patterns import compile_user
from checker.model.lexicon import validated
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "preferred", "note"})


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    preferred: str = Field(min_length=1)
    variants: list[str] = Field(min_length=1)
    since: int | None = None
    note: str = ""


class _Entries(BaseModel):
    """A vocabulary's entries, validated once per vocabulary data (``lexicon.validated``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    entries: list[Entry] = Field(default_factory=list)


def _entries(raw) -> _Entries:
    return _Entries.model_construct(entries=[Entry.model_validate(e) for e in raw])


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    data: str = "terminology"        # lexicon key
    fix: bool = True                 # offer the preferred term as the fix; False: report only


@lru_cache(maxsize=64)
def _regex(variants: tuple[str, ...]):
    # user data, though escaped: run within the rule's time budget like every user list
    return compile_user(escaped_join(sorted(set(variants), key=lambda w: (-len(w), w))))


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    entries = validated(rule.vocabulary, _Entries, lambda data: data.get(params.data) or [], _entries,
                        name=params.data).entries
    text = doc.text
    hits: dict[int, tuple[Span, Entry]] = {}
    for entry in entries:
        variants = tuple(v for v in entry.variants if v and v != entry.preferred)
        if not variants:
            continue
        for m in _regex(variants).finditer(text):
            if _inside_preferred(text, m.start(), m.end(), entry.preferred):
                continue
            if entry.since is not None:
                year = doc.year_at(m.start())
                if year is None or year < entry.since:
                    continue
            if m.start() not in hits:
                hits[m.start()] = (Span(m.start(), m.end()), entry)
    for start in sorted(hits):
        span, entry = hits[start]
        yield Finding(span, args={"found": span.of(text), "preferred": entry.preferred, "note": entry.note},
                      fix=entry.preferred if params.fix else None)


def _inside_preferred(text: str, start: int, end: int, preferred: str) -> bool:
    """Whether the preferred term occurs at this place and covers the match."""
    lo = max(0, start - len(preferred))
    for k in range(lo, start + 1):
        if text.startswith(preferred, k) and k + len(preferred) >= end:
            return True
    return False
