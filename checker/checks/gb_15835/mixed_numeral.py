"""``gb-mixed-numeral``: Arabic digits joined to the Chinese numerals 百 or 千 (``4千``,
``3百多人``, ``1.5千万元``): GB/T 15835-2011 5.3 lets 万 and 亿 follow Arabic digits but
otherwise never mixes the two systems in one number (4000 is ``4000`` or ``四千``).

A unit that starts with 百 or 千 (``千米``, ``千克``, ``百分点``: ``mixed_not_before``)
is not a numeral.  The fix multiplies out: ``4千`` → ``4000``, ``1.5千万`` → ``1500万``.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_15835 import vocabulary
from checker.model.numerals import SMALL_UNITS
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "fixed"})


@lru_cache(maxsize=8)
def _pattern(units: tuple[str, ...], not_before: tuple[str, ...]) -> re.Pattern[str]:
    unit_alt = "|".join(map(re.escape, units))
    stop = "|".join(map(re.escape, sorted(not_before, key=len, reverse=True)))
    guard = f"(?!{stop})" if stop else ""
    return compile_skipping(rf"(?<![0-9.A-Za-z])(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>{unit_alt}){guard}")


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    units = tuple(u for u in vocab.mixed_units if u in SMALL_UNITS)
    if not units:
        return
    text = doc.text
    for m in _pattern(units, tuple(vocab.mixed_not_before)).finditer(text):
        value = Decimal(m.group("n")) * SMALL_UNITS[m.group("u")]
        fixed = format(value.normalize(), "f") if value == value.to_integral_value() else None
        if fixed is not None and "." in fixed:
            fixed = fixed.rstrip("0").rstrip(".")
        yield Finding(Span(m.start(), m.end()), args={"found": m.group(), "fixed": fixed or m.group()},
                      fix=fixed)
