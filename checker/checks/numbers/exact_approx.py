"""``number-exact-approx``: an exact figure followed by 余 or 多 (``536余条``).

余/多 round a figure up from a round number: ``2690余次``, ``100余篇``, ``30多人``.
A figure whose last digit is not 0 is already exact, and 余/多 after it is a slip
(``536余条`` is either ``536条`` or ``530余条``).  Reported only when 余/多 stands
right after the digits and before a measure word (role ``after-number`` in the model's
measure-word table), so decimals with a magnitude (``7.8万余名``), ``其余`` and ``多于``
are never read.  The rounding words are ``rounding_words`` of the vocabulary.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.numbers.words import words
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"number", "word", "phrase"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # single-digit figures: 5余人 is odd too, but 1多 / 2多 occur in set phrases
    min_digits: int = Field(default=2, ge=1)


@lru_cache(maxsize=16)
def _regex(rounding: tuple[str, ...], measures: tuple[str, ...]) -> re.Pattern[str]:
    w = escaped_join(rounding)
    m = escaped_join(sorted(measures, key=len, reverse=True))
    return compile_skipping(rf"(?<![0-9０-９.．])(?P<number>[0-9]*[1-9])(?P<word>{w})(?=(?:{m}))")


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    measures = doc.measure_words.with_role("after-number")
    rounding = tuple(words(rule).rounding_words)
    if not measures or not rounding:
        return
    for m in literal_scan(_regex(rounding, measures)).finditer(doc.text):
        if len(m.group("number")) < params.min_digits:
            continue
        yield Finding(Span(m.start(), m.end()),
                      args={"number": m.group("number"), "word": m.group("word"), "phrase": m.group(0)})
