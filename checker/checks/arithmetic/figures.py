"""What the arithmetic checks share: a figure as the interval its writing allows, units
that count the same thing, and the word tables of ``rules/arithmetic/vocabulary.yaml``.

``193所`` is exactly 193; ``35.28亿元`` is ±0.005亿; ``3万人`` is ±0.5万; ``约100万`` is
±``about`` of itself; ``600余名`` is 600 or more; ``近50%`` is 50 or less.  Sums,
growth rates and shares are computed over these intervals, so rounding as written is
never reported.
"""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.core.patterns import Regex
from checker.model.last_mark import last_mark
from checker.model.lexicon import data_view
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

INF = math.inf


class ArithData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    arith_unit_aliases: dict[str, str] = Field(default_factory=dict)
    arith_partial_markers: list[str] = Field(default_factory=list)
    arith_sentence_markers: list[str] = Field(default_factory=list)
    arith_part_of_markers: list[str] = Field(default_factory=list)
    arith_part_of_exceptions: list[str] = Field(default_factory=list)
    arith_subset_qualifiers: list[str] = Field(default_factory=list)
    arith_scope_narrowing: list[str] = Field(default_factory=list)
    arith_growth_words: list[str] = Field(default_factory=list)
    arith_decline_words: list[str] = Field(default_factory=list)
    arith_share_words: list[str] = Field(default_factory=list)
    arith_subject_trailing: list[str] = Field(default_factory=list)
    arith_target_verbs: list[str] = Field(default_factory=list)
    arith_reached_verbs: list[str] = Field(default_factory=list)
    arith_plan_words: list[str] = Field(default_factory=list)
    arith_share_frame: str = Field(min_length=1)
    arith_from_words: list[str] = Field(default_factory=list)
    arith_base_words: list[str] = Field(default_factory=list)
    arith_difference_links: list[str] = Field(default_factory=list)
    arith_attributive: str = Field(min_length=1)
    arith_rate_suffixes: list[str] = Field(default_factory=list)
    arith_point_unit: str = Field(min_length=1)
    arith_ratio_markers: list[str] = Field(default_factory=list)
    arith_rate_links: list[str] = Field(default_factory=list)
    arith_annual_words: list[str] = Field(default_factory=list)
    arith_reference_words: list[str] = Field(default_factory=list)
    # measures of one kind of amount that are no parts of one another (a project's total
    # investment, a year's planned investment, the investment completed): name -> words
    arith_measures: dict[str, list[str]] = Field(default_factory=dict)
    arith_measure_parts: dict[str, list[str]] = Field(default_factory=dict)
    arith_change_names: list[str] = Field(default_factory=list)
    # wholes split into a fixed number of members (三次产业: 3) whose shares make 100%
    arith_partitions: list[dict[str, str | int]] = Field(default_factory=list)
    # words naming a member's share of its whole (贡献率, 比重, 结构)
    arith_partition_shares: list[str] = Field(default_factory=list)
    # words leading the list of the members' shares (分别为) and separating its figures
    arith_partition_leads: list[str] = Field(default_factory=list)
    arith_partition_separators: list[str] = Field(default_factory=list)
    # approximation words: a list written with one is not checked for its sum
    arith_about_words: list[str] = Field(default_factory=list)
    arith_adjusted_words: list[str] = Field(default_factory=list)
    arith_year_pattern: Regex = "(?!x)x"
    arith_complete_sets: list[list[str]] = Field(default_factory=list)
    arith_range_units: list[str] = Field(default_factory=list)
    arith_range_marks: list[str] = Field(default_factory=list)
    arith_open_above: list[str] = Field(default_factory=list)
    arith_open_below: list[str] = Field(default_factory=list)


class ToleranceParams(BaseModel):
    """How far a stated percentage may be from the one the figures give."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

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


_CLAUSE_ENDS = "，,；;：:。\n（(）)"


def clause_before(text: str, at: int) -> str:
    """The text of a figure's clause before it (since the last clause mark)."""
    # the last clause mark before ``at`` in one match (``last_mark``): a ``str.rfind`` per
    # mark read back over the whole text for each mark the text lacks (the ASCII ones)
    start = _LAST_CLAUSE_END(text, 0, at) + 1
    return text[start:at]


_LAST_CLAUSE_END = last_mark(_CLAUSE_ENDS)


def is_ratio(text: str, q, data: ArithData) -> bool:
    """Whether a figure is a ratio to something else (每千名老人拥有床位45.27张, 人均…):
    not a total, a part or a whole."""
    clause = clause_before(text, q.span.start)
    return any(marker in clause for marker in data.arith_ratio_markers)


