"""duplicate-sentence's units compared (``checker.checks.duplicates.compared_units``):
each sentence's units tested before they are made, against the tests written out
(``tests.test_duplicate_fast_paths._long_enough_reference``) applied to the units
``long_units`` makes, on generated documents with set phrases of every sort
(tests/test_long_units.py's), templates' unfilled figures, titles, placeholders and
characters beyond the BMP."""
from __future__ import annotations

import random

import pytest

from checker.checks.duplicates.compared_units import compared_sentence_units
from checker.checks.duplicates.long_units import long_sentence_units, whole_units
from checker.model.document import Document
from tests.test_comparison_units import _PIECES
from tests.test_duplicate_fast_paths import _long_enough_reference
from tests.test_long_units import _PHRASES

# the generator's pieces, and what the tests read: unfilled figures, titles, Latin words,
# figures, a character beyond the BMP, long runs of Han characters
_MORE = ("xx.xx%", "××", "xxxxx元", "Xx", "x", "*", "＊", "《关于推进建设的意见》", "《", "box", "2024年",
         "\U00020000", "加强党的建设推进全面从严治党", "落实主体责任完善工作机制")


def _documents(seed: int, count: int):
    rng = random.Random(seed)
    pieces = _PIECES + _MORE
    for _ in range(count):
        yield "\n".join("".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
                        for _ in range(rng.randint(1, 6)))


@pytest.mark.parametrize("phrases", range(len(_PHRASES)))
def test_compared_units_are_the_long_units_that_pass_the_tests(phrases):
    pattern = _PHRASES[phrases]
    kept = dropped = 0
    for text in _documents(200 + phrases, 300):
        for min_length, clauses in ((1, True), (4, False), (6, True), (12, True)):
            doc = Document.from_text(text)
            got = compared_sentence_units(doc, pattern, min_length, clauses)
            expected = [_long_enough_reference(doc.text, units, min_length, clauses)
                        for units in long_sentence_units(doc, pattern, min_length)]
            assert got == expected, ascii(text)
            # the whole sentence's unit is the object duplicate-across-files reads
            for units, whole in zip(got, whole_units(doc, pattern)):
                if units and not units[0].clause:
                    assert units[0] is whole
            kept += sum(map(len, expected))
            dropped += sum(map(len, long_sentence_units(doc, pattern, min_length))) - sum(map(len, expected))
    assert kept > 500 and dropped > 1000
