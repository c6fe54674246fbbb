"""``Rule.restored`` (the rule-set cache's way of making its rules) makes the rule the
dataclass's own ``__init__`` makes: the same ``__dict__``, key for key, in the same order."""
from __future__ import annotations

import dataclasses

from checker.engine.settings import build_settings
from checker.rules.rule import Rule, _stored_keys


def _values(rule: Rule) -> dict:
    """The field values of ``rule`` as given to ``__init__`` (deferred ones unread)."""
    return {name: rule.__dict__[key] for name, key in _stored_keys(Rule)}


def test_restored_rules_equal_the_ones_init_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert not hasattr(Rule, "__post_init__")        # restored would skip it
    assert [name for name, _ in _stored_keys(Rule)] == [f.name for f in dataclasses.fields(Rule)]
    for attempt in range(2):        # the first validates the rule set, the second restores it
        settings = build_settings(no_config=True)
        assert len(settings.available) > 100
        for rule in settings.available:
            made, restored = Rule(**_values(rule)), Rule.restored(_values(rule))
            assert list(vars(restored)) == list(vars(made)) == list(vars(rule))
            assert all(vars(restored)[k] is vars(made)[k] for k in vars(made))
            assert restored == made
            assert restored.params == rule.params and restored.examples == rule.examples
            assert restored.with_changes(enabled=False) == made.with_changes(enabled=False)


def test_restored_needs_every_field():
    values = _values(Rule(id="x", kind="k", category="c", severity="error", message="m", why="w",
                          description="d", params=None, examples=None))
    del values["standard"]
    try:
        Rule.restored(values)
    except KeyError:
        pass                # a stored rule set missing a field is a miss (ruleset_cache.load)
    else:
        raise AssertionError("a rule restored without a field")
