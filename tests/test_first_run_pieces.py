"""The first run's stores built in bounded pieces equal the ones built whole (the code of
16a357a kept in tests/phrase_index_whole_reference.py and tests/first_run_references.py):
the phrase index's arrays byte for byte, the dictionary entries, the segmenter's trimmed
dictionary, the literal rules' guards; with the real dictionary and with pieces so small
that every boundary case is met."""
from __future__ import annotations

import pytest

from checker.checks.typo import dictionary_entries, dictionary_rows, literal
from checker.checks.typo import phrase_index as pi
from checker.model import tokens
from tests import first_run_references as ref
from tests.phrase_index_whole_reference import build_whole


def _index_inputs():
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    vocab = vocabulary(rule.vocabulary)
    p = rule.params
    settings = pi.Settings(p.idiom_min_frequency, p.word_min_length, p.word_min_frequency,
                           p.word4_min_frequency, p.pair_min_frequency, p.rare_idiom_max_frequency)
    return ((list(vocab.phrases), list(vocab.names), list(vocab.not_typos), list(vocab.homophones),
             list(vocab.shapes), settings, tuple(vocab.optional_in_names)))


def _same_index(a: dict, b: dict) -> None:
    if "edges" not in b:
        # the whole build (16a357a) predates the edge table (format 9): it is made from the
        # reference's own arrays (tests/test_typo_edge_table.py holds edge_table to its
        # definition)
        b = {**b, **dict(zip(("edges", "edge_codes"), pi.edge_table(b["hashes"], b["anchor"])))}
    assert set(a) == set(b)
    for name in pi._ARRAYS:
        assert a[name].dtype == b[name].dtype, name
        assert a[name].tobytes() == b[name].tobytes(), name
    for name in ("phrases", "sources", "lengths"):
        assert list(a[name]) == list(b[name]), name


@pytest.fixture(scope="module")
def whole_index():
    inputs = _index_inputs()
    return inputs, build_whole(*inputs)


def test_the_index_built_in_pieces_is_the_index_built_whole(whole_index):
    inputs, whole = whole_index
    _same_index(pi.build(*inputs), whole)


def test_the_index_in_tiny_pieces_is_the_same(whole_index, monkeypatch, tmp_path):
    """Pieces of 1,000 rows of the dictionary and 1,000 variants for the Bloom filter and
    the start table, over the first 60,000 lines of the dictionary plus a tail with a
    repeated word, a row without a class and lines that are no rows."""
    lines = tokens.full_dictionary().read_text(encoding="utf-8").splitlines(keepends=True)[:60_000]
    small = tmp_path / "dict.txt"
    small.write_text("".join(lines) + "一五一十 30 i\n一五一十 40 n\n不期而遇 9\n坏行\n\n", encoding="utf-8")
    monkeypatch.setattr(pi, "full_dictionary", lambda: small)
    import tests.phrase_index_whole_reference as whole_module

    monkeypatch.setattr(whole_module, "full_dictionary", lambda: small)
    inputs = whole_index[0]
    whole = build_whole(*inputs)
    monkeypatch.setattr(dictionary_rows, "PIECE", 1_000)
    monkeypatch.setattr(dictionary_rows.pieces, "__defaults__", (1_000,))
    monkeypatch.setattr(pi, "_PIECE", 1_000)
    _same_index(pi.build(*inputs), whole)


def test_the_start_table_in_pieces_is_the_loop_over_every_variant(whole_index):
    """_start_table spells each variant's first three characters from its edit; the whole
    build's loop spelt them with ``variant``: the same table, on the real variants."""
    import numpy as np

    from tests.phrase_index_whole_reference import _start_table as whole_table

    _, whole = whole_index
    meta, plist = whole["meta"], whole["phrases"]
    assert np.array_equal(pi._start_table(meta, plist), whole_table(meta, plist))


ENTRY_CASES = [
    b"",
    b"\n",
    b"no-blank-here\n",
    b" leading blank 1 x\n",
    b"a 1 n\nab 2 v\na 3 x\n\xe4\xb8\x80 5 m\n\xe4\xb8\x80\xe4\xba\x8c 1\nb 2 q",     # no newline at the end
    b"w 1 n\r\nw 2 v\r\n",
    b"x 1\n" * 5 + b"y 9 z\n",
]


@pytest.mark.parametrize("data", ENTRY_CASES)
@pytest.mark.parametrize("piece", [1, 2, 3, 40_000])
def test_dictionary_entries_in_pieces_on_odd_files(data, piece):
    assert dictionary_entries.entries_body(data, piece) == ref.entries_body_whole(data)


def test_dictionary_entries_in_pieces_on_the_dictionary():
    data = tokens.full_dictionary().read_bytes()
    whole = ref.entries_body_whole(data)
    assert dictionary_entries.entries_body(data) == whole
    assert dictionary_entries.entries_body(data, 997) == whole


@pytest.mark.parametrize("size", [1, 59_999, 60_000, 10 ** 7])
def test_trimmed_words_are_the_first_of_the_whole_sort(size):
    assert tokens.trimmed_words(size) == ref.trimmed_words_whole(size)


def test_the_guards_found_in_two_passes_are_those_of_the_set_of_every_word():
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import build_settings

    rules = [r for r in build_settings(no_config=True).rules if r.kind == "typo-literal"]
    assert rules
    for rule in rules:
        vocab = vocabulary(rule.vocabulary)
        entries = dict(getattr(vocab, rule.params.table))
        # plus a wrong form held by a known word and forms whose repairs are words
        entries.update({"帐": "账", "份": "分"})
        known = set(vocab.known) | {"记帐凭证", "股份"}
        assert literal._find_guards(entries, known) == ref.find_guards_whole(entries, known)
