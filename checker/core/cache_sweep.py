"""Removing the stores of the user's cache folder that no run has used for a while.

A store's last use is the later of its modification time (written) and its access time
(read).  Linux's default mount option ``relatime`` updates the access time on the first
read after a day, mapping a file included: the kernel keeps a once-a-day touch for free,
and no run has to write anything to say it used a store.  For a folder store (the phrase
index) the latest use of any file in it counts.  Where reads are not recorded (a
``noatime`` mount, some network file systems), a store only read would look unused since
it was written; ``reads_recorded`` finds that out on the folder itself, and the sweep
then removes no store at all (only the leftovers below): it never removes a store a run
still uses; ``gwlint cache clean`` empties the folder by hand.

What goes:
- a store (``checker.core.cache_families``) unused for ``MAX_AGE``;
- past ``BUDGET`` bytes, the least recently used, but never one used in the last
  ``IN_USE`` (the access time lags a read by up to a day);
- a temporary file or folder (a dot name) untouched for ``LEFTOVER_AGE``: a writer killed
  half-way; a live writer's is seconds old;
- a build lock (``checker.core.store_lock``) whose store is gone, when no one holds it.

Safe beside live processes: a file removed while another process reads or maps it stays
readable by that process (POSIX keeps an open file until its last descriptor closes); a
folder store is first renamed to a dot name (one atomic step: a reader finds the whole
index or none) and then emptied.  Nothing here raises: a file that cannot be removed is
left, silently.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from checker.core.cache_families import LOCKS, TEMPORARY, family_of

DAY = 86400.0
MAX_AGE = 14 * DAY
BUDGET = 256 << 20          # some six environments' stores (one: ~40 MB, the phrase index 27)
IN_USE = 2 * DAY
LEFTOVER_AGE = DAY
PROBE = "reads-probe"        # the sweep's own file: its access time set back, then read


@dataclass(frozen=True)
class Store:
    name: str
    last_use: float          # seconds since the epoch
    size: int                # bytes (a folder: its files')
    folder: bool


def survey(folder: Path) -> tuple[list[Store], list[Store]]:
    """(the stores of known families, the temporary files and folders) in ``folder``."""
    stores, temporary = [], []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return [], []
    for entry in entries:
        name = entry.name
        if name.startswith(TEMPORARY):
            kind = temporary
        elif family_of(name) is not None:
            kind = stores
        else:
            continue                       # the locks, the stamp, the probe, a stranger's file
        found = _measured(entry)
        if found is not None:
            kind.append(Store(name, *found))
    return stores, temporary


def _measured(entry: os.DirEntry) -> tuple[float, int, bool] | None:
    """(last use, size, whether a folder) of a folder entry; None when it vanished."""
    try:
        st = entry.stat(follow_symlinks=False)
        if not entry.is_dir(follow_symlinks=False):
            return max(st.st_mtime, st.st_atime), st.st_size, False
        last, size = max(st.st_mtime, st.st_atime), 0
        for inner in os.scandir(entry.path):
            ist = inner.stat(follow_symlinks=False)
            last, size = max(last, ist.st_mtime, ist.st_atime), size + ist.st_size
        return last, size, True
    except OSError:
        return None


def chosen(stores: list[Store], now: float, max_age: float = MAX_AGE, budget: int = BUDGET,
           in_use: float = IN_USE) -> list[Store]:
    """The stores to remove: those unused for ``max_age``, then, while the rest exceed
    ``budget`` bytes, the least recently used of those not used within ``in_use``."""
    gone = [s for s in stores if s.last_use < now - max_age]
    kept = sorted((s for s in stores if s.last_use >= now - max_age), key=lambda s: s.last_use)
    total = sum(s.size for s in kept)
    for store in kept:
        if total <= budget or store.last_use >= now - in_use:
            break
        gone.append(store)
        total -= store.size
    return gone


def remove(folder: Path, store: Store) -> bool:
    """Remove ``store`` from ``folder``; True when it is gone."""
    path = folder / store.name
    try:
        if not store.folder:
            os.unlink(path)
            return True
        import shutil

        aside = folder / f"{TEMPORARY}swept-{store.name}-{os.getpid()}"
        os.replace(path, aside)            # whole or gone, to a reader; then emptied
        shutil.rmtree(aside, ignore_errors=True)   # what is left is a leftover next time
        return True
    except OSError:
        return False


def reads_recorded(folder: Path) -> bool:
    """Whether reading a file in ``folder`` updates its access time (``relatime``,
    ``strictatime``; not ``noatime``): a probe file two days unread is read once."""
    probe = folder / PROBE
    try:
        if not probe.exists():
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(b"gwlint: whether reads are recorded here\n")
        then = time.time() - 2 * DAY
        os.utime(probe, (then, then - DAY))        # read two days ago, written three
        with open(probe, "rb") as fh:
            fh.read(1)
        return os.stat(probe).st_atime > then + DAY
    except OSError:
        return False


def unused_locks(folder: Path, present: set[str], now: float, max_age: float = MAX_AGE) -> list[Path]:
    """The build locks of stores no longer in ``folder`` (names not in ``present``) made
    over ``max_age`` ago."""
    found = []
    try:
        entries = list(os.scandir(folder / LOCKS))
    except OSError:
        return []
    for entry in entries:
        try:
            if entry.name not in present and entry.stat().st_mtime < now - max_age:
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def remove_lock(path: Path) -> bool:
    """Remove a build lock when no process holds it (taken here without waiting: one held
    is a build under way).  A process that opened it but has not taken it yet would then
    hold a lock no one else sees: at worst a store built twice, as before locks."""
    try:
        import fcntl
    except ImportError:                    # pragma: no cover - not on POSIX: left alone
        return False
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def sweep(folder: Path, now: float | None = None, everything: bool = False) -> list[str]:
    """Remove from ``folder`` what no run uses (or, with ``everything``, every store of a
    known family); the names removed."""
    now = time.time() if now is None else now
    stores, temporary = survey(folder)
    if everything:
        going = stores
    elif reads_recorded(folder):
        going = chosen(stores, now)
    else:
        going = []
    removed = [s.name for s in going if remove(folder, s)]
    removed += [s.name for s in temporary if s.last_use < now - LEFTOVER_AGE and _remove_any(folder, s)]
    present = {s.name for s in stores} - set(removed)
    removed += [f"{LOCKS}/{p.name}" for p in unused_locks(folder, present, now, 0 if everything else MAX_AGE)
                if remove_lock(p)]
    return removed


def _remove_any(folder: Path, store: Store) -> bool:
    """Remove a leftover (a file or a folder, already under a dot name)."""
    path = folder / store.name
    try:
        if store.folder:
            import shutil

            shutil.rmtree(path)
        else:
            os.unlink(path)
        return True
    except OSError:
        return False
