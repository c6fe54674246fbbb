"""A rate, share or coverage outside 0–100%: ``巩固率达到103%``, ``覆盖率100%以上``.

A quantity is checked when it is a percentage, its indicator is a rate (the rate
lexicon of ``rules/model/quantities.yaml``: 率, 占比, 比例 … but not 增长率, 增幅,
完成率 …) and its verb states a level (达到, 为, 提升至 … or none): a change of a rate
(提高2%) is the business of the ``rate-change`` kind.

A value above the maximum is reported with the rule's message, one below the minimum with
its ``below`` template; ``beyond_words`` (以上, 超过 …) push a value at the maximum beyond it.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.percent.words import words
from checker.model.indicators import is_rate, rate_lexicon

# Names the message template may use.
MESSAGE_ARGS = frozenset({
    "indicator",   # the rate, e.g. 巩固率
    "value",       # the percentage as written, e.g. 103%
    "limit",       # the bound it crosses: 100% or 0%
})
# The template of a value below the minimum (the rule's message is for one above the maximum).
MESSAGES = frozenset({"below"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    maximum: float = 100.0      # percent a rate may reach; above it (or at it with 以上/超过) is reported
    minimum: float = 0.0        # percent below which a rate is reported (the `below` message)
    # Verb kinds that state a level (None: no verb, as in 公办率58.78%).
    level_verbs: list[str] = Field(default_factory=lambda: ["level", "share"])
    # Rows looked up for a table's row of names above a row of figures (0: tables not read).
    table_rows_up: int = Field(3, ge=0, le=10)


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    rates, exceptions = rate_lexicon(doc.lexicon)
    beyond = set(words(rule).beyond_words)
    for q in doc.quantities:
        if q.unit_kind != "percent":
            continue
        if q.verb_kind is not None and q.verb_kind not in params.level_verbs:
            continue
        indicator = q.indicator
        if not is_rate(indicator, rates, exceptions):
            # 29.2% | 85% | >100% | under a row naming each column: the column's name
            indicator = _column_name(doc, q, params.table_rows_up)
            if not is_rate(indicator, rates, exceptions):
                continue
        top = q.high if q.high is not None else q.value
        limit = None
        if top > params.maximum or (top == params.maximum and beyond.intersection(q.approx)):
            limit = params.maximum
        elif q.value < params.minimum:
            limit = params.minimum
        if limit is None:
            continue
        below = limit == params.minimum and q.value < params.minimum
        yield Finding(q.span, args={"indicator": indicator, "value": q.text, "limit": f"{limit:g}%"},
                      message="below" if below else None)


_CELL = "|"


def _column_name(doc, q, rows_up: int) -> str | None:
    """The name over a figure's column in a table copied as rows of ``|``-separated cells:
    the nearest row above (within ``rows_up``) with as many cells and no figure in any."""
    if rows_up <= 0:
        return None
    text = doc.folded_text
    number = doc.position(q.span.start)[0]
    lines = doc.lines
    if number < 1 or number > len(lines):
        return None
    line = lines[number - 1]
    row = text[line.span.start:line.span.end]
    if _CELL not in row:
        return None
    cells = row.split(_CELL)
    column = row.count(_CELL, 0, q.span.start - line.span.start)
    if q.span.end - line.span.start > len(row) or _CELL in text[q.span.start:q.span.end]:
        return None
    for above in range(number - 2, max(-1, number - 2 - rows_up), -1):
        head = text[lines[above].span.start:lines[above].span.end]
        names = head.split(_CELL)
        if len(names) != len(cells):
            continue
        if any(ch.isdigit() for ch in head):
            return None
        name = names[column].strip()
        return name or None
    return None
