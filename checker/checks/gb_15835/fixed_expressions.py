"""``gb-fixed-expression``: Arabic digits inside an established expression whose numerals are
Chinese (GB/T 15835-2011 4.2.3): ``14五`` for ``十四五``, ``1带1路`` for ``一带一路``.

``fixed_expressions`` lists the expressions in their right form; every way of writing
one or more of their numerals in Arabic digits is searched for, except writings that
put two Arabic numerals side by side (``145``, ``54运动``), which read as one ordinary
number.  ``fixed_patterns`` adds whole families as regular expressions matching the
wrong form (``党的20大``, ``19届4中全会``); those are reported without a fix.
"""
from __future__ import annotations

import itertools
from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_15835 import vocabulary
from checker.model.numerals import BIG_UNITS, CN_NUMERAL_CHARS, SMALL_UNITS, parse_cn_int
from checker.model.span import Span
from checker.core import pattern_facts
from checker.core.patterns import LiteralScan, literal_scan
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "fixed"})


def pieces(expression: str) -> list[tuple[str, int | None]]:
    """The expression cut into numerals (with their value) and other text: 十四五 →
    [(十四, 14), (五, 5)]; a run of bare digits is one numeral per character (五四 → 五, 四)."""
    out: list[tuple[str, int | None]] = []
    i = 0
    while i < len(expression):
        if expression[i] not in CN_NUMERAL_CHARS:
            j = i
            while j < len(expression) and expression[j] not in CN_NUMERAL_CHARS:
                j += 1
            out.append((expression[i:j], None))
            i = j
            continue
        j = i
        while j < len(expression) and expression[j] in CN_NUMERAL_CHARS:
            j += 1
        run = expression[i:j]
        if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in run):
            out += [(ch, parse_cn_int(ch)) for ch in run]
        else:
            k = 0
            while k < len(run):   # the longest numeral at each place: 十四五 → 十四 + 五
                end = next((e for e in range(len(run), k, -1) if parse_cn_int(run[k:e]) is not None), k + 1)
                out.append((run[k:end], parse_cn_int(run[k:end])))
                k = end
        i = j
    return out


def wrong_forms(expression: str) -> list[str]:
    parts = pieces(expression)
    numerals = [i for i, (_, value) in enumerate(parts) if value is not None]
    out: list[str] = []
    for choice in itertools.product((False, True), repeat=len(numerals)):
        if not any(choice):
            continue
        arabic = {i for i, flag in zip(numerals, choice) if flag}
        if any(i in arabic and i + 1 in arabic for i in arabic):
            continue   # 1 and 4 side by side read as 14, an ordinary number
        out.append("".join(str(v) if i in arabic else text for i, (text, v) in enumerate(parts)))
    return out


def _right_forms(expressions: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each wrong form with the expression it stands for (the first that gives it), in order."""
    right: dict[str, str] = {}
    for expression in expressions:
        for form in wrong_forms(expression):
            right.setdefault(form, expression)
    return tuple(right.items())


@lru_cache(maxsize=8)
def _compiled(expressions: tuple[str, ...]) -> tuple[LiteralScan | None, dict[str, str]]:
    # the same list every run: kept with the answers about expressions (a pure function of
    # the list and the code, as they are), not worked out again by each fresh process
    right = dict(pattern_facts.answer("fixed-forms", expressions, 0, lambda: _right_forms(expressions)))
    if not right:
        return None, right
    alt = escaped_join(sorted(right, key=len, reverse=True))
    # searched only near the forms' texts, the leading look-behind tested where a form
    # matched (checker.core.patterns.LiteralScan: re cannot skip ahead past it)
    return literal_scan(rf"(?<![0-9.])(?:{alt})(?![0-9])"), right


@lru_cache(maxsize=8)
def _patterns(patterns: tuple[str, ...]) -> tuple[LiteralScan, ...]:
    # each needs a rare text (中全会, 人大): searched only near it (checker.core.patterns)
    return tuple(literal_scan(p) for p in patterns)


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    text = doc.text
    regex, right = _compiled(tuple(vocab.fixed_expressions))
    seen: set[int] = set()
    if regex is not None:
        for m in regex.finditer(text):
            seen.add(m.start())
            yield Finding(Span(m.start(), m.end()), args={"found": m.group(), "fixed": right[m.group()]},
                          fix=right[m.group()])
    for pattern in _patterns(tuple(vocab.fixed_patterns)):
        for m in pattern.finditer(text):
            if m.start() not in seen:
                seen.add(m.start())
                yield Finding(Span(m.start(), m.end()), args={"found": m.group(), "fixed": ""}, message="pattern")
