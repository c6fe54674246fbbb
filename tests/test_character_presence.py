"""The character table of a long text (checker/core/character_presence.py) and the literal
gates that read it (``patterns._holds_any``): the same answers as ``ch in text``."""
from __future__ import annotations

import random
import sys

import pytest

from checker.core import patterns
from checker.core.character_presence import character_presence

pytest.importorskip("numpy")

_ALPHABET = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
             "。，、；：？！“”（）《》—…·\n\t 0123456789abcXYZ%&.,;:-_/\\"
             "\u00e9\u00ff\u0100\u3000\uffe5\uffff\U0001f600\U00020000\U0010ffff")


def _texts(rng: random.Random, count: int):
    for _ in range(count):
        size = rng.choice((0, 1, 2, 50, 3000))
        yield "".join(rng.choice(_ALPHABET) for _ in range(size))


def _probe_chars(rng: random.Random):
    chars = set(_ALPHABET)
    chars.update(chr(rng.randrange(0x20, 0xD800)) for _ in range(300))
    chars.update(chr(rng.randrange(0xE000, 0x110000)) for _ in range(300))
    chars.update(["\x00", "\ud7ff", "\ue000", "\U0010ffff", "\U00010000", "\uffff"])
    return sorted(chars)


def test_holds_is_in_for_every_character_asked():
    import numpy  # noqa: F401  (the table is made only with numpy loaded)

    rng = random.Random(3)
    probes = _probe_chars(rng)
    tested = held = 0
    for text in _texts(rng, 200):
        table = character_presence(text)
        if not text:
            assert table is None
            continue
        for ch in probes:
            assert table.holds(ch) == (ch in text), (ch, text[:40])
            tested += 1
            held += ch in text
    assert tested > 50_000 and held > 1_000


def test_no_table_for_a_lone_surrogate_or_without_numpy(monkeypatch):
    assert character_presence("abc\ud800def") is None
    monkeypatch.delitem(sys.modules, "numpy")
    assert character_presence("abc") is None


def test_the_gates_answer_as_in_with_and_without_the_table(monkeypatch):
    """``_holds_any`` over many literals of a long text: made early (after two characters)
    and never, the answers are ``any(literal in text)``."""
    rng = random.Random(5)
    texts = ["".join(rng.choice(_ALPHABET) for _ in range(patterns._SHARED_MIN + rng.randint(0, 500)))
             for _ in range(30)]
    literal_sets = [tuple("".join(rng.choice(_ALPHABET + "甲乙丙丁") for _ in range(rng.randint(1, 3)))
                          for _ in range(rng.randint(1, 6))) for _ in range(120)]
    for after in (2, 10**9):
        monkeypatch.setattr(patterns, "_PRESENCE_AFTER", after)
        for text in texts:
            text = "".join(text)        # a new string: the shared facts begin afresh
            for literals in literal_sets:
                assert patterns._holds_any(text, literals) == any(x in text for x in literals)
            made = patterns._SHARED[4][2]
            assert bool(made) == (after == 2)
