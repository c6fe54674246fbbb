"""A long text's table of neighbour pairs (checker/core/character_pairs.py) never calls a
literal absent that the text holds, and ``_holds_any`` answers with it what a search of the
text answers."""
from __future__ import annotations

import random

import pytest

from checker.core import character_pairs as cp
from checker.core import patterns
from checker.core.numeric import np  # noqa: F401  (loaded: the tables are made only then)

# Characters the random texts and literals are drawn from: Han characters, full-width and
# ASCII punctuation, a letter beyond the Basic Multilingual Plane, and the edges of the
# plane's code points (where a careless table would index out of range or wrap).
_ALPHABET = ("的一是在了不和有大这国年中发展建设推进工作" "。，、；：“”（）" "abc019.-/"
             "\U00020000\U0001F600" "\u0000\uffff\ue000")


def _text(rng: random.Random, size: int, alphabet: str = _ALPHABET) -> str:
    return "".join(rng.choice(alphabet) for _ in range(size))


def test_the_tables_never_rule_out_what_the_text_holds_and_agree_with_a_search():
    rng = random.Random(11)
    ruled_out = 0
    for _ in range(60):
        text = _text(rng, rng.choice([2, 3, 50, 2_000, 9_000]))
        tables = cp.character_pairs(text)
        assert tables is not None
        for _ in range(300):
            if rng.random() < 0.3:          # a piece of the text: always held
                at = rng.randrange(len(text) - 1)
                literal = text[at:at + rng.randint(1, 6)]
            else:
                literal = _text(rng, rng.randint(1, 5))
            held = literal in text
            maybe = tables.may_hold(literal)
            assert maybe or not held, (literal, text[:40])
            if not maybe:
                ruled_out += 1
    assert ruled_out > 1_000         # the test has the power to see a table that rules out


def test_a_pair_sets_the_slot_python_computes():
    # the numpy slots and pair_slot are the same function (a literal's slots are computed in Python)
    rng = random.Random(5)
    text = _text(rng, 3_000)
    tables = cp.character_pairs(text)
    for a, b in zip(text, text[1:]):
        assert tables.pairs[cp.pair_slot(ord(a), ord(b), tables.bits)] == 1


def test_a_broken_table_is_caught(monkeypatch):
    # a slot function that differs from the table's: held literals get ruled out, and the
    # comparison above would see it
    rng = random.Random(3)
    text = _text(rng, 2_500)
    tables = cp.character_pairs(text)
    monkeypatch.setattr(cp, "pair_slot", lambda a, b, bits: (a * 7 + b) % (1 << bits))
    cp._SLOTS.clear()
    pieces = [text[i:i + 3] for i in range(0, 2_400, 7)]
    assert not all(tables.may_hold(p) for p in pieces)
    cp._SLOTS.clear()


def test_no_tables_without_numpy_or_for_a_lone_surrogate(monkeypatch):
    assert cp.character_pairs("\ud800" + "文" * 3_000) is None
    import sys

    monkeypatch.delitem(sys.modules, "numpy")
    assert cp.character_pairs("文" * 3_000) is None


@pytest.mark.parametrize("with_numpy", [True, False])
def test_holds_any_answers_as_a_search(monkeypatch, with_numpy):
    made = []
    if not with_numpy:
        monkeypatch.setattr(patterns, "character_pairs", lambda string: None)
    else:
        monkeypatch.setattr(patterns, "character_pairs", lambda string: made.append(1) or cp.character_pairs(string))
    monkeypatch.setattr(patterns, "_PAIRS_AFTER", 2)     # the table made early in each text
    rng = random.Random(17 + with_numpy)
    for _ in range(25):
        text = _text(rng, rng.choice([2_000, 6_000]))
        for _ in range(200):
            literals = tuple(
                text[(at := rng.randrange(len(text) - 4)):at + rng.randint(1, 4)] if rng.random() < 0.1
                else _text(rng, rng.randint(1, 4))
                for _ in range(rng.randint(1, 4)))
            expected = any(literal in text for literal in literals)
            assert patterns._holds_any(text, literals) == expected
            for literal in literals:        # what is kept of a literal's occurrences is what find finds
                where = patterns._occurrences(text, literal, 0, len(text))
                assert list(where) == [i for i in range(len(text)) if text.startswith(literal, i)][:len(where)]
    assert len(made) == (25 if with_numpy else 0)


def test_holds_any_is_any_for_short_and_long_texts():
    rng = random.Random(23)
    for size in (10, 1_999, 2_000, 5_000):
        text = _text(rng, size)
        for _ in range(300):
            literals = [_text(rng, rng.randint(0, 3)) for _ in range(rng.randint(0, 5))]
            assert patterns.holds_any(text, literals) == any(literal in text for literal in literals)
            assert patterns.holds_any(text, iter(literals)) == any(literal in text for literal in literals)
