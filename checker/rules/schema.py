"""The shape of a rule in YAML, shared by every kind; each kind adds its own ``params``."""
from __future__ import annotations

import re

from checker.core.lazy_alias import lazy_alias
from checker.core.plain_model import BaseModel, ConfigDict, Field, field_validator, model_validator

from checker.rules.categories import CATEGORIES

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any, Literal

    Severity = Literal["error", "warning", "info"]
else:   # the same alias, made only when pydantic validates (checker.core.lazy_alias)
    Severity = lazy_alias("Severity", lambda t: t.Literal["error", "warning", "info"])

_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# "GB/T 15834-2011 4.5.3.4", "GB 3100-1993", "GB/T 15834-2011 A.13.1": a standard's code and
# year, then optionally a clause number (digits or an annex letter, dot-separated).
STANDARD_CLAUSE = re.compile(r"^GB(?:/T)? \d+(?:\.\d+)?-\d{4}(?: (?:\d+|[A-Z])(?:\.\d+)*)?$")


class Examples(BaseModel):
    """A rule's examples, each a test.  A bad example is a text, or ``{text, at}`` where
    ``at`` is the exact text the rule must underline (its span), so an example pins where
    the rule reports, not only that it fires somewhere."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    bad: list[str] = Field(min_length=1)
    # index in ``bad`` -> the text the report must span (filled from ``{text, at}`` entries)
    at: dict[int, str] = Field(default_factory=dict)
    good: list[str] = Field(min_length=1)
    # What --fix must make of each bad example, in order (only for fixable rules).
    fixed: list[str] | None = None
    # Data the examples run with, as in `.gwlint.yaml` `data:` (for rules that only act
    # when a repository configures something, such as a unit registry).
    data: dict[str, Any] | None = None

    @model_validator(mode="before")
    @classmethod
    def _pinned(cls, raw: Any) -> Any:
        if not isinstance(raw, dict) or not isinstance(raw.get("bad"), list):
            return raw
        texts: list[Any] = []
        pins: dict[int, str] = dict(raw.get("at") or {})
        for i, entry in enumerate(raw["bad"]):
            if isinstance(entry, dict):
                unknown = set(entry) - {"text", "at"}
                if unknown or "text" not in entry or "at" not in entry:
                    raise ValueError("a pinned bad example is {text: …, at: …}")
                if entry["at"] not in entry["text"]:
                    raise ValueError(f"bad example {i + 1}: 'at' {entry['at']!r} is not in its text")
                texts.append(entry["text"])
                pins[i] = entry["at"]
            else:
                texts.append(entry)
        return {**raw, "bad": texts, "at": pins}


class RuleSpec(BaseModel):
    """One rule entry as written in a pack (params still raw)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    kind: str
    category: str
    severity: Severity
    message: str = Field(min_length=1)
    # Extra message templates a kind may choose by name (Finding.message).
    messages: dict[str, str] = Field(default_factory=dict)
    why: str = Field(min_length=1)
    description: str | None = None      # one line for `gwlint rules`; defaults to the message
    params: dict[str, Any] = Field(default_factory=dict)
    examples: Examples
    ignore: list[str] = Field(default_factory=list)   # path globs this rule skips
    limit: int | None = Field(default=None, ge=1)      # at most this many reports per file
    enabled: bool = True
    # Further message templates a kind chooses between (name -> template), for findings
    # whose wording varies (a direction word, a second place): the words stay in the pack.
    messages: dict[str, str] = Field(default_factory=dict)
    # The clause(s) of a national standard the rule enforces: "GB/T 15835-2011 5.1.3".
    standard: str | list[str] | None = None

    @field_validator("standard")
    @classmethod
    def _clauses(cls, value: str | list[str] | None) -> str | list[str] | None:
        clauses = [value] if isinstance(value, str) else (value or [])
        for clause in clauses:
            if not STANDARD_CLAUSE.match(clause):
                raise ValueError(f"a standard clause reads like 'GB/T 15835-2011 5.1.3', not {clause!r}")
        return value

    @field_validator("id")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"rule ids are kebab-case (a-z, 0-9, '-'), not {value!r}")
        return value

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}; valid: {', '.join(CATEGORIES)}")
        return value


class RulePack(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # The family whose vocabulary the pack's rules read, for a flat pack outside a family
    # folder (in ``<family>/pack.yaml`` the folder names it).
    family: str | None = None
    rules: list[dict[str, Any]] = Field(default_factory=list)
