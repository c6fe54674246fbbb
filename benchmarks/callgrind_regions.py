"""Instructions of a fresh one-file run's parts, counted by callgrind (deterministic under any load).

Runs ``gwlint check --no-config --format json --quiet --no-cache FILE`` in a process whose
``lint_document`` checks the file twice (the second time a new ``Document`` of the same
source), under ``valgrind --tool=callgrind``, and prints the instructions (user space
only: reads and page faults are not in them) of

- ``main``: the command line after the interpreter's start (imports, settings, checks, report),
- ``first document`` and ``second document``: the two checks of the file; their difference
  is what a fresh process pays for its first document (imports of the kinds, stores read,
  tables built, jieba set up) — the second may differ for a document checked twice (per-text
  memos, the process's own cross-document state), so read it as a rough steady state,
- each ``--region module:function`` (at most two; ``Class.method`` allowed): the inclusive
  count of its calls, wherever they happen.

callgrind counts C functions only, so each part is run under a C function that gwlint never
calls otherwise (``itertools.takewhile``/``functools.reduce``/``itertools.starmap``/
``itertools.dropwhile``/``itertools.filterfalse``) and read as that function's inclusive cost.

    .venv/bin/python benchmarks/callgrind_regions.py seeds/003_f39552d3b4a69c72.txt \
        --region checker.model.tokens:_tokenizer --region checker.checks.registry:load_kind

Use your own XDG_CACHE_HOME; the run is repeated once without valgrind first, so the
stores are warm.  A run takes 20-40 s.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile

_MARKS = {"takewhile_next": "main", "functools_reduce": "first document", "starmap_next": "second document",
          "dropwhile_next": "region 1", "filterfalse_next": "region 2"}


def _child(path: str, regions: list[str]) -> None:
    """The measured process: marks the parts with the C functions above."""
    import functools
    import importlib
    import itertools

    def under(iterator_kind, fn):
        out = []

        def call():
            out.append(fn())
            return iterator_kind is itertools.takewhile or iterator_kind is itertools.dropwhile

        list(iterator_kind(lambda f: f(), [call]))
        return out[0]

    argv = ["check", "--no-config", "--format", "json", "--quiet", "--no-cache", path]
    from checker.cli.entry import prepare

    prepare(argv)
    import checker.engine.runner as runner

    made = []
    document = runner.Document

    def remembered(*args):
        made.append(args)
        return document(*args)

    lint = runner.lint_document

    def twice(doc, rules, *args, **kwargs):
        result = functools.reduce(lambda _, f: f(), [lambda: lint(doc, rules, *args, **kwargs)], None)
        list(itertools.starmap(lambda: lint(document(*made[0]), rules, *args, **kwargs), [()]))
        return result

    runner.Document, runner.lint_document = remembered, twice
    for kind, region in zip((itertools.dropwhile, itertools.filterfalse), regions):
        module_name, qualname = region.split(":")
        owner = importlib.import_module(module_name)
        *path_, last = qualname.split(".")
        for part in path_:
            owner = getattr(owner, part)
        original = getattr(owner, last)

        def marked(*args, _original=original, _kind=kind, **kwargs):
            return under(_kind, lambda: _original(*args, **kwargs))

        setattr(owner, last, marked)
    import contextlib
    import io

    from checker.cli.main import main

    with contextlib.redirect_stdout(io.StringIO()):
        under(itertools.takewhile, lambda: main(argv))
    os._exit(0)


def _inclusive(out_file: str) -> dict[str, int]:
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out_file],
                          capture_output=True, text=True, check=True).stdout
    found: dict[str, int] = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(.*?:(\w+) \[", line)       # the outermost entry of each mark
        if m and m.group(2) in _MARKS and m.group(2) not in found:
            found[m.group(2)] = int(m.group(1).replace(",", ""))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--region", action="append", default=[], help="module:function (at most two)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.file, args.region)
        return
    if len(args.region) > 2:
        parser.error("at most two regions")
    cmd = [sys.executable, os.path.abspath(__file__), "--child", os.path.abspath(args.file)]
    for region in args.region:
        cmd += ["--region", region]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)     # the stores warm
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        counts = _inclusive(out)
    names = {mark: label for mark, label in _MARKS.items() if not label.startswith("region")}
    for i, region in enumerate(args.region):      # (the standard library itself calls filterfalse)
        names[("dropwhile_next", "filterfalse_next")[i]] = region
    for mark, label in names.items():
        if mark in counts:
            print(f"{counts[mark] / 1e6:10.1f} M  {label}")


if __name__ == "__main__":
    main()
