"""``gb-year-zero``: the zero of a year written in Chinese numerals, typed as 零, the digit 0,
the letter O or the circle ○: ``二零二三年``, ``二0二三年`` for ``二〇二三年``
(GB/T 15835-2011 5.2.5: a numeral that names rather than counts writes its zero 〇;
5.3: Arabic and Chinese digits are not mixed in one number).

A run of four characters before 年 that holds Chinese digits and at least one wrong zero
(``year_zero_wrong``) is reported, with every wrong zero made ``year_zero_right``.
A line that is only a date (``date_line``: a 成文日期 or 印发日期) is left to the
GB/T 9704 date rule, which judges its whole form.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.gb_15835 import vocabulary
from checker.model.numerals import format_cn_int
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "fixed"})
_DIGITS = "".join(format_cn_int(v) for v in range(1, 10))


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # leave lines matching the vocabulary's date_line to gb-date-line; False: check them too
    skip_date_lines: bool = Field(default=True)


@lru_cache(maxsize=8)
def _pattern(wrong: tuple[str, ...], right: str, year_word: str) -> re.Pattern[str]:
    zeros = re.escape("".join(wrong) + right)
    return compile_skipping(rf"(?<![{_DIGITS}{zeros}0-9])[{_DIGITS}{zeros}]{{4}}(?={re.escape(year_word)})")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocab = vocabulary(rule)
    if not vocab.year_zero_wrong or not vocab.year_zero_right or not vocab.year_word:
        return
    wrong = set(vocab.year_zero_wrong)
    date_lines = [compile_skipping(p) for p in vocab.date_line] if params.skip_date_lines else []
    text = doc.text
    for m in literal_scan(_pattern(tuple(vocab.year_zero_wrong), vocab.year_zero_right, vocab.year_word)).finditer(text):
        year = m.group()
        if not any(ch in _DIGITS for ch in year) or not any(ch in wrong for ch in year):
            continue
        if year[0] not in _DIGITS:
            continue   # a year starts with a digit: 二〇…, 一九…
        if date_lines:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if any(p.search(line) for p in date_lines):
                continue
        fixed = "".join(vocab.year_zero_right if ch in wrong else ch for ch in year)
        yield Finding(Span(m.start(), m.end()), args={"found": year + vocab.year_word,
                                                      "fixed": fixed + vocab.year_word}, fix=fixed)
