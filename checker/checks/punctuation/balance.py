"""``punct-balance``: quotes, brackets and 书名号 that open or close without a partner.

Each paragraph is scanned with a stack of open marks.  A closing mark whose partner is
not open is reported at the closing mark (``做好加法”和“乘法”``: the first ” closes
nothing); marks still open at the end of the paragraph are reported at the opening
mark.  When a closer matches an opener further down the stack, the openers above it
were never closed and are reported.  Half-width ``( )`` pair with full-width ``（ ）``
(the width itself is the business of ``punct-halfwidth``); a half-width ``)`` right
closing a short list marker at the start of a paragraph or clause (``1)``, ``；2)``)
is a numbering mark, not a bracket.  The pairs, their aliases and the numerals of such
markers are the vocabulary's (``pairs``, ``pair_aliases``, ``list_marker_numerals``).
Paragraphs holding a scraping leftover (see ``skip_leftovers``) are skipped: the artifact
rules report them and they go as a whole.  A mark never closed is reported with the rule's
message, one never opened with its ``unopened`` template.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.punctuation.skip_leftovers import leftover_paragraphs
from checker.checks.punctuation.words import words
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"mark", "partner"})
# The template of a closing mark never opened (the rule's message is for an opener never closed).
MESSAGES = frozenset({"unopened"})


@lru_cache(maxsize=8)
def _list_marker(numerals: str) -> re.Pattern[str]:
    """A list marker closed by a single half-width parenthesis: "1)", "a)", "十)" at the
    start of a paragraph or after a clause mark."""
    return re.compile(rf"(?:^|(?<=[\s；;，,。：:]))[0-9A-Za-z{re.escape(numerals)}]{{1,3}}\)")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(doc, rule) -> Iterator[Finding]:
    vocabulary = words(rule)
    openers = vocabulary.pairs
    aliases = vocabulary.pair_aliases
    closers = {c: o for o, c in openers.items()}
    marker = _list_marker(vocabulary.list_marker_numerals)
    text = doc.text
    skipped = leftover_paragraphs(doc, rule)
    for para in doc.paragraphs:
        if para.index in skipped:
            continue
        body = para.span.of(text)
        base = para.span.start
        stack: list[tuple[str, int]] = []            # (opener as normalised, offset)
        problems: list[tuple[int, str, str]] = []    # (offset, mark as written, problem)
        skip = {m.end() - 1 for m in marker.finditer(body)}
        for i, ch in enumerate(body):
            mark = aliases.get(ch, ch)
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
            mark = aliases.get(ch, ch)
            partner = openers.get(mark) or closers.get(mark, "")
            yield Finding(Span(base + offset, base + offset + 1), args={"mark": ch, "partner": partner},
                          message="unopened" if problem == "unopened" else None)


def _apostrophe(body: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (children’s), not a closing quote."""
    return (body[i] == "’" and 0 < i < len(body) - 1
            and body[i - 1].isascii() and body[i - 1].isalpha()
            and body[i + 1].isascii() and body[i + 1].isalpha())
