"""A named input's bytes, read without waiting on a named pipe that nothing writes to.

``open`` of a named pipe (FIFO) for reading waits until something opens it for writing:
``gwlint check notes.txt`` on such a pipe hung for good.  The file is opened without
waiting (``O_NONBLOCK``, which changes nothing for a regular file) and asked what it is:
a regular file is read whole; a pipe something writes to (``gwlint check <(cmd)``: the
shell's pipe, or a FIFO fed by another program) is read to its end, as before; a pipe that
nothing writes to is an input error at once.  A device is read as before (``/dev/stdin``).

What is not a regular file has no size to check before reading (``stat`` says 0 for a
pipe or ``/dev/zero``), so ``limit`` bounds the reading itself: past ``limit`` bytes the
input is an error (``not checked: larger than N MB``) and nothing more is read;
``/dev/zero`` was read until memory ran out.  ``/dev/null`` gives an empty document, as an
empty file does.
"""
from __future__ import annotations

import os
import stat

from checker.sources.errors import InputError

_CHUNK = 1 << 16


def too_large(path: str, limit: int) -> InputError:
    """The error of an input read as a stream that went on past ``limit`` bytes."""
    return InputError(path, f"not checked: larger than {limit / 1_000_000:g} MB, the limit for one input "
                            "(limits.max_file_mb in .gwlint.yaml); read up to the limit and no further")


def read_file_bytes(path: str, limit: int | None = None) -> bytes:
    """The bytes of ``path``; ``limit``: at most that many (else ``too_large``), None for any."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            raise InputError(path, "is a directory")
        first = b""
        if stat.S_ISFIFO(mode):
            # with nothing writing to the pipe a read that does not wait finds its end at
            # once; a writer that has written nothing yet makes it wait (BlockingIOError)
            try:
                first = os.read(fd, _CHUNK)
            except BlockingIOError:
                first = None
            if first == b"":
                raise InputError(path, "not checked: a named pipe (FIFO) that nothing writes to")
        if not stat.S_ISREG(mode):
            os.set_blocking(fd, True)       # a stream: each read waits for what comes
        chunks = [first] if first else []
        total = len(chunks[0]) if chunks else 0
        size = st.st_size + 1 if stat.S_ISREG(mode) else _CHUNK     # a file: one read, then its end
        while limit is None or total <= limit:
            chunk = os.read(fd, size)
            size = _CHUNK
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        raise too_large(path, limit)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)
