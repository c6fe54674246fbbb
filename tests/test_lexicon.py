"""The data tables and what is built from them: merging, views, caches, regex lists."""
from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from checker.model.document import Document
from checker.model.lexicon import Lexicon, built_from, data_view, merge_data
from checker.core.patterns import RegexList


class _View(BaseModel):
    words: list[str] = []
    patterns: RegexList = []


def test_merge_extends_lists_updates_mappings_replaces_scalars():
    base = {"a": [1, 2], "m": {"x": 1, "l": ["p"]}, "s": "old"}
    out = merge_data(base, {"a": [2, 3], "m": {"y": 2, "l": ["q"]}, "s": "new"})
    assert out == {"a": [1, 2, 3], "m": {"x": 1, "y": 2, "l": ["p", "q"]}, "s": "new"}
    assert base["a"] == [1, 2]  # the base is not changed


def test_equal_data_shares_what_is_built_from_it():
    calls = []
    first = Lexicon({"words": ["甲"]})
    second = Lexicon({"words": ["甲"]})
    other = Lexicon({"words": ["乙"]})
    build = lambda lex: calls.append(lex) or len(calls)  # noqa: E731
    assert built_from(first, "k", build) == built_from(second, "k", build) == 1
    assert built_from(other, "k", build) == 2
    assert len(calls) == 2


def test_data_view_reads_only_its_keys_and_validates_them():
    view = data_view(Lexicon({"words": ["甲"], "unrelated": 5}), _View)
    assert view.words == ["甲"] and view.patterns == []
    with pytest.raises(ValidationError) as err:
        data_view(Lexicon({"patterns": ["(未闭合"]}), _View)
    assert "patterns" in str(err.value) and "invalid regular expression" in str(err.value)


def test_a_build_may_read_other_views_of_the_same_lexicon():
    lex = Lexicon({"words": ["甲", "乙"]})
    nested = built_from(lex, "outer", lambda l: len(data_view(l, _View).words))
    assert nested == 2


def test_the_document_is_closed_and_its_layers_are_computed_once():
    """Checks read declared layers only: there is no hook to hang values on a document."""
    doc = Document.from_text("1.推进职业教育。（牵头单位：教育局）")
    assert not hasattr(doc, "derived")
    assert doc.annotations is doc.annotations
    assert doc.quantities is doc.quantities


def test_document_without_settings_reads_the_shipped_tables():
    doc = Document.from_text("2023年工作要点\n义务教育巩固率达到98%。")
    assert doc.structure.year == 2023
    assert [q.text for q in doc.quantities] == ["98%"]
