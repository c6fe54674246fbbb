"""The rule set kept as plain data (checker.engine.ruleset_cache): a start that reads it
gets the very rules, parameters and vocabularies a start that validates them gets, and
every error of a bad pack or configuration is still the same one line."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from checker.rules.rule import Rule

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "gwlint"


def _build(**kw):
    from checker.engine.settings import build_settings

    return build_settings(**kw)


def _assert_same(cold, warm):
    assert [r.id for r in warm.rules] == [r.id for r in cold.rules]
    assert [r.id for r in warm.available] == [r.id for r in cold.available]
    for a, b in zip(cold.available, warm.available):
        for f in fields(Rule):
            if f.name in ("vocabularies", "defers_to"):
                continue
            assert getattr(a, f.name) == getattr(b, f.name), (a.id, f.name)
            assert type(getattr(a, f.name)) is type(getattr(b, f.name)), (a.id, f.name)
    assert warm.vocabularies._data == cold.vocabularies._data
    assert warm.vocabularies.fingerprint == cold.vocabularies.fingerprint
    assert warm.lexicon.fingerprint == cold.lexicon.fingerprint


def test_a_warm_start_reads_the_stored_rule_set_and_gets_the_same_rules(cache_home, monkeypatch):
    from checker.engine import ruleset_cache

    cold = _build(no_config=True)
    stored = list(cache_home.glob("ruleset-*.marshal"))
    assert len(stored) == 1
    # a warm start must not read a pack or validate a rule again
    import checker.rules.loader as loader

    monkeypatch.setattr(loader, "load_pack", lambda *a: pytest.fail("a pack was read on a warm start"))
    warm = _build(no_config=True)
    _assert_same(cold, warm)
    assert ruleset_cache.load(None) is None


def test_a_configuration_with_params_data_and_select_is_cached_under_its_own_key(cache_home, tmp_path):
    folder = tmp_path / "proj"
    folder.mkdir()
    config = folder / ".gwlint.yaml"
    config.write_text("rules:\n  rate-above-100:\n    severity: info\n"
                      "  duplicate-sentence:\n    params: {min_length: 30}\n", encoding="utf-8")
    cold = _build(config_file=str(config), select=["percent-range", "duplicate"])
    warm = _build(config_file=str(config), select=["percent-range", "duplicate"])
    _assert_same(cold, warm)
    assert {r.severity for r in warm.rules if r.id == "rate-above-100"} == {"info"}
    assert len(list(cache_home.glob("ruleset-*.marshal"))) == 1
    config.write_text("rules:\n  rate-above-100:\n    severity: error\n", encoding="utf-8")
    changed = _build(config_file=str(config), select=["percent-range", "duplicate"])
    assert {r.severity for r in changed.rules if r.id == "rate-above-100"} == {"error"}
    assert len(list(cache_home.glob("ruleset-*.marshal"))) == 2


def test_a_damaged_rule_set_file_is_ignored_and_replaced(cache_home):
    cold = _build(no_config=True)
    (stored,) = cache_home.glob("ruleset-*.marshal")
    blob = stored.read_bytes()
    stored.write_bytes(blob[:40] + b"\x00" * 16 + blob[56:])
    warm = _build(no_config=True)
    _assert_same(cold, warm)
    assert stored.read_bytes() == blob          # written again, whole


def test_a_changed_user_pack_is_read_again_and_its_error_is_the_same_line_each_time(cache_home, tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = packs / "mine.yaml"
    pack.write_text("""rules:
  - id: my-word
    kind: pattern
    category: terminology
    severity: warning
    message: "{match}"
    why: a word we avoid
    params: {patterns: ["废话"]}
    examples: {bad: ["这是废话。"], good: ["这是实话。"]}
""", encoding="utf-8")
    first = _build(no_config=True, rules_dirs=[str(packs)])
    assert "my-word" in {r.id for r in first.rules}
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        'params: {patterns: ["废话"]}', 'params: {patterns: ["废话"], colour: red}'), encoding="utf-8")
    lines = []
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--rules", str(packs), "."],
                              capture_output=True, text=True, cwd=tmp_path,
                              env={**__import__("os").environ, "XDG_CACHE_HOME": str(cache_home.parent)})
        assert proc.returncode == 2
        lines.append(proc.stderr)
    assert lines[0] == lines[1] and len(lines[0].splitlines()) == 1 and "colour" in lines[0]


def test_dates_in_a_vocabulary_come_back_as_dates(cache_home):
    import datetime

    cold = _build(no_config=True)
    warm = _build(no_config=True)
    events = warm.vocabularies.namespace("stale").get("events")
    assert any(isinstance(e.get("start"), datetime.date) for e in events)
    assert events == cold.vocabularies.namespace("stale").get("events")


def test_the_files_a_rule_set_key_reads_are_the_yaml_files_rglob_finds(tmp_path):
    import os

    from checker.core.paths import builtin_rules_dir
    from checker.engine.ruleset_cache import _files_of

    def by_rglob(location):
        return sorted(p for p in location.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())

    (tmp_path / "a" / "b.yaml").mkdir(parents=True)            # a folder named like a file
    (tmp_path / "a" / "c.yml").write_text("x: 1")
    (tmp_path / "a-b").mkdir()
    (tmp_path / "a-b" / "d.yaml").write_text("x: 1")
    (tmp_path / ".yaml").write_text("x: 1")                     # no suffix to pathlib
    (tmp_path / "e.YAML").write_text("x: 1")
    (tmp_path / "f.txt").write_text("x")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "g.yaml").write_text("x: 1")
    os.symlink(tmp_path / "outside", tmp_path / "a" / "linked")            # not followed
    os.symlink(tmp_path / "a" / "c.yml", tmp_path / "a" / "link.yaml")      # a file: kept
    for location in (tmp_path, tmp_path / "a", builtin_rules_dir()):
        assert [Path(p) for p in _files_of(location)] == by_rglob(location), location   # (given as text)
