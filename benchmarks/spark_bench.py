"""Benchmark of `gwlint spark`: 1,000 / 2,000 / 4,000 generated documents (tests/spark_corpus.py:
work-report sentences with planted problems and cross-document copies) with local[1] and
local[2].  Prints the wall time per document and the share of the cross-document phase.

    .venv/bin/python benchmarks/spark_bench.py [--sizes 1000,2000,4000] [--masters 'local[1],local[2]'] [--cli]

Phases (checker.spark.job.JobResult.timings): documents = read + every per-document rule +
fingerprints (the executors); cross_documents = the band-key join and verification;
output = sort, Parquet, JSON-lines, summary.  Session start-up (JVM) is timed apart.
`--cli` also times `gwlint check -j2 --format json` on the same files.  Prints, asserts nothing.
Each row also gives the CPU time the run consumed (this process and its descendants: the
JVM and the Python workers) per document, and the machine's load average: on a shared
machine the wall time depends on the load, the CPU time much less.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine.settings import build_settings  # noqa: E402
from tests.spark_corpus import generate  # noqa: E402


def tree_cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and every live descendant (the JVM,
    the Python workers), including their reaped children: on a shared machine the CPU a
    run consumed says more than its wall time."""
    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    mine, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in stats.items():
            if ppid == parent and pid not in mine:
                mine.add(pid)
                frontier.append(pid)
    return sum(stats[pid][1] for pid in mine if pid in stats) / tick


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,2000,4000")
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--cli", action="store_true", help="also time gwlint check -j2")
    args = ap.parse_args()
    from checker.spark.job import run_job, session

    settings = build_settings(no_config=True)
    work = Path(tempfile.mkdtemp(prefix="gwlint-spark-bench-"))
    print(f"{'docs':>5} {'master':>8} {'startup':>7} {'total':>7} {'ms/doc':>7} {'docs s':>7} "
          f"{'cross s':>7} {'cross %':>7} {'output':>7} {'violations':>10} {'cpu ms/doc':>10} {'load':>5}", flush=True)
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            corpus = work / f"c{size}"
            generate(corpus, size)
            mb = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
            print(f"# {size} documents, {mb:.1f} MB", flush=True)
            if args.cli:
                t, cpu = time.perf_counter(), tree_cpu_seconds()
                subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "-j", "2", "--format",
                                "json", "-o", str(work / "cli.json"), str(corpus)], cwd=ROOT)
                wall = time.perf_counter() - t
                cpu = tree_cpu_seconds() - cpu
                print(f"{size:>5} {'check-j2':>8} {'':>7} {wall:7.1f} {1000 * wall / size:7.1f} {'':>7} {'':>7} "
                      f"{'':>7} {'':>7} {'':>10} {1000 * cpu / size:10.1f} {os.getloadavg()[0]:5.1f}", flush=True)
            for master in args.masters.split(","):
                t = time.perf_counter()
                spark = session(master)
                startup = time.perf_counter() - t
                t, cpu = time.perf_counter(), tree_cpu_seconds()
                job = run_job(spark, [str(corpus)], settings, str(work / "out"), overwrite=True)
                total = time.perf_counter() - t
                cpu = tree_cpu_seconds() - cpu
                spark.stop()
                tm = job.timings
                print(f"{size:>5} {master:>8} {startup:7.1f} {total:7.1f} {1000 * total / size:7.1f} "
                      f"{tm['documents']:7.1f} {tm['cross_documents']:7.1f} "
                      f"{100 * tm['cross_documents'] / total:6.1f}% {tm['output']:7.1f} "
                      f"{sum(job.counts.values()):>10} {1000 * cpu / size:10.1f} {os.getloadavg()[0]:5.1f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
