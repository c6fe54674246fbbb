"""Inline suppressions: what they silence, across documents too, and the rule that
reports the ones that silence nothing (issue 8: D2, D5, D6)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.engine.runner import run_paths
from tests.helpers import default_settings, lint

RATE = "义务教育巩固率达到103%。"


def test_a_used_directive_silences_and_is_not_reported():
    text = f"<!-- gwlint-disable-next-line rate-above-100 -->\n{RATE}\n"
    assert [v.rule for v in lint(text)] == []


def test_an_unused_directive_is_reported_at_its_line():
    text = "全市共有中小学45所。\n<!-- gwlint-disable-next-line rate-above-100 -->\n全市共有幼儿园12所。\n"
    found = [v for v in lint(text) if v.rule == "unused-suppression"]
    assert [(v.line, v.column, v.severity, v.category) for v in found] == [(2, 1, "info", "artifact")]
    assert "rate-above-100" in found[0].message


def _check(args, cwd):
    return subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "json", *args],
                          cwd=cwd, capture_output=True, text=True)


def test_unused_suppression_can_be_ignored_selected_and_explained(tmp_path):
    (tmp_path / "a.txt").write_text("gwlint-disable-next-line rate-above-100\n全市共有中小学45所。\n", encoding="utf-8")
    shown = json.loads(_check(["a.txt"], tmp_path).stdout)
    assert [v["rule"] for v in shown["violations"]] == ["unused-suppression"]
    assert json.loads(_check(["--ignore", "unused-suppression", "a.txt"], tmp_path).stdout)["violations"] == []
    only = json.loads(_check(["--select", "unused-suppression", "a.txt"], tmp_path).stdout)
    assert [v["rule"] for v in only["violations"]] == ["unused-suppression"]
    explained = subprocess.run([sys.executable, "-m", "checker", "explain", "unused-suppression"],
                               capture_output=True, text=True)
    assert explained.returncode == 0 and "unused-suppression" in explained.stdout


def test_a_directive_silences_a_cross_document_copy(tmp_path):
    copied = "全镇义务教育阶段适龄儿童入学率保持100%，控辍保学工作实现动态清零。"
    (tmp_path / "a.txt").write_text(f"2023年工作总结\n{copied}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        f"2024年工作总结\n<!-- gwlint-disable-next-line duplicate-across-files -->\n{copied}\n", encoding="utf-8")
    run = run_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], default_settings(), jobs=1)
    rules = sorted(v.rule for v in run.violations)
    assert "duplicate-across-files" not in rules and "unused-suppression" not in rules
    # Without the directive the copy is reported, so the test above is not vacuous.
    (tmp_path / "b.txt").write_text(f"2024年工作总结\n{copied}\n", encoding="utf-8")
    run = run_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], default_settings(), jobs=1)
    assert "duplicate-across-files" in [v.rule for v in run.violations]


def test_one_files_crash_keeps_the_others_reports(tmp_path, monkeypatch):
    import checker.engine.runner as runner

    real = runner.parse_directives

    def explode(text):
        if "BOOM" in text:
            raise RuntimeError("broken directive parser")
        return real(text)

    monkeypatch.setattr(runner, "parse_directives", explode)
    (tmp_path / "bad.txt").write_text("BOOM\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(f"{RATE}\n", encoding="utf-8")
    run = run_paths([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")], default_settings(), jobs=1)
    assert [Path(v.path).name for v in run.violations if v.rule == "rate-above-100"] == ["good.txt"]
    assert len(run.errors) == 1 and "bad.txt" in run.errors[0] and "internal error" in run.errors[0]


def test_text_summary_tells_unreadable_inputs_from_rule_failures():
    """D7: a rule that crashed is not an input that could not be checked."""
    from io import StringIO

    from checker.engine.runner import RunResult
    from checker.report.options import ReportOptions
    from checker.report.registry import load_format

    render = load_format("text").render
    run = RunResult(files=2, errors=["a.txt: internal error in rule 'x': ValueError: boom (k.py:1)"])
    out = StringIO()
    render(run, out, ReportOptions(color=False))
    assert "No problems found in 2 files; 1 rule failure (see above)." in out.getvalue()
    run = RunResult(files=1, errors=["b.txt: is a binary file, not text"])
    out = StringIO()
    render(run, out, ReportOptions(color=False))
    assert "No problems found in 0 files; 1 input could not be checked." in out.getvalue()
