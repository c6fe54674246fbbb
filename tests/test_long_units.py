"""duplicate-sentence's and duplicate-across-files' units
(``checker.checks.duplicates.long_units``) against the plain reading: every unit
``Document.sentence_units`` makes, those shorter than the length left out, and the whole
sentence's alone; on the generated documents of tests/test_comparison_units.py, with set
phrases that read beyond their match (lookarounds, anchors), match empty, or overlap."""
from __future__ import annotations

import re

import pytest

from checker.checks.duplicates.long_units import _context_free_source, long_sentence_units, whole_units
from checker.core.patterns import compile_alternation
from checker.model.document import Document
from tests.test_comparison_units import _documents

_PHRASES = (
    None,
    compile_alternation(["习近平新时代中国特色社会主义思想", "贯彻(落实)?", "推进.{0,3}?建设"], longest_first=True),
    compile_alternation(["机制加强", "服务水平推进", "[一二]是"], longest_first=True),
    compile_alternation(["\\w{2}"]),
    re.compile("完善|abc"),
    # overlapping places: a part may match where the whole's leftmost match hides it
    re.compile("进建设|推进建|设完善机"),
    # reading beyond the match: the parts must be searched themselves
    re.compile("(?<!推)进|建设(?=完善)"),
    re.compile("^提升|质量$|\\b[a-z]+\\b"),
    re.compile("(推进)?"),                  # matches empty
    re.compile("(推)?(?(1)进|建设)"),         # a conditional
)


@pytest.mark.parametrize("phrases", range(len(_PHRASES)))
@pytest.mark.parametrize("min_length", [1, 4, 12])
def test_long_units_are_the_long_ones_of_sentence_units(phrases, min_length):
    pattern = _PHRASES[phrases]
    parts = 0
    for text in _documents(100 + phrases, 700):
        plain = Document.from_text(text).sentence_units(pattern)
        doc = Document.from_text(text)
        assert long_sentence_units(doc, pattern, min_length) == [
            [u for u in units if len(u.norm) >= min_length] for units in plain]
        assert whole_units(doc, pattern) == [units[0] if units and not units[0].clause else None
                                             for units in plain]
        parts += sum(len(units) > 1 for units in plain)
    assert parts > 300


def test_which_expressions_read_only_what_they_match():
    assert _context_free_source("推进.{0,3}?建设|(?:贯彻)(落实)?", 0)
    assert _context_free_source("(a)\\1", 0)              # a back reference reads the match
    for pattern in ("^a", "a$", "\\ba", "a\\B", "\\Aa", "a(?=b)", "(?<!b)a", "(?!b)a", "a?", "",
                    "(a)?(?(1)b|c)", "(?:x|(?=y))z"):
        assert not _context_free_source(pattern, 0), pattern
    assert not _context_free_source("(", 0)               # does not compile: the plain way


def test_a_part_whose_match_starts_inside_a_match_of_the_whole():
    # the whole's leftmost match 推进建 hides 建设完善, which the clause from 建 holds
    pattern = re.compile("推进建|建设完善")
    text = "推进，建设完善机制加强管理服务。"
    plain = Document.from_text(text).sentence_units(pattern)
    units = long_sentence_units(Document.from_text(text), pattern, 4)
    assert [u.norm for u in units[0]] == [u.norm for u in plain[0] if len(u.norm) >= 4]
    assert "机制加强管理服务" in [u.norm for u in units[0]]
