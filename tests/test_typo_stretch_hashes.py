"""The Python scan's anchor test hashes the stretch one character wider or narrower than a
window from the window's own hash (``stretch_hashes``): the same 64-bit values as hashing
the stretch a character at a time, for every anchor code, at a text's edges, for non-Han
neighbours and astral characters."""
from __future__ import annotations

import random

from checker.checks.typo import phrase_index as pi
from checker.checks.typo import stretch_hashes as sh


def _texts(rng: random.Random) -> list[list[int]]:
    pools = [range(0x4E00, 0x9FFF), range(0x20, 0x7F), range(0x3000, 0x303F), range(0x20000, 0x2A6DF),
             range(0xFF00, 0xFFEF)]
    out = []
    for _ in range(300):
        n = rng.randint(3, 90)
        out.append([rng.choice(rng.choice(pools)) for _ in range(n)])
    return out


def test_each_stretch_from_the_windows_hash_is_the_stretchs_hash():
    rng = random.Random(4)
    checked = 0
    for codes in _texts(rng):
        total = len(codes)
        for _ in range(30):
            length = rng.randint(2, min(total, 80))
            start = rng.randint(0, total - length)
            h = sh.hash_of(codes, start, length)
            if start > 0:
                assert sh.widened_before(h, length, codes[start - 1]) == sh.hash_of(codes, start - 1, length + 1)
            if start + length < total:
                assert sh.widened_after(h, codes[start + length]) == sh.hash_of(codes, start, length + 1)
            assert sh.without_first(h, length, codes[start]) == sh.hash_of(codes, start + 1, length - 1)
            assert sh.without_last(h, codes[start + length - 1]) == sh.hash_of(codes, start, length - 1)
            checked += 1
    assert checked > 5_000


def test_the_scans_stretch_for_each_anchor_code_is_the_one_anchors_names():
    """``_stretch_hash`` against the stretch ``_ANCHORS`` names (offset, length change),
    hashed whole: what the scan hashed before."""
    rng = random.Random(8)
    checked = 0
    for codes in _texts(rng):
        total = len(codes)
        for _ in range(20):
            length = rng.randint(3, min(total, 21))
            start = rng.randint(0, total - length)
            h = sh.hash_of(codes, start, length)
            for code, (offset, grow) in pi._ANCHORS.items():
                at, n = start + offset, length + grow
                if at < 0 or at + n > total:
                    continue
                assert pi._stretch_hash(codes, h, start, length, code) == sh.hash_of(codes, at, n), code
                checked += 1
    assert checked > 10_000
