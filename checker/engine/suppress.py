"""Inline suppressions written in the document itself.

On a line of its own (optionally inside an HTML comment, as Markdown needs):
``gwlint-disable-next-line RULE[, RULE…]`` silences the next non-blank line;
``gwlint-disable RULE`` … ``gwlint-enable RULE`` silences the lines between.
RULE is a rule id or a category; none means every rule.  A suppression that silences
nothing is reported as info, so stale ones do not pile up.
"""
from __future__ import annotations

from checker.checks.registry import kind_constant, load_kind
from checker.engine.stamp import stamp_resolved
from checker.engine.violation import Violation
from checker.rules.rule import Rule
from checker.sources.directives import Suppression, parse_directives  # noqa: F401 - re-exported


def suppress(violations: list[Violation], suppressions: list[Suppression]) -> list[Violation]:
    """The violations no suppression covers; those that cover one are marked used."""
    if not suppressions:
        return violations
    kept: list[Violation] = []
    for v in violations:
        hit = [s for s in suppressions if s.covers(v)]
        for s in hit:
            s.used = True
        if not hit:
            kept.append(v)
    return kept


def unused_suppressions(path: str, suppressions: list[Suppression], rules: list[Rule],
                        line_labels: dict[int, str] | None = None) -> list[Violation]:
    """Reports of the rules whose kind judges the directives themselves (``LATE`` kinds:
    unused-suppression), run once everything a directive could silence is known."""
    unused = [s for s in suppressions if not s.used]
    if not unused:
        return []
    out: list[Violation] = []
    for rule in rules:
        module = load_kind(rule.kind)
        if kind_constant(module, "LATE", False):
            out += [stamp_resolved(rule, f, {path: line_labels}) for f in module.check_late(path, unused, rule)]
    return out
