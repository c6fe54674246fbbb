"""A range written backwards or with two units: ``50%～30%``, ``30%～50个百分点``.

``30～50%`` (the unit written once, on the high end) is the usual form and passes.
Only ranges of percentages are checked by default (``kinds``); the ends are compared
with their magnitudes (``5千～1万元`` is in order).  A range in order whose ends are in
two units is reported with the rule's ``mixed_units`` template; ``same_units`` of the
vocabulary are spellings of one unit (% and ％).
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.percent.words import words

# Names the message template may use.
MESSAGE_ARGS = frozenset({
    "value",       # the range as written, e.g. 50%～30%
    "low",         # the low end's unit or value
    "high",        # the high end's unit or value
})
# The template of a range whose ends are in two units (the rule's message is for a range
# written backwards).
MESSAGES = frozenset({"mixed_units"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # Unit kinds (rules/model/units.yaml) whose ranges are checked; empty: every range.
    kinds: list[str] = Field(default_factory=lambda: ["percent", "percentage-point", "permille"])
    order: bool = True      # report a range whose low end is above its high end (magnitudes applied)
    units: bool = True      # report a range whose ends carry two units (same_units spellings are one)


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    units = doc.lexicon.get("units") or {}
    canonical = {u: group[0] for group in words(rule).same_units for u in group}
    for q in doc.quantities:
        if q.high is None:
            continue
        low_kind = units.get(q.low_unit) if q.low_unit else None
        if params.kinds and q.unit_kind not in params.kinds and low_kind not in params.kinds:
            continue
        if params.units and q.low_unit and q.high_unit and \
                canonical.get(q.low_unit, q.low_unit) != canonical.get(q.high_unit, q.high_unit):
            yield Finding(q.span, args={"value": q.text, "low": q.low_unit, "high": q.high_unit},
                          message="mixed_units")
            continue
        low = q.value * q.low_multiplier
        high = q.high * q.multiplier
        if params.order and low > high:
            yield Finding(q.span, args={"value": q.text, "low": q.number_text, "high": q.high_number_text})
