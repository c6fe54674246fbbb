"""checker.model.matching_blocks gives difflib's own blocks and opcodes.

The duplicate checks' verdicts (how many characters changed, whether only figures did)
are read from difflib's opcodes; the module finds the same blocks with substring
searches.  Each test holds it to ``difflib.SequenceMatcher(None, a, b, autojunk=False)``
itself: texts of small alphabets (many ties between equally long matches, where the
earliest-in-a, then earliest-in-b rule decides), near copies with a few edits, windows
anywhere in the texts, and texts past difflib's 200-element popularity threshold (off
with autojunk=False, so no element is dropped).
"""
from __future__ import annotations

import difflib
import random

import pytest

from checker.model.matching_blocks import longest_match, matching_blocks, opcodes
from checker.model.similarity import PLACEHOLDER, near_duplicate


def _difflib(a: str, b: str) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(None, a, b, autojunk=False)


def _edited(rnd: random.Random, text: str, alphabet: str, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        at = rnd.randint(0, len(chars))
        op = rnd.random()
        if op < 0.4 and at < len(chars):
            chars[at] = rnd.choice(alphabet)
        elif op < 0.7:
            chars.insert(at, rnd.choice(alphabet))
        elif at < len(chars):
            del chars[at]
    return "".join(chars)


def test_the_earliest_of_the_longest_matches_as_difflib_documents_it():
    # difflib's own example: the longest block starts at a=0 and at b=4, not b=0
    assert longest_match(" abcd", "abcd abcd", 0, 5, 0, 9) == (0, 4, 5)
    # two blocks of the longest size: the one earliest in a, then earliest in b
    assert longest_match("xyab", "abxy", 0, 4, 0, 4) == tuple(_difflib("xyab", "abxy").find_longest_match(0, 4, 0, 4))
    assert longest_match("ab", "c", 0, 2, 0, 1) == (0, 0, 0)
    assert longest_match("", "", 0, 0, 0, 0) == (0, 0, 0)


@pytest.mark.parametrize("seed", range(4))
def test_blocks_and_opcodes_are_difflibs_on_random_texts(seed):
    rnd = random.Random(seed)
    for _ in range(6000):
        alphabet = "abcdefghij"[:rnd.randint(1, 10)]
        a = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        if rnd.random() < 0.6:
            b = _edited(rnd, a, alphabet, rnd.randint(0, 6))
        else:
            b = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        sm = _difflib(a, b)
        assert matching_blocks(a, b) == [tuple(m) for m in sm.get_matching_blocks()], (a, b)
        assert opcodes(a, b) == sm.get_opcodes(), (a, b)
        alo = rnd.randint(0, len(a))
        ahi = rnd.randint(alo, len(a))
        blo = rnd.randint(0, len(b))
        bhi = rnd.randint(blo, len(b))
        assert longest_match(a, b, alo, ahi, blo, bhi) == tuple(sm.find_longest_match(alo, ahi, blo, bhi)), \
            (a, b, alo, ahi, blo, bhi)


def test_near_copies_of_written_sentences_and_long_texts():
    rnd = random.Random(7)
    base = ("加快推进重点项目建设全年完成投资一百二十亿元同比增长百分之八点五"
            "持续优化营商环境深化放管服改革推动政务服务事项全程网办")
    alphabet = base + "0123456789" + PLACEHOLDER
    for _ in range(3000):
        start = rnd.randint(0, len(base) - 10)
        a = base[start:start + rnd.randint(10, 60)]
        b = _edited(rnd, a, alphabet, rnd.randint(0, 5))
        assert opcodes(a, b) == _difflib(a, b).get_opcodes(), (a, b)
    # past 200 elements: difflib's popular-element pruning is off with autojunk=False
    long_a = (base * 6)[:400]
    for _ in range(30):
        long_b = _edited(rnd, long_a, alphabet, rnd.randint(0, 8))
        assert opcodes(long_a, long_b) == _difflib(long_a, long_b).get_opcodes()


def test_near_duplicate_keeps_its_verdicts():
    """The verdicts and counts near_duplicate reads from the opcodes, against the plain
    difflib computation (changed characters, the wildcard's replacement not counted)."""
    rnd = random.Random(11)
    base = "全年地区生产总值增长百分之六点五城乡居民收入稳步提高就业形势总体稳定"
    alphabet = base + "0123456789%" + PLACEHOLDER
    for _ in range(3000):
        a = base[rnd.randint(0, 5):rnd.randint(20, len(base))]
        b = _edited(rnd, a, alphabet, rnd.randint(0, 6))
        m = near_duplicate(a, b, min_ratio=0.85, max_changed=4, ignore_numeral_changes=False)
        changed = 0
        for tag, i1, i2, j1, j2 in _difflib(a, b).get_opcodes():
            wildcard = tag == "replace" and (set(a[i1:i2]) == {PLACEHOLDER} or set(b[j1:j2]) == {PLACEHOLDER})
            if tag != "equal" and not wildcard:
                changed += max(i2 - i1, j2 - j1)
        plain_ratio = 1.0 - changed / max(len(a), len(b))
        expected = a == b or (plain_ratio >= 0.85 and changed <= 4)
        if abs(len(a) - len(b)) > 4 and PLACEHOLDER not in a + b:
            expected = False
        assert (m is not None) == expected, (a, b)
        if m is not None and a != b:
            assert m.changed == changed
