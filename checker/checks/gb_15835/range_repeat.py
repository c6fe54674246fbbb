"""``gb-range-repeat``: a range whose first number drops the magnitude or the % sign that its
second one carries: ``3～5万元`` (read: 3 yuan to 50,000 yuan) for ``3万～5万元``,
``20～30%`` for ``20%～30%`` (GB/T 15835-2011 5.1.3, which allows leaving out only a
shared unit, as in ``100～150千克``).

Read from the quantity layer: a range whose high end has a magnitude (万, 亿 …) the low
end lacks, or a percent-like sign (``signs``) written only on the high end.  The fix
writes the magnitude or sign after the first number.  A dropped 万 or 亿 changes the
number and is reported by default; a dropped % (``percent``) is a house-style matter in
practice and is reported only when switched on (gb-standards does).
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding

MESSAGE_ARGS = frozenset({"found", "fixed", "missing"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # the units read as percent signs: a sign written only on the high end is reported when `percent` is on
    signs: list[str] = Field(default_factory=lambda: ["%", "％", "‰"])
    magnitudes: bool = True     # report a dropped 万/亿 (3～5万元: 3 yuan or 30,000?)
    percent: bool = False       # report a dropped % too (20～30%); many houses accept it


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    for q in doc.quantities:
        if not q.is_range or q.number_span is None:
            continue
        missing = ""
        if params.magnitudes and q.magnitude and not q.low_magnitude:
            missing = q.magnitude
        if params.percent and q.unit in params.signs and q.low_unit is None:
            missing += q.unit
        if not missing:
            continue
        cut = q.number_span.end
        fixed = text[q.span.start:cut] + missing + text[cut:q.span.end]
        yield Finding(q.span, args={"found": q.span.of(text), "fixed": fixed, "missing": missing}, fix=fixed)
