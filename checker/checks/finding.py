"""What a check yields: a span and the words for its message; the engine does the rest."""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Mapping

from checker.model.span import Span

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at ``span`` of ``Document.text``.

    ``args`` fill the rule's message template (``{indicator}``, ``{value}`` …).
    ``fix`` is the replacement text for ``span`` when the fix is mechanical and safe.
    ``related`` is a short note on another place (the first occurrence of a duplicate),
    which the engine appends to the message.
    ``message`` names one of the rule's extra templates (``messages:`` in its pack) to use
    instead of its ``message``, where a kind tells apart cases that read differently
    (a bound crossed from above or below).  ``note`` names a template of that map which
    the engine fills with ``args`` and appends as the related note (it wins over
    ``related``).  The kind lists the names it may use in ``MESSAGES``.
    """

    span: Span
    args: Mapping[str, Any] = field(default_factory=dict)
    fix: str | None = None
    related: str | None = None
    message: str | None = None
    note: str | None = None
    # The text ``fix`` replaces, when it is wider than the span reported (a fix rewriting a
    # whole paragraph reported at its first offending mark); None: ``span``.
    fix_span: Span | None = None


@dataclass(frozen=True, slots=True)
class CorpusFinding:
    """A finding of a corpus check, whose documents are no longer in memory: positions are
    already resolved (the kind's ``collect`` stored them)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    args: Mapping[str, Any] = field(default_factory=dict)
    related: str | None = None
    message: str | None = None
    note: str | None = None
