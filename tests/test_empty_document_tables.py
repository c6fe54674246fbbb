"""An empty document is checked without the tables only text can use (branch one10).

Each builder below is made to fail: before the checks looked at their document layer
first, an empty document reached them and every rule using one reported an internal
error; now no rule does, and the report is the empty one."""
from __future__ import annotations

from checker.api import check_text
from checker.engine.runner import lint_source
from checker.engine.settings import build_settings
from checker.sources.source import SourceText


def _broken(*args, **kwargs):
    raise RuntimeError("built for an empty document")


def test_an_empty_document_builds_none_of_these_tables(monkeypatch):
    from checker.checks.arithmetic import growth, share
    from checker.checks.duplicates import paragraph, sentence
    from checker.checks.enumeration import respectively
    from checker.checks.typo import traditional
    from checker.model import folding, quantities, quantity_grammar

    settings = build_settings(no_config=True)
    # (each module imported before: a later ``from ... import`` must not bind a stand-in)
    for owner, name in ((quantity_grammar, "grammar_for"), (quantities, "grammar_for"), (folding, "built_from"), (traditional, "class_for"), (traditional, "translation_for"),
                        (growth, "data_for"), (share, "data_for"), (respectively, "tables_for"),
                        (sentence, "set_phrases"), (paragraph, "site_furniture")):
        monkeypatch.setattr(owner, name, _broken)
    result = lint_source(SourceText.from_decoded("empty.txt", ""), settings)
    assert result.errors == []
    assert result.violations == []


def test_a_document_with_text_still_reaches_them(monkeypatch):
    from checker.model import quantities, quantity_grammar

    monkeypatch.setattr(quantity_grammar, "grammar_for", _broken)
    monkeypatch.setattr(quantities, "grammar_for", _broken)
    settings = build_settings(no_config=True)
    result = lint_source(SourceText.from_decoded("some.txt", "全年完成投资100万元。\n"), settings)
    assert any("built for an empty document" in e.message for e in result.errors)


def test_the_empty_report_is_unchanged():
    assert check_text("") == []
