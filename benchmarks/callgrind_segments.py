"""Instructions of a fresh one-file run, segment by segment, counted by callgrind.

``callgrind_regions.py`` reads a few regions' inclusive counts; this tool cuts the whole
process into consecutive segments instead, each ending where the run crosses a boundary:
the interpreter's start, the entry's ``prepare``, the command line's imports, the
settings, each kind's import, each rule's check of the document (and, with ``--twice``, of
a second ``Document`` of the same source, the warm figure), the report, the exit
functions.  A boundary is a callgrind client request (``CALLGRIND_DUMP_STATS_AT``) made
through a small C library compiled on the first use (gcc and valgrind's headers needed),
called with ctypes: each dump holds the instructions since the previous one, so the
segments add up to the whole process.  ``--wrap module:function`` (repeatable) cuts
around each call of a function too (its own instructions; nested wrapped calls are
segments of their own).

    .venv/bin/python benchmarks/callgrind_segments.py seeds/003_f39552d3b4a69c72.txt --twice
    .venv/bin/python benchmarks/callgrind_segments.py empty.txt --wrap checker.core.sealed_file:read_sealed

Use your own XDG_CACHE_HOME: the run is made once without valgrind first, so the stores
are warm.  The tool's own script and ctypes add ~20 M instructions to the first segment.
Each document has its time budget (``limits.file_seconds``): under valgrind on a loaded
machine a second document may run out of it (its rules then show no segment).
"""
from __future__ import annotations

import os
import sys

# (the measured child imports nothing else before its first cut: the command line's own
# imports stay in the segments that make them)

_C = """#include <valgrind/callgrind.h>
void cg_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


def _library(folder: str) -> str:
    import subprocess

    source, lib = os.path.join(folder, "mark.c"), os.path.join(folder, "libcgmark.so")
    with open(source, "w") as fh:
        fh.write(_C)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", lib, source], check=True)
    return lib


def _child(path: str, lib: str, twice: bool, wraps: list[str]) -> None:
    """The measured process: the console entry's run, with a dump at each boundary."""
    import ctypes

    dump = ctypes.CDLL(lib).cg_dump

    def cut(label: str) -> None:
        dump(label.encode())

    cut("interpreter, site, this script")
    argv = ["check", "--no-config", "--format", "json", "--quiet", "--no-cache", path]
    sys.argv = ["gwlint", *argv]
    from checker.cli.entry import prepare

    prepare(argv)
    cut("prepare (collector, module store)")
    from checker.cli.main import main
    cut("import checker.cli.main")
    from checker.core import code_cache, re_cache

    re_cache.install()
    code_cache.install()
    cut("re and code stores installed")
    import checker.engine.settings as settings_module
    cut("import checker.engine.settings")
    import checker.cli.check_command as check_command
    cut("import checker.cli.check_command (the runner ...)")
    import checker.checks.registry as registry
    import checker.engine.lint as lint_module
    import checker.engine.runner as runner

    build = settings_module.build_settings

    def build_settings(*args, **kwargs):
        cut("main before build_settings (argparse ...)")
        out = build(*args, **kwargs)
        cut("build_settings")
        return out

    settings_module.build_settings = build_settings
    load = registry.load_kind
    seen: set[str] = set()

    def load_kind(name):
        if name in seen:
            return load(name)
        seen.add(name)
        cut("(before a kind's import)")
        module = load(name)
        cut(f"kind import {name}")
        return module

    registry.load_kind = lint_module.load_kind = load_kind
    lint = lint_module.lint_document
    made = []
    document = runner.Document

    def remembered(*args):
        made.append(args)
        return document(*args)

    def checked(doc, rules, n, *args, **kwargs):
        cut("(before the checks: Document, rules_for ...)")
        result = None
        for rule in rules:
            one = lint(doc, [rule], *args, **kwargs)
            cut(f"doc{n} rule {rule.id} ({rule.kind})")
            if result is None:
                result = one
            else:
                result.violations.extend(one.violations)
                result.errors.extend(one.errors)
                result.corpus.update(one.corpus)
        return result

    def lint_document(doc, rules, *args, **kwargs):
        result = checked(doc, rules, 1, *args, **kwargs)
        if twice:
            again = document(*made[0])
            checked(again, rules, 2, *args, **kwargs)
        return result

    runner.Document, runner.lint_document = remembered, lint_document
    write = check_command._write_report

    def write_report(*args, **kwargs):
        cut("(before the report)")
        out = write(*args, **kwargs)
        cut("report written")
        return out

    check_command._write_report = write_report
    import importlib

    for region in wraps:
        module_name, qualname = region.split(":")
        owner = importlib.import_module(module_name)
        *parts, last = qualname.split(".")
        for part in parts:
            owner = getattr(owner, part)
        original = getattr(owner, last)

        def marked(*args, _original=original, _region=region, **kwargs):
            cut(f"(before {_region})")
            try:
                return _original(*args, **kwargs)
            finally:
                cut(f"W {_region}")

        setattr(owner, last, marked)
    status = main(argv)
    cut("main after the report")
    import atexit

    atexit._run_exitfuncs()
    cut("exit functions")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status or 0)


