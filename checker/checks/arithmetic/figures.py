"""What the arithmetic checks share: a figure as the interval its writing allows, units
that count the same thing, and the word tables of ``rules/arithmetic/vocabulary.yaml``.

``193所`` is exactly 193; ``35.28亿元`` is ±0.005亿; ``3万人`` is ±0.5万; ``约100万`` is
±``about`` of itself; ``600余名`` is 600 or more; ``近50%`` is 50 or less.  Sums,
growth rates and shares are computed over these intervals, so rounding as written is
never reported.
"""
from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view

INF = math.inf


class ArithData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    arith_unit_aliases: dict[str, str] = Field(default_factory=dict)
    arith_partial_markers: list[str] = Field(default_factory=list)
    arith_sentence_markers: list[str] = Field(default_factory=list)
    arith_part_of_markers: list[str] = Field(default_factory=list)
    arith_subset_qualifiers: list[str] = Field(default_factory=list)
    arith_growth_words: list[str] = Field(default_factory=list)
    arith_decline_words: list[str] = Field(default_factory=list)
    arith_share_words: list[str] = Field(default_factory=list)
    arith_target_verbs: list[str] = Field(default_factory=list)
    arith_from_words: list[str] = Field(default_factory=list)
    arith_base_words: list[str] = Field(default_factory=list)
    arith_difference_links: list[str] = Field(default_factory=list)
    arith_attributive: str = Field(min_length=1)
    arith_rate_suffixes: list[str] = Field(default_factory=list)
    arith_point_unit: str = Field(min_length=1)


class ToleranceParams(BaseModel):
    """How far a stated percentage may be from the one the figures give."""

    model_config = ConfigDict(extra="forbid")

    tolerance: float = Field(0.5, ge=0)     # percentage points beyond the stated value's own rounding
    about: float = Field(0.05, ge=0, le=1)  # how far 约/左右 may stray, relative


def data_for(lexicon: Any) -> ArithData:
    return data_view(lexicon, ArithData)


def unit_key(q, data: ArithData) -> str | None:
    """The unit a quantity counts in, aliases folded (名 -> 人); None for none or a %."""
    if q.unit is None or q.unit_kind == "percent":
        return None
    return data.arith_unit_aliases.get(q.unit, q.unit)


def half_step(number_text: str | None, rounded: bool) -> float:
    """Half of the last written digit's place: "35.28" -> 0.005, "3" in 3万 -> 0.5.

    A whole number without a magnitude (193所, 二十九) is a count: exact.
    """
    if not number_text or not number_text[0].isdigit():
        return 0.5 if rounded else 0.0
    digits = number_text.replace(",", "").replace("，", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".", 1)[1])
    return 0.5 if rounded else 0.0


def interval(q, about: float) -> tuple[float, float]:
    """The values a quantity as written allows (magnitude applied)."""
    scale = q.multiplier
    value = q.value * scale
    step = half_step(q.number_text, q.magnitude is not None) * scale
    low, high = value - step, value + step
    bound = q.bound
    if bound == "about":
        low, high = value * (1 - about), value * (1 + about)
    elif bound in ("above", "at-least"):
        low, high = value, INF
    elif bound in ("below", "at-most"):
        low, high = 0.0, value
    return low, high
