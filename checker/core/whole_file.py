"""Files written whole or not at all: a temporary file beside the target, renamed over it,
so a reader sees the old file or the new one (the stores of the user's cache folder,
``checker.core.sealed_file`` and the others)."""
from __future__ import annotations

import os
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path


def write_whole(path: Path | str, blob: bytes, keep_newest: int = 0) -> bool:
    """Write ``blob`` to ``path`` whole or not at all (a temporary file beside it, renamed
    over it); True when it was written.  With ``keep_newest``, files of the same family in
    the folder (the name up to its first ``-``, e.g. ``views-*.marshal``: other code's
    keys) beyond the newest that many go."""
    tmp = None
    try:
        # os.path on the text of a str or a Path: the one-file path imports no pathlib
        folder, name = os.path.split(os.fspath(path))
        folder = folder or "."
        os.makedirs(folder, exist_ok=True)
        import tempfile      # only to write: a run that reads its caches needs not import it

        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.splitext(name)[0]}-", suffix=".tmp", dir=folder)
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


def _prune(path: Path | str, keep: int) -> None:
    from pathlib import Path     # only when a store is rewritten with keep_newest

    path = Path(path)
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
