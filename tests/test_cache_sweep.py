"""The user cache folder's sweep: unused stores go, used ones, leftovers of live writers
and strangers' files stay, and a run sweeps at most once a day."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from checker.core import cache_sweep, cache_upkeep
from checker.core.paths import SWEEP_PERIOD, SWEEP_STAMP
from checker.core.cache_families import FAMILIES, family_of
from checker.core.cache_sweep import DAY, Store, chosen, sweep

NOW = time.time()


def _store(folder: Path, name: str, days_unused: float, size: int = 10) -> Path:
    """A store file last written and read ``days_unused`` days ago."""
    path = folder / name
    path.write_bytes(b"x" * size)
    then = NOW - days_unused * DAY
    os.utime(path, (then, then))
    return path


def _index(folder: Path, name: str, days_unused: float) -> Path:
    """A folder store (the phrase index's layout) untouched for ``days_unused`` days."""
    path = folder / name
    path.mkdir()
    then = NOW - days_unused * DAY
    for part in ("hashes.npy", "meta.npy"):
        (path / part).write_bytes(b"y" * 100)
        os.utime(path / part, (then, then))
    os.utime(path, (then, then))
    return path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    # the machine's file system may be mounted noatime: the probe's verdict is the
    # subject of its own test, the sweep's is tested with reads recorded
    monkeypatch.setattr(cache_sweep, "reads_recorded", lambda folder: True)
    return tmp_path


def test_unused_stores_go_and_fresh_ones_stay(folder):
    _store(folder, "patterns-aaaa-f10-py311.marshal", 30)
    _store(folder, "patterns-bbbb-f10-py311.marshal", 1)
    _store(folder, "jieba-emission-1-2-3.marshal", 20)
    _store(folder, "typo-dictionary-entries-1-2-f1.txt", 0)
    _index(folder, "typo-index-0123", 40)
    _index(folder, "typo-index-4567", 3)
    removed = sweep(folder, NOW)
    assert sorted(removed) == ["jieba-emission-1-2-3.marshal", "patterns-aaaa-f10-py311.marshal", "typo-index-0123"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "patterns-bbbb-f10-py311.marshal", "typo-dictionary-entries-1-2-f1.txt", "typo-index-4567"]


def test_a_store_read_recently_stays_however_old_its_writing(folder):
    path = _store(folder, "views-0123.marshal", 100)
    os.utime(path, (NOW - 3600, NOW - 100 * DAY))      # read an hour ago (its access time), written long ago
    index = _index(folder, "typo-index-89ab", 100)
    os.utime(index / "meta.npy", (NOW - 3600, NOW - 100 * DAY))   # one file of the index mapped an hour ago
    assert sweep(folder, NOW) == []
    assert path.exists() and (index / "hashes.npy").exists()


def test_a_store_open_in_another_process_stays_readable_when_removed(folder):
    path = _store(folder, "ruleset-0123.marshal", 30, size=5000)
    with open(path, "rb") as reader:            # a live process reading it since long ago
        reader.read(10)
        os.utime(path, (NOW - 30 * DAY, NOW - 30 * DAY))
        assert sweep(folder, NOW) == ["ruleset-0123.marshal"]
        assert len(reader.read()) == 4990       # the open file survives its removal


def test_strangers_files_live_writers_temporaries_and_the_stamp_stay(folder):
    _store(folder, "notes.txt", 300)                                  # not a gwlint store
    _store(folder, "newkind-0123.marshal", 300)                       # a store this gwlint does not know
    live = _store(folder, ".patterns-0123-f10-py311-k2j3.tmp", 0.01)  # being written now
    dead = _store(folder, ".views-0123-q9w8.tmp", 3)                  # a writer killed three days ago
    building = folder / ".typo-index-x1y2"                            # an index being built
    building.mkdir()
    (building / "hashes.npy").write_bytes(b"z")
    _store(folder, SWEEP_STAMP, 300)
    assert sweep(folder, NOW) == [dead.name]
    assert live.exists() and building.exists() and (folder / "notes.txt").exists()
    assert (folder / "newkind-0123.marshal").exists() and (folder / SWEEP_STAMP).exists()


def test_past_the_budget_the_least_recently_used_go_but_not_those_in_use():
    stores = [Store("a", NOW - 10 * DAY, 100, False), Store("b", NOW - 5 * DAY, 100, False),
              Store("c", NOW - 1 * DAY, 100, False), Store("d", NOW - 0.5 * DAY, 100, False)]
    assert [s.name for s in chosen(stores, NOW, budget=250)] == ["a", "b"]
    # the budget is not met by removing stores used within IN_USE: they stay
    assert [s.name for s in chosen(stores, NOW, budget=50)] == ["a", "b"]
    assert chosen(stores, NOW, budget=1000) == []


def test_locks_of_removed_stores_go_unless_held(folder):
    locks = folder / "locks"
    locks.mkdir()
    _store(folder, "modules-0123-f3.marshal", 30)
    _store(folder, "modules-4567-f3.marshal", 30)
    for name in ("modules-0123-f3.marshal", "modules-4567-f3.marshal", "views-live.marshal"):
        _store(locks, name, 30, size=0)
    _store(folder, "views-live.marshal", 0)
    import fcntl

    fd = os.open(locks / "modules-4567-f3.marshal", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)            # a build under way
        removed = sweep(folder, NOW)
    finally:
        os.close(fd)
    assert "locks/modules-0123-f3.marshal" in removed
    assert sorted(p.name for p in locks.iterdir()) == ["modules-4567-f3.marshal", "views-live.marshal"]


def test_where_reads_are_not_recorded_no_store_is_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_sweep, "reads_recorded", lambda folder: False)
    old = _store(tmp_path, "patterns-aaaa-f10-py311.marshal", 300)
    dead = _store(tmp_path, ".views-0123-q9w8.tmp", 3)
    assert sweep(tmp_path, NOW) == [dead.name]
    assert old.exists()


