"""``gb-annotation``: a 附注 not in round brackets (GB/T 9704-2012 7.3.6): ``此件公开发布`` on a
line of its own, or in other brackets (``【此件公开发布】``), is ``（此件公开发布）``.
A 附注 is a line that begins with one of ``annotation_starts``; half-width
parentheses are punct-halfwidth's to report.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "fixed"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # bracket pairs (open and close, two characters) a 附注 is reported in and rewritten from
    other_brackets: list[str] = Field(default_factory=lambda: ["【】", "[]", "［］", "〔〕", "{}", "<>", "〈〉"])
    half_width: str = "()"      # a line opening with this pair's first mark is left to punct-halfwidth
    max_length: int = 24        # characters a 附注 may have (final stop not counted); longer: not reported


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocab = vocabulary(rule)
    if len(vocab.annotation_brackets) != 2 or not vocab.annotation_starts:
        return
    open_, close = vocab.annotation_brackets
    text = doc.text
    for para in doc.paragraphs:
        raw = para.span.of(text)
        line = raw.strip()
        if not line or line[0] == open_ or line[0] == params.half_width[0]:
            continue
        inner = line
        pair = next((b for b in params.other_brackets if len(b) == 2 and line[0] == b[0] and line[-1] == b[1]), None)
        if pair:
            inner = line[1:-1]
        if not any(inner.startswith(w) for w in vocab.annotation_starts):
            continue
        note = inner.rstrip("。.")
        if len(note) > params.max_length or any(mark in note for mark in "，,。；;"):
            continue   # a sentence that happens to start so, not a note
        start = para.span.start + raw.index(line)
        fixed = f"{open_}{note}{close}"
        yield Finding(Span(start, start + len(line)), args={"found": line, "fixed": fixed}, fix=fixed)
