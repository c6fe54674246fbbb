"""Where the cross-document comparison's time goes, step by step, per document (issue 11).

Replays ``check_corpus`` over the first N summaries of a recording made by
``corpus_phase_replay.py record`` (in this process, the cyclic collector frozen as in
gwlint, the modules the phase imports loaded first) with a CPU timer around each step of
the index and the verdicts, and prints each step's ms and calls a document and the
findings' hash (the same code must give the same hash as ``corpus_phase_replay.py``).
The timers are inclusive: ``add_batch`` holds ``_candidates``, which holds ``_ranked``,
which holds ``_possible``; ``verdicts`` holds ``is_copy``.  A timer costs ~1 us a call,
so the total is a little above the replay's own figure.

    .venv/bin/python benchmarks/corpus_phase_steps.py REC.pkl [--sizes 250 4000]

One process per size (run it again to see the noise; compare sizes in one run of it).
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import pickle
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (module, class or None, attribute, label): the steps timed
STEPS = (
    ("corpus", "_BucketIndex", "add_batch", "index: add_batch"),
    ("corpus", "_BucketIndex", "_merge", "  merges of runs"),
    ("corpus", "_BucketIndex", "_sketch", "  sketches made"),
    ("corpus", "_BucketIndex", "_exact_copies", "  exact-copy path"),
    ("corpus", "_BucketIndex", "_settled", "  settled store"),
    ("corpus", "_BucketIndex", "_candidates", "  candidates"),
    ("corpus", "_BucketIndex", "_ranked", "    ranking"),
    ("corpus", "_BucketIndex", "_possible", "      sketches' test"),
    ("copy_verdicts", "CopyVerdicts", "__call__", "verdicts"),
    ("corpus", None, "is_copy", "  is_copy"),
    ("corpus", None, "copy_finding", "findings made"),
    ("kept_texts", "_KeptUtf16", "_read", "kept texts read from the file"),
)


def _timed(steps: dict) -> None:
    import importlib

    for module_name, owner_name, name, label in STEPS:
        module = importlib.import_module(f"checker.checks.duplicates.{module_name}")
        owner = module if owner_name is None else getattr(module, owner_name)
        original = getattr(owner, name)
        record = steps.setdefault(label, [0.0, 0])

        def wrapper(*args, _original=original, _record=record, **kwargs):
            start = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                _record[0] += time.process_time() - start
                _record[1] += 1

        setattr(owner, name, wrapper)


def one(recording: str, n: int) -> None:
    import os
    import tempfile

    with open(recording, "rb") as fh:
        docs = pickle.load(fh)[:n]
    os.chdir(tempfile.mkdtemp(prefix="phase-steps-"))
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    import difflib  # noqa: F401
    from checker.checks.duplicates import corpus
    from checker.core.numeric import np  # noqa: F401

    rule = next(r for r in settings.rules if r.kind == "duplicate-corpus")
    rule.params  # noqa: B018  (resolved before the clock, as corpus_phase_replay does)
    steps: dict = {}
    _timed(steps)
    gc.collect()
    gc.freeze()
    found = []
    start = time.process_time()
    for f in corpus.check_corpus(dict(docs), rule, settings):
        found.append((f.path, f.line, f.column, f.end_line, f.end_column, f.excerpt, tuple(sorted(f.args.items()))))
    spent = time.process_time() - start
    digest = hashlib.sha1(repr(found).encode()).hexdigest()[:12]
    print(f"n={n}: {1000 * spent / n:.3f} ms/doc, {len(found) / n:.1f} findings/doc, hash {digest}")
    for label, (cpu, calls) in steps.items():
        print(f"  {label:32s} {1000 * cpu / n:7.3f} ms/doc  {calls / n:7.2f} calls/doc")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 4000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.recording, args.one)
        return
    for n in args.sizes:
        subprocess.run([sys.executable, __file__, args.recording, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