def test_the_probe_reports_what_the_file_system_does(tmp_path, monkeypatch):
    assert isinstance(cache_sweep.reads_recorded(tmp_path), bool)
    real_open = open

    class Unrecorded:                   # a noatime mount: a read leaves the access time
        def __init__(self, path, *args):
            self.path, self.fh = path, real_open(path, *args)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def read(self, n):
            st = os.stat(self.path)
            data = self.fh.read(n)
            os.utime(self.path, ns=(st.st_atime_ns, st.st_mtime_ns))
            return data

    monkeypatch.setattr(cache_sweep, "open", Unrecorded, raising=False)
    assert cache_sweep.reads_recorded(tmp_path) is False


def test_clean_removes_every_known_store(folder):
    _store(folder, "patterns-aaaa-f10-py311.marshal", 0)
    _index(folder, "typo-index-0123", 0)
    _store(folder, "notes.txt", 0)
    assert sorted(sweep(folder, NOW, everything=True)) == ["patterns-aaaa-f10-py311.marshal", "typo-index-0123"]
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_run_sweeps_at_most_once_a_day(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(cache_sweep, "sweep", lambda folder, now: calls.append(now))
    assert cache_upkeep.after_run(tmp_path, SWEEP_STAMP, SWEEP_PERIOD, NOW) is True
    assert cache_upkeep.after_run(tmp_path, SWEEP_STAMP, SWEEP_PERIOD, NOW + 3600) is False
    assert cache_upkeep.after_run(tmp_path, SWEEP_STAMP, SWEEP_PERIOD, NOW + 0.9 * DAY) is False
    assert len(calls) == 1
    assert cache_upkeep.after_run(tmp_path, SWEEP_STAMP, SWEEP_PERIOD, NOW + 1.1 * DAY) is True
    assert len(calls) == 2
    # a stamp from the future (the clock was set back) does not stop the sweeps for good
    assert cache_upkeep.after_run(tmp_path, SWEEP_STAMP, SWEEP_PERIOD, NOW - 30 * DAY) is True
    assert len(calls) == 3


def test_a_run_between_sweeps_only_looks_at_the_stamp(tmp_path, monkeypatch):
    from checker.core import paths

    calls = []
    monkeypatch.setattr(cache_upkeep, "after_run", lambda *args: calls.append(1))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    paths.sweep_cache_when_due()                       # no cache folder: nothing to sweep
    assert calls == []
    (tmp_path / "gwlint").mkdir()
    paths.sweep_cache_when_due()                       # never swept: due
    assert calls == [1]
    stamp = tmp_path / "gwlint" / SWEEP_STAMP
    stamp.write_bytes(b"x")
    paths.sweep_cache_when_due()                       # swept just now: not due
    assert calls == [1]
    os.utime(stamp, (NOW - 2 * DAY, NOW - 2 * DAY))
    paths.sweep_cache_when_due()                       # swept two days ago: due
    assert calls == [1, 1]


def test_upkeep_never_fails_a_run(tmp_path, monkeypatch):
    def broken(folder, now):
        raise RuntimeError("a sweep that breaks")

    monkeypatch.setattr(cache_sweep, "sweep", broken)
    assert cache_upkeep.after_run(tmp_path, SWEEP_STAMP, SWEEP_PERIOD, NOW) is False
    assert cache_upkeep.after_run(tmp_path / "missing", SWEEP_STAMP, SWEEP_PERIOD, NOW) is False   # no folder yet


def test_every_family_is_known_by_its_longest_prefix():
    assert family_of("typo-index-keys-f1.marshal") == "typo-index-keys-"
    assert family_of("typo-index-0123") == "typo-index-"
    assert family_of("jieba-emission-1-2-3.marshal") == "jieba-emission-"
    assert family_of("jieba-0.42.1-5071852-60000-prefixes-3.marshal") == "jieba-"
    assert family_of(SWEEP_STAMP) is None and family_of(cache_sweep.PROBE) is None
    assert family_of("locks") is None
    assert all(prefix.endswith("-") for prefix in FAMILIES)


def _run(cache: Path) -> None:
    import subprocess
    import sys

    doc = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("000_*.txt"))[0]   # needs jieba
    subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--no-config", "--quiet", str(doc)],
                   env={**os.environ, "XDG_CACHE_HOME": str(cache)}, capture_output=True, timeout=600)


