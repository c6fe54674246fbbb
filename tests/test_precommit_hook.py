"""`.pre-commit-hooks.yaml`: `pre-commit try-repo` runs the hook from a copy of this repository.

pre-commit installs gwlint into its own environment with pip (from the package index),
so this test takes a minute the first time; it runs in the default test command.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import yaml

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
