"""GB/T 15835-2011 出版物上数字用法: which numerals where, and how they are written.

Kinds: approximate numbers of adjacent numerals (三四个, not 3、4个), Arabic digits in
fixed expressions (十四五), ranges that drop the magnitude or % of their first number
(3～5万), two-digit years (23年1月), the zero of a Chinese-numeral year (二〇二三年),
Arabic digits with 百/千 (4千), and long numbers grouped two ways in one document.
"""
from __future__ import annotations

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view
from checker.core.patterns import RegexList

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "gb-approx-number": "approx",
    "gb-fixed-expression": "fixed_expressions",
    "gb-range-repeat": "range_repeat",
    "gb-short-year": "short_year",
    "gb-year-zero": "year_zero",
    "gb-mixed-numeral": "mixed_numeral",
    "gb-digit-grouping": "grouping",
}


class Vocabulary(BaseModel):
    """rules/gb-15835/vocabulary.yaml, validated (each key is documented there)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    approx_measure_words: list[str] = Field(default_factory=list)
    approx_not_after: list[str] = Field(default_factory=list)
    approx_pairs: list[list[int]] = Field(default_factory=list)
    approx_ordinal: list[str] = Field(default_factory=list)
    approx_two: str = ""
    fixed_expressions: list[str] = Field(default_factory=list)
    fixed_patterns: RegexList = Field(default_factory=list)
    short_year_next: list[str] = Field(default_factory=list)
    short_year_not_before: list[str] = Field(default_factory=list)
    short_year_opening_next: list[str] = Field(default_factory=list)
    year_zero_wrong: list[str] = Field(default_factory=list)
    year_zero_right: str = ""
    year_word: str = ""
    date_line: RegexList = Field(default_factory=list)
    mixed_units: list[str] = Field(default_factory=list)
    mixed_not_before: list[str] = Field(default_factory=list)


def vocabulary(rule) -> Vocabulary:
    return data_view(rule.vocabulary, Vocabulary)
