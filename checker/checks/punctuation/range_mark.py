"""``punct-range-mark``: a dash or tilde between two numbers that the house style does not
accept as a range mark: doubled or mixed marks (``1—-2``, ``3--5``, ``2021——2025年``),
marks that only look like dashes (``―``, ``‐``) and the half-width tilde (``30~40台``).

``allowed`` lists the accepted marks (default: ``- － ～ — – 〜``; ``至`` is a word and
always fine); a house that writes ranges only with ``～`` or ``—`` narrows it, one that
accepts ``~`` adds it.  The fix writes ``replacement`` (``～``, the range mark of
GB/T 15834).  Dates (``2023-02-28``) use a single ``-`` and are never touched while
``-`` is allowed.  A single mark may also follow a number with its unit (``3万~5万元``,
``8时~10时``); a doubled one there is a 破折号 (``共3项——2项已完成``) and passes.
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"mark", "range", "replacement"})

_DASHES = "-－～~—–―‐‑〜"
_RANGE = re.compile(
    r"(?<![\d.．A-Za-z])(?P<low>\d+(?:[.．]\d+)?(?:[%％]|(?P<unit>[\u4e00-\u9fff]{1,2}))?)[ \u3000]?"
    rf"(?P<mark>[{re.escape(_DASHES)}]{{1,4}})"
    r"[ \u3000]?(?P<high>\d+(?:[.．]\d+)?)(?![\d])")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    allowed: list[str] = Field(default_factory=lambda: ["-", "－", "～", "—", "–", "〜"])
    replacement: str = "～"


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    allowed = set(params.allowed)
    text = doc.text
    for m in _RANGE.finditer(text):
        mark = m.group("mark")
        if mark in allowed or (m.group("unit") and len(mark) > 1):
            continue
        yield Finding(Span(m.start("mark"), m.end("mark")),
                      args={"mark": mark, "range": m.group(0), "replacement": params.replacement},
                      fix=params.replacement)
