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

One thing can change the bytes without changing the identity: a crash that loses data
the file system had not yet written (the identity was seen in memory, the blocks never
reached the disk).  So the vouched identities are kept per boot of the machine
(``/proc/sys/kernel/random/boot_id``): after a restart every store is checked again.
Where the boot cannot be known (not Linux), nothing is vouched for and every read is
checked as before.

The identities are kept beside the stores, one small file a boot
(``vouched-<boot>.marshal``, swept with the other stores when unused), added to at the
end of a run that checked new files.  A lost or damaged record costs only checks.
"""
from __future__ import annotations

import marshal
import os

_PREFIX = "vouched-"
_LIMIT = 512                       # identities kept a folder: a few runs' new stores, oldest go
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
_KNOWN: dict[str, dict] = {}       # folder -> {identity: None}, as read or added this process
_ADDED: dict[str, list] = {}       # folder -> identities checked this process, to keep at exit


def identity(st: os.stat_result) -> tuple:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _record(folder: str) -> str | None:
    if not _BOOT:
        _BOOT.append(_boot())
    return None if _BOOT[0] is None else os.path.join(folder, f"{_PREFIX}{_BOOT[0]}.marshal")


def _known(folder: str) -> dict:
    known = _KNOWN.get(folder)
    if known is None:
        known = {}
        record = _record(folder)
        if record is not None:
            try:
                with open(record, "rb") as fh:
                    kept = marshal.loads(fh.read())
                if isinstance(kept, list):
                    known = dict.fromkeys(i for i in kept if isinstance(i, tuple) and len(i) == 5)
            except (OSError, ValueError, EOFError, TypeError):
                pass
        _KNOWN[folder] = known
    return known


def checked_before(folder: str, st: os.stat_result) -> bool:
    """Whether a run since the machine started checked whole the file of ``folder`` whose
    ``os.fstat`` is ``st``, and found it intact."""
    return identity(st) in _known(folder)


def vouch(folder: str, st: os.stat_result) -> None:
    """Say that the file of ``folder`` whose ``os.fstat`` is ``st`` was just checked whole
    and found intact; kept for later runs when this process ends."""
    if _record(folder) is None:
        return
    import time

    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return
    known = _known(folder)
    key = identity(st)
    if key in known:
        return
    known[key] = None
    if not _ADDED:
        import atexit

        atexit.register(keep)
    _ADDED.setdefault(folder, []).append(key)


def keep() -> None:
    """Add this process's vouched identities to each folder's record (read again first:
    runs ending together each add theirs; one may lose the other's, which costs checks)."""
    for folder, added in _ADDED.items():
        record = _record(folder)
        if record is None:
            continue
        _KNOWN.pop(folder, None)
        merged = list(_known(folder))
        merged += [key for key in added if key not in _KNOWN[folder]]
        from pathlib import Path

        from checker.core.whole_file import write_whole

        write_whole(Path(record), marshal.dumps(merged[-_LIMIT:]))
    _ADDED.clear()
