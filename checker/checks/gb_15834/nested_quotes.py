"""``gb-nested-quotes``: double quotes inside double quotes (``“学习‘三会一课’”`` is right,
``“学习“三会一课””`` is not): GB/T 15834-2011 4.8.3.4 puts single quotes inside double.

Each paragraph's quotes are paired with a stack.  A “ opened while another “ is open is a
nested quotation; it is reported (from the inner “ to its ”, fixed to ‘…’) only when the
paragraph's double quotes pair up completely — otherwise a mark was lost, which is the
business of punct-unbalanced, and two rules must not report one slip.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.punctuation.skip_leftovers import leftover_paragraphs
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "fixed"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    outer: tuple[str, str] = ("“", "”")   # (open, close) of the quotes that must not nest in themselves
    inner: tuple[str, str] = ("‘", "’")   # (open, close) a nested quotation is rewritten to by the fix


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    open_, close = params.outer
    text = doc.text
    skipped = leftover_paragraphs(doc, rule)
    for para in doc.paragraphs:
        if para.index in skipped:
            continue
        body = para.span.of(text)
        if body.count(open_) < 2:
            continue
        stack: list[tuple[str, int]] = []        # (mark, offset) of open quotes, double and single
        nested: list[tuple[int, int]] = []
        balanced = True
        inner_open, inner_close = params.inner
        # only the four quote marks act: visit them, not every character
        for found in _marks(open_, close, inner_open, inner_close).finditer(body):
            i, ch = found.start(), found.group()
            if ch in (open_, inner_open):
                stack.append((ch, i))
            elif ch == inner_close:
                if _apostrophe(body, i):
                    continue
                if stack and stack[-1][0] == inner_open:
                    stack.pop()
            elif ch == close:
                if not stack or stack[-1][0] != open_:
                    balanced = False
                    break
                _, start = stack.pop()
                if stack and stack[-1][0] == open_:   # a double quotation right inside another
                    nested.append((start, i))
        if not balanced or any(mark == open_ for mark, _ in stack):
            continue
        for start, end in nested:
            piece = body[start:end + 1]
            fixed = params.inner[0] + piece[1:-1] + params.inner[1]
            base = para.span.start
            yield Finding(Span(base + start, base + end + 1), args={"found": piece, "fixed": fixed}, fix=fixed)


@lru_cache(maxsize=8)
def _marks(*marks: str) -> re.Pattern:
    """Any one-character mark of ``marks`` (a longer or empty one never equals a
    character of the text, so it never acted)."""
    chars = sorted({m for m in marks if len(m) == 1})
    return compile_skipping("[" + "".join(re.escape(c) for c in chars) + "]" if chars else "(?!)")


def _apostrophe(body: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (children’s), not a closing quote."""
    return (0 < i < len(body) - 1 and body[i - 1].isascii() and body[i - 1].isalpha()
            and body[i + 1].isascii() and body[i + 1].isalpha())
