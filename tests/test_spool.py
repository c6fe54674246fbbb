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


def test_a_spool_past_its_memory_moves_to_a_file_and_reads_the_same(monkeypatch):
    """Rows stay in memory up to ViolationSpool.IN_MEMORY bytes (a one-file run makes no
    file and imports no tempfile), then move to a temporary file: the same violations in
    the same order, rollbacks across the move included."""
    import random

    rng = random.Random(5)
    batches = [[_v(f"{rng.choice('abc')}.txt", rng.randint(1, 50), rng.randint(1, 9), rule=rng.choice("pqr"),
                   message="m" * rng.randint(1, 40)) for _ in range(rng.randint(0, 30))] for _ in range(60)]

    def fill(spool):
        for i, batch in enumerate(batches):
            if i == 20:
                mark = spool.mark()
            spool.extend(batch)
            if i == 40:
                spool.rollback(mark)          # taken back: batches 20-40
        return [(v, v.fix, v.context) for v in spool]

    in_memory = ViolationSpool()
    expected = fill(in_memory)
    assert in_memory._in_memory
    monkeypatch.setattr(ViolationSpool, "IN_MEMORY", 2000)
    moved = ViolationSpool()
    assert fill(moved) == expected and not moved._in_memory
    assert not isinstance(moved._file, io.BytesIO)
    assert expected == [(v, v.fix, v.context) for v in sorted(
        [v for i, b in enumerate(batches) if not 20 <= i <= 40 for v in b], key=Violation.sort_key)]


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
