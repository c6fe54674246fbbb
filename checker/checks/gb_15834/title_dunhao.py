"""``gb-title-dunhao``: a 顿号 between two titles in 书名号 or two quotations (``《条例》、《办法》``,
``“双减”、“五项管理”``): GB/T 15834-2011 4.5.3.5 usually leaves it out, because the
marks already keep the items apart.  When something stands between the two marks
(``《条例》（2019年）、《办法》``) the 顿号 is wanted, and nothing is reported.
The fix removes the 顿号.
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.punctuation.skip_leftovers import leftover_paragraphs
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "fixed"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # three-character sequences (close, 顿号, open) whose middle mark is reported and deleted
    pairs: list[str] = Field(default_factory=lambda: ["》、《", "”、“", "〉、〈"])


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    pairs = [p for p in params.pairs if len(p) == 3]
    if not pairs:
        return
    regex = compile_skipping(escaped_join(pairs))
    skipped = leftover_paragraphs(doc, rule)
    text = doc.text
    for m in regex.finditer(text):
        para = doc.paragraph_at(m.start())
        if para is not None and para.index in skipped:
            continue
        found = m.group()
        yield Finding(Span(m.start() + 1, m.start() + 2), args={"found": found, "fixed": found[0] + found[2]},
                      fix="")
