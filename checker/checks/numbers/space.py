"""``number-space``: a number split by a blank: ``1 000所``, ``20 22年``.

Chinese text writes numbers solid (GB/T 15835 allows a thin space only in typeset
tables).  Reported when two digit runs are joined by a single blank and the second is
followed by Chinese text or %, so dates with a time (``2023-02-28 23:28``), list
numbers (``表1 2022年``: ``number_labels`` of the vocabulary) and code are left alone.  The fix removes the blank.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.numbers.words import words
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "fixed"})

_SPLIT = re.compile(
    r"(?<![0-9A-Za-z.．:：\-/_])"
    r"(?P<left>[0-9]{1,4})(?P<blank>[ \u00a0\u2009\u202f])(?P<right>[0-9]{1,4}(?:[.．][0-9]+)?)"
    r"(?=[\u3400-\u9fff%％])")


@lru_cache(maxsize=16)
def _label(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """Words before a number (and blanks) that make it a label, not part of a figure."""
    if not labels:
        return None
    return re.compile(rf"(?:{'|'.join(re.escape(w) for w in labels)})\s*$")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    text = doc.text
    label = _label(tuple(words(rule).number_labels))
    for m in _SPLIT.finditer(text):
        if label is not None and label.search(text[max(0, m.start() - 4):m.start()]):
            continue
        fixed = m.group("left") + m.group("right")
        yield Finding(Span(m.start(), m.end()), args={"found": m.group(0), "fixed": fixed}, fix=fixed)