def test_the_stores_a_run_makes_are_all_known(tmp_path):
    """Every file a real run leaves in a fresh cache folder belongs to a family (a new
    store must add its prefix to checker.core.cache_families, or it is never swept)."""
    _run(tmp_path)
    names = [p.name for p in (tmp_path / "gwlint").iterdir()]
    assert any(name.startswith("patterns-") for name in names)
    own = {"locks", SWEEP_STAMP, cache_sweep.PROBE}
    assert [name for name in names if name not in own and family_of(name) is None] == []
    assert (tmp_path / "gwlint" / SWEEP_STAMP).exists()     # the run swept its folder


def test_a_run_that_sweeps_keeps_every_store_it_used(tmp_path):
    """A month-old folder: the run reads its stores (the file system records the reads),
    then sweeps after its report; what it read stays, so the next run builds nothing."""
    _run(tmp_path)
    folder = tmp_path / "gwlint"
    if not cache_sweep.reads_recorded(folder):
        pytest.skip("this file system does not record reads (noatime)")
    month = time.time() - 30 * DAY
    for path in [folder / SWEEP_STAMP, *folder.glob("*-*"), *folder.glob("typo-index-*/*")]:
        os.utime(path, (month, month))
    before = sorted(p.name for p in folder.iterdir())
    _run(tmp_path)
    assert (folder / SWEEP_STAMP).stat().st_mtime > month + DAY     # it swept
    assert sorted(p.name for p in folder.iterdir()) == before
