"""The phrase index's key kept under a memo of what it is made from (checker.checks.typo.index_keys)."""
from __future__ import annotations

import pytest

from checker.checks.typo import index_keys


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "gwlint" / index_keys.KEPT


def _counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value
    return compute, calls


def test_a_key_is_computed_once_per_memo(cache):
    compute, calls = _counting("abc")
    assert index_keys.remembered("m1", compute) == "abc"
    assert index_keys.remembered("m1", compute) == "abc"
    assert calls == [1] and cache.is_file()
    other, other_calls = _counting("def")
    assert index_keys.remembered("m2", other) == "def" and other_calls == [1]
    assert index_keys.remembered("m1", compute) == "abc" and calls == [1]


def test_a_damaged_file_is_computed_again(cache):
    index_keys.remembered("m1", lambda: "abc")
    blob = bytearray(cache.read_bytes())
    blob[-2] ^= 1
    cache.write_bytes(bytes(blob))
    compute, calls = _counting("abc")
    assert index_keys.remembered("m1", compute) == "abc" and calls == [1]


def test_the_memo_names_every_input():
    base = dict(code_stamp="s", fingerprint="f", index_format=8, dictionary_size=10, settings={"a": 1}, optional=("x",))
    seen = {index_keys.memo(**base)}
    for name, other in (("code_stamp", "t"), ("fingerprint", "g"), ("index_format", 9), ("dictionary_size", 11),
                        ("settings", {"a": 2}), ("optional", ("y",))):
        seen.add(index_keys.memo(**{**base, name: other}))
    assert len(seen) == 7


def test_the_kept_key_is_the_computed_one(cache, monkeypatch):
    """typo-phrase's index, found through the memo, is the index of the key computed in full."""
    from checker.checks.typo import phrase, phrase_index
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.kind == "typo-phrase")
    keys = []
    real = phrase_index.index_key
    monkeypatch.setattr(phrase_index, "index_key", lambda *a, **k: keys.append(real(*a, **k)) or keys[-1])
    loaded = []
    real_load = phrase_index.load
    monkeypatch.setattr(phrase_index, "load", lambda key, *a, **k: loaded.append(key) or real_load(key, *a, **k))
    monkeypatch.setattr(phrase, "built_from", lambda lexicon, key, build: build(lexicon))
    phrase.index_for(rule)
    phrase.index_for(rule)
    assert len(keys) == 1 and loaded == [keys[0], keys[0]]
