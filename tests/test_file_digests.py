"""Digests of unchanged files kept between runs (checker.core.file_digests), and the
rule-set key made of them: a kept digest is used only while the file's status is the
one it was kept with, a file written again is hashed again even with its size and
modification time put back, and a damaged store is only a miss."""
from __future__ import annotations

import os
import time

import pytest

from checker.core import file_digests
from checker.core.file_digests import FileDigests, digest_of


@pytest.fixture()
def settled(monkeypatch):
    """Files count as settled at once (the store keeps digests of files written in the
    last two seconds only after that)."""
    monkeypatch.setattr(file_digests, "_SETTLED_NS", -10**12)


def _no_reads(monkeypatch):
    import builtins

    real = builtins.open

    def guarded(name, mode="r", *args, **kwargs):
        if "b" in mode and str(name).endswith(".yaml"):
            pytest.fail(f"{name} was read")
        return real(name, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)


def test_a_kept_digest_is_used_without_reading_the_file(tmp_path, settled, monkeypatch):
    pack = tmp_path / "a.yaml"
    pack.write_bytes("rules: [一, 二]\n".encode())
    store = tmp_path / "digests.marshal"
    first = FileDigests(store)
    assert first.digest(pack) == (pack.stat().st_size, digest_of(pack.read_bytes()))
    first.save()
    _no_reads(monkeypatch)
    assert FileDigests(store).digest(pack) == (pack.stat().st_size, digest_of(pack.read_bytes()))


def test_a_file_written_again_is_hashed_again_with_its_size_and_time_put_back(tmp_path, settled):
    pack = tmp_path / "a.yaml"
    pack.write_bytes(b"limit: 1\n")
    store = tmp_path / "digests.marshal"
    first = FileDigests(store)
    first.digest(pack)
    first.save()
    st = pack.stat()
    time.sleep(0.01)
    pack.write_bytes(b"limit: 2\n")                       # same size
    os.utime(pack, ns=(st.st_atime_ns, st.st_mtime_ns))   # same modification time
    assert pack.stat().st_size == st.st_size and pack.stat().st_mtime_ns == st.st_mtime_ns
    assert FileDigests(store).digest(pack)[1] == digest_of(b"limit: 2\n")


def test_a_file_replaced_by_another_is_hashed_again(tmp_path, settled):
    pack, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    pack.write_bytes(b"x: 1\n")
    store = tmp_path / "digests.marshal"
    first = FileDigests(store)
    first.digest(pack)
    first.save()
    other.write_bytes(b"x: 2\n")
    st = pack.stat()
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, pack)
    assert FileDigests(store).digest(pack)[1] == digest_of(b"x: 2\n")


def test_a_file_written_just_now_is_not_kept(tmp_path):
    pack = tmp_path / "a.yaml"
    pack.write_bytes(b"x: 1\n")
    store = tmp_path / "digests.marshal"
    first = FileDigests(store)
    first.digest(pack)
    first.save()
    assert not store.exists()
    assert FileDigests(store)._kept() == {}


@pytest.mark.parametrize("damage", ["cut", "flip", "empty"])
def test_a_damaged_store_is_a_miss(tmp_path, settled, damage):
    pack = tmp_path / "a.yaml"
    pack.write_bytes(b"x: 1\n")
    store = tmp_path / "digests.marshal"
    first = FileDigests(store)
    first.digest(pack)
    first.save()
    blob = bytearray(store.read_bytes())
    if damage == "cut":
        blob = blob[: len(blob) // 2]
    elif damage == "flip":
        blob[-5] ^= 0x40
    else:
        blob = bytearray()
    store.write_bytes(bytes(blob))
    again = FileDigests(store)
    assert again._kept() == {}
    assert again.digest(pack)[1] == digest_of(b"x: 1\n")
    again.save()
    assert FileDigests(store)._kept()                     # mended


def test_the_rule_set_key_follows_a_pack_rewritten_with_its_size_and_time_put_back(tmp_path, monkeypatch, settled):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from checker.config.schema import Config
    from checker.engine.ruleset_cache import ruleset_key

    rules = tmp_path / "rules"
    rules.mkdir()
    pack = rules / "pack.yaml"
    pack.write_bytes(b"severity: info\n")
    config = Config()
    first = ruleset_key([rules], config, [], [])
    assert ruleset_key([rules], config, [], []) == first   # from the kept digests
    st = pack.stat()
    time.sleep(0.01)
    pack.write_bytes(b"severity: warn\n"[:st.st_size])
    os.utime(pack, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert ruleset_key([rules], config, [], []) != first


def test_the_key_walks_the_files_in_pathlibs_order(tmp_path):
    from pathlib import Path

    from checker.engine.ruleset_cache import _files_of

    # '-' and '.' sort before '/' as characters but a path sorts by its parts
    for name in ["a/x.yaml", "a-b/x.yaml", "a.b/y.yml", "a/b/z.yaml", "ab.yaml", "a/.hidden.yaml",
                 "a/n.txt", "Z.yaml", "a/b-c.yaml", "中/文.yaml"]:
        path = tmp_path / "rules" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x: 1\n")
    for location in [tmp_path / "rules", Path(str(tmp_path / "rules") + "/"), tmp_path / "rules" / "a"]:
        expected = sorted(p for p in location.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        assert [Path(p) for p in _files_of(location)] == expected


def test_the_code_stamp_is_the_digest_of_its_lines_hashed_one_by_one():
    import os

    from checker.core import digests
    from checker.core.version import code_stamp

    top = os.path.dirname(os.path.dirname(os.path.abspath(file_digests.__file__)))
    h = digests.blake2b(digest_size=16)
    stack = [top]
    while stack:
        folder = stack.pop()
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                stack.append(entry.path)
            elif entry.name.endswith(".py"):
                st = entry.stat()
                h.update(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    assert code_stamp() == h.hexdigest()
