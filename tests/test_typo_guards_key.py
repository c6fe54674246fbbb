"""typo-literal's guards are kept in the cache folder under a hash of the table and the known
words; the hash (~1.4 ms: both sorted, as JSON) is remembered under the lexicon's
fingerprint and the code stamp (``index_keys``) and computed only for a memo not met
before: the same key, the same guards."""
from __future__ import annotations

import pytest

from checker.checks.typo import index_keys, literal


@pytest.fixture()
def table(tmp_path, monkeypatch):
    from checker.engine.settings import build_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-literal"
                and r.params.table == "misspellings")
    return literal.table_for(rule)


def test_the_remembered_key_is_the_tables_key(table, monkeypatch):
    want = literal.guards_key(table.entries, table._known)
    literal._GUARDS.clear()
    # a new Table (the fixture's may have its guards already: a cached property), a fresh
    # cache folder: the key computed, then remembered
    first = literal.Table(table.entries, table._known, table.scan, table._memo).guards
    assert set(literal._GUARDS) == {want}
    assert index_keys.remembered(table._memo(), lambda: "not this") == want

    def refused(entries, known):
        raise AssertionError("the key was computed again")

    monkeypatch.setattr(literal, "guards_key", refused)
    literal._GUARDS.clear()
    again = literal.Table(table.entries, table._known, table.scan, table._memo)
    assert again.guards == first               # its key read under the memo, its guards from the file
    assert set(literal._GUARDS) == {want}


def test_guards_with_and_without_the_memo_are_the_same(table):
    literal._GUARDS.clear()
    with_memo = literal.Table(table.entries, table._known, table.scan, table._memo).guards
    literal._GUARDS.clear()
    plain = literal.Table(table.entries, table._known, table.scan).guards
    assert with_memo == plain and sum(map(len, plain.values())) > 20
    text = "".join(word for words in plain.values() for word, _ in words[:1])
    found = [(s, w) for s, _, w in table.finditer(text)]
    assert found and all(table.covered(text, s, w) == literal.Table(
        table.entries, table._known, table.scan).covered(text, s, w) for s, w in found)


def test_a_memo_names_the_lexicon_the_code_and_the_table(table):
    memo = table._memo()
    from checker.core.version import code_stamp

    assert code_stamp() in memo and str(literal.GUARDS_FORMAT) in memo and "misspellings" in memo
