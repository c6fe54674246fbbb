"""The language server: diagnostics for open documents, over stdio (pygls 2).

A document is checked when it is opened, shortly after each change (changes arriving
within a short pause are checked once), and when it is saved; closing it clears its
diagnostics.  The rules are those of the ``.gwlint.yaml`` found by walking up from the
document's folder, as the command line would find them; a configuration is re-read
when its file changes.  A broken configuration is shown as one diagnostic on the first
line instead of stopping the server.
"""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from checker.engine.runner import corpus_violations, lint_source
from checker.engine.settings import Settings, build_settings
from checker.engine.violation import Violation
from checker.core.errors import ConfigError
from checker.sources.read import adapt_text, format_for

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
    """Settings per configuration file, rebuilt when that file's mtime changes."""

    def __init__(self) -> None:
        self._by_config: dict[str | None, tuple[float | None, Settings]] = {}

    def for_folder(self, folder: Path) -> Settings:
        from checker.config.loader import find_config

        config = find_config(folder)
        key = str(config) if config else None
        mtime = config.stat().st_mtime if config else None
        cached = self._by_config.get(key)
        if cached and cached[0] == mtime:
            return cached[1]
        settings = build_settings(config_file=key, no_config=config is None, cwd=folder)
        self._by_config[key] = (mtime, settings)
        return settings


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


def diagnostics_for(text: str, uri: str, cache: SettingsCache, encoding=None) -> list[types.Diagnostic]:
    path = uri_to_path(uri)
    folder = path.parent if path else Path.cwd()
    name = str(path) if path else uri
    try:
        settings = cache.for_folder(folder)
    except ConfigError as exc:
        return [types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=f"gwlint configuration error: {exc}", severity=types.DiagnosticSeverity.Error,
            code="config-error", source=SOURCE)]
    fmt = format_for(name) if path else "text"
    if fmt == "docx":  # an editor's text buffer of a Word file is not the document
        return []
    source = adapt_text(text, name, fmt)
    has_reference = bool(settings.config.duplicates.reference)
    result = lint_source(source, settings, collect=has_reference)
    if has_reference:  # compare the open buffer with the repository's reference documents
        result.violations.extend(corpus_violations([result], settings))
    lines = source.text.split("\n")
    out = [to_diagnostic(v, lines, encoding) for v in sorted(result.violations, key=Violation.sort_key)]
    for err in result.errors:
        out.append(types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=err, severity=types.DiagnosticSeverity.Error, code="internal-error", source=SOURCE))
    return out


class GwlintServer(LanguageServer):
    def __init__(self) -> None:
        from checker.core.version import tool_version

        super().__init__("gwlint", tool_version(), text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.cache = SettingsCache()
        self.pending: dict[str, asyncio.Task] = {}

    async def publish(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(unquote(uri))
        if document is None:  # closed before its check ran
            return
        version = document.version
        text = document.source
        encoding = self.workspace.position_encoding
        loop = asyncio.get_running_loop()
        diagnostics = await loop.run_in_executor(None, diagnostics_for, text, uri, self.cache, encoding)
        current = self.workspace.text_documents.get(unquote(uri))
        if current is None or current.version != version:
            return  # closed or changed meanwhile; a newer check is on its way
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.ensure_future(self.publish(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda t, u=uri: self.pending.pop(u, None) if self.pending.get(u) is t else None)


server = GwlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: GwlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: GwlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: GwlintServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: GwlintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def serve() -> int:
    server.start_io()
    return 0
