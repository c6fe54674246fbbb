"""A folder that cannot be read is named in the report, not left out in silence.

The walk dropped a folder it could not list (no permission, or the listing failed part
way): its documents were never checked, the run said "No problems found" and exited 0.
Now it is one line in ``errors`` (``not checked: a folder that cannot be read (…)``), an
input that could not be checked, exit 2 — as a FIFO found by a walk is.  Root reads any
folder, so the real permission test runs only as another user; the others make the
listing fail where the walk asks for it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checker.cli.main import main
from checker.sources import walk as walk_module
from checker.sources.discover import discover

TEXT = "全市义务教育巩固率达到103%。\n"
MESSAGE = ("not checked: a folder that cannot be read (Permission denied); "
           "the documents in it were not looked for")


@pytest.fixture()
def tree(tmp_path):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def locked_listing(monkeypatch):
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(os.path.normpath(str(path))) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(walk_module.os, "scandir", scandir)


def test_discover_names_the_folder_it_could_not_read(tree, locked_listing):
    skipped: list = []
    found = discover([str(tree)], skipped=skipped)
    assert found == [os.path.join(str(tree), "open", "a.txt")]
    assert [(os.path.basename(p), walk_module.skipped_message(k)) for p, k in skipped] == [("locked", MESSAGE)]


def test_the_report_lists_it_and_the_run_exits_2(tree, locked_listing, monkeypatch, capsys):
    monkeypatch.chdir(tree)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tree / "xdg"))
    assert main(["check", "--no-config", "--no-cache", "--format", "json", "."]) == 2
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["errors"] == [{"path": "locked", "message": MESSAGE}]
    assert [v["path"] for v in data["violations"]] == ["open/a.txt"]
    assert err.splitlines() == [f"gwlint: locked: {MESSAGE}"]


def test_a_named_folder_that_cannot_be_read(tree, locked_listing, monkeypatch, capsys):
    monkeypatch.chdir(tree)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tree / "xdg"))
    assert main(["check", "--no-config", "--no-cache", "--format", "text", "locked"]) == 2
    out, _ = capsys.readouterr()
    assert out.strip().endswith("No problems found in 0 files; 1 input could not be checked.")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_read_permission(tree):
    os.chmod(tree / "locked", 0)
    try:
        proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "json", "."],
                              cwd=tree, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "XDG_CACHE_HOME": str(tree / "xdg")})
    finally:
        os.chmod(tree / "locked", 0o755)
    assert proc.returncode == 2, proc.stderr
    assert json.loads(proc.stdout)["errors"] == [{"path": "locked", "message": MESSAGE}]
