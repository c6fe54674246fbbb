"""`--format sarif`: the SARIF 2.1.0 fields GitHub code scanning reads are all there and right."""
from __future__ import annotations

import json
from pathlib import Path

from checker.cli.main import main

RULES = ["--no-config", "--rules", "tests/fixtures/rules", "--select", "fx-rate-above-100,fx-percent-sign-mixed",
         "-j", "1"]
RULES_DIR = Path(__file__).parent / "fixtures" / "rules"


def _sarif(tmp_path, capsys, monkeypatch, text="义务教育巩固率达到103%，入学率达到95％，毕业率为99%。\n"):
    folder = tmp_path / "docs 文件"
    folder.mkdir()
    doc = folder / "计划.txt"
    doc.write_text("2023年工作计划\n" + text, encoding="utf-8")
    rules_dir = str(RULES_DIR)
    monkeypatch.chdir(tmp_path)
    args = [a if a != "tests/fixtures/rules" else rules_dir for a in RULES]
    code = main(["check", *args, "--format", "sarif", "docs 文件/计划.txt"])
    return code, json.loads(capsys.readouterr().out)


def test_top_level_and_driver(tmp_path, capsys, monkeypatch):
    code, sarif = _sarif(tmp_path, capsys, monkeypatch)
    assert code == 1
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-2.1.0.json")
    assert len(sarif["runs"]) == 1
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "gwlint" and driver["informationUri"].startswith("https://") and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["fx-rate-above-100", "fx-percent-sign-mixed"]
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["tags"] == [rule["properties"]["category"]]
    assert driver["rules"][0]["defaultConfiguration"]["level"] == "error"
    assert driver["rules"][1]["defaultConfiguration"]["level"] == "warning"
    assert "义务教育巩固率达到103%" in driver["rules"][0]["help"]["markdown"]


def test_results_have_physical_locations(tmp_path, capsys, monkeypatch):
    _, sarif = _sarif(tmp_path, capsys, monkeypatch)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("fx-rate-above-100", "error"),
                                                            ("fx-percent-sign-mixed", "warning")]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "docs%20%E6%96%87%E4%BB%B6/%E8%AE%A1%E5%88%92.txt",
                                           "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn", "endLine", "endColumn"))
        assert r["partialFingerprints"] and all(isinstance(v, str) for v in r["partialFingerprints"].values())
    first = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (first["startLine"], first["startColumn"], first["endColumn"]) == (2, 10, 14)
    assert first["snippet"]["text"] == "103%"
    assert run["columnKind"] == "unicodeCodePoints"
    # relative to the checkout, and nothing in the report names the folder it ran in
    location = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%" and not location["uri"].startswith(("/", "file:"))
    assert str(tmp_path) not in json.dumps(sarif)
    assert run["invocations"][0]["executionSuccessful"] is True


def test_fingerprints_survive_moved_lines(tmp_path, capsys, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    line = "义务教育巩固率达到103%，入学率达到95％，毕业率为99%。\n"
    _, before = _sarif(tmp_path / "a", capsys, monkeypatch, line)
    _, after = _sarif(tmp_path / "b", capsys, monkeypatch, "\n\n另起一段。\n" + line)
    results, moved = before["runs"][0]["results"], after["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [r["partialFingerprints"] for r in moved]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_clean_run_is_still_valid(tmp_path, capsys, monkeypatch):
    code, sarif = _sarif(tmp_path, capsys, monkeypatch, "学前教育毛入园率为92%。\n")
    assert code == 0
    assert sarif["runs"][0]["results"] == []
    assert len(sarif["runs"][0]["tool"]["driver"]["rules"]) == 2
