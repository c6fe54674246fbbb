"""Where each line of a source begins: found by searching for line ends, not by walking
every character (a 20 KB document's walk was ≈0.4 ms of every worker's read)."""
from checker.sources.source import SourceText, line_starts_of


def _walked(text: str) -> list[int]:
    # the definition: 0, then one past every "\n"
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def test_line_starts_match_the_definition_on_awkward_texts():
    texts = ["", "\n", "\n\n", "一行", "一行\n", "\n第二行", "甲\n乙\n\n丙\n", "a" * 5000 + "\n" + "b",
             "句子。\n" * 300, "no newline at the end\nlast"]
    for text in texts:
        assert line_starts_of(text) == _walked(text), repr(text[:20])


def test_a_source_uses_them_for_positions():
    source = SourceText(path="x.txt", original="第一行\n第二行\n\n第四", text="第一行\n第二行\n\n第四")
    assert source.line_starts == [0, 4, 8, 9]
    assert source.position(5) == (2, 2)
    assert source.position(9) == (4, 1)
