"""Write a fixed document back: atomically, in its own encoding, BOM and line ends."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from checker.sources.source import SourceText


def encode_like(source: SourceText, text: str) -> bytes:
    """The fixed text in the file's own encoding, with its byte-order mark if it had one."""
    from checker.sources.decode import BOM_OF

    data = text.encode(source.encoding)
    return (BOM_OF.get(source.encoding, b"") + data) if source.bom else data


def write_atomically(path: str, data: bytes) -> None:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".gwlint", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
