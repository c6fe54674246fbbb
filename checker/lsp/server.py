"""The language server: diagnostics and quick fixes for open documents, over stdio (pygls 2).

A document is checked in full when it is opened or saved; a save also sweeps the user's
cache folder when its daily sweep is due (``checker.core.paths.sweep_cache_when_due``).  Edits are debounced: after a
short pause the edited paragraphs alone are re-checked by the kinds whose findings depend
on their paragraph only (``LOCAL``), every other diagnostic moving with the text, and the
result is published at once; after a longer pause a full run settles everything.  Full
runs happen in a process of their own, one at a time; a newer edit cancels the one under
way (it stops between rules and says so in the log).  Closing a document clears its
diagnostics.

Diagnostics with a mechanical fix carry it; code actions offer each as a quick fix and
all of a document's as a fix-all source action, the same edits ``--fix`` makes.

The rules are those of the ``.gwlint.yaml`` nearest to the document — the very rule the
command line follows (``SettingsResolver``); a configuration is re-read when its file
changes.  A broken configuration is shown as one diagnostic on the first line instead of
stopping the server.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from checker.engine.lint import Cancelled
from checker.engine.runner import corpus_violations, lint_source
from checker.engine.settings import Settings
from checker.engine.violation import Violation
from checker.core.errors import ConfigError
from checker.sources.read import adapt_text, format_for
from checker.sources.source import normalise_line_ends

SOURCE = "gwlint"
DEBOUNCE_SECONDS = 0.3
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
log = logging.getLogger(__name__)


def uri_to_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


class SettingsCache:
    """Settings per document: the `.gwlint.yaml` nearest to it — the very rule the command
    line follows (``checker.engine.settings.SettingsResolver``)."""

    def __init__(self) -> None:
        from checker.engine.settings import SettingsResolver

        self.resolver = SettingsResolver()

    def for_folder(self, folder: Path) -> Settings:
        return self.resolver.for_folder(folder)


def _column_units(line: str, column: int, encoding) -> int:
    """An LSP character offset for a 1-based code-point column of ``line``."""
    prefix = line[:max(0, column - 1)]
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


def to_diagnostic(v: Violation, lines: list[str], encoding) -> types.Diagnostic:
    def position(line: int, column: int) -> types.Position:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return types.Position(line=max(0, line - 1), character=_column_units(text, column, encoding))

    return types.Diagnostic(
        range=types.Range(start=position(v.line, v.column), end=position(v.end_line, v.end_column)),
        message=v.message,
        severity=SEVERITIES.get(v.severity, types.DiagnosticSeverity.Warning),
        code=v.rule,
        source=SOURCE,
        data={"category": v.category},
    )


@dataclass
class Item:
    """A published violation with its offsets in the normalised buffer text (and its fix's)."""

    v: Violation
    start: int
    end: int
    fix: tuple[int, int, str] | None = None


@dataclass
class Linted:
    """What the diagnostics of a document version were computed from."""

    version: int
    text: str                      # the buffer, line ends normalised
    items: list[Item]
    kind: str | None = None        # the document kind of the last full run
    settings: object = None
    errors: list[str] = field(default_factory=list)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def _offset(starts: list[int], text_len: int, line: int, column: int) -> int:
    line = max(1, min(line, len(starts)))
    return min(starts[line - 1] + column - 1, text_len)


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _items(violations: list[Violation], original: str, text: str) -> list[Item]:
    starts = _line_starts(text)
    out = []
    for v in violations:
        start = _offset(starts, len(text), v.line, v.column)
        end = max(start, _offset(starts, len(text), v.end_line, v.end_column))
        fix = None
        if v.fix is not None:
            # Fix offsets count the original's line ends; each CRLF is one character less here.
            shift_a = original.count("\r\n", 0, v.fix.start)
            shift_b = original.count("\r\n", 0, v.fix.end)
            fix = (v.fix.start - shift_a, v.fix.end - shift_b, v.fix.replacement)
        out.append(Item(v, start, end, fix))
    return out


def _moved(item: Item, delta: int, starts: list[int]) -> Item:
    start, end = item.start + delta, item.end + delta
    line, column = _line_col(starts, start)
    end_line, end_column = _line_col(starts, end)
    v = replace(item.v, line=line, column=column, end_line=end_line, end_column=end_column)
    fix = (item.fix[0] + delta, item.fix[1] + delta, item.fix[2]) if item.fix else None
    return Item(v, start, end, fix)


def changed_region(old: str, new: str) -> tuple[int, int, int]:
    """``(a, old_end, new_end)``: ``old[a:old_end]`` became ``new[a:new_end]``; the rest is equal."""
    limit = min(len(old), len(new))
    a = 0
    while a < limit and old[a] == new[a]:
        a += 1
    b = 0
    while b < limit - a and old[len(old) - 1 - b] == new[len(new) - 1 - b]:
        b += 1
    return a, len(old) - b, len(new) - b


def _affected(text: str, a: int, end: int, fmt: str) -> tuple[int, int]:
    """The paragraphs an edit of ``text[a:end]`` touches: whole lines, whole blocks in Markdown."""
    sep = "\n\n" if fmt == "markdown" else "\n"
    start = text.rfind(sep, 0, a)
    start = 0 if start < 0 else start + len(sep)
    stop = text.find(sep, end)
    return start, len(text) if stop < 0 else stop


def _config_error(exc: Exception) -> list[types.Diagnostic]:
    return [types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        message=f"gwlint configuration error: {exc}", severity=types.DiagnosticSeverity.Error,
        code="config-error", source=SOURCE)]


