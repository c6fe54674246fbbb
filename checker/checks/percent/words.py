"""The percent family's words (``rules/percent/vocabulary.yaml``), validated once per
vocabulary; each key is described there."""
from __future__ import annotations


from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    beyond_words: list[str] = Field(default_factory=list)
    same_units: list[list[str]] = Field(default_factory=list)
    range_mark: str = ""
    part_share_marks: list[str] = Field(default_factory=list)
    share_nouns: list[str] = Field(default_factory=list)
    amount_nouns: list[str] = Field(default_factory=list)
    change_bases: list[str] = Field(default_factory=list)
    year_change_bases: list[str] = Field(default_factory=list)
    per_mille_rates: list[str] = Field(default_factory=list)


def words(rule: Any) -> Vocabulary:
    """The rule's percent vocabulary, validated once per vocabulary data."""
    return data_view(rule.vocabulary, Vocabulary)
