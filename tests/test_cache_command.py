"""`gwlint cache`: what the user's cache folder holds, and emptying it."""
from __future__ import annotations

import os
import time

from checker.cli.main import main


def _folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "gwlint"
    folder.mkdir()
    (folder / "patterns-aaaa-f10-py311.marshal").write_bytes(b"x" * 2048)
    old = folder / "views-0123.marshal"
    old.write_bytes(b"y" * 1024)
    then = time.time() - 30 * 86400
    os.utime(old, (then, then))
    (folder / "notes.txt").write_text("mine")
    return folder


def test_info_lists_the_stores_by_kind(tmp_path, monkeypatch, capsys):
    _folder(tmp_path, monkeypatch)
    assert main(["cache"]) == 0
    out = capsys.readouterr().out
    assert "patterns-*" in out and "views-*" in out and "notes" not in out


def test_clean_unused_removes_only_what_no_run_used(tmp_path, monkeypatch, capsys):
    folder = _folder(tmp_path, monkeypatch)
    from checker.core import cache_sweep

    monkeypatch.setattr(cache_sweep, "reads_recorded", lambda folder: True)
    assert main(["cache", "clean", "--unused"]) == 0
    assert "1 store removed" in capsys.readouterr().out
    assert not (folder / "views-0123.marshal").exists()
    assert (folder / "patterns-aaaa-f10-py311.marshal").exists()


def test_clean_removes_every_store_and_nothing_else(tmp_path, monkeypatch, capsys):
    folder = _folder(tmp_path, monkeypatch)
    assert main(["cache", "clean"]) == 0
    assert "2 stores removed" in capsys.readouterr().out
    assert (folder / "notes.txt").exists()
    assert not (folder / "patterns-aaaa-f10-py311.marshal").exists()
