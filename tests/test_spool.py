"""A spooled run (violations on disk until the report reads them) reports what a run that
keeps them in memory reports, in the same order, byte for byte.  No timing."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

from checker.engine.runner import run_paths
from checker.engine.spool import ViolationSpool
from checker.engine.violation import Fix, Violation, severity_counts
from checker.report import github, json_report
from tests.helpers import default_settings
from tests.test_results_cache import DOC_A, DOC_B

ROOT = Path(__file__).resolve().parents[1]


def _v(path, line, column, rule="r", message="m", severity="warning", fix=None):
    return Violation(path, line, column, line, column + 1, rule, "typo", severity, message, "x", fix, "ctx", "")


def test_iteration_is_a_stable_sort_of_everything_added():
    spool = ViolationSpool()
    b = [_v("b.txt", 3, 1), _v("b.txt", 1, 5, fix=Fix(1, 2, "y")), _v("b.txt", 1, 5, message="m")]
    a = [_v("a.txt", 2, 2, severity="error"), _v("a.txt", 2, 2, rule="q")]
    later = [_v("a.txt", 1, 1), _v("b.txt", 1, 5), _v("c.txt", 9, 9, severity="info"), _v("a.txt", 2, 2, rule="q")]
    spool.add_file("b.txt", b)
    spool.add_file("a.txt", a)
    spool.add_file("d.txt", [])
    spool.extend(later)
    expected = sorted(b + a + later, key=Violation.sort_key)
    got = list(spool)
    assert [(v, v.fix, v.context) for v in got] == [(v, v.fix, v.context) for v in expected]
    assert len(spool) == len(expected) and bool(spool)
    assert severity_counts(spool) == severity_counts(expected)
    assert list(spool) == got          # read again: the same
    assert not ViolationSpool()


def test_a_row_naming_another_path_is_read_back_in_that_paths_place():
    spool = ViolationSpool()
    mine, theirs = _v("b.txt", 2, 1), _v("a.txt", 5, 1)
    spool.add_file("b.txt", [mine, theirs])
    spool.add_file("a.txt", [_v("a.txt", 9, 1)])
    assert [(v.path, v.line) for v in spool] == [("a.txt", 5), ("a.txt", 9), ("b.txt", 2)]


def test_json_and_github_reports_of_a_spooled_run_are_those_of_a_listed_one(tmp_path):
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:4]:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")     # a sentence of b.txt: found across files
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    settings = default_settings()
    listed = run_paths(paths, settings, jobs=1)
    spooled = run_paths(paths, settings, jobs=1, spool=True)
    assert isinstance(spooled.violations, ViolationSpool) and len(spooled.violations) == len(listed.violations) > 0
    assert any(v.rule == "duplicate-across-files" for v in listed.violations)
    for writer in (json_report, github):
        a, b = io.StringIO(), io.StringIO()
        writer.render(listed, a, None)
        writer.render(spooled, b, None)
        assert a.getvalue() == b.getvalue()
