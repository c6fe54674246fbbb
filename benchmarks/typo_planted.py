"""Precision and recall of the typo family on its planted set (tests/fixtures/typo_planted.tsv).

Each line of the set is a correct sentence of gwlint's own writing and the typo planted in
it.  Both sentences are linted with the default rules: a typo report (or a repeated-word
report) on the correct sentence is a false positive, and so is one on the typo'd sentence
that is not the kind's rule at the planted place; the kind's rule there is a hit.

    .venv/bin/python benchmarks/typo_planted.py [--show-misses] [--show-false]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PLANTED = ROOT / "tests" / "fixtures" / "typo_planted.tsv"

RULE_OF_KIND = {
    "misspelling": "typo-misspelling", "deadline": "typo-deadline", "jiyao": "typo-jiyao",
    "must": "typo-must", "de": "typo-adverbial-de", "name": "typo-official-name",
    "spinner": "typo-spinner", "leader": "typo-guiding-thought", "traditional": "typo-traditional",
    "homophone": "typo-phrase", "shape": "typo-phrase", "drop": "typo-phrase", "double": "typo-phrase",
    "swap": "typo-phrase", "stutter": "repeated-word",
}
WATCHED = set(RULE_OF_KIND.values())


@dataclass
class Item:
    kind: str
    correct: str
    right: str
    wrong: str

    @property
    def typo(self) -> str:
        return self.correct.replace(self.right, self.wrong, 1)

    @property
    def at(self) -> int:
        return self.correct.index(self.right)


@dataclass
class Figures:
    hits: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    false: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    listed_hits: int = 0
    listed_total: int = 0

    @property
    def precision(self) -> float:
        tp = sum(self.hits.values())
        return tp / (tp + len(self.false)) if tp + len(self.false) else 1.0

    def recall(self, kind: str | None = None) -> float:
        if kind is None:
            return sum(self.hits.values()) / max(1, sum(self.total.values()))
        return self.hits[kind] / max(1, self.total[kind])


def read(path: Path = PLANTED) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, correct, right, wrong = line.split("\t")
        if right not in correct or right == wrong:
            raise ValueError(f"bad planted line: {line!r}")
        items.append(Item(kind, correct, right, wrong))
    return items


def full_repair(rule):
    """``rule`` with typo-phrase's ``needs_evidence`` off (every phrase repaired), as a
    .gwlint.yaml sets it with `rules: {typo-phrase: {params: {needs_evidence: false}}}`."""
    if rule.kind != "typo-phrase" or not getattr(rule.params, "needs_evidence", False):
        return rule
    return rule.with_changes(params=rule.params.model_copy(update={"needs_evidence": False}))


def evaluate(items: list[Item]) -> Figures:
    from checker.api import check_text
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import Settings, build_settings

    base = build_settings(no_config=True)
    # only the rules whose reports count (the others cannot change the figures); the
    # planted sentences stand alone, so typo-phrase repairs without the evidence of the
    # phrase written whole elsewhere, its shipped condition
    settings = Settings(rules=[full_repair(r) for r in base.rules if r.id in WATCHED], lexicon=base.lexicon,
                        vocabularies=base.vocabularies, config=base.config, root=base.root)
    listed = vocabulary(base.vocabularies.namespace("typo")).known
    out = Figures()
    for item in items:
        for v in check_text(item.correct, config=settings):
            if v.rule in WATCHED:
                out.false.append((item.kind, item.correct, v.rule, v.message))
        rule = RULE_OF_KIND[item.kind]
        out.total[item.kind] += 1
        is_listed = item.kind in ("homophone", "shape", "drop", "double", "swap", "name") and item.right in listed
        out.listed_total += is_listed
        lo, hi = item.at, item.at + len(item.wrong)
        hit = False
        for v in check_text(item.typo, config=settings):
            if v.rule not in WATCHED:
                continue
            start = v.column - 1          # one-line sentences: column is the offset + 1
            end = v.end_column - 1
            if v.rule == rule and start < hi + 1 and end > lo - 1:
                hit = True
            else:
                out.false.append((item.kind, item.typo, v.rule, v.message))
        if hit:
            out.hits[item.kind] += 1
            out.listed_hits += is_listed
        else:
            out.misses.append((item.kind, item.typo))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-false", action="store_true")
    args = parser.parse_args()
    items = read()
    fig = evaluate(items)
    print(f"planted set: {len(items)} typo'd sentences + {len(items)} correct ones")
    print(f"precision {fig.precision:.3f}  ({sum(fig.hits.values())} hits, {len(fig.false)} false reports)")
    print(f"recall    {fig.recall():.3f}  overall; inside listed phrases and names "
          f"{fig.listed_hits}/{fig.listed_total} = {fig.listed_hits / max(1, fig.listed_total):.3f}")
    for kind in sorted(fig.total):
        print(f"  {kind:12} {fig.hits[kind]:3}/{fig.total[kind]:<3} recall {fig.recall(kind):.2f}  ({RULE_OF_KIND[kind]})")
    if args.show_false:
        for row in fig.false:
            print("FALSE", *row)
    if args.show_misses:
        for row in fig.misses:
            print("MISS", *row)


if __name__ == "__main__":
    main()
