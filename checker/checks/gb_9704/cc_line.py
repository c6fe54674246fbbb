"""``gb-cc-line``: the 抄送 line of the 版记 not ending in a full stop (GB/T 9704-2012 7.4.2:
the last organ named is followed by 。).  The same holds for a 主送 line moved into the
版记.  A trailing comma, semicolon or 顿号 is replaced, a missing stop added.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "stop"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # last marks the fix replaces with the full stop; after any other last character it adds one
    replace: list[str] = Field(default_factory=lambda: ["，", ",", "；", ";", "、", ".", "．"])


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocab = vocabulary(rule)
    regex = vocab.regex("cc_line")
    stop = vocab.cc_end
    if regex is None or not stop:
        return
    text = doc.text
    for para in doc.paragraphs:
        raw = para.span.of(text)
        m = regex.match(raw)
        if m is None:
            continue
        body = raw.rstrip(" \t\u3000")
        if len(body) <= m.end() or body.endswith(stop):
            continue
        end = para.span.start + len(body)
        last = body[-1]
        fix = stop if last in params.replace else last + stop
        yield Finding(Span(end - 1, end), args={"found": body.strip(), "stop": stop}, fix=fix)
