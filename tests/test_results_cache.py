"""The results cache (.gwlint_cache): the same report whether a file was checked or taken
from the cache, with one worker or two; an edit re-checks the edited file only, and the
cross-document findings follow it; a broken entry is a miss, never an error.  No timing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GWLINT = [sys.executable, "-m", "checker"]

# Written for these tests: two documents share a long sentence (a cross-document copy), one
# of them silences a rule on a line, and each has a problem of its own.
SHARED = "全面推进基层卫生服务能力提升工程，年内完成乡镇卫生院标准化改造任务并通过验收。"
DOC_A = f"""一、工作进展
今年以来，我局稳步推进各项工作，合格率达到１００%。
{SHARED}
<!-- gwlint-disable-next-line percent-sign-mixed -->
抽检合格率为９８％。
"""
DOC_B = f"""一、主要做法
加强组织领导，明确责任分工，推动工作落实落细。
{SHARED}
二、下一步打算
继续做好督促检查工作，确保各项任务按期完成。
"""
DOC_C = """一、总体目标
到2026年底，建成覆盖城乡的公共服务体系，服务满意度达到90%以上。
"""


def run(*args, cwd, check=True):
    proc = subprocess.run([*GWLINT, *args], capture_output=True, text=True, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc


def report(cwd, *extra) -> dict:
    return json.loads(run("check", "--no-config", "--format", "json", *extra, ".", cwd=cwd).stdout)


@pytest.fixture()
def corpus(tmp_path):
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    (tmp_path / "c.txt").write_text(DOC_C, encoding="utf-8")
    return tmp_path


def _rules(rep: dict) -> set[str]:
    return {v["rule"] for v in rep["violations"]}


def test_reports_are_identical_uncached_cold_warm_and_with_one_or_two_workers(corpus):
    uncached = report(corpus, "--no-cache", "--jobs", "2")
    assert not (corpus / ".gwlint_cache").exists()
    assert "duplicate-across-files" in _rules(uncached)       # the corpus exercises the cross-file phase
    assert report(corpus, "--no-cache", "--jobs", "1") == uncached
    cold = report(corpus, "--jobs", "2")
    assert (corpus / ".gwlint_cache").is_dir()
    assert report(corpus, "--jobs", "2") == cold == uncached   # warm
    assert report(corpus, "--jobs", "1") == uncached


def test_text_report_and_single_file_runs_are_the_same_warm_and_cold(corpus):
    for args in (["--format", "text", "--color", "never", "."], ["--format", "json", "a.txt"],
                 ["--format", "json", "--select", "unit-consistency", "."], ["--format", "json", "--ignore", "duplicate", "."]):
        cold = run("check", "--no-config", "--no-cache", *args, cwd=corpus).stdout
        assert run("check", "--no-config", *args, cwd=corpus).stdout == cold, args
        assert run("check", "--no-config", *args, cwd=corpus).stdout == cold, args


def test_a_baseline_gives_the_same_report_warm_and_cold(corpus):
    run("check", "--no-config", "--no-cache", "--write-baseline", "base.json", ".", cwd=corpus)
    (corpus / "c.txt").write_text(DOC_C + "全年产品抽检合格率达到105%。\n", encoding="utf-8")
    cold = report(corpus, "--no-cache", "--baseline", "base.json")
    assert cold["violations"]                                   # the new line is reported
    assert report(corpus, "--baseline", "base.json") == cold
    assert report(corpus, "--baseline", "base.json") == cold


def _settings(root: Path):
    from checker.engine.settings import build_settings

    return build_settings(no_config=True, cwd=root)


def _run(root: Path, jobs: int = 1):
    from checker.engine.runner import run_paths

    old = os.getcwd()
    os.chdir(root)
    try:
        paths = sorted(p.name for p in root.glob("*.txt"))
        return run_paths(paths, _settings(root), jobs=jobs, cache=True)
    finally:
        os.chdir(old)


def _copies(run) -> list[tuple[str, int]]:
    return sorted((v.path, v.line) for v in run.violations if v.rule == "duplicate-across-files")


def test_an_edit_rechecks_that_file_only_and_the_cross_file_findings_follow_it(corpus):
    first = _run(corpus)
    assert sorted(first.cache.rechecked) == sorted(p.name for p in corpus.glob("*.txt"))
    assert ("b.txt", 3) in _copies(first)                      # b repeats a's sentence
    second = _run(corpus)
    assert second.cache.rechecked == [] and second.violations == first.violations

    # c now copies the shared sentence too: only c is checked, and the copy is found in it
    (corpus / "c.txt").write_text(DOC_C + SHARED + "\n", encoding="utf-8")
    third = _run(corpus)
    assert third.cache.rechecked == ["c.txt"]
    assert ("c.txt", 3) in _copies(third)
    uncached = run("check", "--no-config", "--no-cache", "--format", "json", ".", cwd=corpus).stdout
    assert report(corpus) == json.loads(uncached)

    # a loses the sentence: b's copy is no longer one of a's, it is the first occurrence
    (corpus / "a.txt").write_text(DOC_A.replace(SHARED + "\n", ""), encoding="utf-8")
    fourth = _run(corpus, jobs=2)
    assert fourth.cache.rechecked == ["a.txt"]
    assert ("b.txt", 3) not in _copies(fourth) and ("c.txt", 3) in _copies(fourth)
    uncached = run("check", "--no-config", "--no-cache", "--format", "json", ".", cwd=corpus).stdout
    assert report(corpus) == json.loads(uncached)


def test_a_suppression_used_by_the_cross_file_phase_stays_used_when_that_phase_is_cached(corpus):
    (corpus / "b.txt").write_text(DOC_B.replace(SHARED, "<!-- gwlint-disable-next-line duplicate-across-files -->\n"
                                                + SHARED), encoding="utf-8")
    cold = report(corpus, "--no-cache")
    assert "duplicate-across-files" not in _rules(cold) and "unused-suppression" not in _rules(cold)
    assert report(corpus) == cold
    assert report(corpus) == cold


def test_a_corrupt_or_truncated_entry_is_a_miss_and_is_written_again(corpus):
    expected = report(corpus, "--no-cache")
    assert report(corpus) == expected
    entries = sorted((corpus / ".gwlint_cache").glob("results-*/*.json"))
    assert entries
    for i, entry in enumerate(entries):
        entry.write_bytes(b"\x00garbage" if i % 3 == 0 else entry.read_bytes()[: len(entry.read_bytes()) // 2])
    proc = run("check", "--no-config", "--format", "json", ".", cwd=corpus)
    assert proc.stderr == "" and json.loads(proc.stdout) == expected
    run_again = _run(corpus)
    assert run_again.cache.rechecked == []                     # every entry was rewritten
    assert report(corpus) == expected


def test_changed_settings_do_not_reuse_results(corpus):
    report(corpus)
    (corpus / ".gwlint.yaml").write_text("rules:\n  percent-sign-mixed:\n    severity: error\n", encoding="utf-8")
    proc = run("check", "--format", "json", ".", cwd=corpus)
    severities = {v["severity"] for v in json.loads(proc.stdout)["violations"] if v["rule"] == "percent-sign-mixed"}
    assert severities == {"error"}
    assert len(list((corpus / ".gwlint_cache").glob("results-*"))) == 2


def test_the_cache_folder_ignores_itself_for_git(corpus):
    report(corpus)
    assert (corpus / ".gwlint_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_json_report_over_unchanged_files_is_copied_from_the_stored_report(corpus):
    expected = report(corpus, "--no-cache")
    assert report(corpus) == expected                          # cold: stores the report
    folder = next((corpus / ".gwlint_cache").glob("results-*"))
    stored = list(folder.glob("report-*.txt"))
    assert len(stored) == 1
    for entry in folder.glob("*.json"):                        # every file's entry gone: only the report
        if not entry.name.startswith("report-"):
            entry.unlink()
    assert report(corpus) == expected
    assert not [e for e in folder.glob("*.json") if not e.name.startswith("report-")]   # nothing checked
    # a stored report whose text does not match its header (same size) is a miss
    blob = bytearray(stored[0].read_bytes())
    blob[10:12] = b"xx" if blob[10:12] != b"xx" else b"yy"
    stored[0].write_bytes(bytes(blob))
    assert report(corpus) == expected
    # an edit makes another report: the old one is not taken for it
    (corpus / "c.txt").write_text(DOC_C + SHARED + "\n", encoding="utf-8")
    edited = report(corpus)
    assert edited == report(corpus, "--no-cache") and edited != expected
    assert report(corpus) == edited
    assert len(list(folder.glob("report-*.txt"))) == 2
    for n in range(4):                 # older reports and phase entries are pruned
        (corpus / "c.txt").write_text(DOC_C + "（第%d次修改）\n" % n, encoding="utf-8")
        report(corpus)
    assert len(list(folder.glob("report-*.txt"))) == 2 == len(list(folder.glob("report-*.json")))
    assert len(list(folder.glob("corpus-*.json"))) == 4
    assert report(corpus) == report(corpus, "--no-cache")


def test_the_stored_report_serves_a_report_file_and_the_text_report_is_unaffected(corpus):
    expected = run("check", "--no-config", "--no-cache", "--format", "json", ".", cwd=corpus).stdout
    for _ in range(2):
        run("check", "--no-config", "--format", "json", "--output", "out.json", ".", cwd=corpus)
        assert (corpus / "out.json").read_text(encoding="utf-8") == expected
        (corpus / "out.json").unlink()
    text = run("check", "--no-config", "--no-cache", "--format", "text", "--color", "never", ".", cwd=corpus).stdout
    assert run("check", "--no-config", "--format", "text", "--color", "never", ".", cwd=corpus).stdout == text


_HAN = ("建设发展改革创新服务管理工作推进完成实施项目资金保障安全教育医疗卫生交通水利农业工业"
        "科技文化旅游生态环境城市乡村社区企业市场投资消费就业收入住房养老托育救助治理")


def _random_sentence(rng) -> str:
    return "".join(rng.choice(_HAN) for _ in range(rng.randint(22, 30))) + "。"


_POOL = [_random_sentence(__import__("random").Random(i)) for i in range(16)]


def _document(rng, n: int, pool: int = 16) -> str:
    """Sentences of its own, a few from the shared pool, some of those a near copy."""
    lines = [f"{'一二三四五六'[n % 6]}、重点工作"]
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.35:
            sentence = rng.choice(_POOL[:pool])
            if rng.random() < 0.3:          # a near copy: one character changed
                at = rng.randrange(2, 12)
                sentence = sentence[:at] + "和" + sentence[at + 1:]
        else:
            sentence = _random_sentence(rng)
        lines.append(sentence)
    return "\n".join(lines) + "\n"


def _pool_sentence(i: int) -> str:
    return _POOL[i % len(_POOL)]


@pytest.mark.parametrize("pool", [16, 2])
def test_an_edit_updates_the_cross_file_index_and_its_findings_match_a_full_comparison(tmp_path, pool):
    """Random documents sharing sentences and near copies; each round edits one or two of
    them (copies added, removed, moved), and the updated comparison reports exactly what
    comparing every document afresh reports.  With a pool of 2 shared sentences their
    buckets are full (bucket_size) after a few documents, which later edits then do not
    reach."""
    import random

    from checker.engine.runner import run_paths

    rng = random.Random(7)
    names = [f"d{i:02d}.txt" for i in range(24)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(_document(rng, i, pool), encoding="utf-8")
    first = _run(tmp_path)
    assert first.cache.phase == "compared"
    updated_rounds = partial = 0
    for round_ in range(6):
        edited = rng.sample(names, rng.choice([1, 1, 2]))
        for name in edited:
            text = (tmp_path / name).read_text(encoding="utf-8")
            lines = text.splitlines()
            if round_ % 3 == 2 and len(lines) > 2:
                del lines[rng.randrange(1, len(lines))]          # a copy removed
            else:
                lines.insert(rng.randrange(1, len(lines) + 1), _pool_sentence(rng.randrange(pool)))
            (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        warm = _run(tmp_path, jobs=1 + round_ % 2)
        assert sorted(warm.cache.rechecked) == sorted(edited)
        updated_rounds += warm.cache.phase == "updated"
        assert set(edited) <= set(warm.cache.affected) or warm.cache.phase != "updated"
        partial += len(warm.cache.affected) < len(names) - 6     # most documents kept as they were
        old = os.getcwd()
        os.chdir(tmp_path)
        try:
            full = run_paths(sorted(names), _settings(tmp_path), jobs=1)
        finally:
            os.chdir(old)
        assert [(v, v.message) for v in warm.violations] == [(v, v.message) for v in full.violations], round_
        assert any(v.rule == "duplicate-across-files" for v in full.violations)
    assert updated_rounds == 6 and partial >= 3
    # a line added after the last sentence shows the other documents nothing new: only
    # that document is compared again, and the findings are still a full comparison's
    first_name = names[0]
    (tmp_path / first_name).write_text((tmp_path / first_name).read_text(encoding="utf-8") + "（修改）\n",
                                       encoding="utf-8")
    warm = _run(tmp_path)
    assert warm.cache.phase == "updated" and warm.cache.affected == [first_name]
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        full = run_paths(sorted(names), _settings(tmp_path), jobs=1)
    finally:
        os.chdir(old)
    assert [(v, v.message) for v in warm.violations] == [(v, v.message) for v in full.violations]


def _newest_phase(root: Path) -> Path:
    return max((root / ".gwlint_cache").glob("results-*/corpus-*.json"), key=lambda p: p.stat().st_mtime_ns)


def test_the_stored_findings_read_a_piece_at_a_time_are_the_findings_stored(tmp_path, monkeypatch):
    """An edit run reads the last comparison's findings as it takes them (phase_stream), a
    megabyte at a time: here a few bytes at a time, so that rows and multi-byte characters
    are cut between pieces."""
    import random

    from checker.engine import results_cache

    rng = random.Random(3)
    for i in range(12):
        (tmp_path / f"d{i:02d}.txt").write_text(_document(rng, i), encoding="utf-8")
    first = _run(tmp_path)
    entry = _newest_phase(tmp_path)
    key = entry.name[len("corpus-"):-len(".json")]
    whole, used = first.cache.load_phase(key, rows=True)
    assert len(whole) > 3
    for size in (1, 7, 1 << 20):
        monkeypatch.setattr(results_cache, "_CHUNK", size)
        rows, used_read = first.cache.phase_stream(key)
        assert list(rows) == whole and used_read == used
    entry.write_bytes(entry.read_bytes()[:-40])               # cut short: not an entry
    assert first.cache.phase_stream(key) is None


def test_an_unreadable_stored_finding_after_an_edit_means_a_full_comparison(tmp_path, monkeypatch):
    """A row of the stored findings that cannot be read shows only once some rows were
    spooled (three at a time here): they are taken back, and every document is compared
    again, with and without the spool."""
    import random

    from checker.engine import runner

    monkeypatch.setattr(runner, "_BATCH", 3)
    rng = random.Random(5)
    names = [f"d{i:02d}.txt" for i in range(16)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(_document(rng, i), encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        runner.run_paths(sorted(names), _settings(tmp_path), jobs=1, cache=True, spool=True)
        for round_, spool in enumerate((True, False)):
            entry = _newest_phase(tmp_path)
            text = entry.read_text(encoding="utf-8")
            middle = text.index("],[", len(text) // 2)
            assert text.count("],[", 0, middle) >= 6                # rows spooled before it
            entry.write_text(text[:middle] + '],"not a row",[' + text[middle + 3:], encoding="utf-8")
            edited = tmp_path / names[3 + round_]
            edited.write_text(edited.read_text(encoding="utf-8") + _pool_sentence(round_) + "\n", encoding="utf-8")
            warm = runner.run_paths(sorted(names), _settings(tmp_path), jobs=1, cache=True, spool=spool)
            assert warm.cache.phase == "compared" and warm.cache.rechecked == [names[3 + round_]]
            full = runner.run_paths(sorted(names), _settings(tmp_path), jobs=1)
            assert [(v, v.message) for v in warm.violations] == [(v, v.message) for v in full.violations]
    finally:
        os.chdir(old)


def test_the_cache_is_where_and_as_its_paths_said_with_a_root_as_text_or_a_path(tmp_path):
    # ResultsCache works on text (no pathlib on the one-file path); its folders, and the
    # fingerprint that names one, are those of the root as a Path: a cache kept by an earlier
    # version is still found, and root/folder still give (and take) Paths
    from checker.engine.results_cache import FOLDER, ResultsCache, settings_fingerprint

    as_text = _settings(tmp_path)
    assert isinstance(as_text.root_text, str)
    fingerprint = settings_fingerprint(as_text, False)
    as_path = _settings(tmp_path)
    as_path.root = Path(as_path.root_text)
    assert settings_fingerprint(as_path, False) == fingerprint
    for settings in (as_text, as_path):
        cache = ResultsCache(settings, False)
        assert cache.root == Path(tmp_path).resolve() / FOLDER and isinstance(cache.root, Path)
        assert cache.folder == cache.root / f"results-{fingerprint}" and isinstance(cache.folder, Path)
        assert cache.folder_text == str(cache.folder)
    cache.folder = tmp_path / "elsewhere"
    assert cache.folder_text == str(tmp_path / "elsewhere") and cache.folder == tmp_path / "elsewhere"
