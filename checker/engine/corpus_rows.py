"""Cross-document findings as the rows the spool and the results cache write.

The phase stream used to stamp each ``CorpusFinding`` into a ``Violation`` (its message
rendered from the rule's templates), which the spool then turned into a tuple and the
phase entry into a JSON list: three objects and a rendering per finding, tens of
thousands of findings a run.  ``CorpusRows.row`` gives that tuple at once
(``spool.row_of(stamp_resolved(rule, finding, labels), None)``, field for field).

The message is rendered once per distinct set of arguments: the copies of a popular
sentence all point at the same first occurrence, so their messages are the same text.
A message depends on the rule's templates, the finding's template names and arguments,
and, for a ``X_line``/``X_column`` argument, the line labels it is placed with (those
of the document ``X`` names, or of the finding's own); a kept message is used only when
every label set involved is None (a plain-text source: 第N行/第N列 then depend on the
number alone), so the text kept is the one rendering would give.  Word documents,
whose labels name places, are rendered each time.
"""
from __future__ import annotations

from collections.abc import Mapping

from checker.engine.stamp import full_message, place_label

# distinct messages kept at most (about 200 bytes each); when full they are forgotten
LIMIT = 1 << 14


class CorpusRows:
    """Rows of one rule's cross-document findings (see the module's docstring)."""

    __slots__ = ("rule", "messages", "limit")

    def __init__(self, rule, limit: int = LIMIT) -> None:
        self.rule = rule
        self.messages: dict[tuple, str] = {}
        self.limit = limit

    def row(self, finding, labels: Mapping[str, dict[int, str] | None]) -> tuple:
        """``row_of(stamp_resolved(self.rule, finding, labels), None)``."""
        rule = self.rule
        own = labels.get(finding.path)
        key = self._key(finding, own, labels)
        message = None if key is None else self.messages.get(key)
        if message is None:
            message = full_message(rule, finding, own, labels)
            if key is not None:
                if len(self.messages) >= self.limit:
                    self.messages.clear()
                self.messages[key] = message
        return (finding.path, finding.line, finding.column, finding.end_line, finding.end_column, rule.id,
                rule.category, rule.severity, message, finding.excerpt, None, "",
                place_label(own, finding.line, finding.column))

    @staticmethod
    def _key(finding, own, labels) -> tuple | None:
        """What the message depends on, or None when it may depend on line labels (or an
        argument cannot be a key).  Each argument enters with its type: 1, 1.0 and True
        are equal keys but render differently (only a true int is placed)."""
        if own is not None:
            return None
        args = finding.args
        for name, value in args.items():
            if isinstance(value, int) and not isinstance(value, bool) and (
                    name.endswith("_line") or name.endswith("_column")):
                named = args.get(name.rsplit("_", 1)[0])
                if isinstance(named, str) and labels.get(named) is not None:
                    return None      # placed with the labels of the document it names
        try:
            key = (finding.message, finding.note, finding.related,
                   *((name, type(value), value) for name, value in args.items()))
            hash(key)
        except TypeError:
            return None
        return key
