"""``gb-ellipsis``: an ellipsis not written ``……`` (GB/T 15834-2011 4.11.2): three full stops
``。。。``, three or more dots ``...`` in Chinese text, a single ``…`` or an odd run of them.

Dots count only beside Chinese (a Han character or full-width punctuation), so a version
number, a URL or an English quotation keeps its dots; ``……`` (two) and ``…………`` (four:
a whole omitted paragraph) are the standard's forms.  The fix writes ``……``.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.punctuation.skip_leftovers import leftover_paragraphs
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "fixed"})

_RUNS = compile_skipping(r"。{3,}|[.．·]{3,}|…+")
_URLISH = compile_skipping(r"(?:https?|ftp)://\S+|www\.\S+")


def _chinese(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in "“”‘’"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    form: str = "……"                                                  # the ellipsis the fix writes
    allowed_runs: list[int] = Field(default_factory=lambda: [2, 4])   # counts of … that are right


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    if not text:
        return      # no run of dots in no text: the leftover paragraphs' patterns are not built
    skipped = leftover_paragraphs(doc, rule)
    urls = [m.span() for m in _URLISH.finditer(text)]
    for m in _RUNS.finditer(text):
        run = m.group()
        if run[0] == "…" and len(run) in params.allowed_runs:
            continue
        if run[0] in ".．·":
            left = text[m.start() - 1] if m.start() else ""
            right = text[m.end()] if m.end() < len(text) else ""
            if not ((left and _chinese(left)) or (right and _chinese(right))):
                continue
            if left.isalnum() and left.isascii() or right.isalnum() and right.isascii():
                continue   # 1.2.3, v2..3: Latin text or numbers around the dots
        if any(a <= m.start() < b for a, b in urls):
            continue
        para = doc.paragraph_at(m.start())
        if para is not None and para.index in skipped:
            continue
        yield Finding(Span(m.start(), m.end()), args={"found": run, "fixed": params.form}, fix=params.form)
