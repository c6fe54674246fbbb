"""Cache files written whole or not at all, and read back only when intact.

Several caches in the user's cache folder keep plain data between runs: the validated rule
set, compiled ``re`` and ``regex`` programs, validated vocabulary views.  Each file holds the
marshal dump of a dict carrying a ``format`` number, after a 32-byte BLAKE2b digest of that
dump.  A torn, foreign or older file reads as a miss, never as an error; a write goes to a
temporary file beside the target and is renamed over it, so a reader sees the old file or
the new one.  Nothing here raises: a cache that cannot be kept is simply not kept.

The stores that grow by what runs meet (compiled ``re`` programs, dataclasses' methods)
keep their entries by recency (``keep_recent``): each saving run is a new generation, an
entry carries the generation of the last saving run that used it, and what no run of the
last few generations used goes, as does the oldest beyond a size budget.  A store kept
whole instead fills with what other processes met once (the test runner's, other
checkouts' expressions) and every one-file run pays to read it.
"""
from __future__ import annotations

import marshal
import os
import zlib
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.core import vouched
from checker.core.whole_file import write_whole

# The header: this layout's name, then the dump's length (8 bytes) and CRC-32 (4 bytes).
# It replaced a 32-byte BLAKE2b digest of the dump: hashing the stores a run reads (1.7-2.1
# MB) with CPython's portable BLAKE2b was 22-27 M instructions, 5 % of an empty file's run;
# zlib's CRC-32 reads them some twenty times faster.  The check is for torn and damaged
# files, which a length and a CRC catch as well (nothing here guards against someone who
# can write the user's cache folder: a digest did not either).  Files of the old layout
# read as a miss; the stores whose names other checkouts share moved to a new format.
_MAGIC = b"gwlint sealed crc32\n"
_HEAD = len(_MAGIC) + 12


def _header(body) -> bytes:
    return _MAGIC + len(body).to_bytes(8, "little") + zlib.crc32(body).to_bytes(4, "little")


def read_sealed(path: Path, fmt: int) -> dict | None:
    """The dict kept in ``path`` when the file is whole and of format ``fmt``; else None.
    The CRC is computed only for a file no run has checked whole since the machine started
    (``checker.core.vouched``); the length is checked always."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            blob = fh.read()
    except OSError:
        return None
    body = memoryview(blob)[_HEAD:]
    folder = os.path.dirname(path)
    checked = len(blob) == st.st_size and vouched.checked_before(folder, st)
    if checked:
        if blob[:_HEAD - 4] != _MAGIC + len(body).to_bytes(8, "little"):
            return None
    elif blob[:_HEAD] != _header(body):
        return None
    try:
        data = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    if not checked:
        vouched.vouch(folder, st)
    return data if isinstance(data, dict) and data.get("format") == fmt else None


def write_sealed(path: Path, data: dict, keep_newest: int = 0) -> bool:
    """Write ``data`` (plain values marshal can hold) to ``path``; True when it was written.
    With ``keep_newest``, files of the same family in the folder (the name up to its first
    ``-``, e.g. ``views-*.marshal``: other code's keys) beyond the newest that many go."""
    try:
        body = marshal.dumps(data)
    except ValueError:
        return False
    return write_whole(path, _header(body) + body, keep_newest)


def keep_recent(stored: dict, fresh: dict, generation: int, recent: int, budget: int, size) -> dict:
    """The entries a store keeps after a run: ``stored`` (the file's; each value a tuple
    ending with the generation that last used it) with this run's ``fresh`` ones (values
    without a generation) given ``generation``; those last used ``recent`` or more
    generations ago are dropped, and past ``budget`` (the summed ``size`` of the values)
    the older ones."""
    merged = {**stored, **{key: (*value, generation) for key, value in fresh.items()}}
    kept, total = {}, 0
    for key, value in sorted(merged.items(), key=lambda kv: -kv[1][-1]):   # stable: newest first
        if value[-1] <= generation - recent:
            break
        total += size(value)
        if total > budget:
            break
        kept[key] = value
    return kept
