"""``gb-non-legal-unit``: a quantity in a unit that is not a legal unit of measurement —
``3市斤``, ``5公分``, ``120马力``, ``200亩`` (``non_legal``, with what to write
instead).  Which of them an office accepts is its house style: list them in ``allow``
(``allow: [亩]`` keeps 亩 for land, as many offices do).  Only a unit right after a
number counts, so 亩产 or 一亩三分地 in a set phrase pass.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.gb_3100 import vocabulary
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "unit", "instead"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    allow: list[str] = Field(default_factory=list)   # non-legal units this office accepts


@lru_cache(maxsize=8)
def _pattern(units: tuple[str, ...], magnitudes: tuple[str, ...]) -> re.Pattern[str]:
    alt = escaped_join(sorted(units, key=len, reverse=True))
    mags = "".join(m for m in magnitudes if len(m) == 1)
    return compile_skipping(rf"(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<mag>[{mags}]?)(?P<u>{alt})")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    table = {u: v for u, v in vocabulary(rule).non_legal.items() if u not in params.allow}
    if not table:
        return
    text = doc.text
    magnitudes = tuple(doc.lexicon.get("magnitudes") or ())     # the model's 万, 亿 …
    for m in _pattern(tuple(table), magnitudes).finditer(text):
        unit = m.group("u")
        yield Finding(Span(m.start("u"), m.end("u")), args={"found": m.group(), "unit": unit,
                                                            "instead": table[unit]})
