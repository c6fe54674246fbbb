"""A violation as reported: the engine stamps it from a check's Finding and the rule."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``original[start:end]`` of the original (un-normalised) text with ``replacement``."""

    start: int
    end: int
    replacement: str

    def __reduce__(self):
        return Fix, (self.start, self.end, self.replacement)      # see Violation.__reduce__


@dataclass(frozen=True, slots=True)
class Violation:
    """One reported problem: where it is, which rule found it and what the report says."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    excerpt: str
    fix: Fix | None = field(default=None, compare=False)
    # Text around the violation, for baselines that survive line moves.
    context: str = field(default="", compare=False)
    # The place in the source's own terms when it has them (段落 2 第19字 in a Word file);
    # empty for plain text and Markdown, whose line:column is their reader's terms.
    label: str = field(default="", compare=False)

    def __reduce__(self):
        """Pickled as its fields, made again by the constructor: a worker sends the parent
        tens of thousands of violations, and the default for a frozen dataclass with
        slots (a state list, read back field by field through ``dataclasses.fields``)
        took 5 µs each way per violation, this 1-1.7 µs."""
        return Violation, (self.path, self.line, self.column, self.end_line, self.end_column, self.rule,
                           self.category, self.severity, self.message, self.excerpt, self.fix, self.context,
                           self.label)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def to_json(self) -> dict:
        """Exactly the fields of the JSON contract (reports/json-contract.md), in its order."""
        return {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "rule": self.rule, "category": self.category,
                "severity": self.severity, "message": self.message, "excerpt": self.excerpt}


def severity_counts(violations) -> dict[str, int]:
    """How many violations of each severity: kept by a spooled run's violations as they
    came (no pass over them), else counted."""
    counts = getattr(violations, "severity_counts", None)
    if counts is not None:
        return counts
    from collections import Counter

    return Counter(v.severity for v in violations)