def measure_of(text: str, q, data: ArithData) -> str | None:
    """The measure a figure's clause names it (``arith_measures``): the listed word ending
    last before the figure, the longest of those ending there (年度计划完成投资 is planned,
    not completed).  None when the clause names none."""
    if not data.arith_measures:
        return None
    clause = clause_before(text, q.span.start)
    best: tuple[int, int, str] | None = None
    for name, words in data.arith_measures.items():
        for word in words:
            k = clause.rfind(word)
            if k >= 0:
                key = (k + len(word), len(word), name)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def other_measures(text: str, total, parts, data: ArithData) -> bool:
    """Whether a part names another measure than its total does (总投资 beside 完成投资):
    累计完成投资8.6亿元，其中某工程总投资9.5亿元 gives a project's size beside the amount
    done, not a part of it — unless the part's measure is one the whole's holds
    (``arith_measure_parts``: 总投资2821万元，其中2023年完成投资… is a part, done ≤ total)."""
    whole = measure_of(text, total, data)
    if whole is None:
        return False
    fits = data.arith_measure_parts.get(whole, ())
    return any((m := measure_of(text, p, data)) is not None and m != whole and m not in fits
               for p in parts)


@lru_cache(maxsize=16)
def _label_patterns(units: tuple[str, ...], marks: tuple[str, ...], above: tuple[str, ...],
                    below: tuple[str, ...]) -> re.Pattern[str]:
    def alt(words):
        return escaped_join(sorted(words, key=len, reverse=True)) or r"(?!x)x"
    unit = f"(?:{alt(units)})"
    return compile_skipping(
        rf"(?P<lo>\d+){unit}?\s*(?:{alt(marks)})\s*(?P<hi>\d+){unit}"
        rf"|(?P<above>\d+){unit}\s*(?:{alt(above)})"
        rf"|(?P<below>\d+){unit}\s*(?:{alt(below)})")


def tiles(text: str, count: int, data: ArithData) -> bool:
    """Whether ``text`` names ``count`` ranges (ages: 0-17岁、18-34岁…60岁及以上; 30岁以下 …
    50岁以上) that together cover every value: a breakdown by them is complete."""
    if not data.arith_range_units:
        return False
    pattern = _label_patterns(tuple(data.arith_range_units), tuple(data.arith_range_marks),
                              tuple(data.arith_open_above), tuple(data.arith_open_below))
    ranges = []
    for m in pattern.finditer(text):
        if m.group("lo") is not None:
            ranges.append((int(m.group("lo")), int(m.group("hi"))))
        elif m.group("above") is not None:
            ranges.append((int(m.group("above")), math.inf))
        else:
            ranges.append((0, int(m.group("below"))))
    if len(ranges) != count:
        return False
    ranges.sort()
    if ranges[0][0] != 0 or ranges[-1][1] != math.inf:
        return False
    return all(nxt[0] in (prev[1], prev[1] + 1) for prev, nxt in zip(ranges, ranges[1:]))


def ends_sentence(text: str, sentence) -> bool:
    """Whether a sentence ends with a full stop (not a semicolon: 其中 lists run on)."""
    tail = text[sentence.span.start:sentence.span.end].rstrip("”’）)》】」』 \t\u3000")
    return tail.endswith(("。", "！", "？", "!", "?"))


def previous_totals(text: str, previous, sentence, quantities, starts, data: ArithData) -> list:
    """The figures of the sentence before a sentence opening with 其中 that may be what it
    breaks down (same paragraph, full stop between): no changes, ranges, ratios (每千人…)
    or figures in a bracket closed within that sentence."""
    if previous.paragraph != sentence.paragraph or not ends_sentence(text, previous):
        return []
    lo = bisect.bisect_left(starts, previous.span.start)
    hi = bisect.bisect_left(starts, previous.span.end)
    return [q for q in quantities[lo:hi]
            if unit_key(q, data) is not None and not q.is_range and q.verb_kind not in ("increase", "decrease")
            and not is_ratio(text, q, data)
            and not closed_before(text, previous.span.start, q.span.start, previous.span.end)]


def closed_before(text: str, start: int, pos: int, marker: int) -> bool:
    """Whether ``pos`` sits in a bracket closed before ``marker``: 完成2.3万亩（任务2万亩），
    其中… — a task or reference figure in brackets is not the total being broken down."""
    depth_at_pos = None
    depth = 0
    for i in range(start, marker):
        if i == pos:
            depth_at_pos = depth
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth_at_pos is not None and depth < depth_at_pos:
                return True
    return False
