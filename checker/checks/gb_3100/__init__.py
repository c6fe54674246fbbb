"""Units of measurement in official text (GB 3100-3102, which GB/T 9704-2012 chapter 9
applies to every 公文): composite units written half in symbols and half in Chinese,
and units that are not legal units.  One unit spelt two ways in one document is the
units family's unit-spelling-mixed.
"""
from __future__ import annotations

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "gb-composite-unit": "composite",
    "gb-non-legal-unit": "non_legal",
}


class Unit(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    names: list[str] = Field(min_length=1)
    symbols: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    """rules/gb-3100/vocabulary.yaml, validated (each key is documented there)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    units: list[Unit] = Field(default_factory=list)
    non_legal: dict[str, str] = Field(default_factory=dict)


def vocabulary(rule) -> Vocabulary:
    return data_view(rule.vocabulary, Vocabulary)
