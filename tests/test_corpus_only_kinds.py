"""A check that makes no cross-document summaries leaves out the kinds that report only
across documents (checker.checks.corpus_only)."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks.corpus_only import FINDS_NOTHING_ALONE, runs_alone
from checker.checks.registry import kind_table, load_kind
from checker.engine.runner import lint_source
from checker.engine.settings import build_settings
from checker.model.document import Document
from checker.sources.source import SourceText
from tests.entry_runs import imported_by_a_warm_run

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def settings():
    return build_settings(no_config=True)


def test_every_listed_kind_is_a_corpus_kind():
    assert FINDS_NOTHING_ALONE <= set(kind_table())
    for kind in FINDS_NOTHING_ALONE:
        assert getattr(load_kind(kind), "CORPUS", False), kind


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_their_rules_find_nothing_in_one_document(settings, seed):
    doc = Document(SourceText.from_decoded(str(seed), seed.read_text(encoding="utf-8")), settings.lexicon, None)
    rules = [r for r in settings.available if not runs_alone(r.kind)]
    assert rules
    for rule in rules:
        assert list(load_kind(rule.kind).check(doc, rule)) == [], rule.id


def test_left_out_only_without_summaries(settings):
    seed = SEEDS[0]
    source = SourceText.from_decoded(str(seed), seed.read_text(encoding="utf-8"))
    alone = {r.kind for r in settings.rules_for(str(seed), alone=True)}
    together = {r.kind for r in settings.rules_for(str(seed))}
    assert FINDS_NOTHING_ALONE <= together and not (FINDS_NOTHING_ALONE & alone)
    summaries = lint_source(source, settings, collect=True).corpus
    assert any(r.kind in FINDS_NOTHING_ALONE for r in settings.rules if r.id in summaries)


def test_a_one_file_run_does_not_import_them(tmp_path):
    assert imported_by_a_warm_run(tmp_path, ("checker.checks.duplicates.corpus",), seed="000_") == []
