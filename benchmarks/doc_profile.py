"""Per-document CPU of gwlint in a warm process: by model layer and by rule (issue 11).

Reads the documents given (default: the seeds; pass folders such as a study set), lints
them once to warm the process (regexes compiled, tables loaded), then, per document, times
on the CPU clock (time.process_time) the shared model layers and each rule on its own via
``lint_document(doc, [rule])``.  ``--profile`` adds cProfile's functions with the most own
time over one more full pass.  Prints, asserts nothing.

    .venv/bin/python benchmarks/doc_profile.py [PATH ...] [--profile] [--top 30] [--rounds 3]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine.lint import lint_document  # noqa: E402
from checker.engine.runner import corpus_violations  # noqa: E402
from checker.engine.settings import build_settings  # noqa: E402
from checker.model.document import Document  # noqa: E402
from checker.sources.read import read_path  # noqa: E402

LAYERS = ("lines", "paragraphs", "sentences", "folded_text", "structure", "quantities", "annotations")


def files(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        path = Path(p)
        out += sorted(str(f) for f in path.rglob("*.txt")) if path.is_dir() else [str(path)]
    return out


def full_pass(sources, settings) -> float:
    t = time.process_time()
    results = []
    for source in sources:
        doc = Document(source, settings.lexicon, settings.kind_for(source.path))
        results.append(lint_document(doc, settings.rules_for(source.path)))
    corpus_violations(results, settings)
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    settings = build_settings(no_config=True)
    sources = [read_path(p) for p in files(args.paths)]
    mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    full_pass(sources, settings)  # warm
    passes = [full_pass(sources, settings) for _ in range(args.rounds)]
    n = len(sources)
    best = statistics.median(passes)
    print(f"{n} documents, {mb:.3f} MB: full pass (checks + corpus phase) median {best:.3f} CPU s = "
          f"{1000 * best / n:.1f} ms/doc = {best / mb:.2f} CPU s/MB  (runs: {', '.join(f'{p:.3f}' for p in passes)})")

    layer = defaultdict(float)
    rule_t = defaultdict(float)
    for source in sources:
        doc = Document(source, settings.lexicon, settings.kind_for(source.path))
        for name in LAYERS:
            t = time.process_time()
            getattr(doc, name)
            layer[name] += time.process_time() - t
        for rule in settings.rules_for(source.path):
            t = time.process_time()
            lint_document(doc, [rule])
            rule_t[rule.id] += time.process_time() - t
    print("\nmodel layers, ms/doc:")
    for name in LAYERS:
        print(f"  {1000 * layer[name] / n:7.2f}  {name}")
    print("rules (layers above excluded; tokens charged to the first rule asking), ms/doc:")
    total = sum(rule_t.values())
    for rid, t in sorted(rule_t.items(), key=lambda x: -x[1])[:40]:
        print(f"  {1000 * t / n:7.2f}  {100 * t / total:5.1f} %  {rid}")
    print(f"  {1000 * total / n:7.2f}  all rules;  layers {1000 * sum(layer.values()) / n:.2f}")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        full_pass(sources, settings)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
