"""Run `gwlint` in this process and record the CPU time of its whole-run phase.

bench.py starts this script instead of the `gwlint` entry point for the rows of its
cross-document scaling table: it behaves as `gwlint ARGS...` and writes the CPU seconds spent
in the duplicate kind's ``Comparison`` (fed as results return), or else in
``checker.engine.runner.corpus_violations`` (the phase that compares the documents' summaries
after every file is checked), as JSON to the file named by the environment variable
GWLINT_BENCH_PROBE. When the engine has been reorganised and that
function is gone, it writes ``null`` and the table falls back to its other columns.

With GWLINT_BENCH_PROBE_STEPS=1 it also writes, under ``steps``, the CPU seconds of the
phase's parts (inclusive, each call timed: the timers add a little to the phase's figure)
and their counts: the index's batches (``add_batch``: bucket look-ups, merges, ranking),
the verdicts of candidate pairs (``verdicts``: calls, of which ``decided`` put to
``is_copy``), the texts read back from the kept file (``reads``) and the findings made.
"""
from __future__ import annotations

import json
import os
import sys
import time


def _time_comparison(spent: list[float]) -> bool:
    """Time the duplicate kind's ``Comparison`` (the runner feeds it document by
    document while the workers check the later ones, so ``corpus_violations`` is not
    called): the CPU spent inside each step of its batches' generator, where the index
    is searched and the pairs verified.  False when the kind has no ``Comparison``."""
    try:
        from checker.checks.duplicates import corpus

        compare = corpus.Comparison._compare
    except (ImportError, AttributeError):
        return False

    def timed(self):
        steps = compare(self)
        while True:
            start = time.process_time()
            try:
                item = next(steps)
            except StopIteration:
                return
            finally:
                spent.append(time.process_time() - start)
            yield item

    corpus.Comparison._compare = timed
    return True


def _time_steps(steps: dict[str, list[float]]) -> None:
    """Time the phase's parts named in the module's docstring (each: [CPU s, calls])."""
    from checker.checks.duplicates import copy_verdicts, corpus, kept_texts

    def timed(owner, name: str, label: str) -> None:
        original = getattr(owner, name)
        record = steps.setdefault(label, [0.0, 0])

        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                record[0] += time.process_time() - start
                record[1] += 1

        setattr(owner, name, wrapper)

    timed(corpus._BucketIndex, "add_batch", "add_batch")
    timed(corpus._BucketIndex, "_merge", "merge")
    timed(copy_verdicts.CopyVerdicts, "__call__", "verdicts")
    timed(corpus, "is_copy", "decided")              # looked up at call time by the verdicts
    timed(corpus, "copy_finding", "findings")
    timed(kept_texts.KeptDocument, "_read", "reads")


def main() -> int:
    # The process set up as the console script sets it up (the collector's thresholds, the
    # module store), so that the rule run differs from bench.py's no-rule run, made through
    # the console script, by the rule alone (without it the probe's run paid another
    # start-up, ~0.05 CPU s, and the interpreter's teardown of everything the run holds,
    # which grows with the documents: ~3 CPU s of a 4,000-document run).
    from checker.cli.entry import prepare

    prepare(sys.argv[1:])
    target = os.environ.get("GWLINT_BENCH_PROBE")
    spent: list[float] | None = None
    if _time_comparison(spent := []):
        steps: dict[str, list[float]] = {}
        if os.environ.get("GWLINT_BENCH_PROBE_STEPS"):
            try:
                _time_steps(steps)
            except (ImportError, AttributeError):
                steps = {}
        from checker.cli.main import main as cli

        code = cli(sys.argv[1:])
        if target:
            with open(target, "w", encoding="utf-8") as fh:
                json.dump({"corpus_phase_cpu": sum(spent), **({"steps": steps} if steps else {})}, fh)
        return code
    spent = None
    try:
        from checker.engine import runner

        original = runner.corpus_violations
    except (ImportError, AttributeError):
        runner = None
    if runner is not None:
        spent = []

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent.append(time.process_time() - start)

        runner.corpus_violations = timed  # run_paths looks the name up at call time

    from checker.cli.main import main as cli

    code = cli(sys.argv[1:])
    if target:
        with open(target, "w", encoding="utf-8") as fh:
            json.dump({"corpus_phase_cpu": sum(spent) if spent is not None else None}, fh)
    return code


if __name__ == "__main__":
    # ended as the console script ends (``leave``: the exit functions, the streams
    # flushed, no teardown), the probe's file written first
    from checker.cli.process_exit import leave

    leave(main())
