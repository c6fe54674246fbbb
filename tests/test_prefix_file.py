"""jieba's prefix table kept as a mapped file read a bucket at a time (checker.model.prefix_file,
format 7: each bucket's words as text): the same answers as the table it was made from, without
reading the whole file, whether a word is searched in its bucket's text or the bucket is
read whole; a torn, emptied or foreign file is a miss, and a bucket damaged after the file
was opened has the table made again (the same answers) instead of wrong ones."""
from __future__ import annotations

import io

import pytest

from checker.model import prefix_file, tokens


@pytest.fixture(scope="module")
def reference():
    jieba = tokens.import_jieba()
    freq, total = jieba.Tokenizer().gen_pfdict(io.BytesIO(tokens.trimmed_words()))
    return freq, total


def _kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    jieba = tokens.import_jieba()
    tokens._prefix_table(jieba.Tokenizer())          # built and kept
    (path,) = (tmp_path / "xdg" / "gwlint").glob("jieba-*-prefixes-7.table")
    return jieba, path


def _bucket(entries: dict[str, int]) -> bytes:
    return prefix_file.bucket_bytes(entries)


def _entries(blob) -> dict[str, int]:
    return dict(prefix_file.bucket_entries(prefix_file.bucket_parts(blob)))


@pytest.mark.parametrize("searches", [10**9, 0])
def test_the_kept_table_answers_as_the_dictionary(tmp_path, monkeypatch, reference, searches):
    """Every entry and some words that are none, each searched in its bucket's text (a
    limit never reached), or with every bucket read whole (no searches left)."""
    freq, total = reference
    jieba, path = _kept(tmp_path, monkeypatch)
    monkeypatch.setattr(tokens, "_SEARCHES_BEFORE_BUCKETS", searches)
    table, kept_total = tokens._prefix_table(jieba.Tokenizer())
    assert isinstance(table._packed._data, memoryview)          # read from the file, mapped
    assert kept_total == total
    assert all(table.get(word) == count for word, count in freq.items())
    assert all(word in table and table[word] == count for word, count in list(freq.items())[::97])
    for word in ("", "不在词典里的词语", "\U0002a6a5甲", "x", "一 ", "一\n", "一 0", "了\n了解", "了解 "):
        assert table.get(word) == freq.get(word) and (word in table) == (word in freq)
    assert (table._searches > 0) == (searches > 0)
    assert bool(table._loaded) == (searches == 0)


def test_a_small_table_round_trips(tmp_path):
    buckets = {"甲": _bucket({"甲": 3, "甲乙": 0}), "乙": _bucket({"乙": 1}), "\U0002a6a5": _bucket({})}
    head, data = prefix_file.packed(buckets, 4)
    path = tmp_path / "t.table"
    path.write_bytes(prefix_file.file_bytes(head, data))
    found_head, found = prefix_file.read(path)
    assert found_head["total"] == 4
    for first, blob in buckets.items():
        assert bytes(found.get(first)) == blob
    assert found.get("丙") is None and found.get("甲乙") is None and found.get("") is None


@pytest.mark.parametrize("damage", ["emptied", "cut short", "head flipped", "foreign", "one byte more"])
def test_a_torn_or_foreign_file_is_a_miss(tmp_path, damage):
    head, data = prefix_file.packed({"甲": _bucket({"甲": 3})}, 3)
    blob = prefix_file.file_bytes(head, data)
    path = tmp_path / "t.table"
    if damage == "emptied":
        blob = b""
    elif damage == "cut short":
        blob = blob[:-1]
    elif damage == "head flipped":
        at = len(blob) - len(data) - 5
        blob = blob[:at] + bytes([blob[at] ^ 1]) + blob[at + 1:]
    elif damage == "foreign":
        blob = b"gwlint sealed crc32\n" + blob[20:]
    else:
        blob = blob + b"\0"
    path.write_bytes(blob)
    assert prefix_file.read(path) is None


def test_a_bucket_damaged_later_has_the_table_made_again(tmp_path, monkeypatch, reference):
    freq, total = reference
    jieba, path = _kept(tmp_path, monkeypatch)
    head, _ = prefix_file.read(path)
    first = "不"
    i = head["keys"].decode("utf-16-le").index(first)
    offsets = memoryview(head["offsets"]).cast(prefix_file._OFFSET)
    at = path.stat().st_size - head["size"] + offsets[i] + 3
    blob = bytearray(path.read_bytes())
    blob[at] ^= 0x55
    path.write_bytes(bytes(blob))          # the head still whole: the file is read
    table, kept_total = tokens._prefix_table(jieba.Tokenizer())
    assert kept_total == total
    words = [w for w in freq if w[:1] == first]
    assert len(words) > 50
    assert all(table.get(w) == freq[w] for w in words)              # made again, not misread
    assert all(table.get(w) == count for w, count in freq.items())
    again = prefix_file.read(path)                                  # and kept again whole
    assert again is not None and _entries(again[1].get(first)) == {w: freq[w] for w in words}


def test_a_damaged_bucket_of_a_table_that_cannot_be_made_again_raises():
    head, data = prefix_file.packed({"甲": _bucket({"甲": 3})}, 3)
    spoilt = bytes([data[0] ^ 1]) + data[1:]
    table = tokens._PrefixTable(prefix_file.buckets_of(head, spoilt))
    with pytest.raises(prefix_file.DamagedBucket):
        table.get("甲")


def test_a_bucket_as_text_round_trips_and_finds_only_whole_entries():
    """A bucket's text gives back its entries in order, and a search finds a word's own line
    only: not a longer word it begins, nor a frequency, nor a piece across two lines."""
    entries = {"2": 7, "23": 0, "甲": 0, "甲乙": 12, "甲乙丙": 3, "\U0002a6a5": 5, "\U0002a6a5甲": 0, "a.b": 1}
    lines = prefix_file.bucket_parts(prefix_file.bucket_bytes(entries))
    assert dict(prefix_file.bucket_entries(lines)) == entries
    assert list(dict(prefix_file.bucket_entries(lines))) == list(entries)
    for word, count in entries.items():
        assert prefix_file.bucket_frequency(lines, word) == count
    for word in ("", "7", "12", "甲乙丙丁", "乙", "甲 ", "甲乙 12", "0\n甲", "2 7", "\n", " ", "a"):
        assert prefix_file.bucket_frequency(lines, word) is None, word
    empty = prefix_file.bucket_parts(prefix_file.bucket_bytes({}))
    assert empty == prefix_file.EMPTY and list(prefix_file.bucket_entries(empty)) == []
    assert prefix_file.bucket_frequency(empty, "甲") is None
    for bad in ({"甲 乙": 1}, {"甲\n": 1}, {"": 1}, {"甲\u3000乙": 1}):
        with pytest.raises(ValueError):
            prefix_file.bucket_bytes(bad)
