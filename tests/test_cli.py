"""The command line: JSON contract, ordering, determinism, parallel runs, stdin, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.rules.categories import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GWLINT = [sys.executable, "-m", "checker"]
KEYS = ["path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "excerpt"]


def run(*args, input=None, cwd=ROOT):
    return subprocess.run([*GWLINT, *args], capture_output=True, text=True, input=input, cwd=cwd)


def seeds_json(*extra):
    proc = run("check", "--no-config", "--format", "json", *extra, "seeds/")
    assert proc.returncode in (0, 1), proc.stderr
    return proc, json.loads(proc.stdout)


def test_json_matches_the_contract():
    proc, data = seeds_json()
    # the contract (reports/json-contract.md) gained "errors": present, and empty when none
    assert list(data) == ["version", "files", "violations", "summary", "errors"]
    assert data["version"] == 1 and data["files"] == 5 and data["errors"] == []
    assert list(data["summary"]) == ["error", "warning", "info"]
    for v in data["violations"]:
        assert list(v) == KEYS
        assert v["category"] in CATEGORIES
        assert v["severity"] in ("error", "warning", "info")
        assert v["line"] >= 1 and v["column"] >= 1 and v["end_line"] >= v["line"]
    counts = {s: sum(1 for v in data["violations"] if v["severity"] == s) for s in ("error", "warning", "info")}
    assert data["summary"] == counts
    keys = [(v["path"], v["line"], v["column"], v["rule"]) for v in data["violations"]]
    assert keys == sorted(keys)
    failing = counts["error"] + counts["warning"]
    assert proc.returncode == (1 if failing else 0)


def test_columns_count_characters_not_bytes():
    _, data = seeds_json()
    for v in data["violations"][:200]:
        line = (ROOT / v["path"]).read_text(encoding="utf-8").split("\n")[v["line"] - 1]
        if v["line"] == v["end_line"]:
            assert line[v["column"] - 1:v["end_column"] - 1].startswith(v["excerpt"].rstrip("…")[:5])


def test_output_is_identical_across_processes_and_job_counts():
    _, one = seeds_json("--jobs", "1")
    _, two = seeds_json("--jobs", "2")
    _, again = seeds_json("--jobs", "2")
    assert one == two == again


def test_stdin_with_a_filename():
    text = (SEEDS / "001_c4f998209f6bcfdc.txt").read_text(encoding="utf-8")
    proc = run("check", "--no-config", "--format", "json", "--stdin-filename", "draft.txt", "-", input=text)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert data["files"] == 1
    assert all(v["path"] == "draft.txt" for v in data["violations"])
    _, seeds = seeds_json()
    from_file = [dict(v, path="draft.txt") for v in seeds["violations"] if v["path"].endswith("001_c4f998209f6bcfdc.txt")]
    assert data["violations"] == from_file


def test_fail_on_sets_the_exit_code(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("市教育局2022年工作总结\n全年工作顺利完成。\n", encoding="utf-8")
    assert run("check", "--no-config", str(clean)).returncode == 0
    _, data = seeds_json()
    severities = {v["severity"] for v in data["violations"]}
    if "info" in severities and not severities - {"info"}:
        assert run("check", "--no-config", "--fail-on", "info", "seeds/").returncode == 1


def test_text_output_is_plain_when_not_a_terminal():
    proc = run("check", "--no-config", "seeds/")
    assert "\x1b[" not in proc.stdout
    assert "files" in proc.stdout


def test_rules_and_explain():
    proc = run("rules", "--no-config")
    assert proc.returncode == 0
    from tests.helpers import default_settings

    rules = default_settings().rules
    for rule in rules:
        assert rule.id in proc.stdout
    if rules:
        page = run("explain", rules[0].id, "--no-config")
        assert page.returncode == 0
        for heading in ("What it does", "Why", "Example", "Use instead", "Options"):
            assert heading in page.stdout
    assert run("explain", "no-such-rule", "--no-config").returncode == 2


def test_select_and_ignore_by_category():
    _, data = seeds_json()
    categories = sorted({v["category"] for v in data["violations"]})
    if not categories:
        return
    chosen = categories[0]
    _, only = seeds_json("--select", chosen)
    assert only["violations"] and {v["category"] for v in only["violations"]} == {chosen}
    _, without = seeds_json("--ignore", chosen)
    assert chosen not in {v["category"] for v in without["violations"]}


def test_stdin_buffer_is_compared_with_reference_documents(tmp_path):
    (tmp_path / "archive").mkdir()
    copied = "全市新建改扩建中小学校舍四十二所并同步完成配套设施建设和验收交付使用工作。"
    (tmp_path / "archive" / "old.txt").write_text(f"2021年工作总结\n{copied}\n其他内容另起一段。\n", encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("duplicates:\n  reference: ['archive/*.txt']\n  cache: .cache\n", encoding="utf-8")
    draft = f"2022年工作总结\n今年工作稳步推进。\n{copied}\n"
    proc = run("check", "--format", "json", "--stdin-filename", "draft.txt", "-", input=draft, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    found = [v for v in json.loads(proc.stdout)["violations"] if v["category"] == "duplicate"]
    assert [(v["path"], v["line"]) for v in found] == [("draft.txt", 3)]
    assert "old.txt" in found[0]["message"]