def _settings_for(uri: str, cache: SettingsCache):
    path = uri_to_path(uri)
    folder = path.parent if path else Path.cwd()
    return cache.for_folder(folder), (str(path) if path else uri), (format_for(str(path)) if path else "text")


def full_lint(text: str, uri: str, cache: SettingsCache, version: int, cancelled=None) -> Linted | list:
    """Every rule over the whole buffer; a list of diagnostics instead for a broken configuration."""
    try:
        settings, name, fmt = _settings_for(uri, cache)
    except ConfigError as exc:
        return _config_error(exc)
    norm = normalise_line_ends(text)
    if fmt == "docx":  # an editor's text buffer of a Word file is not the document
        return Linted(version, norm, [], settings=settings)
    source = adapt_text(text, name, fmt)
    has_reference = bool(settings.config.duplicates.reference)
    result = lint_source(source, settings, collect=has_reference, cancelled=cancelled)
    if has_reference:  # compare the open buffer with the repository's reference documents
        result.violations.extend(corpus_violations([result], settings))
    items = _items(sorted(result.violations, key=Violation.sort_key), text, norm)
    return Linted(version, norm, items, kind=result.kind, settings=settings, errors=list(result.errors))


def quick_lint(base: Linted, text: str, uri: str, cache: SettingsCache, version: int) -> Linted | None:
    """The diagnostics of ``text`` from those of ``base`` and a check of the edited paragraphs
    only: the kinds whose findings depend on their paragraph alone (``LOCAL``) re-check
    them; every other diagnostic keeps its place, moved by the edit (the full run that
    follows settles them).  None when the edit is too large for that to pay."""
    from checker.checks.registry import is_local

    try:
        settings, name, fmt = _settings_for(uri, cache)
    except ConfigError:
        return None
    if settings is not base.settings or fmt == "docx":
        return None
    norm = normalise_line_ends(text)
    a, old_end, new_end = changed_region(base.text, norm)
    start, stop = _affected(norm, a, new_end, fmt)
    if (stop - start) > max(20_000, len(norm) // 4):
        return None
    delta = new_end - old_end
    starts = _line_starts(norm)
    local_ids = {r.id for r in settings.rules if is_local(r)}
    kept: list[Item] = []
    for item in base.items:
        if item.end <= a and not (item.end == a and item.start == a):
            moved = item
        elif item.start >= old_end:
            moved = _moved(item, delta, starts)
        else:
            continue                          # the edited characters themselves
        if moved.v.rule in local_ids and moved.start < stop and moved.end > start:
            continue                          # re-checked below
        kept.append(moved)
    source = adapt_text(text, name, fmt)
    source.text = "".join(ch if (start <= i < stop or ch == "\n") else " " for i, ch in enumerate(source.text))
    rules = [r for r in settings.rules_for(name) if r.id in local_ids]
    result = lint_source(source, settings, collect=False, rules=rules, kind=base.kind)
    fresh = [i for i in _items(result.violations, text, norm) if i.start < stop and i.end > start]
    items = sorted(kept + fresh, key=lambda i: Violation.sort_key(i.v))
    return Linted(version, norm, items, kind=base.kind, settings=settings, errors=list(result.errors))


CANCELLED = "gwlint: cancelled"   # what a superseded full run returns (a string: it crosses processes)


def _full_worker(conn, generation) -> None:
    """The full runs' process: lints what it is sent until it is sent None.  A run stops
    between rules once ``generation`` moves past the one it was started with."""
    cache = SettingsCache()
    while True:
        job = conn.recv()
        if job is None:
            return
        text, uri, version, started = job
        try:
            result = full_lint(text, uri, cache, version, lambda: generation.value != started)
            if isinstance(result, Linted):
                result.settings = None   # the server resolves its own
        except Cancelled:
            result = CANCELLED
        except Exception as exc:  # never leave the server waiting
            result = [types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                message=f"gwlint: internal error: {type(exc).__name__}: {exc}",
                severity=types.DiagnosticSeverity.Error, code="internal-error", source=SOURCE)]
        conn.send(result)


