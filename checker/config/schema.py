"""The schema of `.gwlint.yaml` (validated with pydantic; unknown keys are errors)."""
from __future__ import annotations


from checker.core.plain_model import BaseModel, ConfigDict, Field, PrivateAttr

from checker.rules.schema import Severity

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any, Literal


class RuleSettings(BaseModel):
    """Per-rule changes: ``rule-id: {severity: info, params: {...}, ignore: [globs]}``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    enabled: bool | None = None      # None: as the rule ships; true turns on a rule shipped off
    severity: Severity | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)


class DuplicateSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    reference: list[str] = Field(default_factory=list)   # globs of reference documents
    cache: str = ".gwlint_cache"                          # where their index is kept


class Limits(BaseModel):
    """Time budgets, so that no input and no user rule can hang a run."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    # per rule and document: the time its user-supplied regular expressions (pattern
    # rules, data: lists) may spend matching (CPU time; wall time when run in a thread);
    # a rule that runs out is reported once (rule-timeout)
    regex_seconds: float = Field(default=2.0, ge=0)
    # per document: the wall time all rules together may take; 0 turns the budget off
    file_seconds: float = Field(default=120.0, ge=0)
    # a larger file is not read (one error line): memory grows with the document checked
    # (README, "Limits"); 0 turns the limit off
    max_file_mb: float = Field(default=10.0, ge=0)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # a preset of rules/presets ("default", "gb-standards") or "none" (start empty)
    extends: str = "default"
    packs: list[str] = Field(default_factory=list)        # extra rule pack dirs/files
    include: list[str] = Field(default_factory=lambda: ["**/*.txt", "**/*.md", "**/*.docx"])
    exclude: list[str] = Field(default_factory=list)
    respect_gitignore: bool = True                        # skip what .gitignore ignores when walking folders
    disable: list[str] = Field(default_factory=list)      # rule ids or categories
    rules: dict[str, RuleSettings | Literal["disable", "enable"]] = Field(default_factory=dict)
    kinds: dict[str, Literal["summary", "plan", "none"]] = Field(default_factory=dict)  # glob -> kind
    data: dict[str, Any] = Field(default_factory=dict)    # extends rules/data lexicons
    duplicates: DuplicateSettings = Field(default_factory=DuplicateSettings)
    fail_on: Severity = "warning"
    limits: Limits = Field(default_factory=Limits)
    # sha-1 of the file this was read from (None when built in code)
    _source_digest: str | None = PrivateAttr(default=None)


def default_config() -> Config:
    """``Config()``, made without validating: the defaults are the class's own, and a run
    with no configuration file then builds no pydantic validator at all (the rule set and
    the vocabulary views come from the cache folder).  A test compares it with
    ``Config()``."""
    return Config.model_construct(_fields_set=set(), duplicates=DuplicateSettings.model_construct(_fields_set=set()),
                                  limits=Limits.model_construct(_fields_set=set()))
