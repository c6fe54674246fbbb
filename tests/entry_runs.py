"""The `gwlint` console entry run in a fresh interpreter, for tests of what a run does
(and does not) import or pay for: the entry as the console script calls it
(``checker.cli.entry.run``), with code of the test's before it and as an exit function
after it (which sees the run's state: ``sys.modules``, counters set up before)."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ONE_FILE = ["check", "--no-config", "--no-cache", "--format", "json", "doc.txt"]


def run_entry(folder: Path, args: list[str], before: str = "", after: str = "",
              env: dict | None = None) -> subprocess.CompletedProcess:
    """``gwlint ARGS`` in ``folder`` (its cache folder ``folder/cache``, its temporary one
    ``folder/tmp``), ``before`` run first and ``after`` as an exit function."""
    (folder / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, **(env or {}), "XDG_CACHE_HOME": str(folder / "cache"), "TMPDIR": str(folder / "tmp")}
    code = (f"import atexit, sys\n{before}\n"
            "def _after():\n" + "".join(f"    {line}\n" for line in (after or "pass").splitlines()) +
            f"atexit.register(_after)\nsys.argv = ['gwlint', *{args!r}]\n"
            "from checker.cli.entry import run\nrun()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=folder, env=env)


def imported_by_a_warm_run(folder: Path, names: tuple[str, ...], seed: str = "003_",
                           report: str = "json") -> list[str]:
    """Which of the modules ``names`` a one-file check of the seed starting with ``seed``
    has imported when it ends, its cache folder filled by a run before (the first run
    validates the rule set, which imports pydantic and with it much of the library);
    ``report``: the report format."""
    (source,) = SEEDS.glob(f"{seed}*.txt")
    (folder / "doc.txt").write_bytes(source.read_bytes())
    after = f"sys.stderr.write('imported %s\\n' % [m for m in {names!r} if m in sys.modules])"
    args = [report if arg == "json" else arg for arg in ONE_FILE]
    for _ in range(2):
        out = run_entry(folder, args, after=after)
    assert out.returncode in (0, 1) and ('"violations"' in out.stdout or report != "json"), out.stderr[-2000:]
    line = [x for x in out.stderr.splitlines() if x.startswith("imported ")][-1]
    return ast.literal_eval(line[len("imported "):])     # the list's repr, written by the run above
