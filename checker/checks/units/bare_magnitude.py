"""``bare-magnitude``: an amount with 万/亿 but no unit where the context wants one.

``企业自主研发投入达5000万以上`` counts money, so 5000万 needs 元.  A quantity with a
magnitude and no unit is reported only when a money word (``unit_money_words`` in
``rules/units/vocabulary.yaml``) governs it: the money word ends the text before the
number, or only linking words (``unit_money_linkers``: 达, 为, 共计, 突破 …) stand
between them.  ``阅读量达到24.26万`` or ``保障随迁子女34.67万`` count readers and
children, and stay silent.  The fix adds the unit of money (``money_unit``: 元).
Traditional 萬/億 are read as 万/亿.  A figure that ends the whole text is not reported:
the text stops there (a page store's cut), and what followed may have been its unit.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.units.forms import Vocabulary, words
from checker.model.lexicon import built_from
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = {"found", "unit", "word", "suggestion"}

# How far back the governing money word may start (characters before the number).
_WINDOW = 16


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


def _governor(vocabulary: Vocabulary) -> re.Pattern[str] | None:
    money = vocabulary.unit_money_words
    linkers = vocabulary.unit_money_linkers
    if not money:
        return None

    def alt(items):
        return escaped_join(sorted(set(items), key=lambda w: (-len(w), w)))

    link = f"(?:{alt(linkers)})*" if linkers else ""
    return compile_skipping(rf"(?P<word>{alt(money)}){link}$")


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    vocabulary = words(rule)
    pattern = built_from(rule.vocabulary, _governor, lambda _: _governor(vocabulary))
    if pattern is None or not vocabulary.money_unit:
        return
    unit = vocabulary.money_unit
    text = doc.text
    # The magnitude and rounding words are looked up on the folded text (萬 read as 万,
    # 億 as 亿: the quantity's magnitude is the folded one); offsets are the same.
    folded = doc.folded_text
    for q in doc.quantities:
        if q.unit is not None or q.magnitude is None or q.number_span is None:
            continue
        line_start = text.rfind("\n", 0, q.span.start) + 1
        before = folded[max(line_start, q.span.start - _WINDOW):q.span.start]
        match = pattern.search(before)
        if match is None:
            continue
        # The magnitude is written after the (high) number: 5000万, 3000-5000万.
        end = q.span.start + q.text.rfind(q.magnitude) if q.is_range else q.number_span.end
        if folded.startswith(q.magnitude, end):
            end += len(q.magnitude)
        rounding = next((w for w in vocabulary.rounding_words if folded.startswith(w, end)), "")
        end += len(rounding)                # 5000万余
        if not text[end:].strip():
            continue    # the text stops right after the figure: a cut page lost its unit
        span = Span(q.number_span.start, end)
        found = span.of(text)
        yield Finding(span, args={"found": found, "unit": unit, "word": match.group("word"),
                                  "suggestion": found + unit},
                      fix=found + unit)
