"""The phrase index's phrases kept joined (checker.checks.typo.joined_lines, branch one14):
read as the list they stand for, each phrase made only when read."""
from __future__ import annotations

import pickle

import pytest

from checker.checks.typo import phrase_lists
from checker.checks.typo.joined_lines import JoinedLines, joined_of, starts_of


def _lines(texts):
    return JoinedLines(joined_of(texts), starts_of(texts))


@pytest.mark.parametrize("texts", [[], [""], ["", ""], ["一"], ["一帆风顺", "", "实事求是", "a b"], ["x"] * 5])
def test_it_reads_as_its_list(texts):
    lines = _lines(texts)
    assert len(lines) == len(texts)
    assert list(lines) == texts and lines == texts and texts == lines and lines == tuple(texts)
    assert [lines[i] for i in range(len(texts))] == texts
    assert [lines[-i] for i in range(1, len(texts) + 1)] == [texts[-i] for i in range(1, len(texts) + 1)]
    assert lines[1:] == texts[1:] and lines[::-1] == texts[::-1]
    assert all(t in lines for t in texts)
    assert frozenset(lines) == frozenset(texts)
    assert pickle.loads(pickle.dumps(lines)) == texts
    for wrong in (len(texts), -len(texts) - 1):
        with pytest.raises(IndexError):
            lines[wrong]


def test_it_differs_from_other_lists():
    assert _lines(["一", "二"]) != ["一"]
    assert _lines(["一", "二"]) != ["一", "三"]
    assert _lines(["一二"]) != "一二"


def test_the_kept_lists_read_back_joined_and_split_nothing(tmp_path, monkeypatch):
    (tmp_path / "phrases.json").write_text('{"phrases": ["一帆风顺", "实事求是"], "sources": [2, 0], '
                                           '"lengths": [4]}', encoding="utf-8")
    phrase_lists.read(tmp_path)                     # keeps them

    class NoSplit(bytes):
        def decode(self, *args, **kwargs):
            raise AssertionError("the phrases were decoded whole")

    real = phrase_lists.read_sealed
    monkeypatch.setattr(phrase_lists, "read_sealed",
                        lambda *a: {**real(*a), "phrases": NoSplit(real(*a)["phrases"])})
    info = phrase_lists.read(tmp_path)
    assert isinstance(info["phrases"], JoinedLines)
    assert info["phrases"][1] == "实事求是" and info["phrases"][0] == "一帆风顺"


def test_the_kept_phrases_are_bytes_unmarshalled_without_decoding(tmp_path):
    """Format 3 keeps the joined phrases as UTF-8 bytes: unmarshalled as a str the
    ~60,000 characters were decoded whole at every fresh process's first document."""
    (tmp_path / "phrases.json").write_text('{"phrases": ["一帆风顺", "实事求是", "𠀀一二"], "sources": [2, 0, 1], '
                                           '"lengths": [4]}', encoding="utf-8")
    phrase_lists.read(tmp_path)
    kept = phrase_lists.read_sealed(tmp_path / phrase_lists.KEPT, phrase_lists.FORMAT)
    assert isinstance(kept["phrases"], bytes)
    info = phrase_lists.read(tmp_path)
    assert isinstance(info["phrases"], JoinedLines)
    assert info["phrases"] == ["一帆风顺", "实事求是", "𠀀一二"] and info["phrases"][2] == "𠀀一二"
    # a joined text that is a str (format 2's layout) is not read as these lists
    with pytest.raises(ValueError):
        phrase_lists._lists({**kept, "phrases": kept["phrases"].decode("utf-8")})


def test_kept_starts_that_do_not_fit_the_text_are_not_used(tmp_path, monkeypatch):
    (tmp_path / "phrases.json").write_text('{"phrases": ["一帆风顺", "实事求是"], "sources": [2, 0], '
                                           '"lengths": [4]}', encoding="utf-8")
    phrase_lists.read(tmp_path)
    real = phrase_lists.read_sealed
    for starts in (starts_of(["一帆风顺"]).tobytes(), starts_of(["一帆风", "实事求是"]).tobytes(), b"\x00"):
        monkeypatch.setattr(phrase_lists, "read_sealed", lambda *a, s=starts: {**real(*a), "starts": s})
        info = phrase_lists.read(tmp_path)         # the JSON read instead
        assert info["phrases"] == ["一帆风顺", "实事求是"] and isinstance(info["phrases"], list)
