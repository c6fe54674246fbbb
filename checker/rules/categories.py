"""The fixed list of violation categories (shared/categories.md is the contract)."""

CATEGORIES: tuple[str, ...] = (
    "percent-range",
    "rate-change",
    "unit-consistency",
    "responsibility",
    "duplicate",
    "numbering",
    "enumeration-count",
    "arithmetic",
    "metric-conflict",
    "punctuation",
    "number-format",
    "placeholder",
    "artifact",
    "stale-reference",
    "terminology",
    "typo",
)

