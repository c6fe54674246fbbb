"""Check many files: read, parse once, lint; in worker processes when it pays."""
from __future__ import annotations

from pathlib import Path

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable

from checker.checks.registry import load_kind
from checker.engine.lint import Cancelled, FileResult, lint_document
from checker.engine.settings import Settings
from checker.engine.stamp import stamp_resolved
from checker.engine.suppress import parse_directives, suppress, unused_suppressions
from checker.engine.violation import Violation
from checker.model.document import Document
from checker.sources.errors import InputError
from checker.sources.read import read_path
from checker.sources.source import SourceText


@dataclass
class RunResult:
    files: int = 0
    violations: list[Violation] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    results: list[FileResult] = field(default_factory=list)

    def sort(self) -> None:
        self.violations.sort(key=Violation.sort_key)


def lint_source(source: SourceText, settings: Settings, collect: bool = True,
                defer_unused: bool = False, *, rules: list | None = None, kind: str | None = None,
                cancelled=None) -> FileResult:
    """Lint one source.  ``defer_unused``: a cross-document phase follows, whose findings
    the file's directives may still silence, so unused directives are reported by
    ``finish_unused`` after it.  ``rules`` narrows the rules for the path to these ids'
    rules (the language server's quick pass), ``kind`` forces the document kind, and
    ``cancelled`` lets a superseded run stop between rules (``Cancelled`` propagates)."""
    try:
        rules_here = settings.rules_for(source.path)
        if rules is not None:
            wanted = {r.id for r in rules}
            rules_here = [r for r in rules_here if r.id in wanted]
        rules = rules_here
        doc = Document(source, settings.lexicon, kind or settings.kind_for(source.path))
        result = lint_document(doc, rules, collect, cancelled)
        result.kind = doc.structure.kind
        result.suppressions = parse_directives(source.original)
        result.violations = suppress(result.violations, result.suppressions)
        if defer_unused and result.corpus:
            result.unused_pending = True
        else:
            result.violations += unused_suppressions(source.path, result.suppressions, rules, source.line_labels)
        return result
    except Cancelled:
        raise
    except Exception as exc:  # one file's crash must not cost the other files their reports
        return FileResult(source.path, errors=[_crash_line(source.path, exc)])


def _crash_line(path: str, exc: Exception) -> str:
    import traceback

    where = traceback.extract_tb(exc.__traceback__)[-1]
    return (f"{path}: internal error: {type(exc).__name__}: {exc} "
            f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")


def lint_path(path: str, settings: Settings, collect: bool = True, defer_unused: bool = False) -> FileResult:
    try:
        source = read_path(path)
    except InputError as exc:
        return FileResult(path, errors=[str(exc)])
    except Exception as exc:
        return FileResult(path, errors=[_crash_line(path, exc)])
    return lint_source(source, settings, collect, defer_unused)


# Worker processes get the settings once, at start, instead of with every file.
_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER_SETTINGS is not None
    result = lint_path(path, _WORKER_SETTINGS, defer_unused=True)
    result.source = None  # do not ship the text back; the parent re-reads it if a formatter needs it
    return result


def run_paths(paths: list[str], settings: Settings, jobs: int | None = None,
              progress: Callable[[int, int], None] | None = None,
              keep_sources: bool = False) -> RunResult:
    jobs = jobs or os.cpu_count() or 1
    run = RunResult(files=len(paths))
    results: Iterable[FileResult]
    if len(paths) > 1 and jobs > 1:
        workers = min(jobs, len(paths))
        chunk = max(1, min(16, len(paths) // (workers * 4) or 1))
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings,)) as pool:
            results = _collect(pool.map(_lint_in_worker, paths, chunksize=chunk), len(paths), progress)
    else:
        # Cross-document summaries are only worth making with something to compare to.
        collect = len(paths) > 1 or bool(settings.config.duplicates.reference)
        results = _collect((lint_path(p, settings, collect, defer_unused=True) for p in paths), len(paths), progress)
    for result in results:
        if keep_sources and result.source is None and not result.errors:
            try:
                result.source = read_path(result.path)
            except InputError:
                pass
        run.results.append(result)
        run.violations.extend(result.violations)
        run.errors.extend(result.errors)
    run.violations.extend(corpus_violations(run.results, settings))
    for result in run.results:
        run.violations.extend(finish_unused(result, settings))
    run.sort()
    return run


def _collect(results: Iterable[FileResult], total: int, progress) -> list[FileResult]:
    out = []
    for i, result in enumerate(results, 1):
        out.append(result)
        if progress:
            progress(i, total)
    return out


def corpus_violations(results: list[FileResult], settings: Settings) -> list[Violation]:
    """Run the whole-run phase of corpus kinds (cross-document duplicates)."""
    out: list[Violation] = []
    for rule in settings.rules:
        summaries = {r.path: r.corpus[rule.id] for r in results if rule.id in r.corpus}
        if not summaries:
            continue
        module = load_kind(rule.kind)
        references = None
        if settings.config.duplicates.reference:
            # The engine owns the reference index; the kind only compares summaries.
            from checker.engine.reference_index import load_reference

            checked = {_resolved(p) for p in summaries}
            references = load_reference(settings, rule, module.collect, exclude=checked).summaries
        labels = {r.path: r.line_labels for r in results}
        found = [stamp_resolved(rule, f, labels) for f in module.check_corpus(summaries, rule, settings, references)]
        out += found
    # A file's own directives silence cross-document findings too.
    directives = {r.path: r.suppressions for r in results if r.suppressions}
    return [v for v in out if v.path not in directives or suppress([v], directives[v.path])]


def finish_unused(result: FileResult, settings: Settings) -> list[Violation]:
    """The unused-directive reports held back until the cross-document phase ran."""
    if not result.unused_pending:
        return []
    result.unused_pending = False
    return unused_suppressions(result.path, result.suppressions, settings.rules_for(result.path),
                               result.line_labels)


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path
