"""The phrase index's folder is read by mapping each array once (``phrase_index._read``): the
views the Python scan reads are made there, and an array emptied, cut short, grown, or with
its header damaged makes the folder a miss, as the separate check of each file did."""
from __future__ import annotations

import shutil

import pytest

from checker.checks.typo import phrase_index as pi


@pytest.fixture(scope="module")
def kept():
    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    return index_for(rule)._folder


def test_a_whole_folder_is_read_with_its_views(kept, tmp_path):
    folder = tmp_path / "typo-index-x"
    shutil.copytree(kept, folder)
    index = pi._read(folder)
    assert index is not None and index._py is not None
    for name, view in zip(pi._ARRAYS, index._py):
        assert isinstance(view, memoryview)
        assert all(pi._npy_whole(folder / f"{name}.npy") for name in pi._ARRAYS)
    hashes = index._python_arrays()[0]
    assert len(hashes) > 500_000 and hashes[0] <= hashes[len(hashes) // 2] <= hashes[-1]


def _damaged(blob: bytes, how: str) -> bytes:
    if how == "emptied":
        return b""
    if how == "cut in half":
        return blob[:len(blob) // 2]
    if how == "one byte short":
        return blob[:-1]
    if how == "one item short":
        return blob[:-8]
    if how == "one byte more":
        return blob + b"\0"
    if how == "header cut":
        return blob[:40]
    if how == "count changed":
        return blob.replace(b"'shape': (", b"'shape': (1", 1)
    if how == "big-endian":
        return blob.replace(b"'<", b"'>", 1).replace(b"'|", b"'>", 1)
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["emptied", "cut in half", "one byte short", "one item short", "one byte more",
                                 "header cut", "count changed", "big-endian"])
@pytest.mark.parametrize("name", ["hashes", "anchor", "edges"])
def test_a_damaged_array_makes_the_folder_a_miss(kept, tmp_path, name, how):
    folder = tmp_path / "typo-index-x"
    shutil.copytree(kept, folder)
    path = folder / f"{name}.npy"
    damaged = _damaged(path.read_bytes(), how)
    if how == "one item short" and name == "anchor":
        damaged = path.read_bytes()[:-1]          # an item of one byte
    path.write_bytes(damaged)
    assert not pi._npy_whole(path)               # what the separate check said
    assert pi._read(folder) is None
