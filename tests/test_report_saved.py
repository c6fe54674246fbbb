"""`gwlint report`: a saved result (gwlint spark's output folder, a JSON report) rendered in
any format; and the naming of Spark's files as `gwlint check` names them.  No Spark needed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from checker.sources.discover import discover
from checker.spark.paths import locate, resolve_inputs, selected

ROOT = Path(__file__).resolve().parents[1]
DOC = "一、总体情况\n全市中小学校舍达标率达到105%，比上年提高3%。\n二、下步打算\n继续做好相关工作。\n"


def _gwlint(*args, cwd):
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def _saved_output(tmp_path: Path) -> tuple[Path, dict]:
    """What `gwlint spark docs -o out` writes, made here from `gwlint check`'s JSON."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text(DOC.replace("105", "98"), encoding="utf-8")
    proc = _gwlint("check", "--no-config", "--format", "json", "docs", cwd=tmp_path)
    expected = json.loads(proc.stdout)
    assert len(expected["violations"]) >= 3
    out = tmp_path / "out"
    (out / "violations.jsonl").mkdir(parents=True)
    half = len(expected["violations"]) // 2
    for n, chunk in enumerate((expected["violations"][half:], expected["violations"][:half])):
        lines = "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in chunk)
        (out / "violations.jsonl" / f"part-0000{1 - n}").write_text(lines, encoding="utf-8")
    (out / "summary.json").write_text(json.dumps({
        "version": 1, "files": expected["files"], "summary": expected["summary"], "errors": [],
        "parts": "violations.jsonl"}), encoding="utf-8")
    return out, expected


def test_json_lines_back_to_json_and_html(tmp_path):
    out, expected = _saved_output(tmp_path)
    proc = _gwlint("report", "out", "--from", "json-lines", "--format", "json", "--no-config", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected
    proc = _gwlint("report", "out/summary.json", "--format", "html", "-o", "r.html", "--no-config", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "docs/a.txt" in page and "继续做好相关工作" in page   # text re-read from the file
    assert page.count('class="notes"') >= 2


def test_json_report_and_text_with_root(tmp_path):
    _, expected = _saved_output(tmp_path)
    (tmp_path / "r.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = _gwlint("report", "../r.json", "--from", "json", "--root", "..", "--no-config", cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    assert "105%" in proc.stdout and f"{len(expected['violations'])} problems in 2 files" in proc.stdout


def test_broken_results_are_one_line_errors(tmp_path):
    out, _ = _saved_output(tmp_path)
    part = out / "violations.jsonl" / "part-00000"
    part.write_text(part.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    proc = _gwlint("report", "out", "--no-config", cwd=tmp_path)
    assert proc.returncode == 2 and "part-00000" in proc.stderr and "not JSON" in proc.stderr
    part.write_text('{"path": "x"}\n', encoding="utf-8")
    proc = _gwlint("report", "out", "--no-config", cwd=tmp_path)
    assert proc.returncode == 2 and "not a violation of the JSON contract" in proc.stderr
    proc = _gwlint("report", "nowhere", "--no-config", cwd=tmp_path)
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_spark_files_are_named_and_chosen_as_check_does(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("c/2023/a.txt", "c/2023/b.md", "c/x.docx", "c/notes.csv", "c/.venv/skip.txt",
                 "c/县区 报送/总结.txt", "c/drafts/d.txt", "one.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    include, exclude = ["**/*.txt", "**/*.md", "**/*.docx"], ["c/drafts/**"]
    args = ["c/", "one.txt"]
    expected = discover(args, include, exclude, tmp_path)
    given = resolve_inputs(args)
    listed = [f"file:{p}" for p in sorted(str(q) for q in tmp_path.rglob("*") if q.is_file())]
    chosen = [found.path for found in map(lambda u: locate(u, given), listed)
              if selected(found, include, exclude, tmp_path)]
    assert sorted(chosen) == sorted(expected)
    assert "c/县区 报送/总结.txt" in chosen
    assert locate("hdfs://nn/docs/a.txt", resolve_inputs(["hdfs://nn/docs"])).path == "hdfs://nn/docs/a.txt"
