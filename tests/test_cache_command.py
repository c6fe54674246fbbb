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


def _results(tmp_path):
    """A project's results cache: a fingerprint a month unused, one in use with an entry of
    a file edited since, unused for a month."""
    root = tmp_path / "project" / ".gwlint_cache"
    then = time.time() - 30 * 86400
    for name in ("results-" + "a" * 32, "results-" + "b" * 32):
        (root / name).mkdir(parents=True)
        (root / name / "report-0.txt").write_text("x")
    stale = root / ("results-" + "b" * 32) / ("1" * 40 + ".json")
    stale.write_text('{"format": 1, "path": "gone.txt"}')
    for path in (root / ("results-" + "a" * 32) / "report-0.txt", root / ("results-" + "a" * 32), stale):
        os.utime(path, (then, then))
    return root


def test_clean_results_unused_prunes_a_projects_results_cache(tmp_path, monkeypatch, capsys):
    from checker.engine import results_prune

    monkeypatch.setattr(results_prune, "reads_recorded", lambda folder: True)
    root = _results(tmp_path)
    monkeypatch.chdir(root.parent)
    assert main(["cache", "info", "--results"]) == 0
    assert "results-" + "a" * 32 in capsys.readouterr().out
    assert main(["cache", "clean", "--unused", "--results"]) == 0
    assert "1 fingerprint folder and 1 entry file removed" in capsys.readouterr().out
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("results-")) == ["results-" + "b" * 32]


def test_clean_results_removes_every_fingerprint(tmp_path, monkeypatch, capsys):
    root = _results(tmp_path)
    assert main(["cache", "clean", "--results", str(root.parent)]) == 0
    assert "2 fingerprint folders and 0 entry files removed" in capsys.readouterr().out
    assert not any(p.name.startswith("results-") for p in root.iterdir())


def test_the_cache_command_keeps_no_store_of_its_own(tmp_path):
    """`gwlint cache info` on a folder that does not exist leaves none behind, and `gwlint
    cache clean` leaves no store (before, the command wrote its own start-up stores: the
    modules, the compiled expressions, the dataclasses' code)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "import sys\nsys.argv = ['gwlint', *sys.argv[1:]]\nfrom checker.cli.entry import run\nrun()\n"
    subprocess.run([sys.executable, "-c", code, "cache", "info"], env=env, capture_output=True, check=True)
    assert not (tmp_path / "gwlint").exists()
    (tmp_path / "doc.txt").write_text("全年完成投资12亿元。\n", encoding="utf-8")
    subprocess.run([sys.executable, "-c", code, "check", "--no-config", "--no-cache", str(tmp_path / "doc.txt")],
                   env=env, capture_output=True)
    assert any(p.name.startswith("modules-") for p in (tmp_path / "gwlint").iterdir())
    subprocess.run([sys.executable, "-c", code, "cache", "clean"], env=env, capture_output=True, check=True)
    assert not [p.name for p in (tmp_path / "gwlint").iterdir() if p.suffix == ".marshal"]
