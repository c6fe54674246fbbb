"""Options every formatter may read."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportOptions:
    """How a report is written: colour, where it goes, the rules it may describe."""

    color: bool = False
    output_path: str | None = None     # where the report goes (formats that write files need it)
    rules: tuple = ()                  # the active rules (for formats that describe them: sarif)
