"""A run with workers (--jobs 2) stopped by SIGTERM or Ctrl-C: the report of the files
checked, the others named as not checked, exit 130 — as a run without workers does
(tests/test_reliability.py) — and no worker left behind.

A worker pool's ``shutdown(wait=False)`` lets go of its process table, so the interrupted
run's clean-up must take the workers before it, not read the table after (it crashed with
"internal error: AttributeError" and exit 2, and the report was lost)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.processes import catches

ROOT = Path(__file__).resolve().parents[1]


def _slow_files(folder: Path, names: list[str]) -> None:
    (folder / f"{names[0]}.txt").write_text("义务教育巩固率达到103%。\n", encoding="utf-8")
    line = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    for name in names[1:]:
        (folder / f"{name}.txt").write_text(line * 6 + "\n", encoding="utf-8")   # seconds each


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads signal handlers from /proc (Linux)")
@pytest.mark.parametrize("names", [["a", "b", "c", "d"],       # a worker pool (more than two files)
                                   ["a", "b"]],                 # one forked child (an edit run's path)
                         ids=["pool", "forked"])
@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_a_run_with_workers_stopped_mid_way_reports_what_it_checked(tmp_path, names, how):
    _slow_files(tmp_path, names)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "TMPDIR": str(tmp_path)}
    env.pop("GWLINT_DEBUG", None)
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-config", "--format", "json",
                             "--jobs", "2", "--file-timeout", "0", "."],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            # a shell's background job ignores SIGINT; Popen's child does not
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    # the run's handler is set (terminate_as_interrupt) and its workers have started
    while not (catches(proc.pid, signal.SIGTERM) and _children(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    workers = _children(proc.pid)
    proc.send_signal(getattr(signal, how))
    out, err = proc.communicate(timeout=120)
    assert "internal error" not in err, err
    assert "Traceback" not in err, err       # a stopped worker ends quietly
    assert proc.returncode == 130, err
    data = json.loads(out)
    unchecked = {e["path"] for e in data["errors"]}
    assert f"{names[-1]}.txt" in unchecked
    assert all(e["message"] == "not checked: the run was interrupted" for e in data["errors"])
    found = {v["path"] for v in data["violations"]}
    assert found | unchecked >= {f"{n}.txt" for n in names} and not found & unchecked
    # no worker goes on checking after the run has ended
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]]
    assert not alive
    # no temporary file of the run left behind
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("gwlint-", "tmp"))]


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/proc/self/status").exists(),
                    reason="needs a FIFO and /proc (Linux)")
def test_idle_workers_stopped_with_the_run_end_without_a_traceback(tmp_path):
    """One worker stuck (reading a FIFO named on the command line, which this test holds
    open for writing and never ends), the other idle once the quick files are done:
    SIGTERM to the run ends both, quietly (a worker had the run's SIGTERM handler, and an
    idle one printed KeyboardInterrupt's traceback)."""
    names = ["a.txt", "b.txt", "c.txt", "z.txt"]
    for name in names[:3]:
        (tmp_path / name).write_text("义务教育巩固率达到103%。\n", encoding="utf-8")
    os.mkfifo(tmp_path / "z.txt")
    # a writer that never writes nor closes: the worker's read waits for good (a FIFO found
    # by walking the folder is not opened at all, and one without a writer is refused)
    writer = os.open(tmp_path / "z.txt", os.O_RDWR)
    env = dict(os.environ)              # the user's cache folder: warm, the quick files are quick
    env.pop("GWLINT_DEBUG", None)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-config", "--no-cache", "--format",
                                 "json", "--jobs", "2", "--file-timeout", "0", *names],
                                cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + 120
        while not (catches(proc.pid, signal.SIGTERM) and len(_children(proc.pid)) >= 2) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(6)                   # the quick files done; one worker waits on the FIFO
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(writer)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert {"path": "z.txt", "message": "not checked: the run was interrupted"} in json.loads(out)["errors"]
