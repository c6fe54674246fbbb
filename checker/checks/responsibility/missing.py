"""Kind ``responsibility-missing``: a plan's task item that names no responsible unit.

Which items need one is the policy of :mod:`checker.checks.responsibility.items` (data
``responsibility.policy``); each param left unset here takes its value from that data,
so a repository can change the policy either way.  Reported at the item's marker.

A document that annotates none of its items (an office's own 工作要点, written without
owners by custom) is one finding, not one per item: with ``scope: document`` the kind
reports it once, with the count of items, in its own rule's message; with ``scope:
item`` (the default) it reports the items of documents that annotate some, unless
``per_item_when_none_annotated`` asks for every item anyway.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.responsibility.items import effective_policy, missing_items, task_items

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = {"marker", "title", "count"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # None: as the data says (responsibility.policy).
    require_titles: list[str] | None = None
    # True: every task item in a plan section needs a responsible unit; None: the data's policy
    require_in_work_plans: bool | None = None
    # True: titles require nothing, an item misses one only where others of its group have one;
    # None: the data's policy
    only_when_some_annotated: bool | None = None
    # items under a heading holding one of these words (保障措施) are no tasks; None: the data's list
    exempt_headings: list[str] | None = None
    # item: one finding per item; document: one finding for a document annotating no item
    scope: Literal["item", "document"] = "item"
    # scope item: True reports every item of a document that annotates none; False: such a document is silent
    per_item_when_none_annotated: bool = False

_POLICY_FIELDS = ("require_titles", "require_in_work_plans", "only_when_some_annotated", "exempt_headings")


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    policy = effective_policy(doc, {k: getattr(params, k) for k in _POLICY_FIELDS})
    items = task_items(doc, policy)
    none_annotated = not any(item.annotated for item in items)
    missing = missing_items(doc, policy, items)
    if params.scope == "document":
        if none_annotated and missing:
            block = missing[0].block
            yield Finding(block.marker.span,
                          args={"marker": block.marker.text, "title": block.title, "count": len(missing)})
        return
    if none_annotated and not params.per_item_when_none_annotated:
        return
    for item in missing:
        block = item.block
        yield Finding(block.marker.span, args={"marker": block.marker.text, "title": block.title})
