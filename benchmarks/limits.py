"""Pathological inputs against issue 15's bound: each checks in <= 5 CPU s.

A figure, not a test (timed tests fail on a loaded machine and pass on a fast one): run

    .venv/bin/python benchmarks/limits.py

It checks a 1 MB single line (the seeds joined and repeated) and a paragraph of 1,000
template clauses that differ only in their figures, in a warm process, and prints the
median CPU time of three runs beside the bound with PASS or FAIL.  The suite keeps what a
test can judge without a clock on the wall: tests/test_reliability.py checks that the cost
of a long line grows linearly.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BOUND_CPU_S = 5.0


def seed_line(size: int) -> str:
    text = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return (text * (size // len(text) + 1))[:size]


def template_paragraph(clauses: int = 1000) -> str:
    rng = random.Random(15)
    return "，".join(f"投入资金{rng.randint(100, 9999)}万元改造校舍{rng.randint(2, 99)}所"
                    for _ in range(clauses)) + "。\n"


def main() -> int:
    from checker.engine.runner import lint_source
    from checker.engine.settings import build_settings
    from checker.sources.read import adapt_text

    settings = build_settings(no_config=True)
    lint_source(adapt_text("义务教育巩固率达到103%。为了了解情况。\n", "warm.txt"), settings)
    cases = {"1 MB single line": seed_line(355_000), "1,000 template clauses": template_paragraph()}
    failed = False
    for name, text in cases.items():
        runs = []
        for _ in range(3):
            start = time.process_time()
            result = lint_source(adapt_text(text, "big.txt"), settings)
            runs.append(time.process_time() - start)
            if result.errors:
                print(f"{name}: {result.errors}")
        median = statistics.median(runs)
        verdict = "PASS" if median <= BOUND_CPU_S else "FAIL"
        failed |= verdict == "FAIL"
        print(f"{name:<24} {len(text.encode('utf-8')) / 1e6:5.2f} MB  {median:6.2f} CPU s (bound {BOUND_CPU_S:g})  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
