"""Workers forked from the first one once it has built the checks (checker.engine.forked_pool)
and the runner's use of them: in order, built once, a death or an error reported, Ctrl-C and
SIGTERM leaving no worker behind, the concurrent.futures pool where the platform cannot fork."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.engine.forked import ChildDied
from checker.engine.forked_pool import ForkedPool

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
ROOT = Path(__file__).resolve().parents[1]

# A document in the shape of a work report, written for these tests: quantities, shares,
# years, a list, a repeated sentence (so the checks and the comparison have work).
DOCUMENT = """关于二〇二四年教育工作情况的报告

一、主要工作
全县新建幼儿园12所，其中公办幼儿园8所、民办幼儿园3所。
全年投入资金3.5亿元，比上年增长12.5%，占财政支出的18%。
（一）推进学校建设。完成校舍改造4.2万平方米，新增学位3600个。
（二）加强队伍建设。招聘教师320名，培训校长和骨干教师1500人次。

二、存在问题
部分学校大班额问题依然存在，部分学校大班额问题依然存在。

三、下一步打算
到2025年底，学前教育普惠率达到90%以上。
"""


def _work(items: list) -> list:
    return [(item, os.getpid(), os.getppid()) for item in items]


def _pool(items, work=_work, workers=2, chunk=2, window=8, prepare=lambda: None, built=lambda: None):
    return ForkedPool(items, workers, work, prepare, built, chunk, window)


def test_results_come_in_order_from_workers_the_first_one_forked():
    items = list(range(40))
    got = list(_pool(items))
    assert [item for item, _, _ in got] == items
    first = got[0][1]
    assert first != os.getpid() and got[0][2] == os.getpid()
    others = {pid for _, pid, _ in got} - {first}
    assert others, "one worker checked everything"
    # every other worker is the first one's child: forked after its first item
    assert {parent for _, pid, parent in got if pid != first} == {first}


def test_the_others_are_forked_only_after_the_first_item_and_built():
    def work(items):
        return [(item, os.getpid(), os.environ.get("PREFORK_TEST_BUILT")) for item in items]

    got = list(_pool(list(range(20)), work=work, built=lambda: os.environ.__setitem__("PREFORK_TEST_BUILT", "yes")))
    assert got[0][2] is None                       # the first item came before ``built``
    assert all(seen == "yes" for _, _, seen in got[1:])


def test_a_worker_that_dies_is_reported_and_the_rest_are_killed():
    def dying(items):
        if 11 in items:
            os.kill(os.getpid(), signal.SIGKILL)
        return _work(items)

    pool = _pool(list(range(30)), work=dying, chunk=1)
    seen = []
    with pytest.raises(ChildDied):
        for item, pid, _ in pool:
            seen.append(item)
    pool.shutdown(wait=False)
    assert seen == list(range(len(seen))) and len(seen) <= 11
    for pid in [pool.first] + pool.pids:           # nobody left running
        with pytest.raises(ChildProcessError if pid == pool.first else ProcessLookupError):
            if pid == pool.first:
                os.waitpid(pid, os.WNOHANG)
            else:
                _wait_gone(pid)


def _wait_gone(pid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split(") ", 1)[1].startswith("Z"):
                    raise ProcessLookupError(pid)      # a zombie: ended, not yet collected
        except FileNotFoundError:
            raise ProcessLookupError(pid) from None
        time.sleep(0.02)


def test_workers_forked_before_the_parent_heard_of_them_are_killed_too(tmp_path):
    """Stopped at once (Ctrl-C) before the first worker's first results, which name the
    others, have reached the parent: those others were left to check every chunk already
    in their pipes (on a loaded machine, a minute of a big document's work, holding the
    run's standard output open)."""
    forked, me = tmp_path / "forked", os.getpid()

    def slow(items):
        if os.getppid() != me:                     # a forked worker: say who, then work long
            with open(forked, "a") as out:
                out.write(f"{os.getpid()}\n")
            time.sleep(60)
        return _work(items)

    pool = _pool(list(range(9)), work=slow, chunk=1, built=lambda: None)
    pool._give()
    deadline = time.monotonic() + 60
    while not (forked.exists() and forked.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.02)
    (pid,) = map(int, forked.read_text().split())
    assert pool.pids == []                          # the parent has read nothing yet
    pool.shutdown(wait=False)
    with pytest.raises(ProcessLookupError):         # raised once it is gone (10 s at most)
        _wait_gone(pid)


def test_an_error_in_the_work_is_raised_in_the_parent():
    def failing(items):
        if 5 in items:
            raise ValueError("five")
        return _work(items)

    with pytest.raises(ValueError, match="five"):
        list(_pool(list(range(12)), work=failing))


def test_one_item_and_more_workers_than_items():
    assert [i for i, _, _ in _pool([7], workers=3)] == [7]
    assert [i for i, _, _ in _pool([1, 2], workers=4, chunk=16)] == [1, 2]


# -- the runner -----------------------------------------------------------------------------
def _corpus(tmp_path: Path, n: int = 12) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"doc{i:02d}.txt"
        path.write_text(DOCUMENT.replace("12所", f"{12 + i % 3}所"), encoding="utf-8")
        paths.append(str(path))
    return paths


_PROBE = r"""
import json, os, sys
from checker.engine import runner
from checker.engine.settings import build_settings
from checker.model import lexicon

paths, log = sys.argv[1:-1], sys.argv[-1]
real = runner._lint_in_worker

def probed(path):
    # what this process had before the document, and what the document made it import
    modules, built = len(sys.modules), len(lexicon._BUILT)
    result = real(path)
    with open(log, "a") as out:
        out.write(json.dumps([os.getpid(), path, built, len(sys.modules) - modules]) + "\n")
    return result

runner._lint_in_worker = probed
run = runner.run_paths(paths, build_settings(no_config=True), jobs=2)
print(json.dumps({"errors": [str(e) for e in run.errors], "found": len(run.violations),
                  "parent_built": len(lexicon._BUILT)}))
"""


def test_the_workers_find_the_checks_built(tmp_path):
    """In a fresh process (the test process may have built everything already), a run of
    two workers: one checks the first document and builds; the other's first document
    finds the tables built and imports nothing, and the parent builds nothing."""
    paths = _corpus(tmp_path)
    log = tmp_path / "log.jsonl"
    proc = subprocess.run([sys.executable, "-c", _PROBE, *paths, str(log)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["errors"] == [] and summary["found"] > 0
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    assert sorted(path for _, path, _, _ in rows) == sorted(paths)
    firsts: dict[int, list] = {}
    for pid, path, built, imported in rows:
        firsts.setdefault(pid, [path, built, imported])
    assert len(firsts) == 2, rows
    builder = next(pid for pid, (path, _, _) in firsts.items() if path == paths[0])
    assert firsts[builder][1] == 0 and firsts[builder][2] > 0      # the first document builds
    for pid, (path, built, imported) in firsts.items():
        if pid != builder:
            assert built > 0 and imported == 0, (path, built, imported)
    assert summary["parent_built"] == 0


def test_findings_equal_in_one_process_forked_workers_and_the_fallback_pool(tmp_path, monkeypatch):
    from checker.engine import forked_pool, runner
    from checker.engine.settings import build_settings

    paths = _corpus(tmp_path)

    def report(jobs):
        run = runner.run_paths(paths, build_settings(no_config=True), jobs=jobs)
        assert not run.interrupted and run.errors == []
        return list(run.violations)

    alone = report(1)
    forked = report(2)

    class NoForkedPool:
        def __init__(self, *args, **kwargs):
            raise AssertionError("the fallback must not fork workers")

    monkeypatch.setattr(runner, "FORK_WORKERS", False)
    monkeypatch.setattr(forked_pool, "ForkedPool", NoForkedPool)
    fallback = report(2)
    assert alone == forked == fallback and alone


def test_a_crash_costs_only_its_file_and_a_dead_worker_names_the_rest(tmp_path, monkeypatch):
    from checker.engine import runner
    from checker.engine.settings import build_settings

    paths = _corpus(tmp_path, 16)
    real = runner.lint_document

    def crashing(doc, *args, **kwargs):
        if doc.source.path == paths[3]:
            raise RuntimeError("boom")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(runner, "lint_document", crashing)
    run = runner.run_paths(paths, build_settings(no_config=True), jobs=2)
    assert not run.interrupted
    assert [e.path for e in run.errors] == [paths[3]] and "internal error: RuntimeError: boom" in str(run.errors[0])
    assert {v.path for v in run.violations} >= set(paths) - {paths[3]}

    real_worker = runner._lint_in_worker

    def dying(path):
        if path == paths[9]:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_worker(path)

    monkeypatch.setattr(runner, "lint_document", real)
    monkeypatch.setattr(runner, "_lint_in_worker", dying)
    run = runner.run_paths(paths, build_settings(no_config=True), jobs=2)
    assert run.interrupted
    checked = [r.path for r in run.results]
    assert checked == paths[:len(checked)] and paths[9] not in checked
    assert [str(e) for e in run.errors] == [f"{p}: not checked: a worker process ended unexpectedly"
                                             for p in paths[len(checked):]]


def _slow_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOCUMENT, encoding="utf-8")
    line = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    for name in "bcdefg":
        (tmp_path / f"{name}.txt").write_text(line * 6 + "\n", encoding="utf-8")   # seconds each


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_an_interrupted_pool_run_reports_and_leaves_no_worker(tmp_path, how):
    _slow_corpus(tmp_path)
    gwlint = [sys.executable, "-m", "checker"]
    # its own process group, as a terminal's Ctrl-C reaches a command and all it started
    proc = subprocess.Popen([*gwlint, "check", "--no-config", "--no-cache", "--format", "json", "--jobs", "2", "."],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            # as from a terminal: a test run started in the background
                            # (nohup, CI) passes SIGINT on ignored, and Python keeps it so
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_group(proc.pid)) < 3:    # the parent and two workers
        time.sleep(0.05)
    assert len(_group(proc.pid)) >= 3
    time.sleep(0.5)
    os.killpg(proc.pid, getattr(signal, how)) if how == "SIGINT" else proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    data = json.loads(out)
    assert "g.txt" in {e["path"] for e in data["errors"]}
    assert all(e["message"] == "not checked: the run was interrupted" for e in data["errors"])
    deadline = time.monotonic() + 10
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _group(proc.pid) == []


_LOST_INTERRUPT = r"""
import json, os, signal, sys, time
from checker.engine import runner
from checker.engine.settings import build_settings

def on_result(result):
    # Ctrl-C lands in code that turns the KeyboardInterrupt into another error (numpy's C
    # extension, imported by the comparison as the first result comes, reports a failed
    # import of datetime when the interrupt strikes inside it)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    except KeyboardInterrupt:
        raise ImportError("an import that swallowed the interrupt") from None

# Ctrl-C as a terminal's process has it (a suite started in the background passes it on ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)
started = time.monotonic()
run = runner.run_paths(sys.argv[1:], build_settings(no_config=True), jobs=2, on_result=on_result)
print(json.dumps({"interrupted": run.interrupted, "errors": sorted({e.message for e in run.errors}),
                  "seconds": time.monotonic() - started}))
"""


def test_an_interrupt_that_surfaces_as_another_error_still_stops_the_run_at_once(tmp_path):
    """Ctrl-C struck while an extension module was importing in the parent; the import
    failed with an ImportError instead of the KeyboardInterrupt.  The run took the error for
    a crash, waited for the workers to check every chunk they had been given, then died
    with a traceback and no report (the CI hang: minutes on a loaded machine)."""
    _slow_corpus(tmp_path)
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    proc = subprocess.run([sys.executable, "-c", _LOST_INTERRUPT, *paths], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout)
    assert got["interrupted"] and got["errors"] == ["not checked: the run was interrupted"]


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(") ", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry))
    return found


def test_the_forked_workers_are_capped_like_the_pool(monkeypatch):
    from checker.engine import forked_pool, runner
    from checker.engine.settings import build_settings

    started = []

    class Recording:
        def __init__(self, items, workers, *args):
            started.append(workers)
            raise RuntimeError("stop here")

    monkeypatch.setattr(forked_pool, "ForkedPool", Recording)
    with pytest.raises(RuntimeError):
        runner.run_paths([f"x{i}.txt" for i in range(100)], build_settings(no_config=True), jobs=64)
    assert started == [2 * (os.cpu_count() or 1)]
