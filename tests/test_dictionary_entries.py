"""The typo family's store of jieba's full dictionary (checker.checks.typo.dictionary_entries):
the same answers as a search of the dictionary file, made again when the dictionary changes
or the kept file is damaged."""
from __future__ import annotations

import os

from checker.checks.typo import dictionary_entries as de


def _file_search(data: bytes, word: bytes) -> tuple[bool, str]:
    """What a search of the dictionary's bytes answers: an entry?, its first line's class."""
    key = word + b" "
    at = 0 if data.startswith(key) else data.find(b"\n" + key) + 1
    if at <= 0 and not data.startswith(key):
        return False, ""
    fields = data[at:data.find(b"\n", at)].decode("utf-8").split()
    return True, fields[2] if len(fields) > 2 else ""


def _answers(source, word: bytes) -> tuple[bool, str]:
    line = de.lookup(source, word)
    return line is not None, "" if line is None else line[len(word) + 1:].decode("utf-8")


# A made-up dictionary: repeated words (the first line's class counts), lines without a
# class or without a blank, words that sort around each other, a last line with no newline.
_SMALL = ("乙 12 n\n甲乙 3 v\n甲 40 a\n甲乙 9 n\n丙丁戊 2\nnoblank\n甲乙丙 5 vn\n"
          "丁 1 d\nAT&T 3 nz\n乙丙 7").encode("utf-8")


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    de._OPEN.clear()


def test_answers_equal_a_search_of_the_file(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    source = tmp_path / "dict.txt"
    source.write_bytes(_SMALL)
    words = [line.split(b" ")[0] for line in _SMALL.split(b"\n")]
    words += [w[:-1] for w in words] + [w + b"x" for w in words] + [b"", b"\xe6", b"zzz", b"0"]
    for word in words:
        assert _answers(source, word) == _file_search(_SMALL, word), word
    de._OPEN.clear()                # again from the kept file, mapped
    kept = list((tmp_path / "cache" / "gwlint").glob("typo-dictionary-entries-*"))
    assert len(kept) == 1
    for word in words:
        assert _answers(source, word) == _file_search(_SMALL, word), word


def test_answers_equal_a_search_of_jiebas_dictionary(monkeypatch, tmp_path):
    import random

    from checker.model.tokens import full_dictionary

    _fresh(monkeypatch, tmp_path)
    source = full_dictionary()
    data = source.read_bytes()
    lines = data.split(b"\n")
    rng = random.Random(11)
    words = [line.split(b" ")[0] for line in rng.sample(lines, 300) if b" " in line]
    words += [w[:-3] for w in words] + [w + "的".encode() for w in words] + [lines[0].split(b" ")[0]]
    for word in words:
        assert _answers(source, word) == _file_search(data, word), word


def test_a_changed_dictionary_is_read_again(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    source = tmp_path / "dict.txt"
    source.write_bytes(_SMALL)
    assert _answers(source, "甲".encode()) == (True, "a")
    assert _answers(source, "戊己".encode()) == (False, "")
    changed = _SMALL.replace("甲 40 a".encode(), "甲 40 v".encode()) + "\n戊己 2 n\n".encode()
    source.write_bytes(changed)
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    assert _answers(source, "甲".encode()) == (True, "v")
    assert _answers(source, "戊己".encode()) == (True, "n")
    de._OPEN.clear()
    assert _answers(source, "甲".encode()) == (True, "v")     # the new kept file


def test_a_damaged_kept_file_is_made_again(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    source = tmp_path / "dict.txt"
    source.write_bytes(_SMALL)
    _answers(source, "甲".encode())
    (kept,) = (tmp_path / "cache" / "gwlint").glob("typo-dictionary-entries-*")
    whole = kept.read_bytes()
    for damaged in (whole[:-5], whole + b"extra\n", b"", b"gwlint dictionary entries 1 x\n" + whole):
        kept.write_bytes(damaged)
        de._OPEN.clear()
        assert _answers(source, "甲".encode()) == (True, "a")
        assert _answers(source, "甲乙".encode()) == (True, "v")
        assert kept.read_bytes() == whole


def test_emission_lookups_before_and_after_the_fill_answer_as_jiebas_table(monkeypatch):
    """jieba's HMM emission table kept packed (checker.model.tokens._Emission): a look-up
    before the fill finds the character in the packed string; after the set number of
    look-ups, or at any other key, the dict is filled; every answer is the table's own."""
    import array
    import runpy

    from checker.model import tokens

    jieba = tokens.import_jieba()
    own = runpy.run_path(jieba.__path__[0] + "/finalseg/prob_emit.py")["P"]
    monkeypatch.setattr(tokens, "_LOOKUPS_BEFORE_FILL", 500)
    for state, row in own.items():
        packed = tokens._Emission("".join(row), array.array("d", row.values()).tobytes())
        chars = list(row)
        probes = chars[::37] + ["a", "\U0002a6a5", "甲" if "甲" not in row else "\x00"]
        for char in probes:
            assert packed.get(char, -1.5) == row.get(char, -1.5), (state, char)
        assert len(packed) == 0 and "get" not in vars(packed)          # answered packed
        for char in chars:                                              # past the count: filled
            assert packed.get(char, -1.5) == row[char]
        assert dict(packed) == row and "get" in vars(packed)
    other = tokens._Emission("甲乙", array.array("d", [-1.0, -2.0]).tobytes())
    assert other.get("甲乙", 7) == 7 and other == {"甲": -1.0, "乙": -2.0}   # another key: filled
