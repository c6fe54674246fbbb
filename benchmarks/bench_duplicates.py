"""Benchmark of the cross-document duplicate check (rule duplicate-across-files).

Generates seed-like documents — sentences of seeds/*.txt, shuffled, with a share of their
characters replaced so that each document is its own — plants verbatim copies of a few
sentences of earlier documents in some of them, and prints the time of the corpus check
(fingerprinting every document, then the bucket index) at 250, 500 and 1,000 documents,
with how many planted copies were found.  Prints, asserts nothing.

    .venv/bin/python benchmarks/bench_duplicates.py [--docs 1000] [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.checks.duplicates import corpus as duplicate_corpus  # noqa: E402
from checker.rules.loader import builtin_rules_dir, load_data, load_rules  # noqa: E402
from checker.model.document import Document  # noqa: E402


def seed_sentences() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"), path=str(path))
        out += [doc.sentence_text(i) for i in range(len(doc.sentences))]
    return [s for s in out if len(s) >= 8]


def generate(count: int, rng: random.Random) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """``count`` documents (path, text) and the planted copies (later path, sentence)."""
    pool = seed_sentences()
    alphabet = [c for s in pool for c in s if "\u4e00" <= c <= "\u9fff"]
    docs: list[tuple[str, list[str]]] = []
    planted: set[tuple[str, str]] = set()
    for n in range(count):
        sentences = []
        for s in rng.sample(pool, rng.randint(40, 90)):
            sentences.append("".join(rng.choice(alphabet) if "\u4e00" <= c <= "\u9fff" and rng.random() < 0.3
                                     else c for c in s))
        path = f"gen/{n:05d}.txt"
        if docs and rng.random() < 0.2:               # last year's report pasted in
            source = rng.choice(docs)[1]
            long_ones = [s for s in source if len(s) >= 40 and s[0] not in "（("]
            for s in rng.sample(long_ones, min(3, len(long_ones))):
                sentences.insert(rng.randrange(len(sentences) + 1), s)
                planted.add((path, s))
        docs.append((path, sentences))
    texts = []
    for path, sentences in docs:
        lines = ["".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
        texts.append((path, f"市教育局{2020 + int(path[4:9]) % 5}年工作总结\n" + "\n".join(lines) + "\n"))
    return texts, planted


def corpus_rule():
    """The shipped cross-document rule and the data it reads (only this pack is loaded)."""
    rules_dir = builtin_rules_dir()
    from checker.checks.registry import load_bound_rules

    rule = next(r for r in load_bound_rules([rules_dir / "duplicates" / "pack.yaml"]) if r.kind == "duplicate-corpus")
    return rule, load_data([rules_dir])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rule, lexicon = corpus_rule()
    texts, planted = generate(args.docs, random.Random(args.seed))
    print(f"{len(texts)} documents, {sum(len(t) for _, t in texts) / 1e6:.1f} M characters, "
          f"{len(planted)} planted copies")
    sizes = [n for n in (250, 500, 1000) if n <= len(texts)] or [len(texts)]
    if len(texts) not in sizes and len(texts) > 1000:
        sizes.append(len(texts))
    print(f"{'docs':>6} {'sentences':>10} {'collect s':>10} {'index s':>9} {'total s':>8} "
          f"{'ms/doc':>7} {'reports':>8} {'planted':>8} {'found':>6}")
    for size in sizes:
        subset = texts[:size]
        t0 = time.perf_counter()
        summaries = {}
        for path, text in subset:
            doc = Document.from_text(text, path=path, lexicon=lexicon)
            summaries[path] = duplicate_corpus.collect(doc, rule)
        t1 = time.perf_counter()
        findings = list(duplicate_corpus.check_corpus(summaries, rule, None))
        t2 = time.perf_counter()
        paths = {p for p, _ in subset}
        expected = {(p, s) for p, s in planted if p in paths}
        by_path: dict[str, list[str]] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f.excerpt[:12])
        found = sum(1 for p, s in expected if any(e in s for e in by_path.get(p, ())))
        sentences = sum(len(s.entries) for s in summaries.values())
        print(f"{size:>6} {sentences:>10} {t1 - t0:>10.2f} {t2 - t1:>9.2f} {t2 - t0:>8.2f} "
              f"{1000 * (t2 - t0) / size:>7.2f} {len(findings):>8} {len(expected):>8} {found:>6}")


if __name__ == "__main__":
    main()
