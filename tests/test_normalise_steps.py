"""``similarity.normalise_from`` reads a run's following mark without a failed match,
gates the numbering-marker match on a clause's first character and keeps what each mark
becomes in a table (``_mark_kept``): compared here with the former step-by-step reading,
kept as the reference, on generated texts (markers, pairs, anonymised names, breaks,
characters NFKC turns into content, line ends), from clause starts and from inside a
clause, and with the mark table emptied when full."""
from __future__ import annotations

import random
import unicodedata

import pytest

from checker.model import similarity
from checker.model.similarity import (_BRACKETS, _CLAUSE_BREAKS, _CONTENT_RUN, _MARKER, _QUOTES, PLACEHOLDER,
                                      _closers, is_content, normalise_from)


def _reference(text: str, start: int, end: int, at_clause_start: bool = True):
    """``normalise_from`` as it was before (a match tried at every step, NFKC per mark)."""
    pieces: list[str] = []
    offsets: list[int] = []
    breaks: list[int] = []
    count = 0
    last = ""
    i = start
    lead = False
    closers = None
    while i < end:
        if at_clause_start:
            m = _MARKER.match(text, i, end)
            if m and m.end() < end:
                lead = lead or i == start
                i = m.end()
            at_clause_start = False
            if i >= end:
                break
        run = _CONTENT_RUN.match(text, i, end)
        if run:
            j = run.end()
            pieces.append(run.group())
            offsets.extend(range(i, j))
            count += j - i
            last = text[j - 1]
            i = j
            continue
        ch = text[i]
        if ch in _BRACKETS:
            if closers is None:
                closers = _closers(text, i, end)
            j = closers.get(i, -1)
            i = j + 1 if j >= 0 else i + 1
            continue
        if ch in _QUOTES:
            if closers is None:
                closers = _closers(text, i, end)
            j = closers.get(i, -1)
            if j >= 0 and not any(is_content(unicodedata.normalize("NFKC", c)[:1] or " ") for c in text[i + 1:j]):
                if last != PLACEHOLDER:
                    pieces.append(PLACEHOLDER)
                    offsets.append(i)
                    count += 1
                    last = PLACEHOLDER
                i = j + 1
                continue
            i += 1
            continue
        if ch in _CLAUSE_BREAKS:
            if count and (not breaks or breaks[-1] != count):
                breaks.append(count)
            at_clause_start = True
            i += 1
            continue
        if ch == "\n":
            at_clause_start = True
        c = unicodedata.normalize("NFKC", ch)
        if len(c) == 1 and is_content(c):
            pieces.append(c)
            offsets.append(i)
            count += 1
            last = c
        i += 1
    if breaks and breaks[-1] == count:
        breaks.pop()
    return "".join(pieces), offsets, breaks, lead


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
