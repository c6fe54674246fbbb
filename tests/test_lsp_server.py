"""`gwlint lsp`: a real LSP client session over stdio with the server as a subprocess."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "tests" / "fixtures" / "rules"
WAIT = 120  # seconds before a missing notification fails the test instead of hanging it


class _Session:
    """Collects publishDiagnostics per URI and lets the test wait for the next one."""

    def __init__(self) -> None:
        self.client = LanguageClient("gwlint-test", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Condition()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            async with self.arrived:
                self.published.setdefault(params.uri, []).append(params)
                self.arrived.notify_all()

    async def next_for(self, uri: str, seen: int) -> types.PublishDiagnosticsParams:
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: len(self.published.get(uri, [])) > seen), WAIT)
            return self.published[uri][seen]

    def count(self, uri: str) -> int:
        return len(self.published.get(uri, []))


def _ours(params: types.PublishDiagnosticsParams) -> list[types.Diagnostic]:
    return [d for d in params.diagnostics if str(d.code).startswith(("fx-", "config-"))]


async def _session(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / ".gwlint.yaml").write_text(f"packs: ['{PACK.as_posix()}']\n", encoding="utf-8")
    doc = project / "docs" / "plan.txt"
    text = "2023年工作计划\n𠀀义务教育巩固率达到103%。\n"
    doc.write_text(text, encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".gwlint.yaml").write_text("no_such_setting: 1\n", encoding="utf-8")

    s = _Session()
    await s.client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(tmp_path))
    try:
        result = await asyncio.wait_for(s.client.initialize_async(types.InitializeParams(
            process_id=None, root_uri=project.as_uri(), capabilities=types.ClientCapabilities())), WAIT)
        assert result.server_info.name == "gwlint"
        s.client.initialized(types.InitializedParams())

        uri = doc.as_uri()
        s.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        opened = await s.next_for(uri, 0)
        [diag] = _ours(opened)
        assert diag.code == "fx-rate-above-100"
        assert diag.source == "gwlint"
        assert diag.severity == types.DiagnosticSeverity.Error
        assert "103%" in diag.message
        # line 2 (0-based 1); 𠀀 is two UTF-16 code units, so 103% starts at unit 11
        assert (diag.range.start.line, diag.range.start.character) == (1, 11)
        assert (diag.range.end.line, diag.range.end.character) == (1, 15)

        # an edit that fixes the figure clears the diagnostic
        s.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=1, character=11), end=types.Position(line=1, character=14)),
                text="98")]))
        changed = await s.next_for(uri, 1)
        assert changed.version == 2 and _ours(changed) == []

        # and one that plants a new violation brings it back
        s.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="高中净入学率为120%。\n")]))
        again = await s.next_for(uri, 2)
        assert [(d.code, d.range.start.line, d.range.start.character) for d in _ours(again)] == \
            [("fx-rate-above-100", 0, 7)]

        s.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        closed = await s.next_for(uri, 3)
        assert list(closed.diagnostics) == []

        # a broken configuration is shown, not fatal
        bad_uri = (broken / "a.md").as_uri()
        s.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=bad_uri, language_id="markdown", version=1, text="正文\n")))
        [config_error] = _ours(await s.next_for(bad_uri, 0))
        assert config_error.code == "config-error" and "no_such_setting" in config_error.message

        await asyncio.wait_for(s.client.shutdown_async(None), WAIT)
        s.client.exit(None)
    finally:
        server = s.client._server  # a failed assertion must not leave the server running
        if server is not None and server.returncode is None:
            try:
                await asyncio.wait_for(server.wait(), 10)
            except TimeoutError:
                server.kill()
        await s.client.stop()


def test_language_server_publishes_and_clears_diagnostics(tmp_path):
    asyncio.run(_session(tmp_path))
