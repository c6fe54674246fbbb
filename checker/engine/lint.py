"""Run rules over one document: every check reads the same parsed Document."""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any

from checker.checks.registry import load_kind
from checker.engine.stamp import stamp
from checker.engine.violation import Violation
from checker.model.document import Document
from checker.rules.rule import Rule


class Cancelled(Exception):
    """A run given up because a newer one supersedes it (the language server, on an edit)."""


@dataclass
class FileResult:
    path: str
    violations: list[Violation] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)          # one-line input/internal errors
    corpus: dict[str, Any] = field(default_factory=dict)     # rule id -> collected summary
    source: Any = None                                       # SourceText, kept for fixes/reports
    suppressions: list = field(default_factory=list)         # the file's directives (used or not)
    unused_pending: bool = False                             # unused directives reported after the corpus phase
    line_labels: dict[int, str] | None = None                # the source's place names (Word), kept without the source
    kind: str | None = None                                  # the document kind it was checked as


def lint_document(doc: Document, rules: list[Rule], collect: bool = True, cancelled=None) -> FileResult:
    """Run ``rules`` over ``doc``; ``collect=False`` skips the summaries of corpus kinds
    (a one-file run with no reference documents has nothing to compare them with).
    ``cancelled``: a callable asked between rules; when it says so the run stops by raising
    ``Cancelled`` (a superseded language-server run gives its thread back at once)."""
    result = FileResult(doc.path, source=doc.source, line_labels=doc.source.line_labels)
    for rule in rules:
        if cancelled is not None and cancelled():
            raise Cancelled(doc.path)
        try:
            module = load_kind(rule.kind)
            if getattr(module, "LATE", False):
                continue  # judged after the others (checker.engine.suppress.unused_suppressions)
            found = []
            for finding in module.check(doc, rule):
                found.append(stamp(doc, rule, finding))
                if rule.limit and len(found) >= rule.limit:
                    break
            result.violations.extend(found)
            if collect and getattr(module, "CORPUS", False):
                result.corpus[rule.id] = module.collect(doc, rule)
        except Exception as exc:  # a broken check must not take the other rules down
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result.errors.append(
                f"{doc.path}: internal error in rule '{rule.id}': {type(exc).__name__}: {exc} "
                f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
    return result
