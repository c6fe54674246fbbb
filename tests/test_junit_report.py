"""`--format junit`: parses with the standard library; one test case per file, a failure per violation."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from checker.cli.main import main
from checker.engine.runner import RunResult
from checker.engine.violation import Violation
from checker.report import junit
from checker.report.options import ReportOptions

RULES = ["--no-config", "--rules", str(Path(__file__).parent / "fixtures" / "rules"),
         "--select", "fx-rate-above-100,fx-percent-sign-mixed", "-j", "1"]


def test_one_case_per_file_and_a_failure_per_violation(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("义务教育巩固率达到103%。\n高中净入学率为120%。\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("新增学位同比增长180%。\n", encoding="utf-8")
    report = tmp_path / "report.xml"
    assert main(["check", *RULES, "--format", "junit", "-o", str(report), str(bad), str(good)]) == 1
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {str(bad), str(good)}
    failures = cases[str(bad)].findall("failure")
    assert [f.get("type") for f in failures] == ["fx-rate-above-100", "fx-rate-above-100"]
    assert failures[0].get("message").startswith("1:10 error fx-rate-above-100")
    assert f"{bad}:2:8" in failures[1].text
    assert cases[str(good)].findall("failure") == []
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "2", "0")
    assert root.get("failures") == "2"


def test_unreadable_file_is_an_error_case(tmp_path, capsys):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    report = tmp_path / "r.xml"
    assert main(["check", *RULES, "--format", "junit", "-o", str(report), str(broken)]) == 2
    suite = ET.parse(report).getroot().find("testsuite")
    errors = suite.findall("testcase/error")
    assert len(errors) == 1 and "is not a Word .docx file" in errors[0].get("message")
    assert suite.get("errors") == "1"


def test_markup_and_control_characters_stay_well_formed():
    v = Violation("a<&>\".txt", 1, 1, 1, 3, "r", "artifact", "warning", "坏<b>&\x0b</b>", "x\x01y")
    run = RunResult(files=1, violations=[v])
    import io

    out = io.StringIO()
    junit.render(run, out, ReportOptions())
    root = ET.fromstring(out.getvalue().encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert root.find("testsuite/testcase").get("name") == "a<&>\".txt"
    assert "坏<b>&</b>" in failure.get("message")
    assert "\x0b" not in failure.text and "xy" in failure.text
