"""The Python scan reads the start table at every position at once (``start_reaches``):
the same reach bytes and three-character hashes as reading it a position at a time, for
texts mixing Han runs of every length with ASCII, CJK punctuation, the characters just
outside the Han block, astral characters and line breaks; and the scan built on it gives
the candidates the numpy scan gives (tests/test_typo.py, test_typo_edge_table.py)."""
from __future__ import annotations

import random

from checker.checks.typo import start_reaches as sr
from checker.checks.typo.stretch_hashes import BASE

_MASK = (1 << 22) - 1


def _table(rng: random.Random) -> bytes:
    # mostly empty, as the index's (14 % full), with lengths 3-20 and a few 1s and 2s
    return bytes(rng.choice((0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 9, 20)) for _ in range(_MASK + 1))


def _text(rng: random.Random) -> str:
    pools = [range(0x4E00, 0xA000), range(0x4E00, 0xA000), range(0x20, 0x7F), range(0x3000, 0x3040),
             range(0x20000, 0x2A6DF), (0x4DFF, 0xA000, 0x4E00, 0x9FFF, 0x10FFFF, 0x0A, 0x00),
             range(0xD800, 0xE000)]      # lone surrogates: a str from the language server or the library
    out = []
    for _ in range(rng.randint(0, 40)):
        pool = rng.choice(pools)
        out += [chr(rng.choice(pool)) for _ in range(rng.randint(1, 12))]
    return "".join(out)


def test_start_reaches_equal_the_plain_reading():
    rng = random.Random(17)
    table = _table(rng)
    hits = 0
    for _ in range(400):
        text = _text(rng)
        reach, heads = sr.start_reaches(text, table, BASE, _MASK)
        plain_reach, plain_heads = sr.start_reaches_plain(text, table, BASE, _MASK)
        assert reach == plain_reach, text
        for i, r in enumerate(reach):
            if r:
                assert heads[i] == plain_heads[i], (text, i)
                hits += 1
    assert hits > 2_000


def test_the_plain_reading_is_the_definition():
    rng = random.Random(3)
    table = _table(rng)
    text = "abc全心全意为人民服务，中国𠀀人民。\n共同富裕"
    reach, heads = sr.start_reaches_plain(text, table, BASE, _MASK)
    assert len(reach) == len(text)
    for i in range(len(text)):
        three = text[i:i + 3]
        if len(three) == 3 and all(0x4E00 <= ord(c) <= 0x9FFF for c in three):
            h = (ord(three[0]) * BASE + ord(three[1])) * BASE + ord(three[2])
            assert heads[i] == h and reach[i] == table[h & _MASK]
        else:
            assert reach[i] == 0


def test_code_points():
    for text in ("", "a", "全心全意𠀀\n", "".join(map(chr, range(0x4DF0, 0x4E10)))):
        assert sr.code_points(text) == [ord(c) for c in text]
