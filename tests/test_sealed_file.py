"""The cache-file format shared by the rule-set, pattern, re and vocabulary-view caches."""
import os
import time

from checker.core.sealed_file import read_sealed, write_sealed


def test_what_is_written_whole_reads_back(tmp_path):
    path = tmp_path / "views-abc.marshal"
    assert write_sealed(path, {"format": 3, "views": {("k", 1): [1, 2]}})
    assert read_sealed(path, 3) == {"format": 3, "views": {("k", 1): [1, 2]}}
    assert not list(tmp_path.glob(".*.tmp"))          # no temporary file is left behind


def test_a_torn_foreign_or_older_file_is_a_miss(tmp_path):
    path = tmp_path / "re-x.marshal"
    write_sealed(path, {"format": 1, "entries": {}})
    assert read_sealed(path, 2) is None                # another format
    path.write_bytes(path.read_bytes()[:-3])           # torn
    assert read_sealed(path, 1) is None
    path.write_bytes(b"\x00garbage")
    assert read_sealed(path, 1) is None
    assert read_sealed(tmp_path / "missing.marshal", 1) is None


def test_what_marshal_cannot_hold_is_not_written(tmp_path):
    path = tmp_path / "ruleset-k.marshal"
    assert not write_sealed(path, {"format": 1, "when": object()})
    assert not path.exists() and not list(tmp_path.iterdir())


def test_older_files_of_the_family_beyond_the_newest_are_dropped(tmp_path):
    for i in range(4):
        old = tmp_path / f"views-{i}.marshal"
        write_sealed(old, {"format": 1})
        os.utime(old, (time.time() - 100 + i, time.time() - 100 + i))
    other = tmp_path / "ruleset-0.marshal"
    write_sealed(other, {"format": 1})
    write_sealed(tmp_path / "views-new.marshal", {"format": 1}, keep_newest=2)
    assert sorted(p.name for p in tmp_path.glob("views-*")) == ["views-3.marshal", "views-new.marshal"]
    assert other.exists()                              # another cache's files are not touched


def test_stores_keep_what_recent_runs_used_newest_first_within_the_budget():
    from checker.core.sealed_file import keep_recent

    stored = {"old": ("x" * 10, 1), "recent": ("y" * 10, 8), "also": ("z" * 10, 9)}
    kept = keep_recent(stored, {"mine": ("w" * 10,), "old": ("x" * 10,)}, 10, 5, 1_000, lambda v: len(v[0]))
    assert kept == {"mine": ("w" * 10, 10), "old": ("x" * 10, 10), "recent": ("y" * 10, 8), "also": ("z" * 10, 9)}
    assert set(keep_recent(stored, {}, 13, 5, 1_000, lambda v: len(v[0]))) == {"also"}   # 8 is 5 runs ago
    assert set(keep_recent(stored, {"mine": ("w" * 10,)}, 10, 5, 25, lambda v: len(v[0]))) == {"mine", "also"}


def test_the_temporary_cache_folder_is_used_only_when_the_users_cannot_be(tmp_path, monkeypatch):
    """A miss in a usable cache folder is a miss: a file in ``<temp>/gwlint`` (shared by
    every process and user) is not read instead, and runs keep writing their own folder."""
    import os
    import tempfile

    from checker.core.paths import cache_folders

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp" / "gwlint").mkdir(parents=True)
    (tmp_path / "tmp" / "gwlint" / "typo-guards-x.json").write_text("{}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert list(cache_folders()) == [tmp_path / "cache" / "gwlint"]
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))       # no folder can be made there
    assert list(cache_folders()) == [tmp_path / "file" / "gwlint", tmp_path / "tmp" / "gwlint"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        os.chown(tmp_path / "tmp" / "gwlint", 12345, -1)                 # another user's folder
        assert list(cache_folders()) == [tmp_path / "file" / "gwlint"]


def test_the_seal_catches_a_changed_byte_a_changed_length_and_the_old_layout(tmp_path):
    """Files are sealed with their length and CRC-32 (the stores a run reads were hashed
    with BLAKE2b, 5 % of an empty file's run): any one byte changed, a byte added or cut,
    and a file of the digest layout are misses."""
    import hashlib
    import marshal

    path = tmp_path / "code-x.marshal"
    data = {"format": 1, "code": {f"k{i}": bytes(range(i % 256)) for i in range(200)}}
    write_sealed(path, data)
    blob = path.read_bytes()
    assert read_sealed(path, 1) == data
    for at in range(0, len(blob), max(1, len(blob) // 300)):
        damaged = bytearray(blob)
        damaged[at] ^= 0x20
        path.write_bytes(bytes(damaged))
        assert read_sealed(path, 1) is None, at
    for changed in (blob + b"\0", blob[:-1]):
        path.write_bytes(changed)
        assert read_sealed(path, 1) is None
    body = marshal.dumps(data)
    path.write_bytes(hashlib.blake2b(body, digest_size=32).digest() + body)     # the old layout
    assert read_sealed(path, 1) is None
