"""Check many files: read, parse once, lint; in worker processes when it pays."""
from __future__ import annotations


import os
import _signal as signal   # signal.py's C half: the same calls, without its three IntEnums (~3 M instructions a run)
import sys
from itertools import chain, islice
from collections.abc import Callable, Iterable, Iterator

from checker.core.signals import terminate_as_interrupt
from checker.checks.registry import load_kind
from checker.engine.budget import FileBudgetExceeded, file_budget
from checker.engine.corpus_rows import CorpusRows
from checker.engine.lint import Cancelled, FileResult, lint_document
from checker.engine.problems import RunError
from checker.engine.settings import Settings
from checker.engine.stamp import stamp_resolved
from checker.engine.suppress import parse_directives, suppress, unused_suppressions
from checker.engine.violation import Violation
from checker.model.document import Document
from checker.sources.errors import InputError
from checker.sources.read import read_path
from checker.sources.source import SourceText

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: the one-file run imports no pathlib
    from typing import Any


class RunResult:
    """What a run over its paths gave: each file's result, the violations and errors;
    ``interrupted``: stopped early (results hold the files checked so far); ``cache``: the
    ResultsCache of the run, when it used one."""

    # A plain class, not a dataclass: made once a run and read and set by attribute only
    # (never compared or copied), and a dataclass is ~0.2 ms of a fresh process to make.
    __slots__ = ("files", "violations", "errors", "results", "interrupted", "cache")

    def __init__(self, files: int = 0, violations: list[Violation] | None = None, errors: list[RunError] | None = None,
                 results: list[FileResult] | None = None, interrupted: bool = False, cache: Any = None) -> None:
        self.files = files
        self.violations = [] if violations is None else violations
        self.errors = [] if errors is None else errors
        self.results = [] if results is None else results
        self.interrupted = interrupted
        self.cache = cache

    def sort(self) -> None:
        self.violations.sort(key=Violation.sort_key)


def lint_source(source: SourceText, settings: Settings, collect: bool = True,
                defer_unused: bool = False, *, rules: list | None = None, kind: str | None = None,
                cancelled=None) -> FileResult:
    """Lint one source.  ``defer_unused``: a cross-document phase follows, whose findings
    the file's directives may still silence, so unused directives are reported by
    ``finish_unused`` after it.  ``rules`` narrows the rules for the path to these ids'
    rules (the language server's quick pass), ``kind`` forces the document kind, and
    ``cancelled`` lets a superseded run stop between rules (``Cancelled`` propagates).
    The document gets ``limits.file_seconds``; each rule's user regular expressions
    ``limits.regex_seconds``."""
    limits = settings.config.limits
    try:
        with file_budget(limits.file_seconds) as budget:
            # an empty text with no cross-document summary to make: the rules that can
            # find nothing in it are not run (a corpus kind's summary would still be made);
            # without summaries, neither are the kinds that report only across documents
            rules_here = settings.rules_for(source.path, empty_text=not source.text and not collect,
                                            alone=not collect)
            if rules is not None:
                wanted = {r.id for r in rules}
                rules_here = [r for r in rules_here if r.id in wanted]
            rules = rules_here
            doc = Document(source, settings.lexicon, kind or settings.kind_for(source.path))
            result = lint_document(doc, rules, collect, cancelled,
                                   regex_seconds=limits.regex_seconds, budget=budget)
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
    except FileBudgetExceeded:
        # One line for the document, no partial findings: suppressions and the corpus
        # phase assume every rule ran.
        return FileResult(source.path, source=source, errors=[RunError(
            source.path, f"not checked: it took longer than {limits.file_seconds:g} s, the time budget "
            "for one document (limits.file_seconds in .gwlint.yaml, --file-timeout)")])
    except Exception as exc:  # one file's crash must not cost the other files their reports
        return FileResult(source.path, errors=[_crash_line(source.path, exc)])


