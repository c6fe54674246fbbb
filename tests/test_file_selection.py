"""Which files a run checks: gitignore semantics for include/exclude, .gitignore honoured
by default (as git and ruff do).  Driven through the command line in a real git repository."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GWLINT = [sys.executable, "-m", "checker"]
BAD = "义务教育巩固率达到103%。\n"


def make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAD, encoding="utf-8")


def checked(cwd: Path, *args: str) -> set[str]:
    proc = subprocess.run([*GWLINT, "check", "--format", "json", "--select", "rate-above-100", *args], cwd=cwd,
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return {Path(v["path"]).as_posix() for v in json.loads(proc.stdout)["violations"]}


@pytest.fixture()
def repo(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    make(tmp_path, "top.txt", "archive/old.txt", "docs/archive/kept.txt", "build/out.txt", "docs/build/out.txt",
         "docs/plan.md", "scratch/note.txt", "docs/drafts/a.txt", "docs/drafts/keep.txt", "local/mine.txt")
    return tmp_path


def test_exclude_patterns_mean_what_they_mean_in_gitignore(repo):
    (repo / ".gwlint.yaml").write_text('exclude: ["archive/**", "build/"]\n', encoding="utf-8")
    found = checked(repo, ".")
    assert "archive/old.txt" not in found                 # anchored: the top-level folder
    assert "docs/archive/kept.txt" in found               # … not one at any depth
    assert not {"build/out.txt", "docs/build/out.txt"} & found   # a folder pattern matches at any depth


def test_gitignore_files_are_honoured_by_default_and_can_be_turned_off(repo):
    (repo / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    (repo / "docs" / ".gitignore").write_text("drafts/*\n!drafts/keep.txt\n", encoding="utf-8")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("local/\n", encoding="utf-8")
    found = checked(repo, ".")
    assert {"top.txt", "docs/plan.md", "docs/drafts/keep.txt", "archive/old.txt"} <= found
    assert not {"scratch/note.txt", "docs/drafts/a.txt", "local/mine.txt"} & found
    # a sub-folder run still obeys the .gitignore files above it
    assert checked(repo / "docs", ".") == {"plan.md", "drafts/keep.txt", "archive/kept.txt", "build/out.txt"}
    # a file named on the command line is checked even when git ignores it
    assert checked(repo, "scratch/note.txt") == {"scratch/note.txt"}
    every = checked(repo, "--no-respect-gitignore", ".")
    assert {"scratch/note.txt", "docs/drafts/a.txt", "local/mine.txt"} <= every
    (repo / ".gwlint.yaml").write_text("respect_gitignore: false\n", encoding="utf-8")
    assert checked(repo, ".") == every


def test_a_rules_ignore_and_kinds_use_the_same_semantics(repo):
    (repo / ".gwlint.yaml").write_text(
        'rules:\n  rate-above-100: {ignore: ["archive/**", "build/"]}\n', encoding="utf-8")
    found = checked(repo, "--no-respect-gitignore", ".")
    assert "archive/old.txt" not in found and "docs/archive/kept.txt" in found
    assert not {"build/out.txt", "docs/build/out.txt"} & found
