"""typo-traditional's table made faster at first use: the map of traditional to
simplified forms equals the comprehension it replaced (in order, with a malformed entry,
a repeated key), and the escaped character class equals ``re.escape``'s."""
from __future__ import annotations

import re

import pytest

from checker.checks.typo.traditional import _escaped


def _by_comprehension(pairs):
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


@pytest.mark.parametrize("pairs", [
    ["丟丢", "並并", "亂乱"],
    ["丟丢", "並并", "丟两"],                # a repeated key: the last one wins
    ["丟丢", "x", "並并", "亂乱亂"],          # entries that are not pairs are skipped
    [],
])
def test_the_map_equals_the_comprehension(pairs):
    from checker.checks.typo.vocabulary import Vocabulary

    view = Vocabulary.model_construct(traditional=pairs)
    assert view.traditional_map == _by_comprehension(pairs)
    assert list(view.traditional_map) == list(_by_comprehension(pairs))


def test_the_shipped_map_equals_the_comprehension(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.kind == "typo-traditional")
    view = vocabulary(rule.vocabulary)
    assert len(view.traditional) > 1000
    assert view.traditional_map == _by_comprehension(view.traditional)
    assert list(view.traditional_map) == list(_by_comprehension(view.traditional))


@pytest.mark.parametrize("text", ["丟並亂", "", "abc", "a.b", "中 文", "丟\t並", "中-文", "()[]{}?*+-|^$\\.&~# \t\n\r\v\f",
                                  "".join(map(chr, range(128))) + "丟"])
def test_the_class_text_equals_re_escape(text):
    assert _escaped(text) == re.escape(text)


# typo-traditional's character class is made from the keys alone, the translation table
# only when a document holds a traditional character (branch one14)

def _program(pattern):
    from re import _compiler, _parser

    return _compiler._code(_parser.parse(pattern, 0), 0)


@pytest.mark.parametrize("pairs", [
    ["丟丢", "並并", "亂乱"],
    ["並并", "丟丢", "丟两", "亂乱"],               # a repeated key, out of order
    ["丟丢", "x", "並并", "亂乱亂"],                # entries that are not pairs are skipped
    ["-x", "丟丢", "^y", "]z", "\\w", "a-"],          # characters a class would read otherwise
])
def test_the_class_of_the_keys_is_the_class_of_the_sorted_map(pairs):
    from checker.checks.typo.vocabulary import Vocabulary

    view = Vocabulary.model_construct(traditional=pairs)
    keys = view.traditional_keys
    assert set(keys) == set(view.traditional_map)
    ours, sorted_class = "[" + _escaped(keys) + "]", "[" + _escaped("".join(sorted(view.traditional_map))) + "]"
    assert _program(ours) == _program(sorted_class)
    probe = "".join(map(chr, range(0x3000))) + "".join(map(chr, range(0x4E00, 0xA000)))
    assert re.findall(ours, probe) == re.findall(sorted_class, probe)


def test_the_shipped_class_compiles_to_the_sorted_maps_program(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.kind == "typo-traditional")
    view = vocabulary(rule.vocabulary)
    assert _program("[" + _escaped(view.traditional_keys) + "]") == \
        _program("[" + _escaped("".join(sorted(view.traditional_map))) + "]")


def _lint(text):
    from checker.engine.runner import lint_source
    from checker.engine.settings import build_settings
    from checker.sources.source import SourceText

    settings = build_settings(no_config=True, select=["typo-traditional"])
    return lint_source(SourceText.from_decoded("doc.txt", text), settings, collect=False)


def test_no_translation_table_for_a_document_without_traditional_characters(monkeypatch):
    from checker.checks.typo import traditional

    def broken(rule):
        raise RuntimeError("translation table built")

    monkeypatch.setattr(traditional, "translation_for", broken)
    result = _lint("全年完成投资100万元，各项工作稳步推进。\n")
    assert result.errors == [] and result.violations == []
    result = _lint("全年完成投资100万元，各項工作稳步推进。\n")
    assert any("translation table built" in e.message for e in result.errors)


def test_a_traditional_character_still_gets_its_fix():
    result = _lint("全年完成投资100万元，各項工作稳步推进。\n")
    (found,) = result.violations
    assert "項" in found.message and "项" in found.message
