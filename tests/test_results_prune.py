"""The results cache kept bounded: folders of fingerprints no run uses and superseded
entries unused for two weeks go; an unchanged file's entry, the entries of files a subset
run did not see, and anything used lately stay; an entry removed under a reader is a
miss; a run prunes at most once a day, and a warm run's hits do not change."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from checker.core.cache_sweep import DAY
from checker.engine import results_cache, results_prune, results_upkeep
from checker.engine.results_cache import FOLDER, PRUNE_STAMP, ResultsCache

NOW = time.time()


def _age(path: Path, days: float) -> None:
    then = NOW - days * DAY
    os.utime(path, (then, then))


def _entry(folder: Path, path: str, key: str | None = None, days: float = 0, corpus: bool = True) -> str:
    """A file's entry for ``path`` (the key of its present bytes unless ``key``), last
    used ``days`` days ago."""
    key = key or ResultsCache.key(path)
    (folder / f"{key}.json").write_text(json.dumps({"format": 1, "path": path}), encoding="utf-8")
    _age(folder / f"{key}.json", days)
    if corpus:
        (folder / f"{key}.corpus.json").write_text("{}", encoding="utf-8")
        _age(folder / f"{key}.corpus.json", days)
    return key


@pytest.fixture
def project(tmp_path, monkeypatch):
    # the machine's file system may be mounted noatime: the probe is tested in test_cache_sweep
    monkeypatch.setattr(results_prune, "reads_recorded", lambda folder: True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / FOLDER).mkdir()
    return tmp_path


def _fingerprint(project: Path, name: str, days: float) -> Path:
    folder = project / FOLDER / f"results-{name}"
    folder.mkdir()
    (folder / "report-0.txt").write_text("x")
    _age(folder / "report-0.txt", days)
    _age(folder, days)
    return folder


def test_folders_of_fingerprints_no_run_used_go(project):
    old = _fingerprint(project, "a" * 32, 30)
    recent = _fingerprint(project, "b" * 32, 3)
    read = _fingerprint(project, "c" * 32, 30)
    then = NOW - DAY
    os.utime(read / "report-0.txt", (then, NOW - 30 * DAY))    # written long ago, read yesterday
    (project / FOLDER / "reference-index.json").write_text("{}")   # not the prune's
    _age(project / FOLDER / "reference-index.json", 300)
    removed = results_prune.prune(project / FOLDER, NOW)
    assert removed == [old.name]
    assert sorted(p.name for p in (project / FOLDER).iterdir()) == [
        "reference-index.json", recent.name, read.name]


def test_superseded_entries_unused_for_two_weeks_go(project):
    folder = _fingerprint(project, "a" * 32, 0)
    (project / "a.txt").write_text("一、现在的版本\n", encoding="utf-8")
    (project / "b.txt").write_text("二、没有改过\n", encoding="utf-8")
    edited = _entry(folder, "a.txt", "1" * 40, days=20)            # a.txt's bytes before an edit
    fresh_edit = _entry(folder, "a.txt", "2" * 40, days=2)         # another, used two days ago
    gone = _entry(folder, "deleted.txt", "3" * 40, days=20, corpus=False)
    current = _entry(folder, "a.txt", days=20)                     # present bytes: stays
    unchanged = _entry(folder, "b.txt", days=400)                  # never seen again by a run: stays
    indexed = _entry(folder, "c.txt", "4" * 40, days=20)           # named by the kept index: stays
    (folder / "index.json").write_text(json.dumps({"format": 1, "keys": {"c.txt": indexed}}))
    _age(folder / "index.json", 20)
    (folder / ".entry-dead.tmp").write_text("half")                # a killed writer's
    _age(folder / ".entry-dead.tmp", 2)
    (folder / ".entry-live.tmp").write_text("half")                # a live writer's
    removed = results_prune.prune(project / FOLDER, NOW)
    assert sorted(removed) == sorted(f"{folder.name}/{n}" for n in (
        f"{edited}.json", f"{edited}.corpus.json", f"{gone}.json", ".entry-dead.tmp"))
    left = {p.name for p in folder.iterdir()}
    for key in (fresh_edit, current, unchanged, indexed):
        assert {f"{key}.json", f"{key}.corpus.json"} <= left
    assert ".entry-live.tmp" in left


def test_an_entry_is_current_from_the_cache_root_as_well(project, tmp_path_factory):
    folder = _fingerprint(project, "a" * 32, 0)
    (project / "a.txt").write_text("一、版本\n", encoding="utf-8")
    key = _entry(folder, "a.txt", days=30)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert results_prune.prune(project / FOLDER, NOW, cwd=str(elsewhere)) == []
    assert (folder / f"{key}.json").exists()


def test_where_reads_are_not_recorded_only_leftovers_go(project, monkeypatch):
    monkeypatch.setattr(results_prune, "reads_recorded", lambda folder: False)
    old = _fingerprint(project, "a" * 32, 300)
    edited = _entry(old, "a.txt", "1" * 40, days=300)
    (old / ".entry-dead.tmp").write_text("half")
    _age(old / ".entry-dead.tmp", 2)
    _age(old, 300)
    assert results_prune.prune(project / FOLDER, NOW) == [f"{old.name}/.entry-dead.tmp"]
    assert (old / f"{edited}.json").exists()


def test_clean_everything_removes_every_fingerprint(project):
    _fingerprint(project, "a" * 32, 0)
    _fingerprint(project, "b" * 32, 0)
    assert len(results_prune.prune(project / FOLDER, NOW, everything=True)) == 2
    assert not any(p.name.startswith("results-") for p in (project / FOLDER).iterdir())


def test_an_entry_removed_under_a_reader_is_a_miss(project):
    cache = ResultsCache.__new__(ResultsCache)      # a cache of that folder, no settings needed
    cache.root = project / FOLDER
    cache.folder = _fingerprint(project, "a" * 32, 0)
    (project / "a.txt").write_text("一、版本\n", encoding="utf-8")
    key = _entry(cache.folder, "a.txt", "1" * 40)
    assert cache.has(key)
    os.unlink(cache.folder / f"{key}.json")        # pruned between has() and load()
    assert cache.load("a.txt", key) is None
    assert cache.load_summary(key, "duplicate-sentence") is None
    os.rename(cache.folder, project / FOLDER / ".pruned-x")   # the whole folder set aside
    assert cache.load_phase("0" * 40) is None
    assert cache.phase_stream("0" * 40) is None
    assert cache.load_report("0" * 40) is None
    assert cache.load_index() is None


def test_a_run_prunes_at_most_once_a_day(project, monkeypatch):
    calls = []
    monkeypatch.setattr(results_prune, "prune", lambda root, now: calls.append(now))
    monkeypatch.setattr(results_cache, "due_for_prune", set())   # not what earlier tests' runs left
    root = project / FOLDER
    for now, due in ((NOW, True), (NOW + 3600, False), (NOW + 0.9 * DAY, False), (NOW + 1.1 * DAY, True),
                     (NOW - 30 * DAY, True)):   # the last: a stamp from the future is due
        monkeypatch.setattr(time, "time", lambda now=now: now)
        results_cache._note_if_due(root)
        assert (str(root) in results_cache.due_for_prune) is due, now - NOW
        results_upkeep.prune_when_due(now)
    assert calls == [NOW, NOW + 1.1 * DAY, NOW - 30 * DAY]
    # a first run, before the folder exists: nothing to prune
    results_cache._note_if_due(project / "elsewhere" / FOLDER)
    assert not results_cache.due_for_prune


def test_a_prune_that_breaks_never_fails_a_run(project, monkeypatch):
    def broken(root, now):
        raise RuntimeError("a prune that breaks")

    monkeypatch.setattr(results_prune, "prune", broken)
    results_cache._note_if_due(project / FOLDER)
    results_upkeep.prune_when_due()
    assert not results_cache.due_for_prune


def _documents(folder: Path) -> list[str]:
    texts = ("一、总体目标\n到2026年底完成。\n", "二、主要做法\n加强组织领导。\n", "三、下一步打算\n继续做好督促检查工作。\n")
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return [f"{n}.txt" for n in range(len(texts))]


def test_a_subset_run_keeps_the_entries_of_the_files_it_did_not_see(project):
    from checker.engine.runner import run_paths
    from checker.engine.settings import build_settings

    paths = _documents(project)
    settings = build_settings(no_config=True)
    full = run_paths(paths, settings, jobs=1, cache=True)
    folder = full.cache.folder
    for path in [*folder.iterdir(), folder]:           # every entry a month unused
        _age(path, 30)
    old = {p.name for p in folder.iterdir()}
    edited = ResultsCache.key("0.txt")
    (project / "0.txt").write_text("一、总体目标\n到2027年底完成。\n", encoding="utf-8")
    # a pre-commit hook's run over the files of a commit: the edited one and one more
    subset = run_paths(paths[:2], settings, jobs=1, cache=True)
    assert subset.cache.folder == folder and subset.cache.rechecked == ["0.txt"]
    assert str(project / FOLDER) in results_cache.due_for_prune
    results_upkeep.prune_when_due()
    assert (project / FOLDER / PRUNE_STAMP).exists()
    assert old - {p.name for p in folder.iterdir()} == {f"{edited}.json", f"{edited}.corpus.json"}
    again = run_paths(paths, settings, jobs=1, cache=True)
    assert sorted(again.cache.reused) == paths          # 2.txt, unseen by the subset run, still a hit
    assert again.cache.rechecked == []


def test_a_warm_run_after_a_prune_takes_every_file_from_the_cache(project):
    from checker.engine.runner import run_paths
    from checker.engine.settings import build_settings

    paths = _documents(project)
    settings = build_settings(no_config=True)
    first = run_paths(paths, settings, jobs=1, cache=True)
    folder = first.cache.folder
    stale = _entry(folder, "0.txt", "5" * 40)           # an older version of 0.txt
    for path in folder.iterdir():                       # a month unused, the files unchanged
        _age(path, 30)
    removed = results_prune.prune(project / FOLDER, NOW)   # the folder was written just now
    assert sorted(removed) == [f"{folder.name}/{stale}.corpus.json", f"{folder.name}/{stale}.json"]
    warm = run_paths(paths, settings, jobs=1, cache=True)
    assert sorted(warm.cache.reused) == paths and warm.cache.rechecked == []
    assert [v.message for v in warm.violations] == [v.message for v in first.violations]
