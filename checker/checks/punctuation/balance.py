"""``punct-balance``: quotes, brackets and 书名号 that open or close without a partner.

Each paragraph is scanned with a stack of open marks.  A closing mark whose partner is
not open is reported at the closing mark (``做好加法”和“乘法”``: the first ” closes
nothing); marks still open at the end of the paragraph are reported at the opening
mark.  When a closer matches an opener further down the stack, the openers above it
were never closed and are reported.  Half-width ``( )`` pair with full-width ``（ ）``
(the width itself is the business of ``punct-halfwidth``); a half-width ``)`` right
closing a short list marker at the start of a paragraph or clause (``1)``, ``；2)``)
is a numbering mark, not a bracket.
Paragraphs holding a scraping leftover (``skip_data``: artifact pattern lists) are
skipped: the artifact rules report them and they go as a whole.
"""
from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.checks.finding import Finding
from checker.checks.punctuation.skip_leftovers import leftover_paragraphs
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"mark", "partner", "problem"})

# A list marker closed by a single half-width parenthesis: "1)", "a)", "十)" at the start
# of a paragraph or after a clause mark.
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s；;，,。：:]))[0-9A-Za-z一二三四五六七八九十]{1,3}\)")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # opening mark -> closing mark
    pairs: dict[str, str] = Field(default_factory=lambda: {
        "“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕", "「": "」", "『": "』"})
    # marks that count as another mark: half-width parentheses pair with full-width ones
    aliases: dict[str, str] = Field(default_factory=lambda: {"(": "（", ")": "）"})
    # paragraphs holding a leftover (reported by the artifact rules) are skipped
    skip_data: list[str] = Field(default_factory=lambda: ["artifact_web_patterns", "artifact_paywall_patterns"])

    @model_validator(mode="after")
    def _distinct(self) -> "Params":
        for opener, closer in self.pairs.items():
            if len(opener) != 1 or len(closer) != 1 or opener == closer:
                raise ValueError(f"pairs: {opener!r}→{closer!r} must be two different single characters")
        return self


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    openers = params.pairs
    closers = {c: o for o, c in openers.items()}
    text = doc.text
    skipped = leftover_paragraphs(doc, rule, params.skip_data)
    for para in doc.paragraphs:
        if para.index in skipped:
            continue
        body = para.span.of(text)
        base = para.span.start
        stack: list[tuple[str, int]] = []            # (opener as normalised, offset)
        problems: list[tuple[int, str, str]] = []    # (offset, mark as written, problem)
        skip = {m.end() - 1 for m in _LIST_MARKER.finditer(body)}
        for i, ch in enumerate(body):
            mark = params.aliases.get(ch, ch)
            if mark in openers:
                stack.append((mark, i))
            elif mark in closers:
                if (ch == ")" and i in skip) or _apostrophe(body, i):
                    continue
                opener = closers[mark]
                depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
                if depth is None:
                    problems.append((i, ch, "unopened"))
                    continue
                for _, j in stack[depth + 1:]:
                    problems.append((j, body[j], "unclosed"))
                del stack[depth:]
        problems += [(j, body[j], "unclosed") for _, j in stack]
        for offset, ch, problem in sorted(problems):
            mark = params.aliases.get(ch, ch)
            partner = openers.get(mark) or closers.get(mark, "")
            words = "没有对应的后半" if problem == "unclosed" else "没有对应的前半"
            yield Finding(Span(base + offset, base + offset + 1),
                          args={"mark": ch, "partner": partner, "problem": words})


def _apostrophe(body: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (children’s), not a closing quote."""
    return (body[i] == "’" and 0 < i < len(body) - 1
            and body[i - 1].isascii() and body[i - 1].isalpha()
            and body[i + 1].isascii() and body[i + 1].isalpha())
