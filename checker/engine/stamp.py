"""Turn a check's Finding into a Violation: position, message, excerpt, fix."""
from __future__ import annotations

from string import Formatter
from typing import Any, Mapping

from checker.checks.finding import CorpusFinding, Finding
from checker.core.excerpt import excerpt_of
from checker.engine.violation import Fix, Violation
from checker.model.document import Document
from checker.model.span import Span
from checker.rules.rule import Rule

_CONTEXT = 12


class _Args(dict):
    """Format arguments where a missing name shows as itself rather than raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, args: Mapping[str, Any]) -> str:
    safe = _Args({k: _display(v) for k, v in args.items()})
    try:
        return Formatter().vformat(template, (), safe)
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def full_message(rule: Rule, finding) -> str:
    """The finding's message: the template it names (or the rule's), filled with its args,
    and its related note, a template of the rule's or a text of the kind's, after it."""
    message = render_message(rule.template(finding.message), finding.args)
    related = render_message(rule.template(finding.note), finding.args) if finding.note else finding.related
    if related:
        message = f"{message}（{related}）"
    return message


def _display(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else value
    return value


def stamp(doc: Document, rule: Rule, finding: Finding, severity: str | None = None) -> Violation:
    text = doc.text
    start = max(0, min(finding.span.start, len(text)))
    end = max(start, min(finding.span.end, len(text)))
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    message = full_message(rule, finding)
    fix = None
    if finding.fix is not None:
        src = doc.source
        target = finding.fix_span or Span(start, end)
        fix_start = max(0, min(target.start, len(text)))
        fix_end = max(fix_start, min(target.end, len(text)))
        fix = Fix(src.original_offset(fix_start), src.original_offset(fix_end), finding.fix)
    # The context stays within the violation's own lines, so that a baseline still matches
    # after lines around it are added, removed or edited.
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    context = text[max(line_start, start - _CONTEXT):min(line_end, end + _CONTEXT)].replace("\n", " ")
    return Violation(
        path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
        rule=rule.id, category=rule.category, severity=severity or rule.severity,
        message=message, excerpt=excerpt_of(text, start, end), fix=fix, context=context,
    )


def stamp_resolved(rule: Rule, finding: CorpusFinding) -> Violation:
    """A Violation from a finding whose positions are already resolved (corpus and late
    kinds, which no longer hold the document)."""
    message = full_message(rule, finding)
    return Violation(finding.path, finding.line, finding.column, finding.end_line, finding.end_column, rule.id,
                     rule.category, rule.severity, message, finding.excerpt)
