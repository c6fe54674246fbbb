"""Files written whole or not at all: a temporary file beside the target, renamed over it,
so a reader sees the old file or the new one (the stores of the user's cache folder,
``checker.core.sealed_file`` and the others)."""
from __future__ import annotations

import os
from pathlib import Path


def write_whole(path: Path, blob: bytes, keep_newest: int = 0) -> bool:
    """Write ``blob`` to ``path`` whole or not at all (a temporary file beside it, renamed
    over it); True when it was written.  With ``keep_newest``, files of the same family in
    the folder (the name up to its first ``-``, e.g. ``views-*.marshal``: other code's
    keys) beyond the newest that many go."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile      # only to write: a run that reads its caches needs not import it

        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError):
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    if keep_newest:
        _prune(path, keep_newest)
    return True


def _prune(path: Path, keep: int) -> None:
    family = path.name.split("-", 1)[0]
    try:
        files = sorted(path.parent.glob(f"{family}-*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in files[keep:]:
        try:
            stale.unlink()
        except OSError:
            pass
