"""jieba's trimmed prefix table as a cache file read a bucket at a time, memory-mapped.

The table (``checker.model.tokens._PrefixTable``) is kept split by first character: each
character's entries as a bucket (``bucket_bytes``: the frequencies, then the words in one
string).  A run segments a few short blocks and reads some
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

import array
import codecs
import marshal
import zlib
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

_MAGIC = b"gwlint jieba prefix table\n"
_FIXED = len(_MAGIC) + 12
_OFFSET = "I"       # where a bucket starts in the data (~1.1 MB): four bytes


class DamagedBucket(ValueError):
    """A bucket whose data does not match its CRC-32."""


class Buckets:
    """The table's buckets, found by their first character: the characters in one string,
    where each bucket's data starts and ends and its CRC-32 in two arrays, the data in one
    buffer (a file's mapping, or bytes).  ``get`` gives a bucket's data."""

    __slots__ = ("_keys", "_offsets", "_crcs", "_data")

    def __init__(self, keys: str, offsets: bytes, crcs: bytes, data) -> None:
        self._keys = keys
        self._offsets = memoryview(offsets).cast(_OFFSET)
        self._crcs = memoryview(crcs).cast("I")
        self._data = data
        if (len(self._offsets) != len(keys) + 1 or len(self._crcs) != len(keys)
                or (keys and self._offsets[-1] != len(data))):
            raise ValueError("prefix table: offsets do not fit")

    def get(self, first: str):
        """The data of the bucket of ``first`` (one character), None when it has none."""
        i = self._keys.find(first) if len(first) == 1 else -1
        if i < 0:
            return None
        blob = self._data[self._offsets[i]:self._offsets[i + 1]]
        if zlib.crc32(blob) != self._crcs[i]:
            raise DamagedBucket(f"prefix table: bucket {first!r} damaged")
        return blob


# A bucket's data: its entry count (4 bytes), the entries' frequencies (8 bytes each),
# then its words between newlines, as UTF-16.  Read as marshal data (a dict, format 4), each
# word was a short UTF-8 string decoded on its own and hashed into a dict: ~1,700
# instructions an entry in a fresh run, 14 M of seed 000's first document (120 buckets, 8,146
# entries, of which jieba asks some 500).  Here a bucket's words are decoded in one step and
# one entry is found by a string search (``bucket_frequency``: a word never holds white
# space, jieba's dictionary lines are split at it, so "\n" + word + "\n" is only its own);
# read whole, the words are one split and the frequencies one copy, about marshal's cost
# (as lines "word frequency" parsed with int(), 40 % more: corpus40 in one process +50 M).
_COUNT = 4
_FREQ = "q"


def bucket_bytes(entries: dict[str, int]) -> bytes:
    """The data of a bucket holding ``entries`` (word -> frequency, a whole number)."""
    if any(not word or word.split() != [word] for word in entries):
        raise ValueError("prefix table: a word is empty or holds white space")
    return (len(entries).to_bytes(_COUNT, "little") + array.array(_FREQ, entries.values()).tobytes()
            + "".join(["\n", *(word + "\n" for word in entries)]).encode("utf-16-le", "surrogatepass"))


def bucket_parts(blob) -> tuple[str, array.array]:
    """A bucket's data (``bucket_bytes``) as (its words, each after a newline and the last
    followed by one; their frequencies, in the same order)."""
    count = int.from_bytes(blob[:_COUNT], "little")
    freqs = array.array(_FREQ)
    end = _COUNT + freqs.itemsize * count
    freqs.frombytes(blob[_COUNT:end])
    # the codec's own function: ``str(blob, "utf-16-le")`` finds the codec by its name
    # first, three times slower on a bucket
    words = codecs.utf_16_le_decode(blob[end:], "surrogatepass", True)[0]
    if len(freqs) != count or words.count("\n") != count + 1 or words[:1] != "\n":
        raise DamagedBucket("prefix table: a bucket's words and frequencies do not pair")
    return words, freqs


EMPTY = ("\n", array.array(_FREQ))        # the parts of a character that starts no word


def bucket_frequency(parts: tuple[str, array.array], word: str) -> int | None:
    """The frequency of ``word`` in a bucket's parts, None when it is not an entry."""
    words, freqs = parts
    if not word or "\n" in word:
        return None
    at = words.find(f"\n{word}\n")
    return None if at < 0 else freqs[words.count("\n", 0, at)]


def bucket_entries(parts: tuple[str, array.array]) -> zip:
    """The (word, frequency) pairs of a bucket's parts, in its order."""
    words, freqs = parts
    return zip(words[1:-1].split("\n") if freqs else (), freqs)


def packed(buckets: dict[str, bytes], total: int) -> tuple[dict, bytes]:
    """(the head, the data) of a table whose buckets' data ``buckets`` holds."""

    keys = "".join(sorted(buckets))
    offsets = [0]
    for first in keys:
        offsets.append(offsets[-1] + len(buckets[first]))
    # the characters as UTF-16 bytes, not a str: marshal decodes a str's UTF-8 at ~35
    # instructions a CJK character (7,000 of them), the UTF-16 codec at a tenth of that
    head = {"total": total, "keys": keys.encode("utf-16-le", "surrogatepass"),
            "offsets": array.array(_OFFSET, offsets).tobytes(),
            "crcs": array.array("I", (zlib.crc32(buckets[first]) for first in keys)).tobytes()}
    return head, b"".join(buckets[first] for first in keys)


def buckets_of(head: dict, data) -> Buckets:
    keys = head["keys"]
    if type(keys) is not bytes:
        raise TypeError("prefix table: the characters are not bytes")
    return Buckets(codecs.utf_16_le_decode(keys, "surrogatepass", True)[0], head["offsets"], head["crcs"], data)


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
