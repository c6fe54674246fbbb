"""What the typo family costs: index load time and its share of a corpus run.

Loads the phrase index in a fresh process (cold: first run builds it; warm: later runs map
the cached arrays), then lints the seeds N times in this process with every default rule
and with every rule but the typo family, alternating, and prints the CPU time of each and
the family's share.

    .venv/bin/python benchmarks/typo_speed.py [--copies 20] [--rounds 3]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LOAD = """
import time
t = time.perf_counter()
from checker.engine.settings import build_settings
from checker.checks.typo import phrase
settings = build_settings(no_config=True)
rule = next(r for r in settings.rules if r.id == "typo-phrase")
t0 = time.perf_counter()
phrase.index_for(rule)
print(f"{time.perf_counter() - t0:.3f}")
"""


def index_load(cache: str | None = None) -> float:
    env = dict(os.environ)
    if cache:
        env["XDG_CACHE_HOME"] = cache
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, cwd=ROOT, check=True, env=env)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cold = index_load(cache)           # an empty cache folder: the index is built
        warm = index_load(cache)           # the next run maps the cached arrays
    print(f"phrase index: built in {cold:.2f} s on a first run, loaded in {warm:.3f} s after it")

    from checker.engine.runner import lint_source
    from checker.engine.settings import Settings, build_settings
    from checker.sources.read import adapt_text

    base = build_settings(no_config=True)
    without = Settings(rules=[r for r in base.rules if r.category != "typo"], lexicon=base.lexicon,
                       vocabularies=base.vocabularies, config=base.config, root=base.root)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * args.copies
    size = sum(len(t.encode()) for t in texts)

    def run(settings) -> float:
        t = time.process_time()
        for i, text in enumerate(texts):
            lint_source(adapt_text(text, f"doc{i}.txt", "text"), settings)
        return time.process_time() - t

    run(base)            # warm up: jieba, the index, compiled patterns
    totals = {"all rules": [], "without typo": []}
    for _ in range(args.rounds):
        totals["without typo"].append(run(without))
        totals["all rules"].append(run(base))
    best = {k: min(v) for k, v in totals.items()}
    print(f"corpus: {len(texts)} documents, {size / 1e6:.1f} MB")
    for k, v in best.items():
        print(f"  {k:13} {v:.2f} s CPU (best of {args.rounds}), {size / 1e6 / v:.2f} MB/s")
    share = best["all rules"] / best["without typo"] - 1
    print(f"the typo family adds {share * 100:.1f}% to the corpus time")


if __name__ == "__main__":
    main()
