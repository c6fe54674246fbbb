"""The stutter kind's candidate places found by array operations against the expression
they replace (``doubled_runs``): the same places, in order, on random and real-looking text."""
import random
import sys

from checker.checks.duplicates import doubled_runs
from checker.checks.duplicates.doubled_runs import REPEAT, doubled_starts, doubled_starts_array


def _expected(text: str) -> list[int]:
    return [m.start() for m in REPEAT.finditer(text)]


def test_random_texts():
    rng = random.Random(21)
    # few letters, so that doublings of every length up to 8 and beyond occur; a Han
    # character next to the block's edges, a supplementary one, a lone surrogate
    alphabet = "的的是是工作\u4e00\u9fff\u4dff\ua000a1，。\U00020000\udc80 "
    for _ in range(20000):
        letters = alphabet[:rng.randint(1, len(alphabet))]
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 60)))
        assert doubled_starts_array(text) == _expected(text), repr(text)


def test_long_doublings_and_their_edges():
    for word in ("的", "进一步", "加强组织领导", "一二三四五六七八", "一二三四五六七八九"):
        for times in (1, 2, 3):
            for around in ("", "，", "好"):
                text = around + word * times + around
                assert doubled_starts_array(text) == _expected(text), text


def test_document_text():
    text = ("各单位要进一步进一步加强组织领导，的的确确把工作落到实处。\n"
            "（一）大力推进乡村振兴大力推进乡村振兴。常常天天人人，一对一对接。\n") * 3
    assert doubled_starts_array(text) == _expected(text)
    assert doubled_starts(text) == _expected(text)


def test_without_numpy_loaded_the_expression_is_used(monkeypatch):
    monkeypatch.delitem(sys.modules, "numpy", raising=False)

    def forbidden(text):
        raise AssertionError("numpy path taken")

    monkeypatch.setattr(doubled_runs, "doubled_starts_array", forbidden)
    assert doubled_starts("好好学习天天向上") == [0, 4]
