"""``similarity.normalise_from`` reads a run's following mark without a failed match,
gates the numbering-marker match on a clause's first character and keeps what each mark
becomes in a table (``_mark_kept``): compared here with the former step-by-step reading,
kept as the reference, on generated texts (markers, pairs, anonymised names, breaks,
characters NFKC turns into content, line ends), from clause starts and from inside a
clause, and with the mark table emptied when full."""
from __future__ import annotations

import random

import pytest

from checker.model import similarity
from checker.model.similarity import _MARKER, normalise_from

from tests.normalise_reference import reference_normalise as _reference


# What the reading treats apart, in my own words: markers (Han-led and not), pairs, quoted
# names with and without content, breaks, line ends, blanks, NFKC-content marks.
_PIECES = (
    "一是", "三、", "十二是", "7.", "12、", "①", "⑳", "第二，", "首先，", "其次,", "再次，", "最后,",
    "第三", "其实", "再说", "最近", "首都",
    "（", "）", "(", ")", "【", "】", "“", "”", "《", "》", "「", "」", "‘", "’", "〈", "〉", "[", "]",
    "《*》", "“××”", "“”", "《　》", "“２”", "“㎡”", "（备注：无）", "“美丽乡村”",
    "，", ",", "；", ";", "：", ":", "。", "！", "？", "、", "…", "——", "\n",
    " ", "\u3000", "\t", "\u00a0",
    "３４", "ＸＹ", "Ⅳ", "⑴", "²", "㎡", "ｶ", "\x00", "§", "丽", "㐀",
    "优化营商环境", "稳步推进", "abc", "Q3", "x", "68%", "二〇二五年",
)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 24)))


@pytest.mark.parametrize("seed", range(4))
def test_normalise_from_is_the_former_reading(seed):
    rng = random.Random(seed)
    for _ in range(6000):
        text = _text(rng)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        for at_start in (True, False):
            assert normalise_from(text, a, b, at_start) == _reference(text, a, b, at_start), (text, a, b, at_start)


def test_the_mark_table_is_emptied_when_full_and_answers_the_same(monkeypatch):
    monkeypatch.setattr(similarity, "_MARKS_KEPT", {})
    for n in range(5000):
        similarity._mark_kept(chr(0x2000 + n))
    assert len(similarity._MARKS_KEPT) <= 4096
    text = "一是推进２０２５年工作，①完善制度。"
    assert normalise_from(text, 0, len(text)) == _reference(text, 0, len(text))


def test_the_marker_gate_lets_every_marker_opening_through():
    # every Han character a marker may open with is in the gate's set
    tails = ("是", "、", ".", "一，", "二是", "三、", "先，", "次，", "后,", "十是")
    opening = {ch for ch in map(chr, range(0x4E00, 0xA000)) if any(_MARKER.match(ch + t) for t in tails)}
    assert opening and opening <= similarity._MARKER_HAN
