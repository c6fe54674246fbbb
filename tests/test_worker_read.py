"""A worker that drops each source once checked does not hash its bytes (only --fix
reads the digest); one that keeps the sources does, and the findings are the same."""
import hashlib

import pytest

from checker.engine import runner
from checker.engine.settings import build_settings
import checker.sources.write as write


@pytest.fixture
def document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text("关于做好年度工作的通知\n\n各单位：\n  请于本月底前报送材料,逾期不候。\n", encoding="utf-8")
    return str(path)


def _as_worker(monkeypatch, keep: bool):
    monkeypatch.setattr(runner, "_WORKER_SETTINGS", build_settings())
    monkeypatch.setattr(runner, "_WORKER_KEEPS_SOURCES", keep)


def test_a_worker_that_drops_sources_makes_no_digest(document, monkeypatch):
    calls = []
    real = write.digest_of
    monkeypatch.setattr(write, "digest_of", lambda data: calls.append(1) or real(data))
    _as_worker(monkeypatch, keep=False)
    dropped = runner._lint_in_worker(document)
    assert calls == [] and dropped.source is None
    _as_worker(monkeypatch, keep=True)
    kept = runner._lint_in_worker(document)
    assert calls == [1]
    with open(document, "rb") as fh:
        assert kept.source.digest == hashlib.sha256(fh.read()).hexdigest()
    assert [v.to_json() for v in dropped.violations] == [v.to_json() for v in kept.violations]
    assert dropped.violations          # the text has findings to compare
