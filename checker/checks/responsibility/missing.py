"""Kind ``responsibility-missing``: a plan's task item that names no responsible unit.

Which items need one is the policy of :mod:`checker.checks.responsibility.items` (data
``responsibility.policy``); each param left unset here takes its value from that data,
so a repository can change the policy either way.  Reported at the item's marker.
"""
from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.responsibility.items import effective_policy, missing_items

MESSAGE_ARGS = {"marker", "title"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # None: as the data says (responsibility.policy).
    require_titles: list[str] | None = None
    # True: every task item in a plan section needs a responsible unit; None: the data's policy
    require_in_work_plans: bool | None = None
    # True: titles require nothing, an item misses one only where others of its group have one;
    # None: the data's policy
    only_when_some_annotated: bool | None = None
    # items under a heading holding one of these words (保障措施) are no tasks; None: the data's list
    exempt_headings: list[str] | None = None


def check(doc, rule) -> Iterator[Finding]:
    policy = effective_policy(doc, rule.params.model_dump())
    for item in missing_items(doc, policy):
        block = item.block
        yield Finding(block.marker.span, args={"marker": block.marker.text, "title": block.title})
