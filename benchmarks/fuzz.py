"""The long fuzz run: many generated documents through every shipped rule.

Each document is one of: a token soup of the genre (figures, units, numbering markers,
quotes and brackets, 分别/合计/同比 …), a seed line mutated a few times, or a
pathological shape (long lines, template clauses, deep nesting, runs of one mark), as
plain text or Markdown.  For each it asserts:

* no exception escapes, and no rule reports an internal error or runs out of its budget;
* every violation lies inside the document (lines and columns within their line, end
  not before start, fixes within the original text);
* the document is checked within ``--max-seconds`` of CPU time.

    .venv/bin/python benchmarks/fuzz.py --docs 100000 [--seed 1] [--workers 1] [--out DIR]

Failures are written to ``--out`` (default benchmarks/.scratch/fuzz) as the document and
what went wrong, so each can be replayed; the figures are printed at the end (and every
``--report-every`` documents).  Deterministic for a given seed and count.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz_tokens import mutate, pathological, seed_lines, token_soup  # noqa: E402

_SETTINGS = None
_LINES: list[str] = []


def _init() -> None:
    global _SETTINGS, _LINES
    from checker.engine.settings import build_settings

    _SETTINGS = build_settings(no_config=True)
    _LINES = seed_lines()


def make_document(seed: int, index: int) -> tuple[str, str, str]:
    """(kind, format, text) of document ``index`` of a run with ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    roll = rng.random()
    if roll < 0.6:
        kind, text = "soup", token_soup(rng, int(rng.paretovariate(1.2) * 20) % 600 + 1)
    elif roll < 0.99:
        lines = [mutate(rng, rng.choice(_LINES or seed_lines()), rng.randint(1, 6))
                 for _ in range(rng.randint(1, 6))]
        kind, text = "mutated", rng.choice(["\n", "\r\n", "\n\n", ""]).join(lines)
    else:
        kind, text = "pathological", pathological(rng, rng.choice([200, 2_000, 20_000, 60_000]))
    fmt = "markdown" if rng.random() < 0.25 else "text"
    return kind, fmt, text


def check_one(seed: int, index: int, max_seconds: float) -> dict:
    from checker.engine.runner import lint_source
    from checker.sources.read import adapt_text

    kind, fmt, text = make_document(seed, index)
    path = f"fuzz{index}.{'md' if fmt == 'markdown' else 'txt'}"
    problems: list[str] = []
    start = time.process_time()
    try:
        source = adapt_text(text, path, fmt)
        result = lint_source(source, _SETTINGS)
    except Exception:  # noqa: BLE001 - that is what the run looks for
        return {"index": index, "kind": kind, "format": fmt, "chars": len(text),
                "seconds": time.process_time() - start, "problems": [traceback.format_exc(limit=6)]}
    seconds = time.process_time() - start
    problems += [str(e) for e in result.errors]
    lines = source.text.split("\n")
    for v in result.violations:
        if not (1 <= v.line <= v.end_line <= len(lines)):
            problems.append(f"{v.rule}: lines {v.line}-{v.end_line} outside 1-{len(lines)}")
            continue
        if not (1 <= v.column <= len(lines[v.line - 1]) + 1 and 1 <= v.end_column <= len(lines[v.end_line - 1]) + 1):
            problems.append(f"{v.rule}: columns {v.line}:{v.column}-{v.end_line}:{v.end_column} outside their lines")
        if v.line == v.end_line and v.end_column < v.column:
            problems.append(f"{v.rule}: ends before it starts at {v.line}:{v.column}")
        if v.fix is not None and not (0 <= v.fix.start <= v.fix.end <= len(source.original)):
            problems.append(f"{v.rule}: fix {v.fix.start}-{v.fix.end} outside the original ({len(source.original)})")
    if seconds > max_seconds:
        problems.append(f"took {seconds:.2f} s of CPU (bound {max_seconds:g} s)")
    return {"index": index, "kind": kind, "format": fmt, "chars": len(text), "seconds": seconds,
            "problems": problems}


def _work(args: tuple[int, int, int, float]) -> list[dict]:
    seed, start, stop, max_seconds = args
    return [check_one(seed, i, max_seconds) for i in range(start, stop)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="first document index (to run in chunks)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=10.0, help="CPU bound per document")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / ".scratch" / "fuzz"))
    parser.add_argument("--report-every", type=int, default=5_000)
    args = parser.parse_args(argv)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    batch = 200
    jobs = [(args.seed, i, min(i + batch, args.start + args.docs), args.max_seconds)
            for i in range(args.start, args.start + args.docs, batch)]
    totals = {"documents": 0, "failures": 0, "characters": 0, "cpu_seconds": 0.0,
              "slowest": None, "by_kind": {}, "problems": {}}
    began = time.time()

    def take(results: list[dict]) -> None:
        for r in results:
            totals["documents"] += 1
            totals["characters"] += r["chars"]
            totals["cpu_seconds"] += r["seconds"]
            kind = totals["by_kind"].setdefault(r["kind"], {"documents": 0, "failures": 0, "slowest": 0.0})
            kind["documents"] += 1
            kind["slowest"] = max(kind["slowest"], round(r["seconds"], 3))
            if totals["slowest"] is None or r["seconds"] > totals["slowest"]["seconds"]:
                totals["slowest"] = {k: r[k] for k in ("index", "kind", "format", "chars", "seconds")}
            for problem in r["problems"]:
                what = _category(problem)
                totals["problems"][what] = totals["problems"].get(what, 0) + 1
            if r["problems"]:
                totals["failures"] += 1
                kind["failures"] += 1
                kind_, fmt, text = make_document(args.seed, r["index"])
                stem = out / f"seed{args.seed}-{r['index']}"
                stem.with_suffix(".md" if fmt == "markdown" else ".txt").write_text(text, encoding="utf-8")
                stem.with_suffix(".json").write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
            if totals["documents"] % args.report_every == 0:
                _report(totals, began, final=False)

    if args.workers > 1:
        from multiprocessing import Pool

        with Pool(args.workers, initializer=_init) as pool:
            for results in pool.imap(_work, jobs):
                take(results)
    else:
        _init()
        for job in jobs:
            take(_work(job))
    _report(totals, began, final=True)
    return 1 if totals["failures"] else 0


def _category(problem: str) -> str:
    if problem.startswith("Traceback"):
        return "exception"
    if "internal error" in problem:
        return "internal error"
    if "rule-timeout" in problem or "not checked" in problem:
        return "budget"
    if problem.startswith("took "):
        return "slow"
    return "position"


def _report(totals: dict, began: float, final: bool) -> None:
    figures = dict(totals, wall_seconds=round(time.time() - began, 1), cpu_seconds=round(totals["cpu_seconds"], 1))
    if figures["slowest"]:
        figures["slowest"] = dict(figures["slowest"], seconds=round(figures["slowest"]["seconds"], 3))
    print(("FINAL " if final else "") + json.dumps(figures, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
