"""The punctuation family's marks (``rules/punctuation/vocabulary.yaml``), validated once
per vocabulary; each key is described there."""
from __future__ import annotations


from checker.core.plain_model import BaseModel, ConfigDict, Field, model_validator

from checker.model.lexicon import data_view

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    pairs: dict[str, str] = Field(default_factory=dict)
    pair_aliases: dict[str, str] = Field(default_factory=dict)
    list_marker_numerals: str = ""
    halfwidth_marks: dict[str, str] = Field(default_factory=dict)
    straight_quotes: dict[str, tuple[str, str]] = Field(default_factory=dict)
    lookalike_marks: dict[str, str] = Field(default_factory=dict)
    sentence_ends: str = ""
    cut_ends: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _distinct(self) -> "Vocabulary":
        for opener, closer in self.pairs.items():
            if len(opener) != 1 or len(closer) != 1 or opener == closer:
                raise ValueError(f"pairs: {opener!r}→{closer!r} must be two different single characters")
        return self


def words(rule: Any) -> Vocabulary:
    """The rule's punctuation vocabulary, validated once per vocabulary data."""
    return data_view(rule.vocabulary, Vocabulary)