def _segments(folder: str) -> list[tuple[str, int]]:
    import glob
    import re

    found = []
    for name in glob.glob(os.path.join(folder, "cg.out*")):
        with open(name, errors="replace") as fh:
            text = fh.read()
        part = re.search(r"^part: (\d+)", text, re.M)
        trigger = re.search(r"^desc: Trigger: (?:Client Request: )?(.*)$", text, re.M)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        found.append((int(part.group(1)) if part else 0, trigger.group(1) if trigger else "?",
                      int(total.group(1)) if total else 0))
    return [(label, n) for _, label, n in sorted(found)]


def _report(segments: list[tuple[str, int]], top: int) -> None:
    import collections
    import re

    print(f"{sum(n for _, n in segments) / 1e6:9.1f} M  whole process")
    groups: collections.Counter = collections.Counter()
    rules: dict[int, dict[str, float]] = {1: {}, 2: {}}
    for label, n in segments:
        m = re.match(r"doc(\d) rule (\S+)", label)
        if m:
            rules[int(m.group(1))][m.group(2)] = n / 1e6
            groups[f"doc{m.group(1)}: the rules' checks"] += n
        elif label.startswith("kind import"):
            groups["kinds imported"] += n
        elif label.startswith("W "):
            groups[label] += n
        else:
            groups[label] += n
    for label, n in groups.most_common():
        print(f"{n / 1e6:9.1f} M  {label}")
    print(f"\n{'doc1':>9} {'doc2':>9} {'premium':>9}  rule (the first document's check, the second's, the difference)")
    for rule in sorted(rules[1], key=lambda r: -rules[1][r])[:top]:
        warm = rules[2].get(rule)
        print(f"{rules[1][rule]:9.2f} {'' if warm is None else format(warm, '9.2f'):>9} "
              f"{'' if warm is None else format(rules[1][rule] - warm, '9.2f'):>9}  {rule}")
    kinds = sorted(((n, label[len("kind import "):]) for label, n in segments if label.startswith("kind import")),
                   reverse=True)
    print(f"\n{'M':>9}  kind imported (the {len(kinds)} kinds' imports, costliest first)")
    for n, kind in kinds[:top]:
        print(f"{n / 1e6:9.2f}  {kind}")


def main() -> None:
    if "--child" in sys.argv:            # the measured process: no argparse before its first cut
        at = sys.argv.index("--child")
        wraps = [sys.argv[i + 1] for i, word in enumerate(sys.argv) if word == "--wrap"]
        _child(sys.argv[1], sys.argv[at + 1], "--twice" in sys.argv, wraps)
        return
    import argparse
    import subprocess
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--twice", action="store_true", help="check a second Document of the same source")
    parser.add_argument("--wrap", action="append", default=[], help="module:function, cut around each call")
    parser.add_argument("--top", type=int, default=25, help="rules listed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lib = _library(tmp)
        cmd = [sys.executable, os.path.abspath(__file__), os.path.abspath(args.file), "--child", lib]
        cmd += ["--twice"] if args.twice else []
        for region in args.wrap:
            cmd += ["--wrap", region]
        subprocess.run(cmd, stdout=subprocess.DEVNULL)                # the stores warm
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _report(_segments(tmp), args.top)


if __name__ == "__main__":
    main()
