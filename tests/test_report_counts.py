"""Every report format counts a run's inputs the same way (checker.report.counts).

``gwlint check a.txt missing.txt`` printed "1 problem in 0 files": the missing path is not
among the run's files (the JSON contract's ``files`` leaves it out), yet the text summary
took it away from them as an input that could not be read.  GitHub's closing line, the
HTML page and ``--statistics`` counted every input, read or not, as a checked file.
Each format is run as the command line runs it, on one document with a finding, one
binary file and one missing path: 1 file checked, 2 inputs not checked.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

TEXT = "全市义务教育巩固率达到103%。\n"


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "plan.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"\x89PNG\x00\x00\x01binary")
    return tmp_path


def _check(folder, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "xdg"), "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--no-cache", *args,
                           "plan.txt", "missing.txt", "scan.txt"],
                          cwd=folder, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == ["gwlint: missing.txt: no such file or directory",
                                        "gwlint: scan.txt: is a binary file, not text"]
    return proc


def test_text_summary_counts_the_missing_path_once(inputs):
    last = _check(inputs, "--format", "text").stdout.splitlines()[-2]
    assert last == "1 problem in 1 file (1 warning); 2 inputs could not be checked"


def test_text_summary_of_missing_and_unread_inputs_only(tmp_path):
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01binary")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "text",
                           "gone.txt", "scan.txt"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stdout.strip() == "No problems found in 0 files; 2 inputs could not be checked."


def test_statistics_counts_checked_files(inputs):
    last = _check(inputs, "--statistics").stdout.splitlines()[-1]
    assert last == "1 problem in 1 file; 2 inputs could not be checked"


def test_github_closing_line_counts_checked_files(inputs):
    last = _check(inputs, "--format", "github").stdout.splitlines()[-1]
    assert last == "gwlint: 1 problem(s) in 1 file(s); 2 input(s) could not be checked"


def test_html_page_counts_checked_files(inputs):
    page = _check(inputs, "--format", "html").stdout
    assert "检查了 1 个文件，2 个输入未能检查，发现 1 个问题" in page


def test_json_counts_follow_the_contract(inputs):
    # files: what the run set out to check, the missing path left out; errors: both inputs
    data = json.loads(_check(inputs, "--format", "json").stdout)
    assert data["files"] == 2
    assert data["summary"] == {"error": 0, "warning": 1, "info": 0}
    assert data["errors"] == [{"path": "missing.txt", "message": "no such file or directory"},
                              {"path": "scan.txt", "message": "is a binary file, not text"}]
    assert len(data["violations"]) == 1


def test_junit_counts_one_error_per_input_not_checked(inputs):
    root = ET.fromstring(_check(inputs, "--format", "junit").stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "2")


def test_sarif_names_both_inputs_not_checked(inputs):
    run = json.loads(_check(inputs, "--format", "sarif").stdout)["runs"][0]
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert notes == ["missing.txt: no such file or directory", "scan.txt: is a binary file, not text"]
    assert not run["invocations"][0]["executionSuccessful"]
    assert len(run["results"]) == 1
