"""An exclusive lock held while a cache store is built, so it is built once.

Two gwlint processes started at once in a fresh cache folder (two terminals, an editor
beside a script), or the workers of a pool that cannot fork from a built one, each found
the store missing and each built it: the same seconds of CPU and the same memory twice,
at once.  Every store is written beside its final name and renamed over it, so the
results were right, only the work was doubled.  Under this lock the second process
waits while the first builds, then finds the store and reads it.

The lock is ``flock`` on a small empty file named as the store in the cache folder's
``locks`` folder (apart, so a look for a store's files never meets it; left in place:
removing it could let a third process lock a new file while the second holds the old).
The kernel lets it go when its holder exits, however it exits, so a killed build does not
block the next run.  Where ``fcntl`` is missing (Windows) or the lock file cannot be
made (a read-only cache folder), the build goes ahead unlocked, as before.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from collections.abc import Iterator
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path


@contextmanager
def store_lock(store: Path) -> Iterator[None]:
    """Hold the lock of the cache store ``store`` (a file or a folder) for the block."""
    try:
        import fcntl
    except ImportError:          # pragma: no cover - not on POSIX
        yield
        return
    try:
        folder = store.parent / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / store.name, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)             # closing the last descriptor lets the lock go
