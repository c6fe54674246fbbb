"""Replay the cross-document phase from recorded summaries, without workers (issue 11).

``record`` checks the documents given with the ``duplicate-corpus`` rule alone and keeps
each one's summary (what a worker sends the parent) in a pickle, in path order;
``replay`` runs the phase over the first N of them for each size asked, each in a fresh
process, and prints its CPU per document and per finding and a hash of the findings
(the same code must give the same hash).  Two measures:

- ``comparison``: the kind's ``Comparison`` fed document by document (``check_corpus``:
  the index, the verdicts, the findings made), what bench.py's scaling table times;
- ``stream`` (``--stream``): what the parent does in a real run — the engine's
  ``_PhaseStream`` fed the results in order, so each finding is also stamped, checked
  against its file's directives, spooled, and written to the results cache's phase entry
  and each document's keys to the kept index (a cache folder made for the replay).

The modules the phase imports on first use (numpy, tempfile, difflib) are imported
before the clock starts: a run pays them once, which is not a cost per document (phase8
and phase9's figures included numpy's import, ~0.1 CPU s: ~0.4 ms a document at 250).

    .venv/bin/python benchmarks/corpus_phase_replay.py record OUT.pkl FOLDER|FILE ... [--jobs 2]
    .venv/bin/python benchmarks/corpus_phase_replay.py replay OUT.pkl [--sizes 250 1000 2000 4000]
        [--rounds 3] [--stream]

Asserts nothing.  The cyclic garbage collector is frozen after loading, as in gwlint.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rule(settings):
    return next(r for r in settings.rules if r.kind == "duplicate-corpus")


def _summary(path: str):
    from checker.checks.registry import load_kind
    from checker.model.document import Document
    from checker.sources.read import read_path

    settings = _SETTINGS
    rule = _rule(settings)
    source = read_path(path)
    doc = Document(source, settings.lexicon, settings.kind_for(source.path))
    return path, load_kind(rule.kind).collect(doc, rule)


def _init() -> None:
    global _SETTINGS
    from checker.engine.settings import build_settings

    _SETTINGS = build_settings(no_config=True)


def record(out: str, paths: list[str], jobs: int) -> None:
    files: list[str] = []
    for p in paths:
        path = Path(p)
        files += [str(f) for f in sorted(path.glob("*.txt"))] if path.is_dir() else [str(path)]
    if jobs > 1:
        from multiprocessing import Pool

        with Pool(jobs, initializer=_init) as pool:
            summaries = pool.map(_summary, files, chunksize=16)
    else:
        _init()
        summaries = [_summary(f) for f in files]
    # named as a run from the documents' folder names them
    summaries = [(Path(p).name, s) for p, s in summaries]
    with open(out, "wb") as fh:
        pickle.dump(summaries, fh, protocol=5)
    print(f"{len(summaries)} summaries, {sum(len(s) for _, s in summaries)} sentences")


def _comparison(docs, settings) -> tuple[float, list]:
    from checker.checks.duplicates import corpus

    rule = _rule(settings)
    found = []
    start = time.process_time()
    for f in corpus.check_corpus(dict(docs), rule, settings):
        found.append((f.path, f.line, f.column, f.end_line, f.end_column, f.excerpt, tuple(sorted(f.args.items()))))
    return time.process_time() - start, found


def _stream(docs, settings) -> tuple[float, list]:
    from checker.engine import runner
    from checker.engine.lint import FileResult
    from checker.engine.results_cache import ResultsCache
    from checker.engine.spool import ViolationSpool

    rule = _rule(settings)
    run = runner.RunResult(violations=ViolationSpool())
    run.cache = ResultsCache(settings, True)
    paths = [p for p, _ in docs]
    keys = {p: hashlib.sha1(p.encode()).hexdigest() for p in paths}
    results = [FileResult(p, corpus={rule.id: s}) for p, s in docs]
    start = time.process_time()
    stream = runner._PhaseStream(run, settings, paths, keys, run.cache.corpus_key(list(keys.items())), True)
    for position, result in enumerate(results):
        stream.add(position, result)
    stream.finish()
    spent = time.process_time() - start
    found = [(v.path, v.line, v.column, v.end_line, v.end_column, v.excerpt, v.message)
             for v in run.violations]
    return spent, found


def _one(pickle_path: str, n: int, stream: bool) -> None:
    import os

    with open(pickle_path, "rb") as fh:
        docs = pickle.load(fh)[:n]
    with tempfile.TemporaryDirectory(prefix="phase-replay-") as folder:
        os.chdir(folder)                    # the replay's results cache is made here
        from checker.engine.settings import build_settings

        settings = build_settings(no_config=True)
        # modules the phase imports on first use (numpy alone is ~0.1 CPU s): a run pays
        # them once, not per document, so they are loaded before the clock starts
        import difflib  # noqa: F401
        import checker.checks.duplicates.corpus  # noqa: F401
        import checker.engine.runner  # noqa: F401
        from checker.core.numeric import np  # noqa: F401
        # a rule's parameters are resolved on first use, and a ruleset read from the cache
        # imports every check family then (~30 ms): a run pays it once, outside the phase,
        # and whether it fell inside the clock depended on the cache's state
        _rule(settings).params  # noqa: B018
        gc.collect()
        gc.freeze()
        spent, found = (_stream if stream else _comparison)(docs, settings)
    digest = hashlib.sha1(repr(found).encode()).hexdigest()[:12]
    print(json.dumps({"n": n, "cpu": spent, "findings": len(found), "hash": digest}))


def replay(pickle_path: str, sizes: list[int], rounds: int, stream: bool) -> None:
    label = "stream" if stream else "comparison"
    for n in sizes:
        runs = []
        for _ in range(rounds):
            args = [sys.executable, __file__, "_one", pickle_path, str(n)] + (["--stream"] if stream else [])
            runs.append(json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout))
        cpu = statistics.median(r["cpu"] for r in runs)
        findings = runs[0]["findings"]
        hashes = {r["hash"] for r in runs}
        print(f"{label} n={n}: {1000 * cpu / n:.3f} ms/doc (runs {', '.join(f'{1000 * c / n:.3f}' for c in (r['cpu'] for r in runs))}), "
              f"{findings / n:.1f} findings/doc, {1e6 * cpu / max(findings, 1):.1f} us/finding, hash {' '.join(hashes)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("record", "replay", "_one"))
    ap.add_argument("pickle")
    ap.add_argument("rest", nargs="*")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 2000, 4000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--stream", action="store_true")
    args = ap.parse_args()
    if args.mode == "record":
        record(args.pickle, args.rest, args.jobs)
    elif args.mode == "_one":
        _one(args.pickle, int(args.rest[0]), args.stream)
    else:
        replay(args.pickle, args.sizes, args.rounds, args.stream)


if __name__ == "__main__":
    main()
