"""``gb-date-line``: a 成文日期 or 印发日期 not in the form of GB/T 9704-2012 7.3.5.4 and
7.4.3: Arabic numerals, the year in full, the month and day without a leading zero —
``2023年1月5日``.  Reported: ``二〇二三年一月五日``, ``23年1月5日``, ``2023年01月05日``,
with the date rewritten as the fix.

Only a line that is nothing but a date (``date_line``), or an organ and a date ending
in 印发, is such a date; dates in running text are GB/T 15835's business.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.model.numerals import parse_cn_int
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "fixed"})
_FULL = str.maketrans("０１２３４５６７８９Ｏ", "01234567890")


def _number(text: str) -> int | None:
    plain = text.translate(_FULL)
    if plain.isdigit():
        return int(plain)
    return parse_cn_int(plain.replace("0", "○").replace("O", "○").replace("o", "○"))


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    regex = vocab.regex("date_line")
    if regex is None or len(vocab.date_words) != 3:
        return
    y_word, m_word, d_word = vocab.date_words
    text = doc.text
    for para in doc.paragraphs:
        line = para.span.of(text)
        m = regex.match(line)
        if m is None:
            continue
        year, month, day = (_number(m.group(g)) for g in ("year", "month", "day"))
        if year is None or month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if year < 100:
            own = doc.year_at(para.span.start)
            year += own // 100 * 100 if own else 2000
        start = para.span.start + m.start("year")
        end = para.span.start + m.end("day") + len(d_word)
        written = text[start:end]
        fixed = f"{year}{y_word}{month}{m_word}{day}{d_word}"
        if written == fixed:
            continue
        yield Finding(Span(start, end), args={"found": written, "fixed": fixed}, fix=fixed)
