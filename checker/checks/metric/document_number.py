"""Two different 文号 given for the document itself.

A notice carries its own 文号 once under its issuer (a line of its own) and web pages
repeat it in their metadata (发文字号：…).  When two such statements differ —
``X政办发〔2027〕12号`` in the metadata, ``X政办发〔2027〕21号`` under the issuer — one is
wrong.  Only the document's own 文号 are compared: one on a line of its own or after a
field label (``metric_doc_number_labels``); 文号 cited in the text (《关于…的通知》（X政发
〔2026〕3号）) are other documents'.  Brackets and blanks are normalised before comparing.
"""
from __future__ import annotations

import re

from checker.core.patterns import literal_scan
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.lexicon import data_view
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "number",        # the 文号 here
    "first",         # the 文号 given first
    "first_line",    # its line
})

_BRACKETS = str.maketrans({"〔": "[", "［": "[", "【": "[", "（": "[", "(": "[",
                           "〕": "]", "］": "]", "】": "]", "）": "]", ")": "]"})


class NumberData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    metric_doc_number_pattern: str = ""
    metric_doc_number_labels: list[str] = Field(default_factory=list)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    return compile_skipping(pattern) if pattern else None


def check(doc, rule) -> Iterator[Finding]:
    data = data_view(rule.vocabulary, NumberData)
    pattern = _compiled(data.metric_doc_number_pattern)
    if pattern is None:
        return
    text = doc.folded_text
    own: list[tuple[str, Span, int]] = []
    # a line lacking the texts every match needs (号) is not searched: the expression
    # opens with up to twelve Han characters, which re tries at every position
    scan = literal_scan(pattern)
    # (the scan searches from the expression's rest after that run: checker/core/run_split.py)
    for line in doc.lines:
        body = line.span.of(text)
        for match in scan.finditer(body):
            before = body[:match.start()].strip(" \t\u3000|｜:：")
            after = body[match.end():].strip(" \t\u3000|｜。")
            labelled = any(before.endswith(label) for label in data.metric_doc_number_labels)
            alone = not before and not after
            if labelled or alone:
                start = line.span.start + match.start()
                own.append((_normal(match.group()), Span(start, line.span.start + match.end()), line.number))
    if len(own) < 2:
        return
    first = own[0]
    for number, span, _ in own[1:]:
        if number != first[0]:
            yield Finding(span, args={"number": span.of(doc.text), "first": first[1].of(doc.text),
                                      "first_line": first[2]})
            return


def _normal(number: str) -> str:
    return re.sub(r"\s+", "", number.translate(_BRACKETS))
