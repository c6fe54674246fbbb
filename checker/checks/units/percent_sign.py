"""``percent-sign-mix``: ``%`` and ``％`` mixed in one document.

Every percent sign written after a number is counted; the form most of them use is the
document's form and each use of the other form is reported, with the majority form as
its fix.  A tie keeps ``Params.on_tie`` (half-width by default, as the genre's
publishing systems write it).
"""
from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, majority
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "expected", "count_found", "count_expected"}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"first_seen"})

# A number and its percent sign.  The number must not continue a code or a URL
# (``%E4%B8`` and ``abc%20`` are percent-encoding, not percentages).
_PERCENT = re.compile(
    r"(?<![0-9０-９A-Za-z.．%％])"
    r"(?P<number>[0-9０-９]+(?:[.．][0-9０-９]+)?)"
    r"(?P<space>[ \u3000]?)"
    r"(?P<sign>[%％])"
    r"(?![0-9A-Fa-f]{2})"
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # the sign expected when % and ％ are used equally often; each use of the other is reported
    on_tie: Literal["%", "％"] = "%"


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    uses = [(m.start(), m.end(), m.group("sign"), m) for m in _PERCENT.finditer(doc.text)]
    signs = [sign for _, _, sign, _ in uses]
    if len(set(signs)) < 2:
        return
    expected = majority(signs, prefer=lambda s: 0 if s == params.on_tie else 1)
    first = next(start for start, _, sign, _ in uses if sign == expected)
    count_expected = signs.count(expected)
    for start, end, sign, match in uses:
        if sign == expected:
            continue
        yield Finding(
            Span(start, end),
            args={"found": sign, "expected": expected, "count_found": signs.count(sign),
                  "count_expected": count_expected, **first_seen(doc, first, expected)},
            fix=match.group("number") + match.group("space") + expected,
            note="first_seen",
        )
