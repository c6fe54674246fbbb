"""`.pre-commit-hooks.yaml`: `pre-commit try-repo` runs the hook from a copy of this repository.

pre-commit installs gwlint into its own environment with pip (from the package index),
so these tests take minutes: they are marked slow, skipped by a plain `pytest` and run by
CI (`pytest -m "slow or not slow"`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from tests.precommit_corpus import PLANTED, write_all

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "tests" / "fixtures" / "rules"
_SKIP = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", "*.egg-info", ".pytest_cache",
                               ".hypothesis", ".gwlint_cache", "artifacts", "build", "dist", ".scratch")
_GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pre_commit"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **_GIT_ENV})


def test_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "gwlint" and hook["entry"] == "gwlint check" and hook["language"] == "python"
    import re

    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ("a.txt", "docs/计划.md", "b.docx"))
    assert not any(pattern.search(n) for n in ("a.py", "a.docx.bak", "README"))
    # pre-commit must not split the files over parallel processes: cross-file checks
    # need them all in one run
    assert hook["require_serial"] is True


@pytest.mark.slow
def test_try_repo_passes_a_good_file_and_fails_a_bad_one(tmp_path):
    hook_repo = tmp_path / "gwlint"
    shutil.copytree(ROOT, hook_repo, ignore=_SKIP)
    _git(hook_repo, "init", "-q")
    _git(hook_repo, "add", "-A")
    _git(hook_repo, "commit", "-q", "-m", "snapshot for try-repo")

    work = tmp_path / "documents"
    work.mkdir()
    shutil.copytree(PACK, work / "gwlint-rules")
    (work / ".gwlint.yaml").write_text("packs: [gwlint-rules]\n", encoding="utf-8")
    (work / "good.txt").write_text("学前教育毛入园率为92%。\n", encoding="utf-8")
    (work / "bad.txt").write_text("义务教育巩固率达到103%。\n", encoding="utf-8")
    report = docx.Document()
    report.add_paragraph("高中阶段净入学率为120%。")
    report.save(work / "report.docx")
    _git(work, "init", "-q")
    _git(work, "add", "-A")

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), **_GIT_ENV}
    env.pop("VIRTUAL_ENV", None)

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([*_pre_commit(), "try-repo", str(hook_repo), "gwlint", "--files", *files],
                              cwd=work, env=env, capture_output=True, text=True)

    good = try_repo("good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = try_repo("good.txt", "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.txt:1:10" in bad.stdout and "fx-rate-above-100" in bad.stdout
    assert "good.txt" not in bad.stdout.split("Failed", 1)[1]

    word = try_repo("report.docx")
    assert word.returncode == 1, word.stdout + word.stderr
    assert "report.docx:1:10" in word.stdout and "段落 1" in word.stdout


def _duplicates(output: str) -> int:
    return sum(1 for line in output.splitlines() if " duplicate-across-files " in line)


@pytest.mark.slow
def test_a_commit_of_thirty_files_finds_every_planted_cross_file_copy(tmp_path):
    """Through the shipped hook, a commit of 30 documents gets the same 15 copies across
    files as one `gwlint check` of them (with require_serial false, pre-commit ran one
    process per core on part of the files and found about half)."""
    hook_repo = tmp_path / "gwlint"
    shutil.copytree(ROOT, hook_repo, ignore=_SKIP)
    _git(hook_repo, "init", "-q")
    _git(hook_repo, "add", "-A")
    _git(hook_repo, "commit", "-q", "-m", "snapshot for try-repo")
    work = tmp_path / "documents"
    work.mkdir()
    names = write_all(work)
    assert len(names) >= 20
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), **_GIT_ENV}
    env.pop("VIRTUAL_ENV", None)

    direct = subprocess.run([str(Path(sys.executable).with_name("gwlint")), "check", "--no-config", *names],
                            cwd=work, capture_output=True, text=True)
    assert _duplicates(direct.stdout) == PLANTED

    hooked = subprocess.run([*_pre_commit(), "try-repo", str(hook_repo), "gwlint", "--all-files"],
                            cwd=work, env=env, capture_output=True, text=True)
    assert hooked.returncode == 1, hooked.stdout + hooked.stderr
    assert _duplicates(hooked.stdout) == PLANTED, hooked.stdout

    if (os.cpu_count() or 1) > 1:
        # The control: the same hook but parallel, run from this environment's gwlint as a
        # local hook - the batches each see part of the commit, and copies are lost.
        [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
        local = {**hook, "language": "system", "require_serial": False,
                 "entry": f"{Path(sys.executable).with_name('gwlint')} check --no-config"}
        (work / ".pre-commit-config.yaml").write_text(
            yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8")
        _git(work, "add", "-A")
        parallel = subprocess.run([*_pre_commit(), "run", "--all-files"], cwd=work, env=env,
                                  capture_output=True, text=True)
        assert _duplicates(parallel.stdout) < PLANTED, parallel.stdout
