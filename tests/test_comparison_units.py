"""The duplicate family's units made for a whole document at once
(``checker.model.comparison_units``) are those ``units_of`` makes of each sentence and
paragraph on its own, on generated texts made to hit every way the two may differ:
numbering markers after full stops and semicolons, brackets and quotes open across
sentences, anonymised names at sentence starts, set phrases across sentences and
clauses, full-width digits and blanks."""
from __future__ import annotations

import random
import re

import pytest

from checker.core.patterns import compile_alternation
from checker.model.comparison_units import literal_holders
from checker.model.document import Document
from checker.model.similarity import Span, normalise, units_of
from tests.normalise_reference import reference_normalise

# Pieces of text, chosen for what the normaliser treats apart: markers, pairs, breaks,
# enders, blanks, characters NFKC turns into content, and content runs.
_PIECES = (
    "一是", "二、", "3.", "4、", "①", "⑫", "第一，", "首先，", "其次,", "十一是",
    "（", "）", "(", ")", "【", "】", "“", "”", "《", "》", "「", "」", "‘", "’", "〈", "〉", "[", "]",
    "《*》", "“××”", "“”", "（牵头：办公室）",
    "，", ",", "；", ";", "：", ":", "。", "！", "？", "!", "?", "、", "…", "——",
    " ", "\u3000", "\t", "\u00a0",
    "２０２４", "ＡＢ", "Ⅱ", "㊀", "²",
    "推进", "建设", "完善机制", "加强管理", "服务水平", "贯彻落实", "习近平新时代中国特色社会主义思想",
    "提升质量", "abc", "X1", "年月日", "85%",
)


def _paragraph(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))).strip(" \t\u3000\u00a0")


def _documents(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "\n".join(_paragraph(rng) for _ in range(rng.randint(1, 6)))


_PHRASES = (
    None,
    compile_alternation(["习近平新时代中国特色社会主义思想", "贯彻(落实)?", "推进.{0,3}?建设"], longest_first=True),
    # a set phrase that spans what a sentence break separates, and one with no text it needs
    compile_alternation(["机制加强", "服务水平推进", "[一二]是"], longest_first=True),
    compile_alternation(["\\w{2}"]),
    re.compile("完善|abc"),      # a plain expression: no required texts known
    # texts its lookarounds read: a paragraph may hold a required text and still lack
    # them (``lacks_literals`` true while ``literal_holders`` finds the text)
    compile_alternation(["(?<=加强)管理", "完善(?=机制)", "服务(?!水平)"], longest_first=True),
)


@pytest.mark.parametrize("phrases", range(len(_PHRASES)))
def test_document_units_are_each_sentences_and_paragraphs_units_of(phrases):
    pattern = _PHRASES[phrases]
    checked = 0
    for text in _documents(phrases, 1500):
        doc = Document.from_text(text)
        assert doc.sentence_units(pattern) == [
            units_of(text, s.span, pattern, clauses=True, pairs=True) for s in doc.sentences], text
        assert doc.paragraph_units(pattern) == [
            (units_of(text, p.span, pattern, clauses=False) or [None])[0] for p in doc.paragraphs], text
        checked += len(doc.paragraphs)
    assert checked > 3000


def test_paragraphs_joined_from_sentences_and_read_again_are_both_exercised():
    """The generated texts reach both ways of making a paragraph's text (from its
    sentences, and whole again where the two readings may differ), or the test above
    would prove less than it says."""
    from checker.model import comparison_units

    joined = whole = 0
    for text in _documents(99, 400):
        doc = Document.from_text(text)
        norms = doc._sentence_norms
        for para in doc.paragraphs:
            members = [s for s in doc.sentences if s.paragraph == para.index]
            if len(members) < 2:
                continue
            got = comparison_units._joined(text, para, members, [norms[s.index] for s in members])
            if got is None:
                whole += 1
            else:
                joined += 1
                assert got == normalise(text, para.span)[:2]
    assert joined > 100 and whole > 100


def test_the_sentences_holding_a_required_text_are_those_lacks_literals_denies():
    pattern = _PHRASES[2]
    rng = random.Random(5)
    norms = ["".join(rng.choice(["机制", "加强", "服务", "水平推进", "一是", "x", ""]) for _ in range(rng.randint(0, 6)))
             for _ in range(3000)]
    assert literal_holders(pattern, norms) == [not pattern.lacks_literals(n) if n else False for n in norms]
    assert literal_holders(re.compile("a"), norms) is None


def test_normalise_is_the_reference_on_generated_texts():
    rng = random.Random(11)
    alphabet = [p for p in _PIECES] + list("ＡＺａｚ０９⑴⒈①⑩Ⅻ㎡℃ｶ\x00§")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert normalise(text, Span(a, b)) == reference_normalise(text, a, b)[:3], (text, a, b)


@pytest.mark.parametrize("phrases", range(len(_PHRASES)))
def test_only_a_sentences_first_unit_may_be_the_whole_sentence(phrases):
    # duplicate-across-files' collect reads the first unit only for the whole sentence
    pattern = _PHRASES[phrases]
    wholes = 0
    for text in _documents(20 + phrases, 800):
        doc = Document.from_text(text)
        for units in doc.sentence_units(pattern):
            assert all(u.clause for u in units[1:]), text
            wholes += bool(units) and not units[0].clause
    assert wholes > 500


def test_a_sentence_read_on_from_its_marker_is_the_sentence_read_again():
    """``_joined`` reads a sentence whose numbering marker was dropped, after a full stop,
    as part of the clause before it: its marker read as text, then its own reading
    (``comparison_units._with_marker``), the same as reading the sentence again."""
    from checker.model.comparison_units import _with_marker
    from checker.model.similarity import normalise_from

    led = with_break = 0
    for text in _documents(77, 3000):
        doc = Document.from_text(text)
        for sentence, (norm, offsets, _, lead) in zip(doc.sentences, doc._sentence_norms):
            if lead:
                expected = normalise_from(text, sentence.span.start, sentence.span.end, at_clause_start=False)[:2]
                assert _with_marker(text, sentence, norm, offsets) == expected, text
                led += 1
                with_break += any(ch in "，," for ch in text[sentence.span.start:sentence.span.start + 4])
    assert led > 1000 and with_break > 100
