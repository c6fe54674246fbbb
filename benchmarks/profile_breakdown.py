"""Where gwlint's time goes: start-up and per-document cost, for the people optimising it.

Prints, in-process (CPU time, time.process_time):
1. start-up: CPU time of `gwlint check` on an empty file, the 24 KB seed and the seed that
   needs jieba, and of `gwlint --version`, each in fresh processes, split into imports, rule
   loading, the checks and the rest, with regex compilation, pydantic classes and YAML, and
   the costliest imports (benchmarks/_startup_probe.py: CPU clock, not the wall clock that
   `-X importtime` and cProfile use, which a loaded machine inflates);
2. per document: the shared model layers (lines, paragraphs, sentences, structure, quantities,
   jieba tokens when a rule asks for them) and each rule's own time, over DOCS documents
   (the seeds, or the first N generated documents of bench.py's corpus);
3. the functions with the most own time over those documents (cProfile).

    .venv/bin/python benchmarks/profile_breakdown.py [--docs 100] [--seeds] [--top 25]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402  (the corpus generator and paths)

RUNS = 5
LAYERS = ("lines", "paragraphs", "sentences", "structure", "quantities")


def _probe(cmd: list[str], cwd: Path) -> dict:
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "_startup_probe.py"), *cmd], cwd=cwd,
                       capture_output=True, text=True)
    line = next(x for x in r.stderr.splitlines() if x.startswith("STARTUP-PROBE "))
    return json.loads(line.split(" ", 1)[1])


def _own(prefix: str):
    """The summed own import time of the modules whose names start with ``prefix``."""
    return lambda r: sum(own for name, (_, own, _) in r["imports"].items() if name.startswith(prefix))


def _interpreter_cpu() -> float:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_utime + usage.ru_stime


def startup(top: int) -> None:
    """CPU time of one-file runs by import and step (benchmarks/_startup_probe.py), medians of RUNS."""
    big = max(bench.SEEDS, key=lambda p: p.stat().st_size)
    jieba_seed = next(p for p in bench.SEEDS if p.name.startswith(bench.JIEBA_SEED))
    med = statistics.median
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "empty.txt").write_text("")
        for seed in (big, jieba_seed):
            shutil.copyfile(seed, folder / seed.name)
        cases = {"empty file": "empty.txt", f"{big.name[:3]} (24 KB)": big.name,
                 f"{jieba_seed.name[:3]} (jieba)": jieba_seed.name}
        # --no-cache as bench.py: otherwise every run after the first takes the file's findings
        # from the result cache in this folder and checks nothing (lint_document 0.0)
        probes = {label: [_probe(["check", "--no-config", "--no-cache", "--format", "json", "--quiet", name], folder)
                          for _ in range(RUNS)] for label, name in cases.items()}
        for label, runs in probes.items():
            if any("lint_document" not in r["steps"] for r in runs):
                raise SystemExit(f"the probe saw no document checked in a run over {label}")
        version = [_probe(["--version"], folder) for _ in range(RUNS)]
    interpreter = med(_interpreter_cpu() for _ in range(RUNS))

    def fig(runs: list[dict], get) -> float:
        return 1000 * med(get(r) for r in runs)

    def step(name: str, imports: bool = False):
        return lambda r: r["steps"].get(name, [0.0, 0.0, 0])[1 if imports else 0]

    rows = [
        ("interpreter start (python -c pass, separate process)", lambda r: interpreter),
        ("gwlint in-process, after the interpreter", lambda r: r["total"]),
        ("  imports, all modules (module-level work included)", lambda r: r["imported"]),
        ("  build_settings, without its imports", lambda r: step("build_settings")(r) - step("build_settings", True)(r)),
        ("  lint_document, without its imports (every check)", lambda r: step("lint_document")(r) - step("lint_document", True)(r)),
        ("  the rest (argparse, discover, report, exit)", lambda r: r["total"] - r["imported"]
         - step("build_settings")(r) + step("build_settings", True)(r)
         - step("lint_document")(r) + step("lint_document", True)(r)),
        ("cross-cutting, inside the figures above:", None),
        ("  re.compile, cache misses", lambda r: r["work"]["re.compile"][0]),
        ("  pydantic model classes built", lambda r: r["work"]["pydantic classes"][0]),
        ("  yaml.load", lambda r: r["work"]["yaml.load"][0]),
        ("  imports: module bodies of checker.checks.* (kinds, vocabularies)", _own("checker.checks.")),
        ("  imports: module bodies of the rest of checker", lambda r: _own("checker")(r) - _own("checker.checks.")(r)),
        ("  imports: third-party and standard library", lambda r: r["imported"] - _own("checker")(r)),
        ("  imports inside lint_document", step("lint_document", True)),
    ]
    labels = list(cases)
    print(f"== start-up: CPU ms of one fresh process, median of {RUNS} runs (benchmarks/_startup_probe.py)")
    width = max(len(label) for label, _ in rows) + 2
    print(" " * width + "".join(f"{x:>16}" for x in [*labels, "--version"]))
    for label, get in rows:
        if get is None:
            print(label)
            continue
        cells = [fig(probes[c], get) for c in labels] + [fig(version, get)]
        print(f"{label:{width}}" + "".join(f"{v:16.1f}" for v in cells))
    sample = probes[labels[1]]
    counts = sample[0]["work"]
    print(f"(24 KB file: {counts['re.compile'][1]} regexes compiled, {counts['pydantic classes'][1]} pydantic "
          f"model classes, {counts['yaml.load'][1]} YAML files, {len(sample[0]['imports'])} modules imported)")
    own: dict[str, list[float]] = defaultdict(list)
    cumulative: dict[str, list[float]] = defaultdict(list)
    for r in probes[labels[2]]:               # the jieba run imports everything the others do, and jieba
        for name, (cum, self_, _) in r["imports"].items():
            own[name].append(self_)
            cumulative[name].append(cum)
    packages: dict[str, float] = defaultdict(float)
    for name, values in own.items():
        packages[name.split(".")[0]] += med(values)
    print("imports by top-level package (own CPU ms summed; jieba seed run):")
    for name, t in sorted(packages.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {1000 * t:7.1f}  {name}")
    print("costliest modules (own CPU ms: the module's body, without what it imports):")
    for name, values in sorted(own.items(), key=lambda kv: -med(kv[1]))[:top]:
        print(f"  {1000 * med(values):7.1f} own {1000 * med(cumulative[name]):7.1f} cumulative  {name}")
    print()


def documents(n: int, seeds: bool) -> list[tuple[str, str]]:
    if seeds:
        return [(p.name, p.read_text(encoding="utf-8")) for p in bench.SEEDS]
    corpora = bench.Corpora(Path(tempfile.gettempdir()) / "gwlint-bench")
    corpora.ensure_pool(n)
    return [(f"doc{i:04d}.txt", (corpora.pool / f"doc{i:04d}.txt").read_text(encoding="utf-8")) for i in range(n)]


def per_document(docs: list[tuple[str, str]], top: int) -> None:
    from checker.engine.lint import lint_document
    from checker.engine.settings import build_settings
    from checker.model.document import Document

    settings = build_settings(no_config=True)
    # jieba tokens are computed on first use, inside whichever rule asks first: time them apart.
    token_time: list[float] = []
    original = Document.__dict__["tokens"].func

    def timed_tokens(self):
        start = time.process_time()
        try:
            return original(self)
        finally:
            token_time.append(time.process_time() - start)

    prop = cached_property(timed_tokens)
    prop.__set_name__(Document, "tokens")
    Document.tokens = prop
    # Warm up: regexes, kind modules and jieba load once per process, not per document.
    warm = Document.from_text(docs[0][1], path=docs[0][0], lexicon=settings.lexicon)
    lint_document(warm, settings.rules, True)
    _ = warm.tokens
    token_time.clear()

    layers: dict[str, float] = defaultdict(float)
    rules: dict[str, float] = defaultdict(float)
    for path, text in docs:
        doc = Document.from_text(text, path=path, lexicon=settings.lexicon)
        for name in LAYERS:
            start = time.process_time()
            getattr(doc, name)
            layers[name] += time.process_time() - start
        for rule in settings.rules:
            before = sum(token_time)
            start = time.process_time()
            lint_document(doc, [rule], True)
            rules[rule.id] += time.process_time() - start - (sum(token_time) - before)
    profiler = cProfile.Profile()       # a second pass: the profiler's overhead stays out of the figures above
    for path, text in docs:
        doc = Document.from_text(text, path=path, lexicon=settings.lexicon)
        profiler.enable()
        lint_document(doc, settings.rules, True)
        profiler.disable()
    n = len(docs)
    size = sum(len(t.encode()) for _, t in docs) / 1e6
    total = sum(layers.values()) + sum(rules.values()) + sum(token_time)
    print(f"== per document: {n} documents, {size:.1f} MB; {1000 * total / n:.1f} ms CPU per document "
          f"({total / size:.2f} CPU s/MB) in one process, without start-up or the cross-document index")
    print("shared model layers (computed once per document, read by every check):")
    for name in LAYERS:
        print(f"  {1000 * layers[name] / n:7.2f} ms/doc  {100 * layers[name] / total:5.1f} %  doc.{name}")
    print(f"  {1000 * sum(token_time) / n:7.2f} ms/doc  {100 * sum(token_time) / total:5.1f} %  doc.tokens "
          f"(jieba, whole text; {len(token_time)} of {n} documents asked for it)")
    by_category: dict[str, float] = defaultdict(float)
    category = {r.id: r.category for r in settings.rules}
    kind = {r.id: r.kind for r in settings.rules}
    for rid, t in rules.items():
        by_category[category[rid]] += t
    print("by category (the rules' own time, after the shared layers):")
    for cat, t in sorted(by_category.items(), key=lambda kv: -kv[1]):
        print(f"  {1000 * t / n:7.2f} ms/doc  {100 * t / total:5.1f} %  {cat}")
    print("by rule (the 15 costliest):")
    for rid, t in sorted(rules.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {1000 * t / n:7.2f} ms/doc  {100 * t / total:5.1f} %  {rid} ({kind[rid]})")
    stats = pstats.Stats(profiler).stats
    # cProfile's clock is the wall clock (a CPU clock costs a system call per event and
    # swamps short functions); on a loaded machine its seconds are stretched, so each
    # function's share of the profile is scaled to the CPU per document measured above.
    profiled = sum(own for (_, _, own, _, _) in stats.values())
    scale = total / n / profiled if profiled else 0.0
    print("functions with the most own time, layers and rules together (cProfile, a second pass; "
          "ms = share of the profile x the CPU per document above):")
    print(f"  {'own ms/doc':>10} {'cum ms/doc':>10} {'calls/doc':>10}  function")
    for (file, line, func), (_, calls, own, cum, _) in sorted(stats.items(), key=lambda kv: -kv[1][2])[:top]:
        where = file.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "<venv>/")
        where = f"{where}:{line}({func})" if line else func
        print(f"  {1000 * own * scale:10.2f} {1000 * cum * scale:10.2f} {calls / n:10.0f}  {where}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100, help="generated documents to profile (default 100)")
    ap.add_argument("--seeds", action="store_true", help="profile the five seeds instead")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--skip-startup", action="store_true")
    args = ap.parse_args()
    if not args.skip_startup:
        startup(args.top)
    per_document(documents(args.docs, args.seeds), args.top)


if __name__ == "__main__":
    main()
