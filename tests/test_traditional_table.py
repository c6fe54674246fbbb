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
