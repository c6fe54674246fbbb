"""What each rule costs on a fresh process's first document, against the same rule warm (issue 11).

A one-file run pays for its document more than a worker that has checked others does:
tables read or built at first use, expressions made from the stores, code the interpreter
has not yet run.  This script measures that premium rule by rule, in the conditions of the
console script (its module store, the compiled-expression and dataclass-code stores):
each of ``--runs`` fresh child processes prepares itself as ``gwlint check`` does, builds
the settings, checks ``FILE`` one rule at a time (the first document), then checks
``--warm`` (default: FILE again) and FILE once more, timing each rule on the process CPU
clock.  A layer (sentences, quantities, tokens ...) is charged to the first rule that
asks for it, as in doc_profile.py.  Prints medians over the runs; asserts nothing.

    .venv/bin/python benchmarks/first_rules.py seeds/003_*.txt [--warm seeds/001_*.txt] [--runs 9] [--top 25]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(path: str, warm: str) -> None:
    """One fresh process's figures, as JSON on stdout."""
    start = time.process_time()
    from checker.cli.entry import prepare

    prepare(["check"])
    from checker.core import code_cache, re_cache

    re_cache.install()
    code_cache.install()
    from checker.engine.lint import lint_document
    from checker.engine.settings import build_settings
    from checker.model.document import Document
    from checker.sources.read import read_path

    imported = time.process_time()
    settings = build_settings(no_config=True)
    built = time.process_time()

    def per_rule(file: str) -> dict[str, float]:
        source = read_path(file)
        doc = Document(source, settings.lexicon, settings.kind_for(source.path))
        times = {}
        for rule in settings.rules_for(source.path):
            before = time.process_time()
            lint_document(doc, [rule], collect=False)
            times[rule.id] = time.process_time() - before
        return times

    first = per_rule(path)
    per_rule(warm)
    again = per_rule(path)
    json.dump({"imports": imported - start, "settings": built - imported,
               "first": first, "warm": again}, sys.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--warm", help="the document checked between the first and the warm pass (default: FILE)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    warm = args.warm or args.file
    if args.child:
        sys.path.insert(0, str(ROOT))
        _child(args.file, warm)
        return
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--child", args.file, "--warm", warm],
                             check=True, capture_output=True, text=True, cwd=ROOT).stdout
        runs.append(json.loads(out))
    med = statistics.median
    first = {rule: med(r["first"][rule] for r in runs) for rule in runs[0]["first"]}
    again = {rule: med(r["warm"].get(rule, 0.0) for r in runs) for rule in runs[0]["first"]}
    first_total = med(sum(r["first"].values()) for r in runs)
    warm_total = med(sum(r["warm"].values()) for r in runs)
    print(f"{args.file}: {args.runs} fresh processes, medians, CPU ms")
    print(f"  imports {1000 * med(r['imports'] for r in runs):.1f}, settings {1000 * med(r['settings'] for r in runs):.1f}, "
          f"first document {1000 * first_total:.1f}, warm {1000 * warm_total:.1f}, premium {1000 * (first_total - warm_total):.1f}")
    print(f"  {'rule':32s} {'first':>7s} {'warm':>7s} {'premium':>8s}")
    order = sorted(first, key=lambda rule: first[rule] - again[rule], reverse=True)
    for rule in order[:args.top]:
        print(f"  {rule:32s} {1000 * first[rule]:7.2f} {1000 * again[rule]:7.2f} {1000 * (first[rule] - again[rule]):8.2f}")


if __name__ == "__main__":
    main()
