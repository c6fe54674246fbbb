"""Counts the duplicate family makes in C instead of by an expression's substitution:
``places.han_count`` (Han characters of the basic block, from the high bytes of UTF-16
units), ``sentence._norm_words`` (``wording_length`` of a normalised text, from its
ASCII characters) and ``sentence._long_enough``'s per-sentence slices of those bytes,
each against the expression it replaces, on texts written here to hit the block's edges,
characters beyond the BMP, lone surrogates and titles."""
from __future__ import annotations

import random
import re

from checker.checks.duplicates import places
from checker.checks.duplicates.sentence import _long_enough, _norm_words
from checker.model.document import Document
from checker.model.similarity import normalise_from, wording_length

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
# the block's first and last characters and their neighbours, ext A, beyond the BMP,
# a lone surrogate, marks, Latin, full-width forms, blanks and line ends
_CHARS = ["\u4e00", "\u9fff", "\u4dff", "\ua000", "\u3400", "\u4dbf", "\U00020000", "\U0002a6d6", "\ud800",
          "\udfff", "，", "。", "《", "》", "a", "x", "X", "9", "Ｘ", "５", "§", " ", "\n", "\u3000", "推", "进",
          "改", "革", "①", "é", "\x00", "\uffff"]


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 40)))


def test_han_count_is_the_substitution_count():
    for text in _texts(1, 20000):
        assert places.han_count(text) == len(_NOT_HAN.sub("", text)), ascii(text)


def test_beyond_titles_counts_outside_titles_as_before():
    title = re.compile(r"《[^《》\n]{0,80}(?:》|$)")
    for text in _texts(2, 5000):
        for a, b in ((0, len(text)), (len(text) // 3, len(text))):
            expected = len(_NOT_HAN.sub("", title.sub("", text[a:b])))
            assert places.beyond_titles(text, a, b) == expected, ascii(text)


def test_words_of_a_normalised_text_are_its_wording_length():
    for text in _texts(3, 20000):
        norm = normalise_from(text, 0, len(text))[0]
        assert _norm_words(norm) == wording_length(norm), ascii(text)


_PIECES = ("一、", "2、", "，", "；", "。", "推进改革", "《实施方案》", "《", "xx.xx%", "××", "Excel", "20xx年",
           "\U00020000\U00020001", "㐀㐁", "\ud800", "“”", "加强基层治理能力建设", "12万元", "§")


def test_long_enough_with_characters_beyond_the_bmp_and_titles():
    from tests.test_duplicate_fast_paths import _long_enough_reference

    rng = random.Random(5)
    kept = 0
    for _ in range(1500):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14)))
        doc = Document.from_text(text)
        for units in doc.sentence_units():
            for min_length, clauses in ((4, True), (8, False), (12, True)):
                expected = _long_enough_reference(doc.text, units, min_length, clauses)
                assert _long_enough(doc.text, units, min_length, clauses) == expected, ascii(text)
                kept += len(expected)
    assert kept > 1000

