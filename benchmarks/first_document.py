"""Run `gwlint ARGS...` in this process and log, per worker process, the CPU of each document.

    FIRST_DOC_LOG=log.jsonl python first_document.py check --jobs 2 --no-cache DIR

Each document a worker checks appends [pid, path, CPU s] to the log (the worker's check of
it, ``runner._lint_in_worker``, timed with ``time.process_time``).  Forked workers inherit
the wrapper, whichever pool forks them.  ``--summary log.jsonl`` prints per process its first
document's CPU, the median of its other documents' and how many it checked: what a worker
pays on its first document is the difference.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time


def _summary(log: str) -> None:
    per: dict[int, list[float]] = {}
    for line in open(log):
        pid, _, cpu = json.loads(line)
        per.setdefault(pid, []).append(cpu)
    for pid, cpus in per.items():
        rest = statistics.median(cpus[1:]) if len(cpus) > 1 else float("nan")
        print(f"pid {pid}: first {cpus[0]:.3f} s, the others' median {rest:.3f} s, {len(cpus)} documents")


def main() -> None:
    if sys.argv[1:2] == ["--summary"]:
        _summary(sys.argv[2])
        return
    from checker.engine import runner

    log = os.environ["FIRST_DOC_LOG"]
    real = runner._lint_in_worker

    def timed(path):
        start = time.process_time()
        result = real(path)
        spent = time.process_time() - start
        with open(log, "a") as out:
            out.write(json.dumps([os.getpid(), path, round(spent, 4)]) + "\n")
        return result

    runner._lint_in_worker = timed
    from checker.cli.main import main as gwlint

    sys.argv = ["gwlint", *sys.argv[1:]]
    sys.exit(gwlint())


if __name__ == "__main__":
    main()
