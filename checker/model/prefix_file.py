"""jieba's trimmed prefix table as a cache file read a bucket at a time, memory-mapped.

The table (``checker.model.tokens._PrefixTable``) is kept split by first character: each
character's entries as marshal data.  A run segments a few short blocks and reads some
tens of the ~7,000 buckets, yet the sealed file it was kept in (1.3 MB,
``checker.core.sealed_file``) was read whole, checked whole with a CRC-32 and unmarshalled
into a copy of its data: ~650 page faults and 2-3 ms of a fresh process's first document.

Here the file is mapped and only its head is read whole: the head (the bucket characters,
where each bucket starts, each bucket's CRC-32, the total frequency) is checked with its
own CRC-32, the file's length with the head's, and a bucket's data with its CRC when the
bucket is first read.  A torn or emptied file is a miss at once (its length); a bucket found
damaged later raises ``DamagedBucket``, and the reader makes the table again.

    magic | head length (8 bytes) | head CRC-32 (4) | head (marshal dict) | buckets' data
"""
from __future__ import annotations

import marshal
import zlib
from pathlib import Path

_MAGIC = b"gwlint jieba prefix table\n"
_FIXED = len(_MAGIC) + 12


class DamagedBucket(ValueError):
    """A bucket whose data does not match its CRC-32."""


class Buckets:
    """The table's buckets, found by their first character: the characters in one string,
    where each bucket's data starts and ends and its CRC-32 in two arrays, the data in one
    buffer (a file's mapping, or bytes).  ``get`` gives a bucket's marshal data."""

    __slots__ = ("_keys", "_offsets", "_crcs", "_data")

    def __init__(self, keys: str, offsets: bytes, crcs: bytes, data) -> None:
        self._keys = keys
        self._offsets = memoryview(offsets).cast("Q")
        self._crcs = memoryview(crcs).cast("I")
        self._data = data
        if (len(self._offsets) != len(keys) + 1 or len(self._crcs) != len(keys)
                or (keys and self._offsets[-1] != len(data))):
            raise ValueError("prefix table: offsets do not fit")

    def get(self, first: str):
        """The marshal data of the bucket of ``first`` (one character), None when it has none."""
        i = self._keys.find(first) if len(first) == 1 else -1
        if i < 0:
            return None
        blob = self._data[self._offsets[i]:self._offsets[i + 1]]
        if zlib.crc32(blob) != self._crcs[i]:
            raise DamagedBucket(f"prefix table: bucket {first!r} damaged")
        return blob


def packed(buckets: dict[str, bytes], total: int) -> tuple[dict, bytes]:
    """(the head, the data) of a table whose buckets' marshal data ``buckets`` holds."""
    import array

    keys = "".join(sorted(buckets))
    offsets = [0]
    for first in keys:
        offsets.append(offsets[-1] + len(buckets[first]))
    head = {"total": total, "keys": keys, "offsets": array.array("Q", offsets).tobytes(),
            "crcs": array.array("I", (zlib.crc32(buckets[first]) for first in keys)).tobytes()}
    return head, b"".join(buckets[first] for first in keys)


def buckets_of(head: dict, data) -> Buckets:
    return Buckets(head["keys"], head["offsets"], head["crcs"], data)


def file_bytes(head: dict, data: bytes) -> bytes:
    """The file that keeps ``head`` (a dict marshal can hold) and ``data`` (``packed``'s, or
    any bytes a reader of ``read_mapped`` checks itself)."""
    body = marshal.dumps({**head, "size": len(data)})
    return _MAGIC + len(body).to_bytes(8, "little") + zlib.crc32(body).to_bytes(4, "little") + body + data


def read(path: Path) -> tuple[dict, Buckets] | None:
    """(the head, the buckets) of the file at ``path``, mapped; None when it is missing, of
    another layout, or torn (its head damaged, its length not the head's)."""
    found = read_mapped(path)
    if found is None:
        return None
    head, data = found
    try:
        return head, buckets_of(head, data)
    except (KeyError, TypeError, ValueError):
        return None


def read_mapped(path: Path) -> tuple[dict, memoryview] | None:
    """(the head, a view of the data after it) of a file ``file_bytes`` wrote, mapped; None
    when it is missing, of another layout, or torn (its head damaged, its length not the
    head's ``size``).  The data itself is not checked here: its reader checks what it reads."""
    import mmap

    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):       # ValueError: an empty file cannot be mapped
        return None
    try:
        if mm[:len(_MAGIC)] != _MAGIC or len(mm) < _FIXED:
            return None
        size = int.from_bytes(mm[len(_MAGIC):len(_MAGIC) + 8], "little")
        crc = int.from_bytes(mm[len(_MAGIC) + 8:_FIXED], "little")
        body = mm[_FIXED:_FIXED + size]
        if len(body) != size or zlib.crc32(body) != crc:
            return None
        head = marshal.loads(body)
        if not isinstance(head, dict) or len(mm) != _FIXED + size + head["size"]:
            return None
        return head, memoryview(mm)[_FIXED + size:]
    except (KeyError, TypeError, ValueError, EOFError):
        return None
