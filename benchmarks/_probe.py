"""Run `gwlint` in this process and record the CPU time of its whole-run phase.

bench.py starts this script instead of the `gwlint` entry point for the rows of its
cross-document scaling table: it behaves as `gwlint ARGS...` and, when the engine still has
``checker.engine.runner.corpus_violations`` (the phase that compares the documents' summaries
after every file is checked), writes the CPU seconds spent in it as JSON to the file named by
the environment variable GWLINT_BENCH_PROBE. When the engine has been reorganised and that
function is gone, it writes ``null`` and the table falls back to its other columns.
"""
from __future__ import annotations

import json
import os
import sys
import time


def main() -> int:
    target = os.environ.get("GWLINT_BENCH_PROBE")
    spent: list[float] | None = None
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
    sys.exit(main())