def _crash_line(path: str, exc: Exception) -> RunError:
    import traceback

    where = traceback.extract_tb(exc.__traceback__)[-1]
    return RunError(path, f"internal error: {type(exc).__name__}: {exc} "
                          f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")


def lint_path(path: str, settings: Settings, collect: bool = True, defer_unused: bool = False,
              digest: bool = True) -> FileResult:
    """Check the file ``path``; ``digest=False``: its source's ``digest`` is not made
    (a worker that drops the source)."""
    limit = settings.config.limits.max_file_mb
    if limit:
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0                       # read_path names the problem
        if size > limit * 1_000_000:
            return FileResult(path, errors=[RunError(
                path, f"not checked: {size / 1_000_000:.1f} MB is more than the {limit:g} MB limit "
                "(limits.max_file_mb in .gwlint.yaml; the README's Limits say what a larger file costs)")])
    try:
        # what stat gives no size for (a pipe, a device) is bounded while it is read
        source = read_path(path, digest, limit=input_limit(settings))
    except InputError as exc:
        return FileResult(path, errors=[RunError(exc.path, exc.reason)])
    except Exception as exc:
        return FileResult(path, errors=[_crash_line(path, exc)])
    return lint_source(source, settings, collect, defer_unused)


def input_limit(settings: Settings) -> int | None:
    """``limits.max_file_mb`` in bytes; None when it is 0 (no limit)."""
    limit = settings.config.limits.max_file_mb
    return int(limit * 1_000_000) if limit else None


# Worker processes get the settings once, at start, instead of with every file.
_WORKER_SETTINGS: Settings | None = None
_WORKER_KEEPS_SOURCES = False


def _init_worker(settings: Settings, keep_sources: bool = False) -> None:
    global _WORKER_SETTINGS, _WORKER_KEEPS_SOURCES
    _WORKER_SETTINGS = settings
    _WORKER_KEEPS_SOURCES = keep_sources
    tune_gc()
    # Ctrl-C reaches the whole process group: the parent decides what happens (it keeps
    # what was found and stops the workers), a worker does not die with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a pool is forked inside the run's ``terminate_as_interrupt``: its SIGTERM handler
    # is not the worker's, whom the parent stops with SIGTERM (an idle worker printed
    # KeyboardInterrupt's traceback)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def tune_gc() -> None:
    """A worker's long-lived objects (settings, compiled rules, tables) are moved out of
    the collector's sight, and young objects are collected less often: the checks build
    many short-lived containers (the duplicate indexes), and the default threshold made
    the collector walk them, and every rule table, over and over (10-15 % of a worker's
    CPU on generated documents).  Garbage is still freed by reference counting at once;
    cycles wait a little longer."""
    import gc

    from checker.core.collector import fewer_collections

    gc.freeze()
    fewer_collections()


def _freeze_built() -> None:
    """In the first worker, once its first document has built the checks, before it forks
    the others: what the document left in cycles is collected (only the young generations:
    the document's objects are young) and the rest (modules, compiled rules, tables) frozen
    like the settings were, so no worker's collector walks them and their pages stay shared
    with the first worker's until written."""
    import gc

    gc.collect(1)
    gc.freeze()


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER_SETTINGS is not None
    result = lint_path(path, _WORKER_SETTINGS, defer_unused=True, digest=_WORKER_KEEPS_SOURCES)
    if not _WORKER_KEEPS_SOURCES:
        # Do not ship the text back unless asked: the JSON and SARIF reports do not need it.
        # Fixes and reports that quote lines do, and must see the very text that was
        # checked (reading the file again could read a later edit).
        result.source = None
    return result


def _lint_chunk(paths: list[str]) -> list[FileResult]:
    return [_lint_in_worker(p) for p in paths]


def _bounded_map(pool, paths: list[str], chunk: int, window: int) -> Iterator[FileResult]:
    """``pool.map(_lint_in_worker, paths, chunksize=chunk)`` with at most ``window``
    chunks given out and not yet taken: results the parent has not come to yet (it
    compares documents while the workers check the next ones) wait in the workers'
    queue, not in the parent's memory (pool.map hands out every chunk at once, and under
    load the finished results piled up in the parent, 30 KB a document)."""
    from collections import deque

    chunks = (paths[i:i + chunk] for i in range(0, len(paths), chunk))
    pending: deque = deque()
    try:
        for part in islice(chunks, window):
            pending.append(pool.submit(_lint_chunk, part))
        while pending:
            results = pending.popleft().result()
            part = next(chunks, None)
            if part is not None:
                pending.append(pool.submit(_lint_chunk, part))
            yield from results
    finally:
        for future in pending:
            future.cancel()


def run_paths(paths: list[str], settings: Settings, jobs: int | None = None,
              progress: Callable[[int, int], None] | None = None,
              keep_sources: bool = False,
              on_result: Callable[[FileResult], None] | None = None,
              cache: bool = False, spool: bool = False, stored_report: bool = False) -> RunResult:
    """Check ``paths``; results arrive in their order, each passed to ``on_result`` as soon
    as it is there (a streaming report).  Interrupted (Ctrl-C, SIGTERM) or left by a dead
    worker, the run stops and returns what it found, each file not checked named in
    ``errors`` and ``interrupted`` set.  ``cache``: take unchanged files' results from the
    results cache and keep the new ones there (``checker.engine.results_cache``);
    ``run.cache`` then says which files were checked and which reused.  ``spool``: keep
    the violations on disk as files finish (``checker.engine.spool``), not in the results:
    ``run.violations`` is then a ``ViolationSpool``, read back in order by the report, and
    each result keeps only what the cross-document phase needs.  ``stored_report`` (with
    ``cache`` and ``spool``, for a JSON report): a run over the same files as a run whose
    JSON report was stored takes that report's violations (``ResultsCache.load_report``)
    and reads no file's entry; another run offers the report its place in the cache."""
    cores = os.cpu_count() or 1
    jobs = min(jobs or cores, 2 * cores)   # more workers only cost memory
    run = RunResult(files=len(paths))
    if spool:
        from checker.engine.spool import ViolationSpool

        run.violations = ViolationSpool()
    # Cross-document summaries are only worth making with something to compare to.
    collect = len(paths) > 1 or bool(settings.config.duplicates.reference)
    if collect:     # more than one document read: the collector as before (collector.off_for_one_run)
        from checker.core.collector import resume

        resume()
    keys: dict[str, str | None] = {}
    report_key = None
    hits: dict[str, FileResult] = {}
    store = None
    if cache:
        from checker.engine.results_cache import ResultsCache

        run.cache = ResultsCache(settings, collect)
        rules_by_id = {r.id: r for r in settings.rules}
        for p in paths:
            keys[p] = run.cache.key(p)
        if stored_report and spool and not settings.config.duplicates.reference and None not in keys.values():
            report_key = run.cache.corpus_key(list(keys.items()))
            reused = run.cache.load_report(report_key)
            if reused is not None:
                run.violations.close()
                run.violations = reused
                run.results = [FileResult(p) for p in paths]
                run.cache.reused = list(paths)
                if progress:
                    progress(len(paths), len(paths))
                return run
        # an entry is read when its turn comes (``_in_order``), not all before the pool:
        # 3,999 entries' rows held at once were most of an edit run's peak, and a worker
        # forked then inherited them
        for p in paths:
            if keys[p] is not None and run.cache.has(keys[p]):
                hits[p] = None

        def store(result: FileResult) -> None:
            key = keys.get(result.path)
            if key is not None:
                run.cache.store(key, result, rules_by_id)
    misses = [p for p in paths if p not in hits]
    # The cross-document phase, when it compares everything, takes each document as its
    # turn comes, while the later ones are still checked (``_PhaseStream``); a run that
    # will take the phase from the cache, or update the kept comparison, does it after.
    stream = None
    if collect and not settings.config.duplicates.reference:
        phase_key = run.cache.corpus_key(list(keys.items())) if run.cache is not None else None
        if run.cache is None or not run.cache.comparison_kept(phase_key, keys, _update_limit(len(paths))):
            stream = _PhaseStream(run, settings, paths, keys, phase_key, spool)
    pool = forked = None
    # A dead worker ends the run like an interrupt; concurrent.futures (with
    # multiprocessing and logging, 10-25 ms) is imported only when a pool is made.
    stops: tuple[type[BaseException], ...] = (KeyboardInterrupt,)
    interrupts = None
    completed = False
    try:
        with terminate_as_interrupt() as interrupts:
            # one file changed among many is checked in another process as well: the
            # parent then never imports the checks (≈100 MiB), only the comparison's code;
            # a few files in one forked child, which costs a fork, not a pool's start
            if misses and jobs > 1 and len(paths) > 1 and len(misses) <= _FORK_AT_MOST and hasattr(os, "fork"):
                from checker.engine.forked import ChildDied, ForkedResults

                stops = (KeyboardInterrupt, ChildDied)
                forked = ForkedResults(misses, _lint_in_worker, lambda: _init_worker(settings, keep_sources))
                fresh = forked
            elif misses and jobs > 1 and len(paths) > 1:
                workers = min(jobs, len(misses))
                chunk = max(1, min(16, len(misses) // (workers * 4) or 1))
                if _forks_workers():
                    # the first worker builds the checks on the first document, then forks
                    # the others: they start with it built (``checker.engine.forked_pool``)
                    from checker.engine.forked import ChildDied
                    from checker.engine.forked_pool import ForkedPool

                    stops = (KeyboardInterrupt, ChildDied)
                    pool = ForkedPool(misses, workers, _lint_chunk, lambda: _init_worker(settings, keep_sources),
                                      _freeze_built, chunk, 4 * workers)
                    fresh: Iterable[FileResult] = iter(pool)
                else:
                    from concurrent.futures.process import BrokenProcessPool

                    stops = (KeyboardInterrupt, BrokenProcessPool)
                    ProcessPoolExecutor = _pool_class()
                    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings, keep_sources))
                    fresh = _bounded_map(pool, misses, chunk, 4 * workers)
            else:
                # the source's digest only when the sources are kept (as a worker does):
                # --fix is what reads it, and a run without fixes loads no SHA-256
                fresh = (lint_path(p, settings, collect, defer_unused=True, digest=keep_sources) for p in misses)
            results = _in_order(paths, hits, iter(fresh), run.cache, keys, spool, settings, collect)
            for done, result in enumerate(results, 1):
                if store is not None and result.path not in hits:
                    store(result)
                    run.cache.rechecked.append(result.path)
                elif store is not None:
                    run.cache.reused.append(result.path)
                if keep_sources and result.source is None and not result.errors:
                    try:
                        result.source = read_path(result.path)
                    except InputError:
                        pass
                run.results.append(result)
                run.errors.extend(result.errors)
                if stream is not None:
                    stream.add(done - 1, result)
                if spool:
                    if result.cached_rows is not None:   # a cache hit: its rows as read, not made objects
                        run.violations.add_rows(result.path, result.cached_rows)
                        result.cached_rows = None
                    else:
                        run.violations.add_file(result.path, result.violations)
                    if on_result:
                        on_result(result)
                    result.violations = []
                else:
                    run.violations.extend(result.violations)
                    if on_result:
                        on_result(result)
                if progress:
                    progress(done, len(paths))
        completed = True
    except BaseException as exc:
        interrupted = isinstance(exc, KeyboardInterrupt) or (interrupts is not None and interrupts.seen)
        if not (interrupted or isinstance(exc, stops)):
            raise                   # a fault of the parent's: the workers are stopped below
        run.interrupted = True
        if stream is not None:
            stream.abandon()
            stream = None
        why = "the run was interrupted" if interrupted else "a worker process ended unexpectedly"
        run.errors += [RunError(p, f"not checked: {why}") for p in paths[len(run.results):]]
    finally:
        if pool is not None:
            # waited for only when all is done: stopped by anything else, the workers
            # would go on through every chunk already given to them
            _stop(pool, wait=completed)
        if forked is not None:
            forked.close()
    if not run.interrupted:
        if stream is not None:
            stream.finish()
        elif run.cache is not None:
            _cached_corpus_violations(run, settings, keys, hits, collect)
        else:
            run.violations.extend(corpus_violations(run.results, settings))
    for result in run.results:
        run.violations.extend(finish_unused(result, settings))
    run.sort()
    if report_key is not None and not run.interrupted and not run.errors:
        spooled = run.violations
        run.violations.keep_report = lambda: run.cache.report_writer(report_key, len(spooled),
                                                                      spooled.severity_counts)
        previous = run.cache.previous_report
        if previous is not None:        # the files the updated comparison left as they were
            spooled.reuse_report = lambda: run.cache.load_report(previous)
            spooled.reusable = run.cache.reusable
    return run


_BATCH = 2000          # cross-document findings spooled and stored at a time
# Files to check, at most, for one forked child to check them rather than a worker pool
# (``checker.engine.forked``): an edit run checks one; more files pay for two workers.
_FORK_AT_MOST = 2


def _update_limit(files: int) -> int:
    """Files that may change for the kept comparison to be updated, not done again."""
    return max(8, files // 10)


class _PhaseStream:
    """The cross-document phase of a run that compares every document, fed the results
    as the checks return them.  The comparison takes the documents in its own order (the
    kind's ``order_key``): a result waits here until every document before it in that
    order has come (with paths in that order, as discovered, none waits).  Each corpus
    rule's ``Comparison`` gives the copies of the documents it has compared; they are
    stamped, silenced by their file's directives, spooled (tagged: given up if the run is
    interrupted) and stored as they come, each document's keys written to the kept index
    and its summary let go.  A kind without ``Comparison`` is compared after the pool
    (``iter_corpus_violations``): the stream then stands aside."""

    def __init__(self, run: RunResult, settings: Settings, paths: list[str], keys: dict[str, str | None],
                 phase_key: str | None, spooled: bool) -> None:
        self.run, self.settings, self.paths, self.keys = run, settings, paths, keys
        self.phase_key = phase_key
        self.spooled = spooled
        self.order: list[int] | None = None        # positions in the comparison's order
        self.named: list[str] = []                  # each position's name in the comparison
        self.next = 0                               # of order
        self.waiting: dict[int, FileResult] = {}
        self.comparisons: dict[str, tuple[Any, Any]] = {}      # rule id -> (rule, Comparison)
        self.rules = {r.id: r for r in settings.rules}
        self.labels: dict[str, Any] = {}
        self.directives: dict[str, list] = {}
        self.before: dict[str, list[bool]] = {}
        # findings as rows (``row_of(v, None)``: the spool's and the phase entry's form)
        self.found: list[tuple] = []
        self.held: list[Violation] = []             # a run that does not spool: added at the end
        self.rows: dict[str, CorpusRows] = {}       # rule id -> its findings' rows
        self.off = False
        cache = run.cache
        self.writer = cache.phase_writer(phase_key) if cache is not None and phase_key is not None else None
        self.index = cache.index_writer() if cache is not None and phase_key is not None else None
        if spooled:
            run.violations.tagging = False
        _steady_heap()

    def add(self, position: int, result: FileResult) -> None:
        self.labels[result.path] = result.line_labels
        if result.suppressions:
            self.directives[result.path] = result.suppressions
            self.before[result.path] = [s.used for s in result.suppressions]
        if self.off:
            return
        self.waiting[position] = result
        if self.order is None and (not result.corpus or not self._start(result)):
            return
        while self.next < len(self.order) and self.order[self.next] in self.waiting:
            position = self.order[self.next]
            self._feed(position, self.waiting.pop(position))
            self.next += 1

    def _start(self, result: FileResult) -> bool:
        """Learn the comparison's order from the first result with summaries."""
        order_key = order_keys = None
        for rule_id in result.corpus:
            module = load_kind(self.rules[rule_id].kind)
            if not hasattr(module, "Comparison") or not hasattr(module, "order_key"):
                self.off = True
                return False
            if order_key not in (None, module.order_key):
                self.off = True
                return False
            order_key = module.order_key
            order_keys = getattr(module, "order_keys", None)
        from pathlib import Path     # a comparison across documents: not the one-file run's

        root = Path(self.settings.root)
        # all keys at once when the kind can (its folder resolved once)
        self.named = order_keys(self.paths, root) if order_keys is not None else [order_key(p, root) for p in self.paths]
        self.order = sorted(range(len(self.paths)), key=self.named.__getitem__)
        return True

    def _feed(self, position: int, result: FileResult) -> None:
        if self.off:
            return
        for rule_id in list(result.corpus):
            summary = result.corpus[rule_id]
            if summary is None:
                if not (self.run.cache is not None and self.keys.get(result.path)
                        and self.run.cache.load_corpus(result, self.keys[result.path])):
                    # its summaries are lost: check the file again
                    fresh = lint_path(result.path, self.settings, True, defer_unused=True)
                    result.corpus, result.suppressions = fresh.corpus, fresh.suppressions
                    if result.suppressions:
                        self.directives[result.path] = result.suppressions
                        self.before[result.path] = [s.used for s in result.suppressions]
                    if rule_id not in result.corpus:
                        continue
                summary = result.corpus[rule_id]
            if rule_id not in self.comparisons:
                rule = self.rules[rule_id]
                module = load_kind(rule.kind)
                if not hasattr(module, "Comparison"):
                    self.off = True          # (a kind the first result did not have)
                    return
                if self.index is not None and not hasattr(module, "affected_documents"):
                    self.index.close(None)
                    self.index = None
                self.comparisons[rule_id] = (rule, module.Comparison(rule))
            rule, comparison = self.comparisons[rule_id]
            if self.index is not None:
                try:
                    self.index.add(rule_id, result.path, summary.key_array())
                except AttributeError:
                    self.index.close(None)
                    self.index = None
            self._take(rule, comparison.add(result.path, summary, True, self.named[position]))
            result.corpus[rule_id] = None     # the comparison keeps what it needs of it

    def _take(self, rule, findings) -> None:
        rows = self.rows.get(rule.id)
        if rows is None:
            rows = self.rows[rule.id] = CorpusRows(rule)
        found, labels, directives_of = self.found, self.labels, self.directives
        for f in findings:
            # A file's own directives silence cross-document findings too.
            directives = directives_of.get(f.path)
            if directives is None:
                found.append(rows.row(f, labels))
                continue
            from checker.engine.spool import row_of

            v = stamp_resolved(rule, f, labels)
            if suppress([v], directives):
                found.append(row_of(v, None))
        if len(found) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self.found:
            return
        if self.spooled:
            self.run.violations.tagging = True
            try:
                self.run.violations.extend_rows(self.found)
            finally:
                self.run.violations.tagging = False
        else:
            from checker.engine.spool import violation_of

            self.held += [violation_of(row, None) for row in self.found]
        if self.writer is not None:
            self.writer.write_rows(self.found)
        self.found = []

    def finish(self) -> None:
        """After the last result: the last documents' copies; the entry and index kept."""
        if self.off or self.order is None:
            self.abandon()
            _compare_after(self.run, self.settings, self.keys)
            return
        for rule, comparison in self.comparisons.values():
            self._take(rule, comparison.finish())
        self._flush()
        if not self.spooled:
            self.run.violations.extend(self.held)
        if self.run.cache is not None:
            self.run.cache.phase = "compared"
        keep = self.phase_key is not None and not self.run.errors
        if self.writer is not None:
            used = {p: [i for i, s in enumerate(d) if s.used and not self.before[p][i]]
                    for p, d in self.directives.items()}
            self.writer.close({p: i for p, i in used.items() if i} if keep else None)
        if self.index is not None:
            self.index.close(self.phase_key if keep else None, self.keys)

    def abandon(self) -> None:
        """Give up what was compared (an interrupted run has no cross-document findings)."""
        if self.spooled:
            self.run.violations.forget_tagged()
        for path, was in self.before.items():
            for s, used in zip(self.directives[path], was):
                s.used = used
        self.found, self.held = [], []
        if self.writer is not None:
            self.writer.close(None)
        if self.index is not None:
            self.index.close(None)
        self.writer = self.index = None


def _steady_heap() -> None:
    """Keep glibc from growing its mmap threshold: the comparison allocates and frees
    arrays of a few hundred kilobytes per batch, and once one is freed glibc takes the
    next ones from the heap, which then fragments and is never given back (the parent's
    RSS at 900 of 1,000 documents: 119 MiB, 100 with the threshold kept at 128 KiB, for
    26 MiB of comparison).  Nothing on another C library."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 128 * 1024)      # M_MMAP_THRESHOLD
        libc.mallopt(-1, 128 * 1024)      # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass


def _compare_after(run: RunResult, settings: Settings, keys: dict[str, str | None]) -> None:
    """The whole comparison after the pool (a kind the stream cannot take), every
    summary read again where the stream let it go or the cache holds it."""
    cache = run.cache
    for i, result in enumerate(run.results):
        if any(summary is None for summary in result.corpus.values()):
            if not (cache is not None and keys.get(result.path) and cache.load_corpus(result, keys[result.path])):
                run.results[i] = lint_path(result.path, settings, True, defer_unused=True)
    if cache is not None:
        _cached_corpus_violations(run, settings, keys, {}, True)
    else:
        run.violations.extend(corpus_violations(run.results, settings))


def _in_order(paths: list[str], hits: dict, fresh, cache=None, keys=None, rows: bool = False,
              settings: Settings | None = None, collect: bool = True) -> Iterable[FileResult]:
    """The results in the order of ``paths``: cached ones read from the cache as their
    turn comes (an entry that cannot be read after all is checked here, and leaves
    ``hits``), the others as the checks (a worker pool's map keeps their order) return them."""
    for p in paths:
        if p not in hits:
            yield next(fresh)
            continue
        found = hits[p]
        if found is None and cache is not None:
            found = cache.load(p, keys[p], rows=rows)
        if found is None:
            del hits[p]
            found = lint_path(p, settings, collect, defer_unused=True)
        yield found


def _cached_corpus_violations(run: RunResult, settings: Settings, keys: dict[str, str | None],
                              hits: dict[str, FileResult], collect: bool) -> None:
    """The cross-document phase, added to ``run.violations``: taken from the cache when the
    same files (same paths and bytes) were compared before with the same settings;
    reference documents live outside the run, so a run that has them always compares again."""
    cache = run.cache
    phase_key = None
    spooled = hasattr(run.violations, "extend_rows")
    if collect and not settings.config.duplicates.reference and not run.errors:
        phase_key = cache.corpus_key([(r.path, keys.get(r.path)) for r in run.results])
        stored = cache.load_phase(phase_key, rows=spooled)
        if stored is not None:
            found, used = stored
            by_path = {r.path: r for r in run.results}
            try:
                for path, indices in used.items():
                    for i in indices:
                        by_path[path].suppressions[i].used = True
            except (KeyError, IndexError, TypeError):
                pass   # an entry that does not fit these files: compare them again
            else:
                if spooled:
                    run.violations.extend_rows(found)
                else:
                    run.violations.extend(found)
                cache.phase = "stored"
                return
    if phase_key is not None:
        marks = {r.path: [s.used for s in r.suppressions] for r in run.results}
        updated = _updated_phase(run, settings, keys)
        if updated is not None:
            from checker.engine.results_cache import _violation

            # the findings as rows naming their path, read from the last entry as they are
            # taken: spooled and stored a batch at a time, never held whole
            rows, used, indexed = updated
            writer = cache.phase_writer(phase_key)
            mark = run.violations.mark() if spooled else len(run.violations)
            try:
                while batch := list(islice(rows, _BATCH)):
                    if writer is not None:
                        writer.write_rows(batch)
                    if spooled:
                        run.violations.extend_rows(batch)
                    else:
                        run.violations.extend(_violation(row, None) for row in batch)
            except (OSError, ValueError):
                # a stored finding could not be read: forget the update, compare everything
                if writer is not None:
                    writer.close(None)
                if spooled:
                    run.violations.rollback(mark)
                else:
                    del run.violations[mark:]
                for r in run.results:
                    for s, was in zip(r.suppressions, marks[r.path]):
                        s.used = was
                cache.affected, cache.previous_report, cache.reusable = [], None, set()
            else:
                if writer is not None:
                    writer.close(used)
                cache.store_index(phase_key, keys, indexed)
                return
    cache.phase = "compared"
    for i, result in enumerate(run.results):
        if result.path in hits and not cache.load_corpus(result, keys[result.path]):
            # its summaries are lost: check the file again
            result = lint_path(result.path, settings, collect, defer_unused=True)
            run.results[i] = result
    before = {r.path: [s.used for s in r.suppressions] for r in run.results}
    writer = cache.phase_writer(phase_key) if phase_key is not None else None
    found = iter_corpus_violations(run.results, settings)
    try:
        while chunk := list(islice(found, _BATCH)):       # spooled and stored as found
            run.violations.extend(chunk)
            if writer is not None:
                writer.write(chunk)
    except BaseException:
        if writer is not None:
            writer.close(None)
        raise
    if phase_key is not None:
        used = {r.path: [i for i, s in enumerate(r.suppressions) if s.used and not before[r.path][i]]
                for r in run.results}
        if writer is not None:
            writer.close({p: i for p, i in used.items() if i})
        indexed = _indexed(run.results, settings)
        if indexed is not None:
            cache.store_index(phase_key, keys, indexed)


def _indexed(results: list[FileResult], settings: Settings) -> dict[str, list] | None:
    """rule id -> [(path, its summary's band keys)] for the corpus rules whose kind can
    update a comparison (``affected_documents``); None when one cannot."""
    indexed: dict[str, list] = {}
    for rule in settings.rules:
        docs = [(r.path, r.corpus[rule.id]) for r in results if rule.id in r.corpus]
        if not docs:
            continue
        if not hasattr(load_kind(rule.kind), "affected_documents"):
            return None
        try:
            indexed[rule.id] = [(path, summary.key_array()) for path, summary in docs]
        except AttributeError:
            return None
    return indexed


class _StaleIndex(Exception):
    """A summary the updated comparison needed could not be read: compare everything."""


class _IndexedSummary:
    """An unchanged document's summary as the kept index has it (its band keys), its other
    fields (texts, places) read from its cache entry only when the comparison asks."""

    __slots__ = ("_keys", "bands", "_result", "_cache", "_key", "_rule")

    def __init__(self, keys, result: FileResult, cache, key: str, rule_id: str) -> None:
        self._keys = keys
        self.bands = keys.shape[1] - 1
        self._result, self._cache, self._key, self._rule = result, cache, key, rule_id

    def __len__(self) -> int:
        return len(self._keys)

    def key_array(self):
        return self._keys

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        summary = self._result.corpus.get(self._rule)
        if summary is None:
            if not self._cache.load_corpus(self._result, self._key):
                raise _StaleIndex(self._result.path)
            summary = self._result.corpus[self._rule]
        return getattr(summary, name)


def _updated_phase(run: RunResult, settings: Settings, keys: dict[str, str | None]):
    """The cross-document findings after a few files changed, from the last comparison's
    kept index (``ResultsCache.store_index``) and findings: only the documents the
    changes can affect (the kind's ``affected_documents``) are compared again, the
    unchanged documents' texts read only where they are candidates.  Returns (the findings
    as rows naming their path, as ``ResultsCache.load_phase`` gives them, an iterator that
    reads the last entry as it is consumed and raises ValueError on a row it cannot read, the directives
    they used by path, the index to keep), or None when the last
    comparison was of other files or rules, or too many files changed (then everything
    is compared again)."""
    from checker.core.numeric import np

    cache = run.cache
    state = cache.load_index()
    if state is None:
        return None
    head, blob = state
    by_path = {r.path: r for r in run.results}
    try:
        old_keys = head["keys"]
        if set(old_keys) != set(by_path):
            return None
        changed = {p for p in by_path if old_keys[p] != keys.get(p)}
        if len(changed) > _update_limit(len(by_path)):
            return None
        stored = cache.phase_stream(head["phase"])
        if stored is None:
            return None
        matrix = np.frombuffer(blob, dtype=np.uint32)
        layout: dict[str, dict] = {}
        offset = 0
        for rule_id, docs in head["rules"].items():
            layout[rule_id] = {}
            for path, rows, width in docs:
                layout[rule_id][path] = matrix[offset:offset + rows * width].reshape(rows, width)
                offset += rows * width
        if offset != len(matrix):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    old_found, old_used = stored
    rules = [rule for rule in settings.rules if any(rule.id in r.corpus for r in run.results)]
    if {rule.id for rule in rules} != set(layout):
        return None
    try:
        summaries_of: list[tuple] = []
        affected: set[str] = set()
        for rule in rules:
            module = load_kind(rule.kind)
            if not hasattr(module, "affected_documents"):
                return None
            summaries: dict[str, Any] = {}
            for r in run.results:
                if rule.id not in r.corpus:
                    continue
                summary = r.corpus[rule.id]
                if r.path in changed:
                    if summary is None:
                        if not cache.load_corpus(r, keys[r.path]):
                            return None
                        summary = r.corpus[rule.id]
                elif summary is None:
                    kept = layout[rule.id].get(r.path)
                    if kept is None or keys.get(r.path) is None:
                        return None
                    summary = _IndexedSummary(kept, r, cache, keys[r.path], rule.id)
                summaries[r.path] = summary
            if set(summaries) != set(layout[rule.id]):
                return None
            previous = {p: layout[rule.id][p] for p in changed if p in layout[rule.id]}
            # a changed document that shows the others what it showed them before (an
            # edit outside its compared sentences) is compared again itself, alone
            reaching = set()
            same = getattr(module, "same_for_others", None)
            for p in changed:
                old = cache.load_summary(old_keys[p], rule.id) if same is not None and by_path[p].line_labels is None else None
                if old is None or not same(old, summaries[p]):
                    reaching.add(p)
            affected |= changed & set(summaries)
            affected |= module.affected_documents(summaries, previous, reaching, rule, settings)
            summaries_of.append((rule, module, summaries))
        labels = {r.path: r.line_labels for r in run.results}
        fresh: list[Violation] = []
        for rule, module, summaries in summaries_of:
            fresh += [stamp_resolved(rule, f, labels)
                      for f in module.check_corpus(summaries, rule, settings, None, only=affected)]
        indexed = {rule.id: [(p, s.key_array()) for p, s in summaries.items()] for rule, _, summaries in summaries_of}
    except _StaleIndex:
        return None
    # the unchanged documents' directives as the last comparison left them
    try:
        for path, indices in old_used.items():
            if path not in affected:
                for i in indices:
                    by_path[path].suppressions[i].used = True
    except (KeyError, IndexError, TypeError):
        return None
    before = {p: [s.used for s in by_path[p].suppressions] for p in affected}
    directives = {p: by_path[p].suppressions for p in affected if by_path[p].suppressions}
    fresh = [v for v in fresh if v.path not in directives or suppress([v], directives[v.path])]
    used = {p: i for p, i in old_used.items() if p not in affected and i}
    for p in affected:
        now = [i for i, s in enumerate(by_path[p].suppressions) if s.used and not before[p][i]]
        if now:
            used[p] = now
    cache.phase = "updated"
    cache.affected = sorted(affected)
    # the report of the run this one updates holds the same violations for the files
    # neither changed nor compared again (their own entries, findings and directives)
    cache.previous_report = head["phase"]
    cache.reusable = {p for p in by_path if p not in changed and p not in affected}
    from checker.engine.results_cache import _violation_json

    rows = chain((row for row in old_found if row[0] not in affected),
                 (_violation_json(v, None) for v in fresh))
    return rows, used, indexed


def __getattr__(name: str):
    if name == "ProcessPoolExecutor":      # imported on first use (see run_paths)
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Workers forked from the first one (``checker.engine.forked_pool``) where the platform
# forks; elsewhere (or with this set False, as a test does) concurrent.futures' pool, whose
# workers each build the checks on their first document.  Not on macOS, whose pool
# starts its workers afresh (spawn) because system libraries there may not survive a
# fork of a process that used them (numpy's Accelerate): kept as it was.
FORK_WORKERS = hasattr(os, "fork") and sys.platform != "darwin"


def _forks_workers() -> bool:
    """Whether the pool's workers are forked from the first one: the platform forks and
    no test has put its own pool class in this module (``_pool_class``)."""
    return FORK_WORKERS and "ProcessPoolExecutor" not in globals()


def _pool_class():
    """The pool class: concurrent.futures' unless a test has put its own in this module."""
    return globals().get("ProcessPoolExecutor") or __getattr__("ProcessPoolExecutor")


def _stop(pool, wait: bool) -> None:
    if wait:
        pool.shutdown(wait=True)
        return
    # the workers still checking a file are not waited for: taken before ``shutdown``,
    # which lets go of the pool's table of them (concurrent.futures sets it to None)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass


def corpus_violations(results: list[FileResult], settings: Settings) -> list[Violation]:
    """Run the whole-run phase of corpus kinds (cross-document duplicates)."""
    return list(iter_corpus_violations(results, settings))


def iter_corpus_violations(results: list[FileResult], settings: Settings) -> Iterator[Violation]:
    """``corpus_violations`` one at a time, as the comparison finds them (a large run's
    findings are spooled and stored as they come, not held whole); a file's directives
    are marked used as its findings are passed."""
    directives = {r.path: r.suppressions for r in results if r.suppressions}
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
        for f in module.check_corpus(summaries, rule, settings, references):
            v = stamp_resolved(rule, f, labels)
            # A file's own directives silence cross-document findings too.
            if v.path not in directives or suppress([v], directives[v.path]):
                yield v


def settle_document(result: FileResult, corpus_found: list[Violation], settings: Settings) -> list[Violation]:
    """What the cross-document phase adds to one document: its findings there that the
    document's own directives leave, then its unused-directive reports (for a runner
    that gathers a document's cross-document findings by document, as checker.spark does;
    ``corpus_violations`` + ``finish_unused`` do the same for a whole run)."""
    kept = suppress(corpus_found, result.suppressions) if result.suppressions else list(corpus_found)
    return kept + finish_unused(result, settings)


def finish_unused(result: FileResult, settings: Settings) -> list[Violation]:
    """The unused-directive reports held back until the cross-document phase ran."""
    if not result.unused_pending:
        return []
    result.unused_pending = False
    if all(s.used for s in result.suppressions):
        return []          # nothing to report: skip resolving the file's rules (every kind)
    return unused_suppressions(result.path, result.suppressions, settings.rules_for(result.path),
                               result.line_labels)


def _resolved(path: str) -> str:
    from pathlib import Path     # across documents: not the one-file run's

    try:
        return str(Path(path).resolve())
    except OSError:
        return path
