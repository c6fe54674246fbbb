"""``gb-approx-number``: two adjacent numerals that make an approximate number, written with
a 顿号 between them or in Arabic digits: ``三、四个`` and ``3、4个`` are ``三四个``.

GB/T 15835-2011 4.2.2 wants Chinese numerals for such estimates and 5.2.1 no 顿号
between them; GB/T 15834-2011 4.5.3.4 says the same of the 顿号.  One report covers
both, with the estimate written right as its fix (``一两个`` for 1 and 2).

What is a list of two items, not an estimate, passes: an ordinal (``第三、四批``), a pair
followed by a word that names an order (``3、4号文件``, ``一、二等奖``, ``三、四年级``:
``approx_not_after``), numerals that are not neighbours (``3、7个``, except pairs such
as 三五 in ``approx_pairs``), a third item (``3、4、5个``), and a numeral at the start of
a paragraph or clause, which is a heading marker (``三、四个方面``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_15835 import vocabulary
from checker.model.numerals import DIGITS, format_cn_int
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "fixed"})

_DUN = "、"
_CLAUSE_START = "\n。；：！？;:!?“（("
_SIMPLE = "".join(format_cn_int(v) for v in range(1, 10))     # the nine everyday digits
_TEN = format_cn_int(10)


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    numeral = f"[1-9{_SIMPLE}]"
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return compile_skipping(rf"(?<![0-9.{_SIMPLE}{_TEN}])(?P<a>{numeral}){_DUN}(?P<b>{numeral})(?P<w>{alt})")


def _value(ch: str) -> int:
    return int(ch) if ch.isdigit() else DIGITS[ch]


def _spell(value: int, two: str, word: str) -> str:
    """How a numeral of an estimate is written: 2 is 两 before a measure word (两三个,
    一两个) but 二 before 十 (一二十个)."""
    return two if value == 2 and two and word != _TEN else format_cn_int(value)


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    if not vocab.approx_measure_words:
        return
    pairs = {tuple(p) for p in vocab.approx_pairs if len(p) == 2}
    text = doc.text
    for m in literal_scan(_pattern(tuple(vocab.approx_measure_words))).finditer(text):
        a, b = _value(m.group("a")), _value(m.group("b"))
        if not (b == a + 1 or (a, b) in pairs):
            continue
        before = text[:m.start()].rstrip(" \t\u3000")
        if not before or before[-1] in _CLAUSE_START or any(before.endswith(w) for w in vocab.approx_ordinal):
            continue   # a heading marker (三、四个方面) or an ordinal (第三、四批)
        if before.endswith(_DUN) or text.startswith(_DUN, m.end("b")) or _third_item(text, m.end()):
            continue   # one of three or more items: a list
        after = text[m.end("w"):]
        if any(after.startswith(w) for w in vocab.approx_not_after):
            continue
        if m.group("w") in vocab.approx_not_after:
            continue
        word = m.group("w")
        fixed = f"{_spell(a, vocab.approx_two, word)}{_spell(b, vocab.approx_two, word)}{word}"
        yield Finding(Span(m.start(), m.end()), args={"found": m.group(0), "fixed": fixed}, fix=fixed)


def _third_item(text: str, end: int) -> bool:
    """``3、4个、5个``: the pair is followed by another item of the same list."""
    return text.startswith(_DUN, end) and end + 1 < len(text) and (text[end + 1].isdigit() or text[end + 1] in DIGITS)
