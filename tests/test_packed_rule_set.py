"""The stored rule set keeps each vocabulary value and each rule's examples packed
(checker.engine.ruleset_cache, ``Vocabularies.packed``): a warm start makes their words
only when they are read, and whatever it reads — a key, a namespace whole, the data
whole, a date, the examples — equals what a start that validates the packs gets."""
from __future__ import annotations

import datetime
import marshal

import pytest

from checker.model.lexicon import Lexicon, Vocabularies


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "gwlint"


def _build():
    from checker.engine.settings import build_settings

    return build_settings(no_config=True)


def test_a_warm_start_unpacks_no_value_until_one_is_read(cache_home, monkeypatch):
    cold = _build()
    calls = []
    real = marshal.loads
    warm = _build()
    vocabularies = warm.vocabularies
    assert "_data" not in vocabularies.__dict__
    monkeypatch.setattr(marshal, "loads", lambda blob: calls.append(1) or real(blob))
    # the fingerprints (what the stored views are keyed by) need no value
    assert vocabularies.fingerprint == cold.vocabularies.fingerprint
    for name in cold.vocabularies.namespaces():
        assert vocabularies.namespace(name).fingerprint == cold.vocabularies.namespace(name).fingerprint
    assert vocabularies.namespaces() == cold.vocabularies.namespaces()
    assert calls == []
    # one key read: that value alone unpacked, equal to the validated one
    name = next(n for n in cold.vocabularies.namespaces() if cold.vocabularies.namespace(n).as_dict())
    key = next(iter(cold.vocabularies.namespace(name).as_dict()))
    lexicon = vocabularies.namespace(name)
    assert isinstance(lexicon, Lexicon)
    assert lexicon.get(key) == cold.vocabularies.namespace(name).get(key)
    assert lexicon[key] == cold.vocabularies.namespace(name)[key]
    assert key in lexicon and "no such key" not in lexicon
    assert lexicon.get("no such key", 7) == 7
    assert len(calls) == 1
    assert lexicon.get(key) is lexicon[key]          # unpacked once
    assert len(calls) == 1


def test_every_namespace_and_the_whole_data_equal_the_validated_ones(cache_home):
    cold = _build()
    warm = _build()
    for name in cold.vocabularies.namespaces():
        assert warm.vocabularies.namespace(name).as_dict() == cold.vocabularies.namespace(name).as_dict()
        assert list(warm.vocabularies.namespace(name).as_dict()) == list(cold.vocabularies.namespace(name).as_dict())
    assert warm.vocabularies._data == cold.vocabularies._data
    assert list(warm.vocabularies._data) == list(cold.vocabularies._data)
    # a namespace read before the whole data shares its values with it
    fresh = _build().vocabularies
    name = fresh.namespaces()[0]
    held = fresh.namespace(name).as_dict()
    assert fresh._data[name] is held


def test_values_with_dates_come_back_as_dates():
    from checker.engine import ruleset_cache

    data = {"stale": {"when": datetime.date(2021, 7, 1), "events": [{"name": "a", "at": datetime.datetime(2020, 1, 2, 3, 4)}],
                      "plain": ["x"]},
            "model": {"units": ["元"]}}
    original = Vocabularies(data, {"stale": "f1", "model": "f2"})
    payload = ruleset_cache._payload(original, [], [], set())
    copy = ruleset_cache._rebuild(marshal.loads(marshal.dumps(payload)))[0]
    stale = copy.namespace("stale")
    assert stale.get("when") == datetime.date(2021, 7, 1) and type(stale.get("when")) is datetime.date
    assert stale["events"][0]["at"] == datetime.datetime(2020, 1, 2, 3, 4)
    assert stale.get("plain") == ["x"]
    assert copy._data == original._data
    assert copy.namespace("model").merged({"units": ["角"]}).get("units") == ["元", "角"]


def test_a_namespace_without_fingerprint_is_read_whole():
    from checker.engine import ruleset_cache

    original = Vocabularies({"a": {"k": [1, 2]}}, {})
    copy = ruleset_cache._rebuild(marshal.loads(marshal.dumps(ruleset_cache._payload(original, [], [], set()))))[0]
    lexicon = copy.namespace("a")
    assert lexicon.fingerprint == original.namespace("a").fingerprint
    assert lexicon.get("k") == [1, 2]


def test_a_rules_examples_are_made_when_first_read(cache_home):
    from checker.rules.rule import Deferred

    cold = _build()
    warm = _build()
    for a, b in zip(cold.available, warm.available):
        held = b.__dict__["_examples_value"]
        assert held is None or isinstance(held, Deferred), b.id
        assert b.examples == a.examples and type(b.examples) is type(a.examples), b.id
        assert b.__dict__["_examples_value"] is b.examples          # made once
    rule = warm.available[0]
    assert rule.with_changes(severity="info").examples == rule.examples


def test_a_warm_start_s_settings_pickle_as_the_data_they_stand_for(cache_home):
    """``gwlint spark`` broadcasts the settings (a pickle): packed values and examples
    travel unpacked, and the copy reads what a validated start reads."""
    import pickle

    cold = _build()
    warm = _build()
    name = next(n for n in cold.vocabularies.namespaces() if cold.vocabularies.namespace(n).as_dict())
    key = next(iter(cold.vocabularies.namespace(name).as_dict()))
    warm.vocabularies.namespace(name).get(key)            # one value unpacked, the rest not
    copy = pickle.loads(pickle.dumps(warm))
    assert copy.vocabularies.namespaces() == cold.vocabularies.namespaces()
    for n in cold.vocabularies.namespaces():
        assert copy.vocabularies.namespace(n).as_dict() == cold.vocabularies.namespace(n).as_dict()
        assert copy.vocabularies.namespace(n).fingerprint == cold.vocabularies.namespace(n).fingerprint
    assert copy.vocabularies.fingerprint == cold.vocabularies.fingerprint
    assert [r.id for r in copy.rules] == [r.id for r in cold.rules]
    for mine, theirs in zip(copy.rules, cold.rules):
        assert mine.examples == theirs.examples
