"""`--format github`: workflow commands GitHub Actions turns into annotations."""
from __future__ import annotations

import io
from pathlib import Path

from checker.cli.main import main
from checker.engine.runner import RunResult
from checker.engine.violation import Violation
from checker.report import github
from checker.report.options import ReportOptions
from checker.report.registry import resolve_format

RULES = ["--no-config", "--rules", str(Path(__file__).parent / "fixtures" / "rules"),
         "--select", "fx-rate-above-100,fx-percent-sign-mixed", "-j", "1"]


def test_annotations_name_file_line_and_columns(tmp_path, capsys):
    doc = tmp_path / "plan.txt"
    doc.write_text("义务教育巩固率达到103%，入学率达到95％，毕业率为99%。\n", encoding="utf-8")
    assert main(["check", *RULES, "--format", "github", str(doc)]) == 1
    lines = capsys.readouterr().out.splitlines()
    path = github.escape_property(doc.as_posix())
    assert lines[0] == (f"::error file={path},line=1,col=10,endLine=1,endColumn=14,"
                        "title=gwlint fx-rate-above-100 (percent-range)::义务教育巩固率为103%25，不能超过100%25")
    assert lines[1].startswith(f"::warning file={path},line=1,col=20,")
    assert lines[-1] == "gwlint: 2 problem(s) in 1 file(s)"


def test_escaping_of_data_and_properties():
    assert github.escape_data("50%\r\n下一行") == "50%25%0D%0A下一行"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    v = Violation("dir,x/a:b.txt", 3, 2, 4, 1, "rule-x", "artifact", "info", "两行\n消息: 1,2", "")
    line = github.annotation(v)
    assert line == ("::notice file=dir%2Cx/a%3Ab.txt,line=3,col=2,endLine=4,endColumn=1,"
                    "title=gwlint rule-x (artifact)::两行%0A消息: 1,2")


def test_input_errors_become_error_annotations():
    out = io.StringIO()
    github.render(RunResult(files=1, errors=["x.docx: is not a Word .docx file"]), out, ReportOptions())
    assert out.getvalue().splitlines()[0] == "::error title=gwlint::x.docx: is not a Word .docx file"


def test_auto_format_picks_github_under_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert resolve_format("auto") == "github"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert resolve_format("auto") == "text"
