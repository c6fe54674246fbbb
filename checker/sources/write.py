"""Write a fixed document back as a transaction: only over the bytes that were read.

``replace_if_unchanged(path, digest, data)``:

* The bytes on disk are hashed again just before writing; when they are not the bytes the
  fixes were computed from (the author saved an edit during the run) or the file is gone,
  nothing is written and ``FixSkipped`` says why.  A deleted file is never re-created.
* A symlink is followed: its target is fixed, the link stays a link.
* The new bytes go to a temporary file in the target's folder, which takes the file's
  mode and owner, is flushed to disk and then renamed over the target, so a reader (or a
  kill) sees the old file or the new one, never a torn one.
* Temporary files are named ``.<name>.gwlint-<pid>.tmp``: removed on any error or
  interruption that Python sees, and a later run removes those left by a process that no
  longer exists (SIGKILL, power loss) with ``remove_stale_temporaries``.
* The file is written in its own encoding, BOM and line ends (``encode_like``).
* A read-only file is left alone (``FixSkipped``), though the folder would allow the rename.
"""
from __future__ import annotations

import os
import re
import time
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.core import digests
from checker.sources.source import SourceText

_TEMP = re.compile(r"^\.(?P<name>.+)\.gwlint-(?P<pid>\d+)\.tmp$")
# A temporary file of a live process is left alone unless it is this old (the pid may
# have been reused by an unrelated process).
_STALE_AFTER = 3600.0


class FixSkipped(Exception):
    """The fixed text was not written; the message says why (one line, no path)."""


def digest_of(data: bytes) -> str:
    return digests.sha256(data).hexdigest()


def encode_like(source: SourceText, text: str) -> bytes:
    """The fixed text in the file's own encoding, with its byte-order mark if it had one."""
    from checker.sources.decode import BOM_OF

    data = text.encode(source.encoding)
    if not source.bom:
        return data
    # GB18030 has a BOM too: U+FEFF encoded in GB18030 (84 31 95 33).
    return (BOM_OF.get(source.encoding) or "\ufeff".encode(source.encoding)) + data


def temp_name(target: Path, pid: int | None = None) -> Path:
    return target.with_name(f".{target.name}.gwlint-{pid or os.getpid()}.tmp")


def replace_if_unchanged(path: str, expected_digest: str, data: bytes) -> None:
    """Write ``data`` over the file at ``path`` (its symlink target) if its bytes still
    hash to ``expected_digest``; raise ``FixSkipped`` or ``OSError`` otherwise."""
    from pathlib import Path     # --fix's: the one-file check imports this module for digest_of

    target = Path(os.path.realpath(path))
    try:
        current = target.read_bytes()
        before = os.stat(target)
    except FileNotFoundError:
        raise FixSkipped("was deleted during the run; not re-created, nothing written") from None
    if expected_digest and digest_of(current) != expected_digest:
        raise FixSkipped("changed on disk during the run; left as it is now (run --fix again)")
    # The new file is renamed over the old one, which needs only the folder to be writable:
    # a file made read-only was rewritten (root's os.access says yes to anything, hence the
    # mode bits too).
    if not before.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise FixSkipped("is read-only; left as it is, nothing written (make it writable to let --fix change it)")
    remove_stale_temporaries(target.parent)
    tmp = temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _copy_mode_and_owner(tmp, before)
        # The last look: an edit saved while the temporary file was being written.
        try:
            now = os.stat(target)
        except FileNotFoundError:
            raise FixSkipped("was deleted during the run; not re-created, nothing written") from None
        if (now.st_mtime_ns, now.st_size, now.st_ino) != (before.st_mtime_ns, before.st_size, before.st_ino):
            raise FixSkipped("changed on disk during the run; left as it is now (run --fix again)")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(target.parent)


def _copy_mode_and_owner(tmp: Path, st: os.stat_result) -> None:
    os.chmod(tmp, st.st_mode & 0o7777)
    if hasattr(os, "chown"):
        mine = os.stat(tmp)
        if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                raise FixSkipped(f"cannot keep its owner ({st.st_uid}:{st.st_gid}) when rewriting it; "
                                 "nothing written (run --fix as its owner)") from None
            os.chmod(tmp, st.st_mode & 0o7777)   # chown may clear set-id bits


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that an earlier, killed run left in ``folder``."""
    from pathlib import Path     # --fix's

    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(m.group("pid"))
        if pid == os.getpid():
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
        except OSError:
            continue
        if _alive(pid) and not old:
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
