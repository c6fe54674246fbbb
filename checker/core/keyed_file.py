"""Cache files whose entries are read one key at a time.

The stores of what gwlint learns about expressions (``patterns._Known``: whether each
compiles, its literals, windows, splits, contexts and compiled program) grow with every
expression a cache folder meets, up to 20,000 of them (a user's custom expressions, a test
runner's).  Kept as one marshalled dict (``sealed_file``), a run decoded all of them at its
first question: the 311 expressions of a seed run cost ~4.7 M instructions, a folder that
had met 1,772 (a checkout whose tests ran) ~30 M, in a one-file run that asks about the
same three hundred.  Here each entry is marshalled on its own, behind an index, so a run
decodes the index (a few small integers an entry) and the entries it asks for.

Layout: magic, format (4 bytes, little-endian), the index's length (8) and CRC-32 (4); the
index, the marshal of a dict from each key to (start, end, CRC-32) of its value; then the
values, each a marshal (offsets from the end of the index).  A key is bytes the caller
makes (the same key, the same bytes: not ``marshal.dumps``, whose output depends on
reference counts).  Opening a file decodes its index: a bytes object and three small
integers an entry, some twenty times less than the entries themselves.  A file of
another layout or format or with a damaged index reads as none, a damaged value as a
missing key; nothing here raises.  Files are written whole and renamed over the old one
(``whole_file.write_whole``): a reader holds the bytes (or, for a large file, the open
file, which a rename leaves as it was) it started with.
"""
from __future__ import annotations

import marshal
import os
import zlib
TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: the one-file run imports no pathlib
    from typing import Any

_MAGIC = b"gwlint keyed crc32\n"
_HEAD = len(_MAGIC) + 16
# A larger file is read a piece at a time (its index, then each entry asked for) instead
# of whole: beyond this, copying the whole file costs more than a few hundred reads.
_READ_WHOLE_MAX = 1 << 20
MISSING = object()


class KeyedFile:
    """A keyed file opened for lookups (``KeyedFile.open``)."""

    __slots__ = ("index", "_data", "_fd", "_base")

    def __init__(self, index: dict, data: bytes | None, fd: int | None, base: int) -> None:
        self.index = index
        self._data, self._fd, self._base = data, fd, base

    @classmethod
    def open(cls, path: Path, fmt: int) -> KeyedFile | None:
        """The file at ``path`` when it is a keyed file of format ``fmt`` with an intact
        index; else None."""
        fd = None
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            size = os.fstat(fd).st_size
            whole = size <= _READ_WHOLE_MAX or not hasattr(os, "pread")
            blob = _read(fd, size) if whole else os.pread(fd, _HEAD, 0)
            at = len(_MAGIC)
            if len(blob) < _HEAD or blob[:at] != _MAGIC or int.from_bytes(blob[at:at + 4], "little") != fmt:
                return None
            length = int.from_bytes(blob[at + 4:at + 12], "little")
            crc = int.from_bytes(blob[at + 12:at + 16], "little")
            base = _HEAD + length
            if base > size:
                return None
            index = blob[_HEAD:base] if whole else os.pread(fd, length, _HEAD)
            if len(index) != length or zlib.crc32(index) != crc:
                return None
            index = marshal.loads(index)
            if type(index) is not dict:
                return None
            if whole:
                return cls(index, blob[base:], None, base)
            found, fd = cls(index, None, fd, base), None
            return found
        except (OSError, ValueError, EOFError, TypeError, OverflowError, MemoryError):
            return None
        finally:
            if fd is not None:
                os.close(fd)

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass

    def __len__(self) -> int:
        return len(self.index)

    def _piece(self, start: int, end: int, crc: int) -> bytes | None:
        """The value's bytes when their CRC holds; else None."""
        data = self._data
        if data is not None:
            piece = data[start:end]
        elif self._fd is not None:
            try:
                piece = os.pread(self._fd, end - start, self._base + start)
            except (OSError, ValueError, OverflowError):
                return None
        else:
            return None
        return piece if zlib.crc32(piece) == crc else None

    def get(self, key: bytes, default: Any = MISSING) -> Any:
        """The value kept under ``key``, or ``default``."""
        spec = self.index.get(key)
        if spec is None:
            return default
        try:
            start, end, crc = spec
            data = self._data
            # (written out for a file read whole: a run looks up some three hundred keys)
            piece = data[start:end] if data is not None else self._piece(start, end, crc)
            if piece is not None and zlib.crc32(piece) == crc:
                return marshal.loads(piece)
        except (ValueError, EOFError, TypeError, OverflowError):
            pass
        return default

    def raw(self) -> dict[bytes, bytes]:
        """Every intact entry as key -> the marshalled value, undecoded (to write again)."""
        out = {}
        for key, spec in self.index.items():
            try:
                piece = self._piece(*spec)
            except (ValueError, TypeError, OverflowError):
                continue
            if piece is not None and type(key) is bytes:
                out[key] = piece
        return out


def _read(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def dumped(value: Any) -> bytes | None:
    """``value`` marshalled for ``write_keyed``; None when marshal cannot hold it."""
    try:
        return marshal.dumps(value)
    except ValueError:
        return None


def write_keyed(path: Path, fmt: int, entries: dict[bytes, bytes], keep_newest: int = 0) -> bool:
    """Write ``entries`` (key -> marshalled value, see ``dumped``) as a keyed file of
    format ``fmt``, whole or not at all; ``keep_newest`` as ``sealed_file.write_sealed``'s."""
    from checker.core.whole_file import write_whole

    index: dict[bytes, tuple[int, int, int]] = {}
    pieces, at = [], 0
    for key in sorted(entries):
        piece = entries[key]
        index[key] = (at, at + len(piece), zlib.crc32(piece))
        pieces.append(piece)
        at += len(piece)
    body = marshal.dumps(index)
    head = (_MAGIC + fmt.to_bytes(4, "little") + len(body).to_bytes(8, "little")
            + zlib.crc32(body).to_bytes(4, "little"))
    return write_whole(path, b"".join([head, body, *pieces]), keep_newest)
