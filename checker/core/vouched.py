"""Store files whose check passed once since the machine started: later runs skip it.

The stores in the user's cache folder carry CRC-32s, checked at every read so that a torn
or damaged file reads as a miss instead of as wrong data.  A one-file run reads some 4 MB
of them; the CRCs alone were ~15 M instructions (2 % of a seed's run), spent to find,
run after run, the same files intact.

A store is written once, whole, and renamed into place; any later change to its bytes
(a write in place, a truncation, a copy over it) gives it a new change time, which no
user can set back, or a new inode.  So once a run has checked a file whole, the file's
identity (device, inode, size, modification and change times to the nanosecond) vouches
for the bytes it had, and runs that meet the same identity take them as checked —
Git's index trusts a file's stat data over rehashing it the same way, and, as Git does,
a file changed within the last two seconds is not vouched for (``RACY_NS``).

Two things can change the bytes without changing the identity.  A crash that loses data
the file system had not yet written (the identity was seen in memory, the blocks never
reached the disk), or a write-back error: so the vouched identities are kept per boot of
the machine (``/proc/sys/kernel/random/boot_id``), and after a restart every store is
checked again.  And a file system without a real change time (FAT, exFAT; sshfs and
other FUSE mounts that report the modification time, in whole seconds, as the change
time), where a rewrite in place of the same size that sets the old modification time
back (``cp -p`` or ``rsync --inplace -t`` onto the store) leaves the identity as it was:
a cache folder there should not be shared with such tools (gwlint itself never writes a
store in place).  Where the boot cannot be known (not Linux), nothing is vouched for
and every read is checked as before.

The identities are kept in the user's cache folder (for a store inside it, the phrase
index's folder stores too) or beside the store, one small file a boot
(``vouched-<boot>.marshal``, swept with the other stores when unused), added to at the
end of a run that checked new files.  A lost or damaged record costs only checks.
"""
from __future__ import annotations

import marshal
import os
from _thread import RLock

_PREFIX = "vouched-"
_LIMIT = 512                       # identities kept a record: a few runs' new stores, oldest go
# A file changed less than this long before it is checked is not vouched for: file times
# advance in clock ticks of a few milliseconds, so a write in place in the same tick as the
# check would leave the identity as it was (Git calls such an entry "racy").
RACY_NS = 2_000_000_000


def _boot() -> str | None:
    try:
        with open("/proc/sys/kernel/random/boot_id", "rb") as fh:
            boot = fh.read(64).strip().decode("ascii")
    except (OSError, UnicodeDecodeError):
        return None
    return boot if boot and boot.replace("-", "").isalnum() else None


_BOOT: list = []                   # [boot id or None], read once a process
_KNOWN: dict[str, dict] = {}       # record's folder -> {identity: None}, as read or added this process
_ADDED: dict[str, list] = {}       # record's folder -> identities checked this process, kept at exit
_LOCK = RLock()                    # the language server checks in more than one thread


def identity(st: os.stat_result) -> tuple:
    """What vouches for a file's bytes: its device, inode, size, modification and change
    times (``os.stat_result``; nanoseconds)."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _home(folder: str) -> str:
    """The folder whose record vouches for the files of ``folder``: the user's cache folder
    for anything inside it (the phrase index's folder stores are swept whole, a record of
    their own with them: one per boot would pile up inside), else ``folder`` itself."""
    from checker.core.paths import cache_dir_name

    root = cache_dir_name()     # as the stores' names (cache_path) have it
    return root if folder == root or folder.startswith(root + os.sep) else folder


def _record(home: str) -> str | None:
    if not _BOOT:
        _BOOT.append(_boot())
    return None if _BOOT[0] is None else os.path.join(home, f"{_PREFIX}{_BOOT[0]}.marshal")


def _read(home: str) -> dict:
    record = _record(home)
    if record is not None:
        try:
            with open(record, "rb") as fh:
                kept = marshal.loads(fh.read())
            if isinstance(kept, list):
                return dict.fromkeys(i for i in kept if isinstance(i, tuple) and len(i) == 5)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return {}


def _known(home: str) -> dict:
    with _LOCK:
        known = _KNOWN.get(home)
        if known is None:
            known = _KNOWN[home] = _read(home)
        return known


def checked_before(folder: str, st: os.stat_result) -> bool:
    """Whether a run since the machine started checked whole the file of ``folder`` whose
    ``os.fstat`` is ``st``, and found it intact."""
    return identity(st) in _known(_home(folder))


def vouch(folder: str, st: os.stat_result) -> None:
    """Say that the file of ``folder`` whose ``os.fstat`` is ``st`` was just checked whole
    and found intact; kept for later runs when this process ends."""
    home = _home(folder)
    if _record(home) is None:
        return
    import time

    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return
    key = identity(st)
    with _LOCK:
        known = _known(home)
        if key in known:
            return
        known[key] = None
        if not _ADDED:
            import atexit

            atexit.register(keep)
        _ADDED.setdefault(home, []).append(key)


def keep() -> None:
    """Add this process's vouched identities to each record (read again first: runs ending
    together each add theirs; one may lose the other's, which costs only checks)."""
    from checker.core.whole_file import write_whole

    with _LOCK:
        added = dict(_ADDED)
        _ADDED.clear()
        for home, keys in added.items():
            record = _record(home)
            if record is None:
                continue
            merged = _read(home)
            merged.update(dict.fromkeys(keys))
            kept = list(merged)[-_LIMIT:]
            write_whole(record, marshal.dumps(kept))
            _KNOWN[home] = dict.fromkeys(kept)
