"""Digests of files that have not changed since they were hashed, kept between runs.

The rule-set cache's key (``checker.engine.ruleset_cache.ruleset_key``) hashes every pack,
vocabulary and preset file: some fifty files, 0.6 MB, read and hashed with BLAKE2b at
every start (7-8 M instructions, the largest part of finding the stored rule set).  A
file's digest is kept here with its status: size, modification and change times (ns),
inode and device.  The next run takes the kept digest when ``os.stat`` gives the same
five values, and reads and hashes the file otherwise.

Why a kept digest is right when the status is the same: every write to a file, and every
change of its times (``touch``, ``cp -p``, ``tar`` restoring a modification time), sets
its change time (``st_ctime``) to the present, which no call can set back; replacing it
(a rename, an editor's new file) gives another inode.  What could escape: a second write
within the clock tick of the one before it, so that the change time does not move (file
times are taken from a clock that moves in ticks of some milliseconds).  So a digest is
kept only for a file whose change and modification times are ``_SETTLED_NS`` in the past
when it is read: a later write then has a later change time.  (Git decides whether a file
changed from the same status, and guards the same race the same way.)  A file changed by
writing the disk beneath the file system is not seen; nor is it by the ``.pyc`` files
Python takes by their source's size and time.

The kept file is sealed (``checker.core.sealed_file``): a damaged one is a miss, and every
file is hashed again.
"""
from __future__ import annotations

import os
import time
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.core import digests
from checker.core.sealed_file import read_sealed, write_sealed

FORMAT = 1
_SETTLED_NS = 2_000_000_000     # a file written in the last 2 s is hashed again next time
_LIMIT = 4_000                  # entries kept (files of other checkouts too); beyond, this run's only


def digest_of(data: bytes) -> bytes:
    """The digest kept for a file's bytes."""
    return digests.blake2b(data, digest_size=20).digest()


class FileDigests:
    """The digests of files, taken from ``path`` (a sealed file) when a file's status is
    the one kept with its digest; ``save`` keeps what this process hashed anew."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict | None = None
        self.seen: dict[str, tuple] = {}
        self.new = False

    def _kept(self) -> dict:
        if self.kept is None:
            data = read_sealed(self.path, FORMAT)
            entries = data.get("entries") if data is not None else None
            self.kept = entries if isinstance(entries, dict) else {}
        return self.kept

    def digest(self, path: Path | str) -> tuple[int, bytes]:
        """The file's size and digest (its bytes', as ``digest_of``); an OSError when it
        cannot be read, as reading it would raise."""
        name = os.fspath(path)
        st = os.stat(name)
        status = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        hit = self._kept().get(name)
        if hit is not None and hit[0] == status:
            self.seen[name] = hit
            return st.st_size, hit[1]
        with open(name, "rb") as fh:
            data = fh.read()
        digest = digest_of(data)
        # the status is the one taken before the read: a write during the read moves the
        # change time, so the entry will not match it again
        if len(data) == st.st_size and time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > _SETTLED_NS:
            self.seen[name] = (status, digest)
            self.new = True
        return len(data), digest

    def save(self) -> None:
        """Keep the digests met by this process (with the others kept, within a limit),
        when one was hashed anew."""
        if not self.new:
            return
        self.new = False
        entries = {**self._kept(), **self.seen}
        if len(entries) > _LIMIT:
            entries = dict(self.seen)
        write_sealed(self.path, {"format": FORMAT, "entries": entries})
