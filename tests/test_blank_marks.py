"""``compared_units.holds_blank``: the unfilled-figure test tried at the marks only gives
``FIGURE_BLANK.search``'s answer for every stretch of a text (look-behind before the
start, a match cut by the end, runs of marks, letters around them)."""
import random

from checker.checks.duplicates.compared_units import FIGURE_BLANK, blank_marks, holds_blank

_ALPHABET = "xX×*＊.．%％ \tAbz年万元12《》，"


def _agrees(text: str) -> None:
    marks = blank_marks(text, 0, len(text))
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert holds_blank(text, marks, start, end) == (FIGURE_BLANK.search(text, start, end) is not None), \
                (text, start, end)


def test_random_texts_agree_with_the_search():
    rng = random.Random(20261205)
    for _ in range(400):
        _agrees("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14))))


def test_known_cases():
    for text in ("收入xx.xx万元", "增长××%", "张*同志", "《*》文件", "axx", "Axxb", "x xx", "××．××", "*＊*"):
        _agrees(text)
    # marks of a wider stretch than the unit: only those inside the unit are tried
    text = "xx收入增长，其中x%"
    assert holds_blank(text, blank_marks(text, 0, len(text)), 2, 6) is False
    assert holds_blank(text, blank_marks(text, 0, len(text)), 0, 6) is True
