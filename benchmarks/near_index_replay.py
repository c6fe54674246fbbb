"""Record and replay the duplicate kinds' calls to ``NearIndex`` (issue 11).

A change to checker/model/near_index.py must propose the same candidates.  ``record``
lints the documents given with the duplicate rules only and stores every index session
(constructor arguments, each ``add``, ``candidates`` and ``exact`` call with its result)
in a pickle; ``replay`` runs those calls against the current ``NearIndex``, counts the
results that differ and prints the index's own CPU time (medians), with the cyclic
garbage collector frozen after loading, as gwlint's workers do.  Asserts nothing.

    .venv/bin/python benchmarks/near_index_replay.py record OUT.pkl PATH ...
    .venv/bin/python benchmarks/near_index_replay.py replay OUT.pkl [--rounds 5]
"""
from __future__ import annotations

import argparse
import gc
import pickle
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import checker.checks.duplicates.paragraph as paragraph_kind  # noqa: E402
import checker.checks.duplicates.sentence as sentence_kind  # noqa: E402
from checker.model.near_index import NearIndex  # noqa: E402


def record(out: str, paths: list[str]) -> None:
    from checker.engine.lint import lint_document
    from checker.engine.settings import build_settings
    from checker.model.document import Document
    from checker.sources.read import read_path
    sessions = []

    class Recording(NearIndex):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.calls = []
            sessions.append((args, kwargs, self.calls))

        def add(self, norm, grams=None):
            result = super().add(norm, grams)
            self.calls.append(("add", norm, result))
            return result

        def candidates(self, norm, share, scale=1.0):
            result = super().candidates(norm, share, scale)
            self.calls.append(("candidates", norm, share, scale, list(result)))
            return result

        def exact(self, norm):
            result = super().exact(norm)
            self.calls.append(("exact", norm, list(result)))
            return result

    sentence_kind.NearIndex = paragraph_kind.NearIndex = Recording
    settings = build_settings(no_config=True)
    files = []
    for p in paths:
        path = Path(p)
        files += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    for f in files:
        source = read_path(str(f))
        doc = Document(source, settings.lexicon, settings.kind_for(source.path))
        lint_document(doc, [r for r in settings.rules_for(source.path) if r.id.startswith("duplicate-")])
    with open(out, "wb") as fh:
        pickle.dump(sessions, fh)
    print(f"{len(files)} documents, {len(sessions)} sessions, {sum(len(c) for *_, c in sessions)} calls")


def replay(sessions, check: bool) -> tuple[float, int]:
    differ = 0
    start = time.process_time()
    for args, kwargs, calls in sessions:
        index = NearIndex(*args, **kwargs)
        for call in calls:
            if call[0] == "add":
                result = index.add(call[1])
                differ += check and result != call[2]
            elif call[0] == "candidates":
                result = index.candidates(call[1], call[2], call[3])
                differ += check and list(result) != call[4]
            else:
                differ += check and list(index.exact(call[1])) != call[2]
    return time.process_time() - start, differ


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("record", "replay"))
    ap.add_argument("pickle")
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if args.mode == "record":
        record(args.pickle, args.paths)
        return
    with open(args.pickle, "rb") as fh:
        sessions = pickle.load(fh)
    gc.collect()
    gc.freeze()
    _, differ = replay(sessions, check=True)
    times = [replay(sessions, check=False)[0] for _ in range(args.rounds)]
    calls = sum(len(c) for *_, c in sessions)
    print(f"{calls} calls, {differ} results differ; index CPU median {statistics.median(times):.3f} s "
          f"(runs {', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
