"""Kind ``responsibility-lead``: an annotation that names responsible units but no lead
unit (``（责任处室：…）`` with no ``牵头处室``), in a document whose other annotations do
name one with fields of the same family (处室 with 处室, 单位 with 单位).

Some offices name only the owner throughout; ``only_when_others_have_lead`` keeps such
documents quiet.  An owner-only field of another family (``责任单位：…专班`` among
``牵头处室``/``责任处室`` pairs) hands the task to a body outside the offices the document
assigns leads among, and is not reported.  The clause form (``（市教育局负责）``) names
who is in charge and is never reported."""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.model.annotations import annotations_of, responsibility_data

MESSAGE_ARGS = {"label", "units"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # report only where other annotations name a lead in the same field family; False: everywhere
    only_when_others_have_lead: bool = True


def _family(label: str, prefixes: tuple[str, ...]) -> str:
    """牵头处室 -> 处室, 责任单位 -> 单位, 牵头 -> ''."""
    for prefix in prefixes:
        if label.startswith(prefix):
            return label[len(prefix):]
    return label


def check(doc, rule) -> Iterator[Finding]:
    data = responsibility_data(doc)
    prefixes = tuple(sorted(data.role_prefixes, key=len, reverse=True))
    anns = [a for a in annotations_of(doc)
            if a.form != "clauses" and doc.kind_at(a.span.start) != "summary"]
    lead_families = {_family(f.label, prefixes) for a in anns for f in a.fields if f.role == "lead"}
    if rule.params.only_when_others_have_lead and not lead_families:
        return
    for ann in anns:
        roles = ann.roles
        if "lead" in roles or "owner" not in roles:
            continue
        owner = next(f for f in ann.fields if f.role == "owner")
        if rule.params.only_when_others_have_lead and _family(owner.label, prefixes) not in lead_families:
            continue
        yield Finding(ann.span, args={"label": owner.label,
                                      "units": "、".join(u.name for u in owner.units)})
