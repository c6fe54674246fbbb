"""A symlink that points at itself in a checked folder (a broken link left by a script) is
one unreadable input, not the end of the run: the comparison's order of documents asked
``Path.resolve`` for it, which raises RuntimeError on a loop (Python 3.11-3.12), and the
whole run ended in "internal error", every other file's report lost."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_symlink_loop_costs_the_other_files_nothing(tmp_path, jobs):
    (tmp_path / "a.txt").write_text("义务教育巩固率达到103%。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("全市各单位要加强管理。\n", encoding="utf-8")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    done = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--no-cache", "--format", "json",
                           "--jobs", jobs, "."], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert "internal error" not in done.stderr, done.stderr
    data = json.loads(done.stdout)
    assert ("a.txt", "rate-above-100") in {(v["path"], v["rule"]) for v in data["violations"]}
    assert [e["path"] for e in data["errors"]] == ["loop.txt"]
