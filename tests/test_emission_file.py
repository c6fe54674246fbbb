"""jieba's HMM emission table kept as a mapped file (format 5: checker.model.prefix_file's
layout, each state's characters as UTF-16 and its doubles used in place): read back, every
look-up answers as jieba's own table; a file torn, emptied, or with a value or a character
damaged is a miss (its data's CRC-32), and is kept again whole."""
from __future__ import annotations

import sys

import pytest

from checker.model import tokens


@pytest.fixture()
def own_table():
    import runpy

    jieba = tokens.import_jieba()
    return runpy.run_path(jieba.__path__[0] + "/finalseg/prob_emit.py")["P"]


def _kept(tmp_path, monkeypatch, own):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delitem(sys.modules, tokens._EMISSION, raising=False)
    name, module = tokens._kept_emission()
    assert module is None                      # nothing kept yet
    holder = type(sys)("own")
    holder.P = own
    tokens._keep_emission(name, holder)
    (path,) = (tmp_path / "gwlint").glob("jieba-emission-*-5.table")
    return name, path


def _answers_as_own(module, own) -> None:
    assert list(module.P) == list(own)
    for state, row in own.items():
        kept = module.P[state]
        assert all(kept.get(c, -1.5) == v for c, v in row.items())
        assert all(kept.get(c, -1.5) == -1.5 for c in ("a", "\U0002a6a5"))


def test_the_kept_table_answers_as_jiebas(tmp_path, monkeypatch, own_table):
    name, path = _kept(tmp_path, monkeypatch, own_table)
    monkeypatch.delitem(sys.modules, tokens._EMISSION, raising=False)
    found_name, module = tokens._kept_emission()
    assert found_name == name and module is not None and sys.modules[tokens._EMISSION] is module
    assert isinstance(module.P["B"]._values.obj, memoryview) or module.P["B"]._values.readonly
    _answers_as_own(module, own_table)


@pytest.mark.parametrize("damage", ["emptied", "cut short", "a value flipped", "the head flipped",
                                    "a character flipped"])
def test_a_damaged_file_is_a_miss(tmp_path, monkeypatch, own_table, damage):
    name, path = _kept(tmp_path, monkeypatch, own_table)
    blob = bytearray(path.read_bytes())
    if damage == "emptied":
        blob = bytearray()
    elif damage == "cut short":
        blob = blob[:len(blob) // 2]
    elif damage == "a value flipped":
        blob[-100] ^= 0x10
    elif damage == "a character flipped":
        from checker.model import prefix_file

        head, _ = prefix_file.read_mapped(path)
        blob[len(blob) - head["size"] + head["P"]["S"][0] + 6] ^= 0x01
    else:
        blob[40] ^= 0x01
    path.write_bytes(bytes(blob))
    monkeypatch.delitem(sys.modules, tokens._EMISSION, raising=False)
    assert tokens._kept_emission() == (name, None)
    assert tokens._EMISSION not in sys.modules


def test_writing_the_table_removes_only_the_same_jiebas_old_file(tmp_path, monkeypatch, own_table):
    folder = tmp_path / "gwlint"
    folder.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delitem(sys.modules, tokens._EMISSION, raising=False)
    name, _ = tokens._kept_emission()
    mine = [folder / name.replace("-5.table", old) for old in ("-4.table", "-3.marshal")]
    other = folder / "jieba-emission-1-2-3.marshal"          # another installation's
    for path in mine:
        path.write_bytes(b"x")
    other.write_bytes(b"y")
    holder = type(sys)("own")
    holder.P = own_table
    tokens._keep_emission(name, holder)
    assert (folder / name).exists() and not any(path.exists() for path in mine) and other.exists()
