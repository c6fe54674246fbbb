"""Kind ``responsibility-fields``: a malformed annotation — a field with nothing after
its colon (``牵头单位：；``), or one unit listed twice in one annotation.  A duplicate's
note names the field that listed the unit first (the pack's ``first_listed`` template)."""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.model.annotations import UNIT_ROLES, annotations_of

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({"label", "name", "first_label"})


def MESSAGES(params) -> frozenset[str]:
    """A duplicate's note is a template of the pack; empty fields need none."""
    return frozenset({"first_listed"}) if params.report == "duplicate" else frozenset()


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # the fault reported: empty (nothing after a field's colon) or duplicate (a unit listed twice)
    report: Literal["empty", "duplicate"]
    # duplicate: also when a lead unit is listed again among the responsible ones
    across_fields: bool = True


def check(doc, rule) -> Iterator[Finding]:
    p = rule.params
    for ann in annotations_of(doc):
        if p.report == "empty":
            for f in ann.fields:
                if ann.form != "clauses" and f.role != "other" and not f.value_span:
                    yield Finding(f.label_span, args={"label": f.label, "name": ""})
            continue
        seen: dict[str, str] = {}
        for f in ann.fields:
            if f.role not in UNIT_ROLES:
                continue
            in_field: set[str] = set()
            for unit in f.units:
                dup = unit.name in in_field or (p.across_fields and unit.name in seen)
                if dup:
                    first_label = f.label if unit.name in in_field else seen[unit.name]
                    yield Finding(unit.span, args={"label": f.label, "name": unit.name, "first_label": first_label},
                                  note="first_listed")
                in_field.add(unit.name)
            for unit in f.units:
                seen.setdefault(unit.name, f.label)
