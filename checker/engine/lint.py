"""Run rules over one document: every check reads the same parsed Document."""
from __future__ import annotations


from checker.checks.registry import kind_constant, load_kind
from checker.core.patterns import regex_budget
from checker.engine.budget import Budget
from checker.engine.problems import RunError
from checker.engine.stamp import stamp
from checker.engine.violation import Violation
from checker.model.document import Document
from checker.rules.rule import Rule

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


class Cancelled(Exception):
    """A run given up because a newer one supersedes it (the language server, on an edit)."""


class FileResult:
    """What checking one file gave: its violations, errors and cross-document summaries.

    ``errors``: one-line input/internal errors; ``corpus``: rule id -> collected summary;
    ``source``: the SourceText, kept for fixes/reports; ``suppressions``: the file's
    directives (used or not); ``unused_pending``: unused directives reported after the
    corpus phase; ``line_labels``: the source's place names (Word), kept without the
    source; ``kind``: the document kind it was checked as; ``cached_rows``: a results-cache
    hit's violations as rows, unread."""

    # A plain class, not a dataclass: read and set by attribute only (never compared or
    # copied field by field), and a dataclass is ~0.2 ms of a fresh process to make.  Its
    # instances keep a ``__dict__`` (pickled from a worker as a dataclass's was).
    def __init__(self, path: str, violations: list[Violation] | None = None, errors: list[RunError] | None = None,
                 corpus: dict[str, Any] | None = None, source: Any = None, suppressions: list | None = None,
                 unused_pending: bool = False, line_labels: dict[int, str] | None = None, kind: str | None = None,
                 cached_rows: list | None = None) -> None:
        self.path = path
        self.violations = [] if violations is None else violations
        self.errors = [] if errors is None else errors
        self.corpus = {} if corpus is None else corpus
        self.source = source
        self.suppressions = [] if suppressions is None else suppressions
        self.unused_pending = unused_pending
        self.line_labels = line_labels
        self.kind = kind
        self.cached_rows = cached_rows


def lint_document(doc: Document, rules: list[Rule], collect: bool = True, cancelled=None, *,
                  regex_seconds: float | None = None, budget: Budget | None = None) -> FileResult:
    """Run ``rules`` over ``doc``; ``collect=False`` skips the summaries of corpus kinds
    (a one-file run with no reference documents has nothing to compare them with).

    ``cancelled``: a callable asked between rules; when it says so the run stops by raising
    ``Cancelled`` (a superseded language-server run gives its thread back at once).
    ``regex_seconds``: each rule's user-supplied regular expressions get this much time on
    the document; a rule that runs out is reported once (``rule-timeout``), keeping what it
    found, and the other rules run.  ``budget``: the document's own time budget, looked at
    between rules (a FileBudgetExceeded propagates to the caller).
    """
    result = FileResult(doc.path, source=doc.source, line_labels=doc.source.line_labels)
    for rule in rules:
        if cancelled is not None and cancelled():
            raise Cancelled(doc.path)
        if budget is not None:
            budget.check()
        found: list[Violation] = []
        try:
            module = load_kind(rule.kind)
            if kind_constant(module, "LATE", False):
                continue  # judged after the others (checker.engine.suppress.unused_suppressions)
            with regex_budget(regex_seconds):
                for finding in module.check(doc, rule):
                    found.append(stamp(doc, rule, finding))
                    if rule.limit and len(found) >= rule.limit:
                        break
                if collect and kind_constant(module, "CORPUS", False):
                    result.corpus[rule.id] = module.collect(doc, rule)
            result.violations.extend(found)
        except TimeoutError as exc:
            if not regex_seconds:
                result.errors.append(_internal(doc, rule, exc))
                continue
            result.violations.extend(found)
            result.errors.append(RunError(
                doc.path, f"rule-timeout: rule '{rule.id}' ran out of its time budget ({regex_seconds:g} s "
                "for its regular expressions on this document) and was stopped; what it found before is reported"))
        except Exception as exc:  # a broken check must not take the other rules down
            result.errors.append(_internal(doc, rule, exc))
    return result


def _internal(doc: Document, rule: Rule, exc: BaseException) -> RunError:
    import traceback    # only for a broken check: with linecache and tokenize, 2 ms of every start

    where = traceback.extract_tb(exc.__traceback__)[-1]
    return RunError(doc.path, f"internal error in rule '{rule.id}': {type(exc).__name__}: {exc} "
                              f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
