"""Options every formatter may read."""
from __future__ import annotations


class ReportOptions:
    """How a report is written: colour, where it goes (``output_path``: formats that write
    files need it), the rules it may describe (``rules``: the active rules, for formats
    that describe them: sarif)."""

    # A plain class, not a dataclass: made once a run and read by attribute only (never
    # compared, hashed or copied), and a dataclass is ~0.2 ms of a fresh process to make.
    __slots__ = ("color", "output_path", "rules")

    def __init__(self, color: bool = False, output_path: str | None = None, rules: tuple = ()) -> None:
        self.color = color
        self.output_path = output_path
        self.rules = rules
