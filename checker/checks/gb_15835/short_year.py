"""``gb-short-year``: a year of the Gregorian calendar cut to two digits: ``23年1月``,
``22年度``, ``23年工作计划`` (GB/T 15835-2011 5.1.4: ``1990年`` is not written ``90年``).

Two digits followed by 年 are a year only where what follows makes it a date
(``short_year_next``: a month, 度, 上半年, 工作总结 …); a duration (``工作23年``,
``连续20年``: ``short_year_not_before``) and a decade (``80年代``) pass.  The fix
writes the full year, taking the century from the document's own year (else 20).
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_15835 import vocabulary
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "fixed"})


@lru_cache(maxsize=8)
def _pattern(year_word: str, nexts: tuple[str, ...]) -> re.Pattern[str]:
    # entries are regular expressions (\d{1,2}月) or plain words
    alt = "|".join(n if "\\" in n else re.escape(n) for n in sorted(nexts, key=len, reverse=True))
    return compile_skipping(rf"(?<![0-9.\-/:：０-９])(?P<yy>[0-9]{{2}}){re.escape(year_word)}(?=(?:{alt}))")


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    if not vocab.year_word or not vocab.short_year_next:
        return
    text = doc.text
    for m in literal_scan(_pattern(vocab.year_word, tuple(vocab.short_year_next))).finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if any(before.endswith(w) for w in vocab.short_year_not_before):
            continue
        own = doc.year_at(m.start())
        century = own // 100 * 100 if own else 2000
        full = century + int(m.group("yy"))
        if own and full > own + 5:
            full -= 100
        fixed = f"{full}{vocab.year_word}"
        yield Finding(Span(m.start(), m.end()), args={"found": m.group(), "fixed": fixed}, fix=fixed)
    if vocab.short_year_opening_next:
        yield from _line_openings(doc, text, vocab)


def _line_openings(doc, text: str, vocab) -> Iterator[Finding]:
    """A line opening ``24年，`` in a document of 2024: the year of the report cut short.
    Only two digits at a line's start (after blanks), and only the document's own year or
    one next to it; any other number of years is a span (``30年，`` in a 2024 report)."""
    pattern = _pattern(vocab.year_word, tuple(vocab.short_year_opening_next))
    for m in _LINE_START.finditer(text):
        hit = pattern.match(text, m.end())
        if hit is None:
            continue
        own = doc.year_at(hit.start())
        if not own or abs(own % 100 - int(hit.group("yy"))) > 1:
            continue
        fixed = f"{own // 100 * 100 + int(hit.group('yy'))}{vocab.year_word}"
        yield Finding(Span(hit.start(), hit.end()), args={"found": hit.group(), "fixed": fixed}, fix=fixed)


_LINE_START = compile_skipping(r"^[ \t\u3000]*", re.M)