class FullRunner:
    """Full runs in a process of their own: a long rule (a regular expression over 100 KB,
    the segmenter) holds the interpreter lock, and in a thread it would keep the server
    from reading the next edit.  One run at a time; ``cancel`` stops the one under way."""

    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.generation = context.Value("q", 0, lock=False)
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_full_worker, args=(child, self.generation), daemon=True,
                                       name="gwlint-full")
        self.process.start()
        self.lock = threading.Lock()

    def run(self, text: str, uri: str, version: int):
        with self.lock:
            self.conn.send((text, uri, version, self.generation.value))
            return self.conn.recv()

    def cancel(self) -> None:
        self.generation.value += 1


def _diagnostics(linted: Linted, encoding) -> list[types.Diagnostic]:
    lines = linted.text.split("\n")
    out = []
    for item in linted.items:
        d = to_diagnostic(item.v, lines, encoding)
        if item.fix is not None:
            starts = _line_starts(linted.text)
            (l1, c1), (l2, c2) = _line_col(starts, item.fix[0]), _line_col(starts, item.fix[1])
            rng = types.Range(start=_position(lines, l1, c1, encoding), end=_position(lines, l2, c2, encoding))
            d.data = {**(d.data or {}), "fix": {"range": {"start": {"line": rng.start.line, "character": rng.start.character},
                                                          "end": {"line": rng.end.line, "character": rng.end.character}},
                                                "newText": item.fix[2]}}
        out.append(d)
    for err in linted.errors:
        out.append(types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=err, severity=types.DiagnosticSeverity.Error, code="internal-error", source=SOURCE))
    return out


def _position(lines: list[str], line: int, column: int, encoding) -> types.Position:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return types.Position(line=max(0, line - 1), character=_column_units(text, column, encoding))


def diagnostics_for(text: str, uri: str, cache: SettingsCache, encoding=None) -> list[types.Diagnostic]:
    """All diagnostics of a buffer, in one full run (kept for embedders and tests)."""
    linted = full_lint(text, uri, cache, 0)
    return linted if isinstance(linted, list) else _diagnostics(linted, encoding)


class GwlintServer(LanguageServer):
    """Edits are debounced; after a pause the edited paragraphs are re-checked at once by
    the paragraph-local kinds (the quick pass), and after a longer pause a full run
    settles everything.  A newer edit cancels the full run under way (it stops between
    rules) and any pass not yet started, so at most one full run and one quick pass run
    at a time, each on its own thread."""

    QUICK_DELAY = 0.12    # seconds of quiet before the quick pass
    FULL_DELAY = 0.6      # seconds of quiet before the full run

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from checker.core.version import tool_version

        super().__init__("gwlint", tool_version(), text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.cache = SettingsCache()
        self.pending: dict[str, asyncio.Task] = {}
        self.linted: dict[str, Linted] = {}
        self.running: dict[str, threading.Event] = {}
        self.full_pool = ThreadPoolExecutor(1, thread_name_prefix="gwlint-full")   # waits on the runner
        self._runner: FullRunner | None = None
        self.quick_pool = ThreadPoolExecutor(1, thread_name_prefix="gwlint-quick")
        self.cancelled_runs = 0

    def _document(self, uri: str):
        return self.workspace.text_documents.get(unquote(uri))

    def _publish(self, uri: str, linted: Linted | list) -> None:
        if isinstance(linted, list):  # a configuration error
            self.linted.pop(uri, None)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=linted))
            return
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=linted.version, diagnostics=_diagnostics(linted, self.workspace.position_encoding)))

    @property
    def runner(self) -> FullRunner:
        if self._runner is None:
            self._runner = FullRunner()
        return self._runner

    def sweep_when_due(self) -> None:
        """Sweep the user's cache folder of unused stores at most once a day, as ``gwlint
        check`` does after its report: someone who only ever checks in the editor would
        otherwise keep every old store an upgrade or a new environment left there.  Between
        sweeps this is one ``stat``; a due sweep (a few milliseconds, some file removals)
        runs in a thread of its own so that no message waits for it."""
        from checker.core.paths import sweep_cache_when_due

        threading.Thread(target=sweep_cache_when_due, name="gwlint-sweep", daemon=True).start()

    def cancel_running(self, uri: str) -> None:
        event = self.running.get(uri)
        if event is not None and not event.is_set():
            event.set()
            self.runner.cancel()

    async def full(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self._document(uri)
        if document is None:
            return
        version, text = document.version, document.source
        self.cancel_running(uri)
        stop = threading.Event()
        self.running[uri] = stop
        loop = asyncio.get_running_loop()
        job = self.full_pool.submit(self.runner.run, text, uri, version)
        # said in the client's log, so an editor's trace (and the tests) can see when a run begins
        self.window_log_message(types.LogMessageParams(
            type=types.MessageType.Log, message=f"gwlint: started the full run of version {version}"))

        def finished(version=version) -> None:
            if self.running.get(uri) is stop:
                self.running.pop(uri, None)
            if job.exception() is None and job.result() == CANCELLED:
                self.cancelled_runs += 1
                self.window_log_message(types.LogMessageParams(
                    type=types.MessageType.Log, message=f"gwlint: cancelled the full run of version {version}"))

        # on the loop's thread, also when this task was cancelled while it waited
        job.add_done_callback(lambda _: loop.call_soon_threadsafe(finished))
        future = asyncio.wrap_future(job)
        linted = await future
        if linted == CANCELLED:
            return
        if isinstance(linted, Linted):
            try:
                linted.settings = _settings_for(uri, self.cache)[0]
            except ConfigError:
                pass
        current = self._document(uri)
        if current is None or current.version != version:
            return  # closed or changed meanwhile; a newer check is on its way
        self._publish(uri, linted)

    async def quick(self, uri: str) -> None:
        await asyncio.sleep(self.QUICK_DELAY)
        document = self._document(uri)
        base = self.linted.get(uri)
        if document is None:
            return
        if base is not None:
            version, text = document.version, document.source
            loop = asyncio.get_running_loop()
            linted = await loop.run_in_executor(self.quick_pool, quick_lint, base, text, uri, self.cache, version)
            current = self._document(uri)
            if current is None or current.version != version:
                return
            if linted is not None:
                self._publish(uri, linted)
                await self.full(uri, self.FULL_DELAY)
                return
        await self.full(uri)

    def schedule(self, uri: str, delay: float | None = None, quick: bool = False) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.cancel_running(uri)
        task = asyncio.ensure_future(self.quick(uri) if quick else self.full(uri, delay or 0.0))
        self.pending[uri] = task
        task.add_done_callback(lambda t, u=uri: self.pending.pop(u, None) if self.pending.get(u) is t else None)


server = GwlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: GwlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.linted.pop(params.text_document.uri, None)
    ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: GwlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, quick=True)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: GwlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0.0)
    ls.sweep_when_due()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: GwlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.cancel_running(uri)
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix,
                                                           types.CodeActionKind.SourceFixAll]))
