"""The language server as an editor drives it (issue 12, item 5), over stdio with pygls'
client: quick fixes that apply, 20 rapid edits of a 100 KB document answered within 1.5 s
of the last while earlier runs are cancelled, and the same configuration rule as the
command line (the document's nearest .gwlint.yaml)."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.helpers import every_rule

ROOT = Path(__file__).resolve().parents[1]
WAIT = 120


class Session:
    def __init__(self) -> None:
        self.client = LanguageClient("gwlint-test", "1")
        self.published: list[tuple[float, types.PublishDiagnosticsParams]] = []
        self.logs: list[str] = []
        self.arrived = asyncio.Condition()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params):
            async with self.arrived:
                self.published.append((time.monotonic(), params))
                self.arrived.notify_all()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        async def on_log(params):
            self.logs.append(params.message)

    async def start(self, cwd: Path, root: Path, env: dict | None = None) -> None:
        await self.client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(cwd), env=env)
        await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            process_id=None, root_uri=root.as_uri(), capabilities=types.ClientCapabilities())), WAIT)
        self.client.initialized(types.InitializedParams())

    async def version(self, uri: str, version: int) -> tuple[float, types.PublishDiagnosticsParams]:
        def found():
            return [(t, p) for t, p in self.published if p.uri == uri and p.version == version]
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: bool(found())), WAIT)
            return found()[0]

    def open(self, uri: str, text: str) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))

    def insert(self, uri: str, version: int, line: int, character: int, text: str) -> None:
        at = types.Position(line=line, character=character)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text=text)]))

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), WAIT)
            self.client.exit(None)
        finally:
            server = self.client._server
            if server is not None and server.returncode is None:
                try:
                    await asyncio.wait_for(server.wait(), 10)
                except TimeoutError:
                    server.kill()
            await self.client.stop()


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        assert e.range.start.line == e.range.end.line
        line = lines[e.range.start.line]
        lines[e.range.start.line] = line[:e.range.start.character] + e.new_text + line[e.range.end.character:]
    return "\n".join(lines)


async def _code_actions(tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    text = "全年培训教师1200人次,覆盖全部学校。\n义务教育巩固率达到96.5％，普惠率为85%，入园率为92%。\n"
    doc.write_text(text, encoding="utf-8")
    s = Session()
    await s.start(tmp_path, tmp_path)
    try:
        uri = doc.as_uri()
        s.open(uri, text)
        _, published = await s.version(uri, 1)
        fixable = [d for d in published.diagnostics if d.data and "fix" in d.data]
        assert {d.code for d in fixable} >= {"punct-halfwidth", "percent-sign-mixed"}
        whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=2, character=0))
        actions = await asyncio.wait_for(s.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=whole,
            context=types.CodeActionContext(diagnostics=fixable))), WAIT)
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert len(quick) == len(fixable)
        comma = next(a for a in quick if a.diagnostics[0].code == "punct-halfwidth")
        fixed = _apply(text, comma.edit.changes[uri])
        assert fixed.split("\n")[0] == "全年培训教师1200人次，覆盖全部学校。"
        [fix_all] = [a for a in actions if a.kind == types.CodeActionKind.SourceFixAll]
        all_fixed = _apply(text, fix_all.edit.changes[uri])
        # the command line's --fix makes the same text
        (tmp_path / "cli.txt").write_text(text, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--fix", "cli.txt"], cwd=tmp_path,
                       capture_output=True)
        assert all_fixed == (tmp_path / "cli.txt").read_text(encoding="utf-8")
    finally:
        await s.stop()


def test_code_actions_offer_and_apply_the_mechanical_fixes(tmp_path):
    asyncio.run(_code_actions(tmp_path))


def _big_document() -> str:
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = seeds
    while len(text.encode("utf-8")) < 100_000:
        text += seeds
    return text.encode("utf-8")[:100_000].decode("utf-8", "ignore").rsplit("\n", 1)[0] + "\n"


def _threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


async def _rapid_edits(tmp_path: Path) -> None:
    doc = tmp_path / "big.txt"
    text = _big_document()
    assert len(text.encode("utf-8")) >= 99_000
    doc.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if len(line) > 40 and i > len(lines) // 2)
    s = Session()
    await s.start(tmp_path, tmp_path)
    try:
        uri = doc.as_uri()
        s.open(uri, text)
        await s.version(uri, 1)
        pid = s.client._server.pid
        threads_before = _threads(pid)
        # one edit, then a pause long enough for the full run to start …
        s.insert(uri, 2, target, 0, "一")
        # … the server says when it begins (a fixed sleep raced a fast machine's full run)
        for _ in range(int(GWLINT_FULL_START / 0.02)):
            if any("started the full run of version 2" in m for m in s.logs):
                break
            await asyncio.sleep(0.02)
        assert any("started the full run of version 2" in m for m in s.logs), s.logs
        # … then 19 more edits, typed fast; the last plants a rate above 100%
        typed = "二三四五六七八九十甲乙丙丁戊己庚辛壬"
        for i, ch in enumerate(typed):
            s.insert(uri, 3 + i, target, 1 + i, ch)
            await asyncio.sleep(0.05)
        planted = "巩固率达到130%，"
        last_version = 3 + len(typed)
        s.insert(uri, last_version, target, 1 + len(typed), planted)
        sent = time.monotonic()
        arrived, published = await s.version(uri, last_version)
        latency = arrived - sent
        assert latency < 1.5, f"diagnostics of the last edit came {latency:.2f} s after it"
        hit = [d for d in published.diagnostics if d.code == "rate-above-100" and d.range.start.line == target]
        assert hit and hit[0].range.start.character == 1 + len(typed) + len("巩固率达到"), published.diagnostics
        for _ in range(100):  # the superseded full run stops at its next rule and says so
            if any("cancelled the full run of version 2" in m for m in s.logs):
                break
            await asyncio.sleep(0.1)
        assert any("cancelled the full run of version 2" in m for m in s.logs), s.logs
        # nothing was checked, let alone published, for the versions typed in between
        assert not [p for _, p in s.published if p.uri == uri and 3 <= (p.version or 0) < last_version]
        # no thread per edit (20 edits here): a constant few may start meanwhile — the two
        # pools' workers and, under load, an executor thread of the stdio loop that is
        # otherwise started before the first count
        assert _threads(pid) <= threads_before + 4
        # the full run that follows agrees with the quick pass on the edited line, and with
        # the command line on the whole document
        await asyncio.sleep(0.1)
        final = text.split("\n")
        final[target] = "一" + typed + planted + final[target]
        (tmp_path / "cli.txt").write_text("\n".join(final), encoding="utf-8")
        cli = json.loads(subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "cli.txt"],
                                        cwd=tmp_path, capture_output=True, text=True).stdout)["violations"]
        async with s.arrived:
            await asyncio.wait_for(s.arrived.wait_for(
                lambda: sum(1 for _, p in s.published if p.uri == uri and p.version == last_version) >= 2), WAIT)
        full = [p for _, p in s.published if p.uri == uri and p.version == last_version][-1]
        assert sorted((d.code, d.range.start.line) for d in full.diagnostics) == \
            sorted((v["rule"], v["line"] - 1) for v in cli)
    finally:
        await s.stop()


GWLINT_FULL_START = 5.0   # at most this long for the server to start a full run (0.12 s + the quick pass + 0.6 s after an edit)


def test_rapid_edits_of_a_100kb_document_are_answered_fast_and_superseded_runs_cancelled(tmp_path):
    asyncio.run(_rapid_edits(tmp_path))


async def _configs(tmp_path: Path) -> None:
    project = tmp_path / "project"
    sub = project / "sub"
    sub.mkdir(parents=True)
    (project / ".gwlint.yaml").write_text("disable: [punctuation]\n", encoding="utf-8")
    (sub / ".gwlint.yaml").write_text("disable: [percent-range]\n", encoding="utf-8")
    text = "义务教育巩固率达到103%,入园率为92%。\n"
    for folder in (project, sub):
        (folder / "doc.txt").write_text(text, encoding="utf-8")
    # the command line, run from the project's root over both documents
    cli = json.loads(subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "doc.txt",
                                     "sub/doc.txt"], cwd=project, capture_output=True, text=True).stdout)
    by_file = {p: sorted(v["rule"] for v in cli["violations"] if v["path"] == p) for p in ("doc.txt", "sub/doc.txt")}
    assert by_file["doc.txt"] == ["rate-above-100"] and by_file["sub/doc.txt"] == ["punct-halfwidth"]
    s = Session()
    await s.start(project, project)
    try:
        for p, folder in (("doc.txt", project), ("sub/doc.txt", sub)):
            uri = (folder / "doc.txt").as_uri()
            s.open(uri, text)
            _, published = await s.version(uri, 1)
            assert sorted(str(d.code) for d in published.diagnostics) == by_file[p]
    finally:
        await s.stop()


def test_the_cli_and_the_server_use_the_documents_nearest_configuration(tmp_path):
    asyncio.run(_configs(tmp_path))


async def _save_sweeps(tmp_path: Path) -> None:
    from checker.core.cache_sweep import DAY, reads_recorded
    from checker.core.paths import SWEEP_STAMP

    cache = tmp_path / "cache" / "gwlint"
    cache.mkdir(parents=True)
    month, yesterday = time.time() - 30 * DAY, time.time() - DAY
    old, recent = cache / "patterns-aaaa-f10-py311.marshal", cache / "patterns-bbbb-f10-py311.marshal"
    for path, then in ((old, month), (recent, yesterday)):
        path.write_bytes(b"x" * 10)
        os.utime(path, (then, then))
    doc = tmp_path / "plan.txt"
    text = "全年培训教师1200人次,覆盖全部学校。\n"
    doc.write_text(text, encoding="utf-8")
    s = Session()
    await s.start(tmp_path, tmp_path, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    try:
        uri = doc.as_uri()
        s.open(uri, text)
        await s.version(uri, 1)
        assert not (cache / SWEEP_STAMP).exists()        # opening a document does not sweep
        s.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        deadline = time.monotonic() + WAIT
        while not ((cache / SWEEP_STAMP).exists() and (cache / SWEEP_STAMP).stat().st_size):
            assert time.monotonic() < deadline, "the save did not sweep the cache folder"
            await asyncio.sleep(0.05)
        probe = tmp_path / "probe"
        probe.mkdir()
        if reads_recorded(probe):                         # on a noatime mount nothing goes by age
            while old.exists():                           # the removals follow the stamp
                assert time.monotonic() < deadline, "the sweep left a month-unused store"
                await asyncio.sleep(0.05)
        assert recent.exists()
    finally:
        await s.stop()


def test_saving_in_the_editor_sweeps_the_user_cache_folder_when_due(tmp_path):
    """Someone who checks only in the editor gets the daily sweep ``gwlint check`` does:
    a save, not an open, sweeps when the stamp is due; a month-unused store goes, a store
    used yesterday stays."""
    asyncio.run(_save_sweeps(tmp_path))


def test_local_kinds_find_per_paragraph_what_they_find_in_the_document():
    """The quick pass trusts LOCAL kinds on the edited paragraphs alone: on the seeds,
    checking each paragraph apart gives each such rule the findings of the whole document."""
    from checker.checks.registry import is_local
    from checker.engine.lint import lint_document
    from checker.model.document import Document
    from checker.sources.read import adapt_text
    from tests.helpers import default_settings

    settings = default_settings()
    local = [r for r in every_rule() if is_local(r)]
    assert len(local) >= 15
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(adapt_text(text, str(path)), settings.lexicon, None)
        whole = {(v.rule, v.line, v.column) for v in lint_document(doc, local, collect=False).violations}
        lines = text.split("\n")
        apart = set()
        for i, line in enumerate(lines):
            if line.strip():
                masked = "\n".join(l if j == i else " " * len(l) for j, l in enumerate(lines))
                one = Document(adapt_text(masked, str(path)), settings.lexicon, doc.structure.kind)
                apart |= {(v.rule, v.line, v.column) for v in lint_document(one, local, collect=False).violations}
        assert whole == apart, (path.name, whole ^ apart)
