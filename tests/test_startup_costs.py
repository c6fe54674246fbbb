"""What a one-file run of the `gwlint` command does not pay for (each a mechanism of
checker's start-up; the figures are in benchmarks/doc-speed.md)."""
from __future__ import annotations

import os
import subprocess
import sys


def _run_with(tmp_path, before: str, after: str, args: list[str]) -> subprocess.CompletedProcess:
    """``gwlint ARGS`` through the console entry (``run``) in a fresh interpreter, with
    ``before`` run first and ``after`` as an exit function (it sees the run's state)."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "tmp")}
    code = (f"import atexit, sys\n{before}\n"
            f"def _after():\n" + "".join(f"    {line}\n" for line in after.splitlines()) +
            f"atexit.register(_after)\nsys.argv = ['gwlint', *{args!r}]\n"
            "from checker.cli.entry import run\nrun()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)


def test_the_collector_does_not_walk_the_start_up_objects(tmp_path):
    """run() sets the collection threshold before the imports: with Python's default the
    collector ran some twenty times before the first document (0.01 CPU s)."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    before = ("import gc\ncounts = []\n"
              "gc.callbacks.append(lambda phase, info: counts.append(info['generation']) if phase == 'start' else None)")
    after = "sys.stderr.write(f'collections {len(counts)}\\n')"
    args = ["check", "--no-config", "--no-cache", "--format", "json", "empty.txt"]
    for _ in range(2):                           # the second with the stores filled
        out = _run_with(tmp_path, before, after, args)
    line = [x for x in out.stderr.splitlines() if x.startswith("collections")][-1]
    assert int(line.split()[1]) <= 5, out.stderr      # some twenty with Python's threshold
