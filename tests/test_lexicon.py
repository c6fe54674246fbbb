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


def test_stored_views_are_made_again_without_reading_annotations(tmp_path, monkeypatch):
    """Every vocabulary view a check of the seeds validates, kept in its stored form
    (each model's data naming its class and the fields holding models or dates), is made
    again equal, types and fields set included, without resolving any annotation."""
    import marshal
    from pathlib import Path

    from checker.api import check_text
    from checker.model import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = lexicon._StoredViews()
    monkeypatch.setattr(lexicon, "_VIEWS", store)
    monkeypatch.setattr(lexicon, "_BUILT", {})
    monkeypatch.setattr(store, "save", lambda: None)
    for seed in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        check_text(seed.read_text(encoding="utf-8"))
    views = list(store.fresh.values())
    assert len(views) >= 10
    stored = [marshal.loads(marshal.dumps(lexicon._plain(view, stored=True))) for view in views]
    assert any(data[lexicon._TYPED] for data in stored)        # some hold models: the names are used

    def no_annotations(*args):
        raise AssertionError("an annotation was read")

    monkeypatch.setattr(lexicon, "_typed", no_annotations)
    for view, data in zip(views, stored):
        again = lexicon._construct(type(view), data)
        assert lexicon._same(again, view), type(view)


def test_a_stored_view_names_only_gwlints_model_classes():
    import pytest

    from checker.model import lexicon

    for name in (("os", "system"), ("checker.model.lexicon", "Lexicon"), ("checker.x", "f.<locals>.M")):
        with pytest.raises((TypeError, ImportError)):
            lexicon._model_class(name)


class _Lists(BaseModel):
    words: list[str] = []
    forms: tuple[str, ...] = ()
    kinds: set[str] = set()
    fixed: frozenset[str] = frozenset()
    odd: list[str] = []
    tagged: tuple[str, ...] = ()
    short: list[str] = []
    table: dict[str, list[str]] = {}
    mixed: list[object] = []


def test_stored_lists_of_words_are_kept_joined_and_made_again_the_same():
    """The views' store keeps a list of four or more words as one text (FORMAT 4): made
    again, each container has its type, its items and their order; a word holding the
    separator, a tuple that opens with the tag, a short list and a list of other things
    are kept as they were."""
    import marshal

    from checker.model import lexicon

    sep = lexicon._SEPARATOR
    view = _Lists(words=["坚持", "加强", "", "落实", "坚持"], forms=("甲", "乙", "丙", "丁"),
                  kinds={"一", "二", "三", "四", "五"}, fixed=frozenset({"上", "下", "左", "右"}),
                  odd=["a", "b" + sep + "c", "d", "e"], tagged=(lexicon._JOINED, "0", "x"),
                  short=["一", "二"], table={"v": ["做好", "抓好", "完成", "严格"], "w": ["x"]},
                  mixed=["a", "b", "c", 1])
    data = marshal.loads(marshal.dumps(lexicon._plain(view, stored=True)))
    joined = {name for name in _Lists.model_fields if lexicon._is_joined(data[name])}
    assert joined == {"words", "forms", "kinds", "fixed", "tagged"}
    assert lexicon._is_joined(data["table"]["v"]) and data["table"]["w"] == ["x"]
    again = lexicon._construct(_Lists, data)
    assert lexicon._same(again, view)
    for name in _Lists.model_fields:
        value, before = getattr(again, name), getattr(view, name)
        assert type(value) is type(before) and value == before, name
        if isinstance(value, (list, tuple)):
            assert list(value) == list(before)
    assert list(again.kinds) == list(marshal.loads(marshal.dumps(view.kinds)))   # a set's order as marshal's


def test_a_views_file_of_the_previous_format_is_ignored(tmp_path, monkeypatch):
    """A views file written with an earlier FORMAT (3: lists not joined; 4: a set's words
    in its own order) reads as no views: each is validated afresh and the file written
    again in this format."""
    from checker.core.sealed_file import read_sealed, write_sealed
    from checker.model import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = lexicon._StoredViews()
    assert store.FORMAT == 5
    write_sealed(store.path(), {"format": 4, "views": {("k",): {"__set__": []}}})
    assert store._read() is None and store.get(("k",), _Lists) is None
    store.keep(("k",), _Lists(words=["一", "二", "三", "四"]))
    store.save()
    kept = read_sealed(store.path(), 5)["views"][("k",)]
    assert lexicon._is_joined(kept["words"])
