"""``number-space``: a number split by a blank: ``1 000所``, ``20 22年``.

Chinese text writes numbers solid (GB/T 15835 allows a thin space only in typeset
tables).  Reported when two digit runs are joined by a single blank and the second is
followed by Chinese text or %, so dates with a time (``2023-02-28 23:28``), list
numbers (``表1 2022年``: ``number_labels`` of the vocabulary) and code are left alone.

The whole run of groups is read (``1 000 000元``, ``1 000 万元`` with a blank before the
unit too), and the fix joins it only where the joined figure is certain:

* thousands groups — the first of one to three digits, each later one of exactly three
  (``1 000``, ``12 000``, ``2 500.5``);
* a year split inside its four digits before 年 (``20 22年``).

A year followed by a month or day number (``2023 12月``: 年 left out) is no split number
and is not reported.  Any other split (``12 5000万元``: one figure or two?) is reported with
the ``unsure`` message and no fix: joining it could make a wrong figure.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.numbers.words import words
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "fixed"})
# The template of a split whose figure is not certain (no fix offered).
MESSAGES = frozenset({"unsure"})

_BLANK = "[ \u00a0\u2009\u202f]"
_SPLIT = compile_skipping(
    r"(?<![0-9A-Za-z.．:：\-/_])"
    rf"(?P<left>[0-9]{{1,4}})(?P<rest>(?:{_BLANK}[0-9]{{1,4}})*{_BLANK}[0-9]{{1,4}}(?:[.．][0-9]+)?)"
    rf"(?={_BLANK}?[\u3400-\u9fff%％])")
_GROUPS = compile_skipping(_BLANK)
_YEAR = compile_skipping(r"(?:19|20)[0-9]{2}")


@lru_cache(maxsize=16)
def _label(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """Words before a number (and blanks) that make it a label, not part of a figure."""
    if not labels:
        return None
    return compile_skipping(rf"(?:{escaped_join(labels)})\s*$")


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    text = doc.text
    vocab = words(rule)
    label = _label(tuple(vocab.number_labels))
    dates = vocab.split_date_words
    for m in literal_scan(_SPLIT).finditer(text):
        if label is not None and label.search(text[max(0, m.start() - 4):m.start()]):
            continue
        groups = _GROUPS.split(m.group(0))
        fixed = "".join(groups)
        after = text[m.end():m.end() + 2].lstrip(" \u00a0\u2009\u202f")[:1]
        if len(groups) == 2 and _YEAR.fullmatch(groups[0]) and groups[1].isdigit() \
                and after in dates and 1 <= int(groups[1]) <= dates[after]:
            continue    # 2023 12月: a year and a month, 年 left out — no figure split
        thousands = all(len(g) == 3 for g in (x.split(".")[0].split("．")[0] for x in groups[1:])) \
            and 1 <= len(groups[0]) <= 3
        year = bool(vocab.split_year_word) and after == vocab.split_year_word and _YEAR.fullmatch(fixed) is not None
        if thousands or year:
            yield Finding(Span(m.start(), m.end()), args={"found": m.group(0), "fixed": fixed}, fix=fixed)
        else:
            yield Finding(Span(m.start(), m.end()), args={"found": m.group(0), "fixed": fixed}, message="unsure")
