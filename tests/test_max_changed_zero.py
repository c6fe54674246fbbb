"""A rule configured with ``max_changed: 0`` (only equal texts count as near duplicates)
is a legal setting (``ge=0``): the near-duplicate comparison must run, not divide by zero."""
import json
import subprocess
import sys
from pathlib import Path

from checker.model.near_index import _anchored, _anchors

DOC = ("关于做好本年度安全生产检查工作的通知。各单位要认真组织自查自纠，及时消除隐患。\n"
       "各单位要认真组织自查自纠，及时消除隐患。请于月底前报送检查情况。\n")


def test_anchors_for_zero_edits_demand_the_same_character():
    anchors = _anchors("abcdef", 0)
    assert anchors, "a text longer than one character gets an anchor"
    assert _anchored(anchors, "abcdef", 0)
    assert not _anchored(anchors, "abXdef", 0) or not _anchored(anchors, "abcXef", 0)


def test_the_command_line_checks_with_max_changed_zero(tmp_path: Path):
    (tmp_path / ".gwlint.yaml").write_text(
        "rules:\n"
        "  duplicate-sentence: {params: {max_changed: 0}}\n"
        "  duplicate-paragraph: {params: {max_changed: 0}}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--format", "json",
                          "--exit-zero", "a.txt", "b.txt"], cwd=tmp_path, capture_output=True,
                         text=True, env={"XDG_CACHE_HOME": str(tmp_path / "xdg"), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert "internal error" not in run.stderr
    report = json.loads(run.stdout)
    assert report["errors"] == []
    rules = {v["rule"] for v in report["violations"]}
    assert "duplicate-sentence" in rules
