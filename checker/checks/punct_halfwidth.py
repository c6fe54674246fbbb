"""``punct-halfwidth``: half-width , ; : ( ) ? ! in Chinese text, one report per paragraph.

A mark counts when the nearest non-blank character on either side is Chinese (a Han
character or full-width punctuation): ``2022年以来,在`` but not ``1,000``, ``23:28`` or
``Hello, world``.  Parentheses count as a pair when they hold Chinese text
(``(试行)``), never around Latin letters or digits only (``(APP)``, ``(1)``); an unpaired
one counts when it touches Chinese.  URLs and e-mail addresses are skipped.

A web-converted document uses half-width marks in every paragraph, so the report is one
per paragraph: the span runs from its first to its last such mark and the fix is that
text with every counted mark made full-width (and blanks right after a comma-like mark
dropped, as full-width marks carry their own space).
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"count", "marks", "first"})

_SKIP = re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
                   r"|www\.[A-Za-z0-9.\-/_%?=&#:]+"
                   r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_BLANKS = " \t\u00a0"


def is_chinese(ch: str) -> bool:
    """A Han character or full-width / CJK punctuation.  Curly quotes are neutral: they
    wrap English as often as Chinese."""
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E
            or 0xF900 <= o <= 0xFAFF or ch in "…—·")


def has_han(text: str) -> bool:
    return any(0x3400 <= ord(c) <= 0x9FFF for c in text)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # half-width mark -> full-width replacement
    marks: dict[str, str] = Field(default_factory=lambda: {
        ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})


def _neighbour(body: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(body) and body[j] in _BLANKS:
        j += step
    return body[j] if 0 <= j < len(body) else ""


def flagged_marks(body: str, marks: dict[str, str]) -> list[int]:
    """Offsets (into ``body``) of half-width marks standing in Chinese text."""
    skip = [False] * len(body)
    for m in _SKIP.finditer(body):
        for k in range(m.start(), m.end()):
            skip[k] = True

    def touches_chinese(i: int) -> bool:
        left, right = _neighbour(body, i, -1), _neighbour(body, i, 1)
        return bool(left and is_chinese(left)) or bool(right and is_chinese(right))

    out: set[int] = set()
    parens = "(" in marks and ")" in marks
    stack: list[int] = []
    for i, ch in enumerate(body):
        if skip[i] or ch not in marks:
            continue
        if parens and ch == "(":
            stack.append(i)
        elif parens and ch == ")":
            if stack:
                j = stack.pop()
                inside = body[j + 1:i]
                if has_han(inside):
                    out.update((j, i))
            elif touches_chinese(i):
                out.add(i)
        elif touches_chinese(i):
            out.add(i)
    out.update(j for j in stack if touches_chinese(j))
    return sorted(out)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    for para in doc.paragraphs:
        body = para.span.of(text)
        offsets = flagged_marks(body, params.marks)
        if not offsets:
            continue
        first, last = offsets[0], offsets[-1]
        end = last + 1
        drop_after = set()
        for i in offsets:
            if body[i] in "(":
                continue
            k = i + 1
            while k < len(body) and body[k] in _BLANKS:
                k += 1
            if k > i + 1 and k < len(body) and is_chinese(body[k]):
                drop_after.update(range(i + 1, k))
                if i == last:
                    end = k
        flagged = set(offsets)
        fixed = "".join(params.marks[body[k]] if k in flagged else ("" if k in drop_after else body[k])
                        for k in range(first, end))
        seen: list[str] = []
        for i in offsets:
            if body[i] not in seen:
                seen.append(body[i])
        yield Finding(Span(para.span.start + first, para.span.start + end),
                      args={"count": len(offsets), "marks": " ".join(seen), "first": body[first]},
                      fix=fixed)
