"""A one-file run over an empty text leaves out the kinds that can find nothing in it
(checker.checks.empty_text, branch one12)."""
from __future__ import annotations

import importlib

import pytest

from checker.checks.corpus_only import runs_alone
from checker.checks.empty_text import SILENT_ON_EMPTY_TEXT, runs_on_empty_text
from checker.checks.registry import kind_table, link_deferrals, load_kind
from checker.engine.runner import lint_source
from checker.engine.settings import build_settings
from checker.model.document import Document
from checker.sources.source import SourceText


@pytest.fixture(scope="module")
def settings():
    return build_settings(no_config=True)


def _empty_document(settings) -> Document:
    return Document(SourceText.from_decoded("empty.txt", ""), settings.lexicon, None)


def test_every_listed_kind_exists():
    assert SILENT_ON_EMPTY_TEXT <= set(kind_table())


def test_the_built_in_rules_of_listed_kinds_find_nothing_in_an_empty_text(settings):
    checked = 0
    for rule in settings.available:
        if runs_on_empty_text(rule.kind):
            continue
        assert list(load_kind(rule.kind).check(_empty_document(settings), rule)) == [], rule.id
        checked += 1
    assert checked >= len(SILENT_ON_EMPTY_TEXT)


def test_the_layers_the_reasons_name_are_empty(settings):
    doc = _empty_document(settings)
    assert doc.paragraphs == [] and doc.sentences == [] and doc.quantities == []
    assert list(doc.structure.iter_blocks()) == [] and doc.structure.inline_enums == []
    assert doc.structure.title == "" or doc.structure.title is None
    from checker.model.annotations import annotations_of

    assert list(annotations_of(doc)) == []
    assert doc.year_at(0) is None                     # stale-event's every report needs one
    assert load_kind("duplicate-corpus").check(doc, None) is not None
    assert list(load_kind("duplicate-corpus").check(doc, None)) == []


def test_a_one_file_run_does_not_run_them_on_an_empty_text(settings, monkeypatch):
    # each listed kind's check made to fail: before this branch every one of them ran on
    # the empty document and was reported as an internal error
    def broken(doc, rule):
        raise RuntimeError("ran on an empty text")

    for kind in SILENT_ON_EMPTY_TEXT:
        monkeypatch.setattr(load_kind(kind), "check", broken)
    result = lint_source(SourceText.from_decoded("empty.txt", ""), settings, collect=False)
    assert result.errors == [] and result.violations == []
    # a text with something in it runs them all
    result = lint_source(SourceText.from_decoded("some.txt", "一\n"), settings, collect=False)
    assert {e.message.split("'")[1] for e in result.errors} == \
        {r.id for r in settings.rules if r.kind in SILENT_ON_EMPTY_TEXT and runs_alone(r.kind)}


def test_a_run_that_collects_summaries_runs_them(settings, monkeypatch):
    monkeypatch.setattr(load_kind("duplicate-sentence"), "check", lambda doc, rule: iter(()))
    ran = []
    original = settings.rules_for

    def rules_for(path, **kwargs):
        found = original(path, **kwargs)
        ran.append(found)
        return found

    monkeypatch.setattr(settings, "rules_for", rules_for)
    lint_source(SourceText.from_decoded("empty.txt", ""), settings, collect=True)
    assert {r.kind for r in ran[0]} >= SILENT_ON_EMPTY_TEXT & {r.kind for r in settings.rules}


def test_a_kept_rule_defers_to_the_same_partners(settings):
    whole = {r.id: r for r in link_deferrals(settings.rules)}
    kept = link_deferrals(settings.rules, [r for r in settings.rules if runs_on_empty_text(r.kind)])
    assert [r.id for r in kept] == [r.id for r in settings.rules if runs_on_empty_text(r.kind)]
    for rule in kept:
        assert [p.id for p in rule.defers_to] == [p.id for p in whole[rule.id].defers_to]


def test_an_empty_file_imports_no_module_only_listed_kinds_use(tmp_path):
    import subprocess
    import sys

    (tmp_path / "empty.txt").write_text("")
    only_listed = {m for k, m in kind_table().items() if k in SILENT_ON_EMPTY_TEXT} \
        - {m for k, m in kind_table().items() if k not in SILENT_ON_EMPTY_TEXT}
    code = ("import sys; from checker.cli.main import main; main(['check', '--no-config', '--no-cache', "
            "'--format', 'json', '--quiet', 'empty.txt']); print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert '"violations": []' in done.stdout
    imported = set(done.stderr.split())
    assert only_listed and not (only_listed & imported)
    assert importlib.import_module("checker.checks.empty_text").__name__ in imported
