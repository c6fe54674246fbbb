"""The phrase index's lists kept beside phrases.json (checker.checks.typo.phrase_lists)."""
from __future__ import annotations

import json
import os

import pytest

from checker.checks.typo import phrase_lists

LISTS = {"phrases": ["一帆风顺", "按部就班", "实事求是"], "sources": [2, 4, 0], "lengths": [3, 4, 5]}


def _folder(tmp_path, info=LISTS):
    (tmp_path / "phrases.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _no_json(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("phrases.json was parsed")

    monkeypatch.setattr(phrase_lists.json, "load", refuse)


def test_the_first_read_keeps_the_lists_and_the_next_reads_them_without_json(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    assert phrase_lists.read(folder) == LISTS
    assert (folder / phrase_lists.KEPT).is_file()
    _no_json(monkeypatch)
    again = phrase_lists.read(folder)
    assert again == LISTS
    assert all(type(s) is int for s in again["sources"]) and type(again["sources"]) is list


def test_a_changed_json_is_read_again(tmp_path):
    folder = _folder(tmp_path)
    phrase_lists.read(folder)
    changed = {"phrases": ["守株待兔"], "sources": [1], "lengths": [4]}
    _folder(tmp_path, changed)
    os.utime(folder / "phrases.json", ns=(1, 1))          # a new stamp even within one clock tick
    assert phrase_lists.read(folder) == changed


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_damaged_kept_file_is_not_used(tmp_path, monkeypatch, damage):
    folder = _folder(tmp_path)
    phrase_lists.read(folder)
    kept = folder / phrase_lists.KEPT
    blob = bytearray(kept.read_bytes())
    if damage is None:
        blob[-3] ^= 0x20                                   # one bit flipped inside the lists
        kept.write_bytes(bytes(blob))
    else:
        kept.write_bytes(damage)
    assert phrase_lists.read(folder) == LISTS


def test_lists_the_layout_cannot_hold_are_not_kept(tmp_path):
    odd = {"phrases": ["一\n二"], "sources": [1], "lengths": [3]}
    assert phrase_lists.read(_folder(tmp_path, odd)) == odd
    assert not (tmp_path / phrase_lists.KEPT).exists()
    wide = {"phrases": ["一二三"], "sources": [300], "lengths": [3]}
    assert phrase_lists.read(_folder(tmp_path, wide)) == wide
    assert not (tmp_path / phrase_lists.KEPT).exists()


def test_no_phrases_read_back_as_none(tmp_path, monkeypatch):
    empty = {"phrases": [], "sources": [], "lengths": []}
    folder = _folder(tmp_path, empty)
    phrase_lists.read(folder)
    _no_json(monkeypatch)
    assert phrase_lists.read(folder) == empty


def test_a_missing_json_is_a_miss_even_with_kept_lists(tmp_path):
    folder = _folder(tmp_path)
    phrase_lists.read(folder)
    (folder / "phrases.json").unlink()
    with pytest.raises(OSError):
        phrase_lists.read(folder)


def test_the_index_reads_the_same_phrases_either_way(tmp_path, monkeypatch):
    """phrase_index._read through the kept lists gives the index the JSON's lists."""
    from checker.checks.typo import phrase_index

    folder = _folder(tmp_path)
    import numpy

    for name in phrase_index._ARRAYS:            # whole (if empty) arrays: _read checks them
        numpy.save(folder / f"{name}.npy", numpy.zeros(0, dtype="<u8"))
    first = phrase_index._read(folder)
    _no_json(monkeypatch)
    second = phrase_index._read(folder)
    assert first.phrases == second.phrases == LISTS["phrases"]
    assert first.sources == second.sources == LISTS["sources"]
    assert first.lengths == second.lengths and first.phrase_set == frozenset(LISTS["phrases"])
