"""``gb-composite-unit``: a composite unit whose parts are written one as a symbol and one as a
Chinese name: ``km/时``, ``公里/h``, ``m³/秒``.  A composite unit is written all in symbols
(``km/h``) or all in Chinese (``千米/时``), never mixed (the rules of GB 3100-1993 for unit
symbols).  Only units of ``units`` count: a physical unit over a thing counted
in words (``元/m³``, ``m²/人``) is a right form and passes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_3100 import Unit, vocabulary
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "symbols", "names"})


@lru_cache(maxsize=8)
def _table(units: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]):
    spelling: dict[str, tuple[int, bool]] = {}        # spelling -> (unit index, is a symbol)
    for i, (names, symbols) in enumerate(units):
        for name in names:
            spelling.setdefault(name, (i, False))
        for symbol in symbols:
            spelling.setdefault(symbol, (i, True))
    if not spelling:
        return None, spelling
    alt = escaped_join(sorted(spelling, key=len, reverse=True))
    regex = compile_skipping(rf"(?<![A-Za-z])(?P<a>{alt})/(?P<b>{alt})(?![A-Za-z0-9²³])")
    return regex, spelling


def _key(units: list[Unit]):
    return tuple((tuple(u.names), tuple(u.symbols)) for u in units)


def check(doc, rule) -> Iterator[Finding]:
    units = vocabulary(rule).units
    regex, spelling = _table(_key(units))
    if regex is None:
        return
    text = doc.text
    for m in regex.finditer(text):
        (ia, sym_a), (ib, sym_b) = spelling[m.group("a")], spelling[m.group("b")]
        if sym_a == sym_b:
            continue
        a, b = units[ia], units[ib]
        symbols = f"{a.symbols[0]}/{b.symbols[0]}" if a.symbols and b.symbols else ""
        names = f"{a.names[0]}/{b.names[0]}"
        yield Finding(Span(m.start(), m.end()), args={"found": m.group(), "symbols": symbols or names,
                                                      "names": names})
