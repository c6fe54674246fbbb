"""jieba's prefix table kept as a mapped file read a bucket at a time (checker.model.prefix_file,
format 4): the same answers as the table it was made from, without reading the whole file;
a torn, emptied or foreign file is a miss, and a bucket damaged after the file was opened
has the table made again (the same answers) instead of wrong ones."""
from __future__ import annotations

import io
import marshal

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
    (path,) = (tmp_path / "xdg" / "gwlint").glob("jieba-*-prefixes-4.table")
    return jieba, path


def test_the_kept_table_answers_as_the_dictionary(tmp_path, monkeypatch, reference):
    freq, total = reference
    jieba, path = _kept(tmp_path, monkeypatch)
    table, kept_total = tokens._prefix_table(jieba.Tokenizer())
    assert isinstance(table._packed._data, memoryview)          # read from the file, mapped
    assert kept_total == total
    assert all(table.get(word) == count for word, count in freq.items())
    for word in ("", "不在词典里的词语", "\U0002a6a5甲", "x"):
        assert table.get(word) == freq.get(word)


def test_a_small_table_round_trips(tmp_path):
    buckets = {"甲": marshal.dumps({"甲": 3, "甲乙": 0}), "乙": marshal.dumps({"乙": 1}), "\U0002a6a5": b""}
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
    head, data = prefix_file.packed({"甲": marshal.dumps({"甲": 3})}, 3)
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
    i = head["keys"].index(first)
    offsets = memoryview(head["offsets"]).cast("Q")
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
    assert again is not None and marshal.loads(again[1].get(first)) == {w: freq[w] for w in words}


def test_a_damaged_bucket_of_a_table_that_cannot_be_made_again_raises():
    head, data = prefix_file.packed({"甲": marshal.dumps({"甲": 3})}, 3)
    spoilt = bytes([data[0] ^ 1]) + data[1:]
    table = tokens._PrefixTable(prefix_file.buckets_of(head, spoilt))
    with pytest.raises(prefix_file.DamagedBucket):
        table.get("甲")
