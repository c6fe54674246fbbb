"""A ``gwlint-disable…`` directive that silenced nothing.

A late kind: the engine runs it once every rule of the file, and the cross-document
phase, have reported, with the directives that no violation used.  Its findings are
already resolved to lines (the directive's own line), so it needs no document.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import CorpusFinding
from checker.core.excerpt import excerpt_of

LATE = True
MESSAGE_ARGS = frozenset({
    "names",   # the rules or categories the directive names (or the vocabulary's word for all)
})


def check_late(path: str, unused: list, rule) -> Iterator[CorpusFinding]:
    separator = rule.vocabulary.get("name_separator") or ", "
    for directive in unused:
        names = separator.join(sorted(directive.names)) if directive.names else rule.vocabulary.get("all_rules")
        text = directive.text
        start = len(text) - len(text.lstrip())
        yield CorpusFinding(path=path, line=directive.line, column=start + 1, end_line=directive.line,
                            end_column=len(text.rstrip()) + 1, excerpt=excerpt_of(text, start, len(text)),
                            args={"names": names})
