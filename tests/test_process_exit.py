"""The `gwlint` command ends its process without the interpreter's teardown
(checker.cli.process_exit): same report, exit code and exit functions; the ordinary
ending wherever the teardown still has work (threads, profilers, a closed pipe)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checker.cli.process_exit import exit_code

# An object whose finaliser speaks, made by an exit function (after run_check's
# gc.freeze, whose objects the teardown leaves alone) and held by sys.modules, which the
# teardown empties: its line tells which ending the process took.
_PRELUDE = """
import atexit, os, sys
class Witness:
    def __del__(self, write=os.write):   # bound now: module globals are None by then
        write(2, b"torn down\\n")
atexit.register(lambda: sys.modules.__setitem__("witness", Witness()))
atexit.register(lambda: sys.stderr.write("exit function ran\\n"))
"""


def _run(tmp_path, body: str, args: list[str], **kwargs):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = _PRELUDE + body + f"\nsys.argv = ['gwlint', *{args!r}]\nfrom checker.cli.entry import run\nrun()\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=tmp_path, env=env, **kwargs)


@pytest.fixture
def document(tmp_path):
    # half-width commas between Chinese words: findings in every run
    (tmp_path / "doc.txt").write_text("一、总体要求\n全市各单位要加强管理,提高效率,确保完成任务。\n" * 40, encoding="utf-8")
    return "doc.txt"


def test_a_check_run_skips_the_teardown_and_keeps_report_code_and_exit_functions(tmp_path, document):
    import json

    out = _run(tmp_path, "", ["check", "--no-config", "--no-cache", "--format", "json", document])
    report = json.loads(out.stdout.decode("utf-8"))          # written whole through the pipe
    assert report["files"] == 1 and report["violations"]
    assert out.returncode == 1                                # violations at warning level
    err = out.stderr.decode()
    assert "exit function ran" in err and "torn down" not in err, err
    # the stores gwlint keeps at exit were written (exit functions of its own)
    assert any(name.startswith("code-") for name in os.listdir(tmp_path / "cache" / "gwlint"))


def test_exit_codes_are_those_of_sys_exit(tmp_path, document):
    assert _run(tmp_path, "", ["check", "--no-config", "--no-cache", "--exit-zero", document]).returncode == 0
    usage = _run(tmp_path, "", ["check", "--no-such-option"])
    assert usage.returncode == 2 and b"unrecognized arguments" in usage.stderr
    version = _run(tmp_path, "", ["--version"])
    assert version.returncode == 0 and version.stdout.startswith(b"gwlint ")
    assert b"torn down" not in version.stderr
    assert [exit_code(s) for s in (None, 0, 1, 2, True, "message")] == [0, 0, 1, 2, 1, None]


def test_a_running_thread_or_a_profiler_gets_the_ordinary_ending(tmp_path, document):
    # the thread lives until the run is ending (leave's module imported), and a little more
    thread = ("import threading, time\n"
              "def wait():\n"
              "    while 'checker.cli.process_exit' not in sys.modules:\n"
              "        time.sleep(0.01)\n"
              "    time.sleep(0.2)\n"
              "    sys.stderr.write('thread done\\n')\n"
              "threading.Thread(target=wait).start()\n")
    out = _run(tmp_path, thread, ["check", "--no-config", "--no-cache", "--exit-zero", document])
    assert out.returncode == 0
    assert b"thread done" in out.stderr and b"torn down" in out.stderr    # joined, then torn down
    profiled = _run(tmp_path, "sys.setprofile(lambda *a: None)\n", ["--version"])
    assert profiled.returncode == 0 and b"torn down" in profiled.stderr


def test_a_closed_pipe_is_reported_as_the_interpreter_always_did(tmp_path, document):
    """The reader of standard output went away: the flush fails, the ordinary ending
    reports it and exits 120 (what a plain ``sys.exit`` gives), nothing is lost silently."""
    body = ("import io\n"
            "class Closed(io.TextIOWrapper):\n"
            "    def flush(self):\n"
            "        raise BrokenPipeError(32, 'Broken pipe')\n"
            "sys.stdout = Closed(io.BytesIO(), encoding='utf-8')\n"
            "sys.stdout.write('pending')\n")
    out = _run(tmp_path, body, ["--version"])
    assert b"torn down" in out.stderr
    assert out.returncode == 120, (out.returncode, out.stderr[-500:])
