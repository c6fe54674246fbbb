"""A loaded, validated rule ready to run."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from checker.rules.schema import Examples


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    category: str
    severity: str
    message: str
    why: str
    description: str
    params: BaseModel                 # an instance of the kind's Params
    examples: Examples
    raw_params: dict[str, Any] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    limit: int | None = None
    source: str = ""                  # the pack file it came from
    enabled: bool = True              # False: shipped off, switched on in .gwlint.yaml

    def with_changes(self, **changes: Any) -> "Rule":
        return replace(self, **changes)
