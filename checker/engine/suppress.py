"""Inline suppressions written in the document itself.

On a line of its own (optionally inside an HTML comment, as Markdown needs):
``gwlint-disable-next-line RULE[, RULE…]`` silences the next non-blank line;
``gwlint-disable RULE`` … ``gwlint-enable RULE`` silences the lines between.
RULE is a rule id or a category; none means every rule.  A suppression that silences
nothing is reported as info, so stale ones do not pile up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.engine.violation import Violation
from checker.model.document import Document
from checker.rules.rule import Rule
from checker.sources.directives import DIRECTIVE as _DIRECTIVE
from checker.sources.source import normalise_line_ends

@dataclass
class _Suppression:
    line: int                       # where the directive is written
    names: frozenset[str]           # empty = all rules
    first: int                      # lines it covers, inclusive
    last: int
    used: bool = field(default=False)

    def covers(self, v: Violation) -> bool:
        return self.first <= v.line <= self.last and (not self.names or v.rule in self.names or v.category in self.names)


def parse_directives(text: str) -> list[_Suppression]:
    if "gwlint-" not in text:
        return []
    lines = normalise_line_ends(text).split("\n")
    out: list[_Suppression] = []
    open_blocks: dict[frozenset[str], int] = {}
    for number, line in enumerate(lines, 1):
        m = _DIRECTIVE.match(line)
        if not m:
            continue
        action, rest = m.group(1), m.group(2)
        names = frozenset(n for n in re.split(r"[\s,，]+", rest.strip()) if n)
        if action == "disable-next-line":
            target = number + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            out.append(_Suppression(number, names, target, target))
        elif action == "disable":
            open_blocks[names] = number
        else:
            start = open_blocks.pop(names, None)
            if start is None and not names:
                # a bare enable closes every open block
                for key, start_line in list(open_blocks.items()):
                    out.append(_Suppression(start_line, key, start_line + 1, number - 1))
                open_blocks.clear()
            elif start is not None:
                out.append(_Suppression(start, names, start + 1, number - 1))
    for names, start in open_blocks.items():
        out.append(_Suppression(start, names, start + 1, len(lines)))
    return out


def apply_suppressions(doc: Document, violations: list[Violation], rules: list[Rule]) -> list[Violation]:
    suppressions = parse_directives(doc.source.original)
    if not suppressions:
        return violations
    kept: list[Violation] = []
    for v in violations:
        hit = [s for s in suppressions if s.covers(v)]
        for s in hit:
            s.used = True
        if not hit:
            kept.append(v)
    categories = {r.id: r.category for r in rules}
    for s in suppressions:
        if s.used:
            continue
        named = sorted(s.names)
        category = next((categories[n] for n in named if n in categories), None) or \
            next((n for n in named if n in set(categories.values())), "artifact")
        what = "、".join(named) if named else "所有规则"
        line_text = doc.source.original_line_text(s.line) if s.line <= len(doc.source.line_starts) else ""
        kept.append(Violation(
            path=doc.path, line=s.line, column=1, end_line=s.line, end_column=len(line_text) + 1,
            rule="unused-suppression", category=category, severity="info",
            message=f"这条屏蔽指令（{what}）没有屏蔽任何问题，可以删除", excerpt=line_text.strip()[:80]))
    return kept
