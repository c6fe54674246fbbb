"""`--format junit`: a suite per file, a test case per violation; valid for the Jenkins
xUnit junit-10 schema (tests/fixtures/schemas), counts that reconcile with the JSON report."""
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


def test_one_case_per_violation_in_a_suite_per_file(tmp_path, capsys):
    """Jenkins reads one <failure> per test case and GitLab merges them: so each
    violation is its own case, and a clean file one passing case (issue 12)."""
    bad = tmp_path / "bad.txt"
    bad.write_text("义务教育巩固率达到103%。\n高中净入学率为120%。\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("新增学位同比增长180%。\n", encoding="utf-8")
    report = tmp_path / "report.xml"
    assert main(["check", *RULES, "--format", "junit", "-o", str(report), str(bad), str(good)]) == 1
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {str(bad), str(good)}
    assert suites[str(bad)].get("file") == str(bad)
    cases = suites[str(bad)].findall("testcase")
    assert [c.get("name") for c in cases] == [f"{bad}:1:10 fx-rate-above-100", f"{bad}:2:8 fx-rate-above-100"]
    assert all(len(c.findall("failure")) == 1 for c in cases)
    failures = [c.find("failure") for c in cases]
    assert [f.get("type") for f in failures] == ["fx-rate-above-100", "fx-rate-above-100"]
    assert failures[0].get("message").startswith("error fx-rate-above-100")
    assert f"{bad}:2:8" in failures[1].text
    [clean] = suites[str(good)].findall("testcase")
    assert clean.findall("failure") == []
    assert (suites[str(bad)].get("tests"), suites[str(bad)].get("failures"), suites[str(bad)].get("errors")) == ("2", "2", "0")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "0")


def test_unreadable_file_is_an_error_case(tmp_path, capsys):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    report = tmp_path / "r.xml"
    assert main(["check", *RULES, "--format", "junit", "-o", str(report), str(broken)]) == 2
    suite = ET.parse(report).getroot().find("testsuite")
    errors = suite.findall("testcase/error")
    assert ET.parse(report).getroot().get("errors") == "1"
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
    assert root.find("testsuite").get("name") == "a<&>\".txt"
    assert root.find("testsuite/testcase").get("name") == "a<&>\".txt:1:1 r"
    assert "坏<b>&</b>" in failure.get("message")
    assert "\x0b" not in failure.text and "xy" in failure.text


SCHEMA = Path(__file__).parent / "fixtures" / "schemas" / "junit-10.xsd"


def _validate(xml_bytes: bytes) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.fromstring(xml_bytes)
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)


def test_a_real_run_validates_against_jenkins_xunit_junit10_and_counts_reconcile(tmp_path, capsys):
    import json
    import shutil
    import subprocess
    import sys

    root_dir = Path(__file__).resolve().parents[1]
    work = tmp_path / "docs"
    shutil.copytree(root_dir / "seeds", work)
    (work / "clean.txt").write_text("学前教育毛入园率为92%。\n", encoding="utf-8")
    (work / "broken.txt").write_bytes(b"\x81\x30\x00")
    junit_out = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "junit", "docs"],
                               cwd=tmp_path, capture_output=True)
    json_out = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "json", "docs"],
                              cwd=tmp_path, capture_output=True)
    assert junit_out.returncode == json_out.returncode == 2
    _validate(junit_out.stdout)
    report = ET.fromstring(junit_out.stdout)
    violations = json.loads(json_out.stdout)["violations"]
    cases = report.findall("testsuite/testcase")
    assert all(len(c.findall("failure")) + len(c.findall("error")) <= 1 for c in cases)
    assert len(report.findall("testsuite/testcase/failure")) == len(violations) == int(report.get("failures"))
    assert int(report.get("errors")) == 1 and int(report.get("tests")) == len(cases)
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names)), "test case names must be unique (Jenkins keys cases by name)"
    for suite in report.findall("testsuite"):
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
    by_file = {s.get("name"): int(s.get("failures")) for s in report.findall("testsuite")}
    from collections import Counter

    assert {k: v for k, v in by_file.items() if v} == dict(Counter(v["path"] for v in violations))


def test_the_schema_is_strict_enough_to_catch_the_old_layout():
    """The schema rejects what the old report wrote (a file attribute on a test case),
    so the validation above can fail."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    old = b'<testsuites><testsuite name="g" tests="1" failures="0" errors="0"><testcase name="a" file="a"/></testsuite></testsuites>'
    assert not schema.validate(etree.fromstring(old))
