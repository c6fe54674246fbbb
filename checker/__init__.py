"""gwlint: a rule-based checker for Chinese government work documents.

The public API for tools that embed the checker::

    from checker import check_text, check_paths
    violations = check_text("义务教育巩固率达到103%。")
"""
from checker.api import check_paths, check_text
from checker.engine.violation import Violation

__all__ = ["check_text", "check_paths", "Violation"]
