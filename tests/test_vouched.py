"""Stores checked whole once since the machine started are read without their CRCs
(checker.core.vouched): the same data, and any change to a file's bytes checked again."""
from __future__ import annotations

import os
import time
import zlib

import pytest

from checker.core import module_store, sealed_file, vouched


@pytest.fixture
def fresh(monkeypatch):
    """A process's state as at its start, a fixed boot, no racy margin (a test's files are
    seconds old at most), and a count of the bytes the CRC reads."""
    monkeypatch.setattr(vouched, "_BOOT", ["boot-one"])
    monkeypatch.setattr(vouched, "_KNOWN", {})
    monkeypatch.setattr(vouched, "_ADDED", {})
    monkeypatch.setattr(vouched, "RACY_NS", 0)
    counted = []
    real = zlib.crc32

    def crc32(data, *rest):
        counted.append(len(data))
        return real(data, *rest)

    monkeypatch.setattr(sealed_file.zlib, "crc32", crc32)
    return counted


def _new_process():
    vouched.keep()
    vouched._KNOWN.clear()


def _read_in_a_later_process(path, counted) -> list:
    """The CRC's reads of ``path`` (a new store) by a process after the one that first read it."""
    sealed_file.write_sealed(path, {"format": 1})
    sealed_file.read_sealed(path, 1)
    _new_process()
    counted.clear()
    sealed_file.read_sealed(path, 1)
    return counted


def test_a_checked_store_is_read_without_its_crc_by_later_processes(tmp_path, fresh):
    path = tmp_path / "views-1.marshal"
    assert sealed_file.write_sealed(path, {"format": 1, "x": list(range(1000))})
    fresh.clear()
    assert sealed_file.read_sealed(path, 1)["x"][-1] == 999
    assert fresh, "the first read checks the CRC"
    _new_process()
    fresh.clear()
    assert sealed_file.read_sealed(path, 1)["x"][-1] == 999
    assert fresh == [], "a vouched file is read without its CRC"
    assert [p.name for p in tmp_path.glob("vouched-*")] == ["vouched-boot-one.marshal"]


def test_a_byte_changed_in_place_is_checked_again_and_is_a_miss(tmp_path, fresh):
    path = tmp_path / "views-1.marshal"
    sealed_file.write_sealed(path, {"format": 1, "word": "abcdefgh" * 50})
    sealed_file.read_sealed(path, 1)
    _new_process()
    time.sleep(0.05)                          # past the file system's clock tick
    blob = bytearray(path.read_bytes())
    blob[-20] ^= 1                            # the same size, another byte: a new change time
    with open(path, "r+b") as fh:
        fh.write(blob)
    assert sealed_file.read_sealed(path, 1) is None


def test_after_a_restart_every_store_is_checked_again(tmp_path, fresh, monkeypatch):
    path = tmp_path / "views-1.marshal"
    sealed_file.write_sealed(path, {"format": 1})
    sealed_file.read_sealed(path, 1)
    _new_process()
    monkeypatch.setattr(vouched, "_BOOT", ["boot-two"])
    fresh.clear()
    sealed_file.read_sealed(path, 1)
    assert fresh, "another boot's record vouches for nothing"


def test_without_a_boot_id_nothing_is_vouched_for(tmp_path, fresh, monkeypatch):
    monkeypatch.setattr(vouched, "_BOOT", [None])
    assert _read_in_a_later_process(tmp_path / "views-1.marshal", fresh)
    assert not list(tmp_path.glob("vouched-*"))


def test_a_racy_file_is_not_vouched_for(tmp_path, fresh, monkeypatch):
    monkeypatch.setattr(vouched, "RACY_NS", 60 * 10**9)
    assert _read_in_a_later_process(tmp_path / "views-1.marshal", fresh), \
        "a file changed a moment ago may change again within the same clock tick"


@pytest.mark.parametrize("damage", [b"", b"\x00" * 7, b"not marshal at all"])
def test_a_damaged_record_costs_only_checks(tmp_path, fresh, damage):
    path = tmp_path / "views-1.marshal"
    sealed_file.write_sealed(path, {"format": 1, "v": 7})
    (tmp_path / "vouched-boot-one.marshal").write_bytes(damage)
    assert sealed_file.read_sealed(path, 1)["v"] == 7
    _new_process()
    assert sealed_file.read_sealed(path, 1)["v"] == 7


def _package(tmp_path):
    pkg = tmp_path / "vpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "mod.py").write_text("VALUE = 41 + 1\n", encoding="utf-8")
    return pkg


def test_the_module_store_is_vouched_for_when_whole_and_then_read_without_crcs(tmp_path, fresh, monkeypatch):
    import importlib
    import sys

    pkg = _package(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    store = tmp_path / "cache" / "modules-test.marshal"
    importlib.import_module("vpkg.mod")
    try:
        module_store.keep(store, *module_store._read(store, str(tmp_path)), "vpkg")   # kept
        assert store.exists()
        modules, code = module_store._read(store, str(tmp_path))
        assert not code.checked
        module_store.keep(store, modules, code, "vpkg")        # nothing new: checked whole, vouched
        vouched._KNOWN.clear()
        modules, code = module_store._read(store, str(tmp_path))
        assert code.checked
        assert code.read(*modules["vpkg.mod"][3]) is not None
        # a byte changed in place: a new change time, so the pieces are checked again
        os.close(code.fd)
        time.sleep(0.05)
        blob = bytearray(store.read_bytes())
        blob[-3] ^= 0xFF
        with open(store, "r+b") as fh:
            fh.write(blob)
        vouched._KNOWN.clear()
        modules, code = module_store._read(store, str(tmp_path))
        assert not code.checked
        assert code.read(*modules["vpkg.mod"][3]) is None
        os.close(code.fd)
    finally:
        for name in [n for n in sys.modules if n == "vpkg" or n.startswith("vpkg.")]:
            del sys.modules[name]


def test_a_folder_stores_files_are_vouched_for_in_the_cache_folders_record(tmp_path, fresh, monkeypatch):
    """The phrase index's folder store is swept whole: a record inside it would pile up a
    file a boot; its files are vouched for in the user's cache folder's record."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    inner = tmp_path / "gwlint" / "typo-index-0123"
    inner.mkdir(parents=True)
    assert _read_in_a_later_process(inner / "phrases-lists-f3.marshal", fresh) == []
    assert not list(inner.glob("vouched-*"))
    assert [p.name for p in (tmp_path / "gwlint").glob("vouched-*")] == ["vouched-boot-one.marshal"]
