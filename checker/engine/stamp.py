"""Turn a check's Finding into a Violation: position, message, excerpt, fix."""
from __future__ import annotations

from collections.abc import Mapping

from checker.checks.finding import CorpusFinding, Finding
from checker.core.excerpt import excerpt_of
from checker.engine.fixes import with_line_ends_of
from checker.engine.violation import Fix, Violation
from checker.model.document import Document
from checker.model.span import Span
from checker.rules.rule import Rule
from checker.sources.source import column_place, line_place

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

_CONTEXT = 12


class _Args(dict):
    """Format arguments where a missing name shows as itself rather than raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, args: Mapping[str, Any]) -> str:
    safe = _Args({k: _display(v) for k, v in args.items()})
    try:
        # str.format_map is Formatter().vformat(template, (), safe) in C (the same field
        # parsing, look-ups through the mapping's __missing__, conversions and format()),
        # 5-10 times faster: every finding of a run is rendered once or twice.  It differs
        # only where it raises (a positional field such as {0} or {}, which it refuses
        # outright): then the Formatter decides, as before.
        return template.format_map(safe)
    except Exception:  # noqa: BLE001 - answered below
        pass
    from string import Formatter    # here: only a template format_map refuses comes this far

    try:
        return Formatter().vformat(template, (), safe)
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def placed_args(args: Mapping[str, Any], labels: dict[int, str] | None,
                others: Mapping[str, dict[int, str] | None] | None = None) -> Mapping[str, Any]:
    """``args`` with every whole-number ``X_line`` and ``X_column`` also given as
    ``X_line_at`` / ``X_column_at``: the place in the source's own terms (第12行 for a text
    file, 段落 4 or 表格 1 第2行第3列 for Word; 第N列 / 第N字).  ``labels`` are the line
    labels of the finding's document; an ``X_line`` whose ``X`` names another checked
    document (``other_line`` beside ``other``) is placed with that document's labels."""
    extra: dict[str, str] = {}
    for key, value in args.items():
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        owner = labels
        if key.endswith("_line") or key.endswith("_column"):
            named = args.get(key.rsplit("_", 1)[0])
            if others is not None and isinstance(named, str) and named in others:
                owner = others[named]
        if key.endswith("_line"):
            extra[f"{key}_at"] = line_place(owner, value)
        elif key.endswith("_column"):
            extra[f"{key}_at"] = column_place(owner, value)
    return {**args, **extra} if extra else args


def full_message(rule: Rule, finding, labels: dict[int, str] | None = None,
                 others: Mapping[str, dict[int, str] | None] | None = None) -> str:
    """The finding's message: the template it names (or the rule's), filled with its args
    (places in the source's own terms added, see ``placed_args``), and its related note, a
    template of the rule's or a text of the kind's, after it."""
    args = placed_args(finding.args, labels, others)
    message = render_message(rule.template(finding.message), args)
    related = render_message(rule.template(finding.note), args) if finding.note else finding.related
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
    labels = doc.source.line_labels
    message = full_message(rule, finding, labels)
    fix = None
    if finding.fix is not None:
        src = doc.source
        target = finding.fix_span or Span(start, end)
        fix_start = max(0, min(target.start, len(text)))
        fix_end = max(fix_start, min(target.end, len(text)))
        fix_start, fix_end = src.original_offset(fix_start), src.original_offset(fix_end)
        replacement = finding.fix
        if "\n" in replacement:     # written in the text's \n: given the file's own line ends
            replacement = with_line_ends_of(src.original[fix_start:fix_end], replacement, src.newline)
        fix = Fix(fix_start, fix_end, replacement)
    # The context stays within the violation's own lines, so that a baseline still matches
    # after lines around it are added, removed or edited.
    # (from the line table: searching for the line ends costs the length of the line per
    # violation, quadratic on a document that is one long line)
    starts = doc.source.line_starts
    line_start = starts[line - 1]
    line_end = starts[end_line] - 1 if end_line < len(starts) else len(text)
    context = text[max(line_start, start - _CONTEXT):min(line_end, end + _CONTEXT)].replace("\n", " ")
    return Violation(
        path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
        rule=rule.id, category=rule.category, severity=severity or rule.severity,
        message=message, excerpt=excerpt_of(text, start, end), fix=fix, context=context,
        label=place_label(labels, line, col),
    )


def place_label(labels: dict[int, str] | None, line: int, column: int) -> str:
    """Where a violation is, in a labelled source's terms (段落 2 第19字); empty for plain
    text, whose line:column is already its reader's terms."""
    if not labels:
        return ""
    return f"{line_place(labels, line)} {column_place(labels, column)}"


def stamp_resolved(rule: Rule, finding: CorpusFinding,
                   labels: Mapping[str, dict[int, str] | None] | None = None) -> Violation:
    """A Violation from a finding whose positions are already resolved (corpus and late
    kinds, which no longer hold the document); ``labels``: line labels by path."""
    own = (labels or {}).get(finding.path)
    message = full_message(rule, finding, own, labels)
    return Violation(finding.path, finding.line, finding.column, finding.end_line, finding.end_column, rule.id,
                     rule.category, rule.severity, message, finding.excerpt,
                     label=place_label(own, finding.line, finding.column))