def code_action(ls: GwlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """The mechanical fixes of ``--fix`` as quick fixes of their diagnostics, and all of the
    document's at once as a fix-all source action."""
    uri = params.text_document.uri
    actions: list[types.CodeAction] = []
    wanted = params.context.only
    if not wanted or types.CodeActionKind.QuickFix in wanted:
        for d in params.context.diagnostics:
            fix = (d.data or {}).get("fix") if isinstance(d.data, dict) else None
            if d.source != SOURCE or not fix:
                continue
            edit = types.TextEdit(range=_range(fix["range"]), new_text=fix["newText"])
            actions.append(types.CodeAction(
                title=f"gwlint: {d.code}: replace with “{fix['newText']}”", kind=types.CodeActionKind.QuickFix,
                diagnostics=[d], is_preferred=True, edit=types.WorkspaceEdit(changes={uri: [edit]})))
    linted = ls.linted.get(uri)
    if linted is not None and (not wanted or any(k.startswith(types.CodeActionKind.SourceFixAll) for k in wanted)):
        edits = _fix_all_edits(linted, ls.workspace.position_encoding)
        if edits:
            actions.append(types.CodeAction(title="gwlint: fix all mechanical problems",
                                            kind=types.CodeActionKind.SourceFixAll,
                                            edit=types.WorkspaceEdit(changes={uri: edits})))
    return actions


def _range(data: dict) -> types.Range:
    return types.Range(start=types.Position(**data["start"]), end=types.Position(**data["end"]))


def _fix_all_edits(linted: Linted, encoding) -> list[types.TextEdit]:
    """Non-overlapping edits of every fix (the first of overlapping ones, as --fix does)."""
    lines = linted.text.split("\n")
    starts = _line_starts(linted.text)
    edits, limit = [], -1
    for fix in sorted({i.fix for i in linted.items if i.fix}, key=lambda f: (f[0], f[1])):
        if fix[0] < limit or linted.text[fix[0]:fix[1]] == fix[2]:
            continue
        (l1, c1), (l2, c2) = _line_col(starts, fix[0]), _line_col(starts, fix[1])
        edits.append(types.TextEdit(range=types.Range(start=_position(lines, l1, c1, encoding),
                                                      end=_position(lines, l2, c2, encoding)), new_text=fix[2]))
        limit = fix[1]
    return edits


def serve() -> int:
    server.start_io()
    return 0
