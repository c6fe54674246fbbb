"""The Python scan's anchor test hashes the stretch one character wider or narrower than a
window from the window's own hash (``stretch_hashes``): the same 64-bit values as hashing
the stretch a character at a time, for every anchor code, at a text's edges, for non-Han
neighbours and astral characters."""
from __future__ import annotations

import random

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


def test_the_powers_are_the_bases_powers():
    assert sh.powers(70) == [pow(sh.BASE, k, 1 << 64) for k in range(70)]
    assert sh.powers(3) == [1, sh.BASE, sh.BASE * sh.BASE]


def test_the_python_scan_tests_each_anchor_code_at_a_texts_edges():
    """The scan writes the formulas out: planted phrases whole and cut at either edge, at a
    text's start and end and beside non-Han characters, scanned in Python and with numpy
    (which hashes each stretch from prefix sums)."""
    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    index = index_for(rule)
    rng = random.Random(12)
    texts = []
    for phrase in rng.sample(list(index.phrases), 300):
        texts += [phrase, phrase[1:], phrase[:-1], "，" + phrase[1:], phrase[:-1] + "a", phrase + phrase[-1],
                  phrase[0] + phrase, "在" + phrase + "的", phrase[1:] + "。" + phrase]
    found = 0
    for text in texts:
        python = list(index._scan_python(text))
        assert python == list(index._scan_numpy(text)), text
        found += len(python)
    assert found > 50
