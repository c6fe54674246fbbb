"""The numbers family's words (``rules/numbers/vocabulary.yaml``), validated once per
vocabulary; each key is described there."""
from __future__ import annotations


from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


class ApproxPair(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    before: list[str] = Field(min_length=1)
    after: list[str] = Field(min_length=1)


class ApproxFigure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)      # hashable: a cache key

    numerals: str = ""
    magnitudes: str = ""
    not_before: str = ""
    not_after: str = ""
    wide: tuple[str, ...] = ()


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    rounding_words: list[str] = Field(default_factory=list)
    redundant_approximations: list[ApproxPair] = Field(default_factory=list)
    approx_breaks: list[str] = Field(default_factory=list)
    approx_figure: ApproxFigure = Field(default_factory=ApproxFigure)
    digit_letters: dict[str, str] = Field(default_factory=dict)
    digit_letters_alone: list[str] = Field(default_factory=list)
    digit_letters_zero: list[str] = Field(default_factory=list)
    digit_letter_magnitudes: list[str] = Field(default_factory=list)
    number_letter_allow: list[str] = Field(default_factory=list)
    number_labels: list[str] = Field(default_factory=list)
    split_year_word: str = ""
    split_date_words: dict[str, int] = Field(default_factory=dict)


def words(rule: Any) -> Vocabulary:
    """The rule's numbers vocabulary, validated once per vocabulary data."""
    return data_view(rule.vocabulary, Vocabulary)
