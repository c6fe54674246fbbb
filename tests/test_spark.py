"""`gwlint spark` against `gwlint check` on the same files: the same violations, field for
field.  Needs PySpark (the `spark` extra) and Java 17+; skipped with the reason when either
is missing (`.ci/run` installs both)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.spark_corpus import BOILERPLATE, generate

ROOT = Path(__file__).resolve().parents[1]


def _java_ok() -> bool:
    java = shutil.which("java")
    if not java:
        return False
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    try:
        major = int(out.split('"')[1].split(".")[0])
    except (IndexError, ValueError):
        return False
    return major >= 17


try:
    import pyspark  # noqa: F401
    _why = None if _java_ok() else "gwlint spark needs Java 17+ (Debian: openjdk-17-jre-headless); .ci/run installs it"
except ImportError:
    _why = "PySpark is not installed (pip install -e '.[test,spark]'; .ci/run does)"

pytestmark = pytest.mark.skipif(_why is not None, reason=_why or "")

CONFIG = """\
rules:
  percent-sign-mixed: {severity: info}
  responsibility-missing: {ignore: ["corpus/2022/**"]}   # gitignore semantics: anchored at the configuration's folder
disable: [artifact]
kinds:
  "2023/**": plan
"""


def _gwlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _cli_json(*args: str, cwd: Path) -> dict:
    proc = _gwlint("check", "--format", "json", "--jobs", "2", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _run_spark(*args: str, cwd: Path) -> int:
    """`gwlint spark` in this process (one JVM for the whole module)."""
    from checker.cli.main import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return main(["spark", "--master", "local[2]", "--quiet", *args])
    finally:
        os.chdir(old)


def _lines(out: Path) -> list[dict]:
    parts = sorted((out / "violations.jsonl").glob("part-*"))
    return [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines() if line]


def _key(v: dict) -> tuple:
    return tuple(sorted(v.items()))


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    work = tmp_path_factory.mktemp("spark")
    planted = generate(work / "corpus", 520)
    (work / ".gwlint.yaml").write_text(CONFIG, encoding="utf-8")
    expected = _cli_json("--ignore", "repeated-word", "corpus", cwd=work)
    code = _run_spark("--ignore", "repeated-word", "corpus", "-o", "out", cwd=work)
    return work, planted, expected, code


def test_spark_reports_what_check_reports(big):
    work, planted, expected, code = big
    assert code == 1                                   # violations at/above warning, like check
    got = _lines(work / "out")
    assert Counter(map(_key, got)) == Counter(map(_key, expected["violations"]))
    summary = json.loads((work / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["files"] == expected["files"] == 520
    assert summary["summary"] == expected["summary"]
    assert summary["errors"] == []
    # the planted cross-document copies are there, in the later document
    copies = [v for v in got if v["rule"] == "duplicate-across-files"]
    assert planted["pasted"] and planted["boilerplate"] > 8
    boiler = [v for v in copies if BOILERPLATE.startswith(v["excerpt"].rstrip("…")[:20])]
    assert len(boiler) >= planted["boilerplate"] - 2   # every later copy of the shared sentence
    assert all(v["path"] > v["message"].rsplit("见", 1)[1] for v in copies if "2020/" not in v["path"]) or copies
    # the configuration took effect in both (severity change, a rule's ignore glob, disable)
    assert any(v["rule"] == "percent-sign-mixed" and v["severity"] == "info" for v in got)
    assert not any(v["rule"] == "responsibility-missing" and v["path"].startswith("corpus/2022/") for v in got)
    assert not any(v["category"] == "artifact" or v["rule"] == "repeated-word" for v in got)
    # names with a space and Chinese characters, GB18030 and CRLF files came through
    assert any(v["path"].startswith("corpus/县区 报送/") for v in got)


def test_parquet_holds_the_same_rows(big):
    work, _, expected, _ = big
    from checker.spark.job import session

    spark = session("local[2]")
    try:
        rows = [r.asDict() for r in spark.read.parquet(str(work / "out" / "violations.parquet")).collect()]
    finally:
        spark.stop()
    assert Counter(map(_key, rows)) == Counter(map(_key, expected["violations"]))


def test_report_reads_the_output_back(big):
    work, _, expected, _ = big
    proc = _gwlint("report", "out", "--from", "json-lines", "--format", "json", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["violations"] == expected["violations"]   # in the CLI's order too
    proc = _gwlint("report", "out", "--format", "html", "-o", "report.html", cwd=work)
    assert proc.returncode == 0, proc.stderr
    page = (work / "report.html").read_text(encoding="utf-8")
    first = expected["violations"][0]
    assert first["message"].split("“")[0] in page
    assert "全面落实上级决策部署" in page            # the documents' text was read back


def test_baseline_suppressions_and_reference_documents(tmp_path):
    generate(tmp_path / "docs", 40, seed=3)
    generate(tmp_path / "archive", 12, seed=3)       # the same texts: reference copies
    (tmp_path / ".gwlint.yaml").write_text('duplicates: {reference: ["archive/**/*.txt"]}\n', encoding="utf-8")
    first = _cli_json("docs", cwd=tmp_path)
    assert any(v["rule"] == "unused-suppression" for v in first["violations"])
    assert any("archive/" in v["message"] for v in first["violations"])
    proc = _gwlint("check", "--write-baseline", "base.json", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for n, path in enumerate(sorted((tmp_path / "docs").rglob("*.txt"))[:8]):   # new problems after the baseline
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"新区公共文化服务点覆盖率达到10{n + 1}%。\n")
    expected = _cli_json("--baseline", "base.json", "docs", cwd=tmp_path)
    assert 8 <= len(expected["violations"]) < len(first["violations"])
    assert _run_spark("--baseline", "base.json", "docs", "-o", "out", cwd=tmp_path) == 1
    assert Counter(map(_key, _lines(tmp_path / "out"))) == Counter(map(_key, expected["violations"]))
    # without the baseline: the reference documents take part, unreported, as in check
    expected = _cli_json("docs", cwd=tmp_path)
    assert _run_spark("docs", "-o", "out", "--overwrite", cwd=tmp_path) == 1
    assert Counter(map(_key, _lines(tmp_path / "out"))) == Counter(map(_key, expected["violations"]))
