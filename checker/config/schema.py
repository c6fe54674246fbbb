"""The schema of `.gwlint.yaml` (validated with pydantic; unknown keys are errors)."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.rules.schema import Severity


class RuleSettings(BaseModel):
    """Per-rule changes: ``rule-id: {severity: info, params: {...}, ignore: [globs]}``."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None      # None: as the rule ships; true turns on a rule shipped off
    severity: Severity | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)


class DuplicateSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reference: list[str] = Field(default_factory=list)   # globs of reference documents
    cache: str = ".gwlint_cache"                          # where their index is kept


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
