"""Instructions of the checks outside the duplicate family, layer by layer and rule by rule.

Loads DOCS generated documents (bench.py's pool) into one process, checks the first one
with every rule (imports, stores, tables: kept out of the count), then, under valgrind's
callgrind, builds each layer for all the documents (``Document.from_text``, lines,
paragraphs, sentences, structure, quantities) and runs each rule that is not of the
duplicate category over all of them, one rule at a time.  A callgrind client request
(``CALLGRIND_DUMP_STATS_AT``, through a small C library compiled on first use) closes each
step, so every step's count is its own.  Instructions do not move with the machine's load:
two runs of the same code agree to a fraction of a per cent (``PYTHONHASHSEED=0``).

    .venv/bin/python benchmarks/callgrind_checks.py --docs 25 [--pool DIR] [--json out.json]
    .venv/bin/python benchmarks/callgrind_checks.py --docs 20 --order document
    .venv/bin/python benchmarks/callgrind_checks.py --compare a.json b.json

``--order document`` runs the rules as a check of a document does, all of them on one document
before the next (one step per document, ``rules of <name>``): what a check keeps for the
document it is on (``patterns``' facts about the last long text asked about) is then kept
across the rules, as in a real run; in the default order each rule meets a new document at
every step and nothing kept serves a second rule.

The rules run without the CLI's regex budget (as ``profile_breakdown.py`` runs them).  Use
your own XDG_CACHE_HOME; the child runs once without valgrind first, so the stores are warm.
"""
from __future__ import annotations

import json
import os
import sys

_C = """#include <valgrind/callgrind.h>
void cg_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
"""
LAYERS = ("lines", "paragraphs", "sentences", "structure", "quantities")


def _texts(pool: str, n: int) -> list[tuple[str, str]]:
    names = sorted(x for x in os.listdir(pool) if x.endswith(".txt"))[:n]
    return [(name, open(os.path.join(pool, name), encoding="utf-8").read()) for name in names]


def _child(pool: str, n: int, lib: str | None, by_document: bool = False) -> None:
    import ctypes

    cut = ctypes.CDLL(lib).cg_dump if lib else (lambda label: None)
    from checker.engine.lint import lint_document
    from checker.engine.settings import build_settings
    from checker.model.document import Document

    settings = build_settings(no_config=True)
    rules = [r for r in settings.rules if r.category != "duplicate"]
    texts = _texts(pool, n)
    warm = Document.from_text(texts[-1][1], path="warm", lexicon=settings.lexicon)
    lint_document(warm, settings.rules, True)
    from checker.engine.runner import tune_gc

    tune_gc()                   # as a worker has it: long-lived objects frozen, fewer collections
    found = 0
    cut(b"(warm-up)")
    docs = [Document.from_text(text, path=name, lexicon=settings.lexicon) for name, text in texts]
    cut(b"layer from_text")
    for layer in LAYERS:
        for doc in docs:
            getattr(doc, layer)
        cut(f"layer {layer}".encode())
    if by_document:
        for doc in docs:
            for rule in rules:
                found += len(lint_document(doc, [rule], True).violations)
            cut(f"rules of {doc.path}".encode())
    for rule in rules if not by_document else ():
        for doc in docs:
            found += len(lint_document(doc, [rule], True).violations)
        cut(f"rule {rule.category} {rule.id}".encode())
    print(f"findings {found}", file=sys.stderr)
    if lib:
        os._exit(0)         # (the warm-up run exits normally: its stores are saved at exit)


def _segments(folder: str) -> dict[str, int]:
    import glob
    import re

    found: dict[str, int] = {}
    for name in glob.glob(os.path.join(folder, "cg.out*")):
        with open(name, errors="replace") as fh:
            text = fh.read()
        trigger = re.search(r"^desc: Trigger: (?:Client Request: )?(.*)$", text, re.M)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        if trigger and total:
            found[trigger.group(1)] = found.get(trigger.group(1), 0) + int(total.group(1))
    return found


def _groups(segments: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for label, count in segments.items():
        if label.startswith("layer "):
            key = label
        elif label.startswith("rule "):
            key = "category " + label.split()[1]
        elif label.startswith("rules of "):
            key = "rules, document by document"
        else:
            continue
        out[key] = out.get(key, 0) + count
    out["ALL (layers + non-duplicate rules)"] = sum(v for k, v in segments.items()
                                                    if k.startswith(("layer ", "rule ", "rules of ")))
    return out


def _print(segments: dict[str, int], top: int) -> None:
    for key, count in sorted(_groups(segments).items(), key=lambda kv: -kv[1]):
        print(f"{count / 1e6:10.1f} M  {key}")
    print()
    rules = sorted(((v, k) for k, v in segments.items() if k.startswith("rule ")), reverse=True)
    for count, label in rules[:top]:
        print(f"{count / 1e6:10.1f} M  {label}")


def _compare(a: dict[str, int], b: dict[str, int]) -> None:
    ga, gb = _groups(a), _groups(b)
    print(f"{'before':>10} {'after':>10} {'change':>8}")
    for key in sorted(ga, key=lambda k: -ga[k]):
        x, y = ga[key], gb.get(key, 0)
        print(f"{x / 1e6:9.1f}M {y / 1e6:9.1f}M {100 * (y - x) / x:+7.1f}%  {key}")
    print()
    for key in sorted((k for k in a if k.startswith("rule ")), key=lambda k: -a[k])[:30]:
        x, y = a[key], b.get(key, 0)
        print(f"{x / 1e6:9.1f}M {y / 1e6:9.1f}M {100 * (y - x) / max(x, 1):+7.1f}%  {key}")


def main() -> None:
    if "--child" in sys.argv:
        at = sys.argv.index("--child")
        lib = sys.argv[at + 3] if len(sys.argv) > at + 3 and sys.argv[at + 3] != "-" else None
        _child(sys.argv[at + 1], int(sys.argv[at + 2]), lib, "--by-document" in sys.argv)
        return
    import argparse
    import subprocess
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=25)
    parser.add_argument("--pool", default="/work/scratch/pool")
    parser.add_argument("--json", help="write the segments' counts here")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--keep", help="copy callgrind's files here (for callgrind_annotate)")
    parser.add_argument("--order", choices=("rule", "document"), default="rule",
                        help="each rule over all documents (default), or all rules on each document in turn")
    args = parser.parse_args()
    if args.compare:
        a, b = (json.load(open(p)) for p in args.compare)
        _compare(a, b)
        return
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        source, lib = os.path.join(tmp, "mark.c"), os.path.join(tmp, "libcgmark.so")
        with open(source, "w") as fh:
            fh.write(_C)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", lib, source], check=True)
        cmd = [sys.executable, os.path.abspath(__file__), "--child", args.pool, str(args.docs)]
        order = ["--by-document"] if args.order == "document" else []
        subprocess.run([*cmd, "-", *order], env=env, check=True)       # the stores warm
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
                        "--dump-instr=no", *cmd, lib, *order], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        segments = _segments(tmp)
        if args.keep:
            import shutil

            shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(segments, fh, indent=1, ensure_ascii=False)
    _print(segments, args.top)


if __name__ == "__main__":
    main()
