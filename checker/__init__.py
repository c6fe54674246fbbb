"""gwlint: a rule-based checker for Chinese government work documents.

The public API for tools that embed the checker::

    from checker import check_text, check_paths
    violations = check_text("义务教育巩固率达到103%。")

Names are imported on first use (PEP 562), so `gwlint` start-up does not pay for the
whole API when it only needs the command line.
"""
from __future__ import annotations

# Not ``typing.TYPE_CHECKING``: this module is the first gwlint imports, before the
# command line sets the collector's threshold (checker.cli.entry), and importing ``typing``
# here made three collections at the default threshold.  Type checkers treat a name
# ``TYPE_CHECKING`` as true whatever it is bound to.
TYPE_CHECKING = False

__all__ = ["check_text", "check_paths", "Violation"]

if TYPE_CHECKING:
    from checker.api import check_paths, check_text
    from checker.engine.violation import Violation


def __getattr__(name: str) -> object:
    if name in ("check_text", "check_paths"):
        from checker import api

        return getattr(api, name)
    if name == "Violation":
        from checker.engine.violation import Violation

        return Violation
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
