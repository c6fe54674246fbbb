"""The `gwlint` console entry run in a fresh interpreter, for tests of what a run does
(and does not) import or pay for: the entry as the console script calls it
(``checker.cli.entry.run``), with code of the test's before it and as an exit function
after it (which sees the run's state: ``sys.modules``, counters set up before).

``plain`` runs it as a regular install starts: without ``site`` (``python -S``), the
checkout and this environment's packages put on ``sys.path`` by hand.  The test
environment is an editable install, whose ``.pth`` file (run by ``site`` at every start)
imports pathlib, urllib.parse, enum, contextlib... before gwlint does: a test that a run
does not import one of those sees nothing otherwise."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ONE_FILE = ["check", "--no-config", "--no-cache", "--format", "json", "doc.txt"]
ONE_FILE_TEXT = ["check", "--no-config", "--no-cache", "doc.txt"]       # the default format
CACHED = ["check", "--no-config", "--format", "json", "doc.txt"]           # with the results cache
CACHED_TEXT = ["check", "--no-config", "doc.txt"]
_PLAIN_PATH = list(dict.fromkeys([str(SEEDS.parent), *(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))]))


def run_entry(folder: Path, args: list[str], before: str = "", after: str = "",
              env: dict | None = None, plain: bool = False, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``gwlint ARGS`` in ``folder`` (its cache folder ``folder/cache``, its temporary one
    ``folder/tmp``), ``before`` run first and ``after`` as an exit function; ``plain``: as
    a regular install starts (see the module's note); ``cwd``: run there, not in ``folder``."""
    (folder / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, **(env or {}), "XDG_CACHE_HOME": str(folder / "cache"), "TMPDIR": str(folder / "tmp")}
    code = (f"import atexit, sys\n{before}\n"
            "def _after():\n" + "".join(f"    {line}\n" for line in (after or "pass").splitlines()) +
            f"atexit.register(_after)\nsys.argv = ['gwlint', *{args!r}]\n"
            "from checker.cli.entry import run\nrun()\n")
    if plain:
        code = f"import sys\nsys.path[:0] = {_PLAIN_PATH!r}\n{code}"
    flags = ["-S"] if plain else []
    return subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True, cwd=cwd or folder, env=env)


def settle(folder: Path, args: list[str], plain: bool = False) -> None:
    """Runs ``gwlint ARGS`` until its cache folder is as a user's is after a few runs: the
    stores made, and vouched for by a run made when they were older than the window of
    ``checker.core.vouched`` (a run that vouches writes its record, with tempfile; on a
    slow machine that may be the second run, so a test of what the steady run does must
    not measure the second run)."""
    import time

    from checker.core.vouched import RACY_NS

    run_entry(folder, args, plain=plain)
    time.sleep(RACY_NS / 1e9 + 0.1)
    run_entry(folder, args, plain=plain)


def imported_by_a_warm_run(folder: Path, names: tuple[str, ...], seed: str = "003_", args: list[str] = ONE_FILE,
                           plain: bool = False) -> list[str]:
    """Which of the modules ``names`` a one-file check (``args``) of the seed starting with
    ``seed`` has imported when it ends, its cache folder filled by a run before (the first
    run validates the rule set, which imports pydantic and with it much of the library);
    ``plain`` as ``run_entry``'s."""
    (source,) = SEEDS.glob(f"{seed}*.txt")
    (folder / "doc.txt").write_bytes(source.read_bytes())
    for _ in range(2):
        out = _run_noting(folder, names, args, plain)
    return _imported(out, args)


def imported_by_cached_runs(folder: Path, names: tuple[str, ...], seed: str = "003_",
                            args: list[str] = CACHED, plain: bool = False) -> dict[str, list[str]]:
    """Which of the modules ``names`` each run of a default one-file check (``args``, with
    the results cache in ``folder/.gwlint_cache``) has imported when it ends: ``miss``,
    the file's first run; ``hit``, the next (its results taken from the cache); ``edited``,
    one after a line was added to the file.  Its cache folder is filled first by two such
    runs in another project (``folder/warm``: the first run validates the rule set, and
    the stores of the modules a run imports are written again when it imports others),
    and the daily prune of the results cache is stamped done after the first (the second
    run of a project prunes it, once a day: that imports what the prune needs)."""
    (source,) = SEEDS.glob(f"{seed}*.txt")
    doc = folder / "doc.txt"
    doc.write_bytes(source.read_bytes())
    (folder / "warm").mkdir()
    (folder / "warm" / "doc.txt").write_bytes(source.read_bytes())
    for _ in range(2):
        _succeeded(run_entry(folder, args, plain=plain, cwd=folder / "warm"), args)
    found, outputs, entries = {}, {}, []
    for step in ("miss", "hit", "edited"):
        if step == "edited":
            with open(doc, "a", encoding="utf-8") as fh:
                fh.write("\n附加的一行。\n")
        out = _run_noting(folder, names, args, plain)
        found[step] = _imported(out, args)
        outputs[step] = out.stdout
        entries.append(sorted(p.name for p in (folder / ".gwlint_cache").glob("results-*/*.json")))
        if step == "miss":
            (folder / ".gwlint_cache" / "pruned").write_bytes(b"x")      # as a prune today leaves it
    # each run was what it is named: an entry written, none, another one written
    assert entries[0] and entries[1] == entries[0] and set(entries[2]) > set(entries[0]), entries
    assert outputs["hit"] == outputs["miss"]          # the cache gave what the check did
    return found


def _run_noting(folder: Path, names: tuple[str, ...], args: list[str], plain: bool) -> subprocess.CompletedProcess:
    """``run_entry`` writing, as it ends, which of ``names`` it imported (read by ``_imported``)."""
    after = f"sys.stderr.write('imported %s\\n' % [m for m in {names!r} if m in sys.modules])"
    return run_entry(folder, args, after=after, plain=plain)


def _succeeded(out: subprocess.CompletedProcess, args: list[str]) -> None:
    assert out.returncode in (0, 1), out.stderr[-2000:]         # findings or none: no error
    assert "--format" not in args or '"violations"' in out.stdout, out.stderr[-2000:]
    # a crash before main (exit 1 too) writes a traceback; a text report its summary line
    assert "Traceback" not in out.stderr and out.stdout.strip(), out.stderr[-2000:]


def _imported(out: subprocess.CompletedProcess, args: list[str]) -> list[str]:
    _succeeded(out, args)
    line = [x for x in out.stderr.splitlines() if x.startswith("imported ")][-1]
    return ast.literal_eval(line[len("imported "):])     # the list's repr, written by the run
