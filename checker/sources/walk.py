"""A folder walked as ``os.walk`` walks it, each file given with what kind of file it is.

A walk for documents must not open what is not a file: a named pipe (FIFO) called
``notes.txt`` blocks the reader until something writes to it — the run hung — and a
device or a pipe with a writer would be read as a stream nobody meant to give.  The kind
comes from the folder listing itself (``os.scandir``'s entry type: no system call for a
regular file), where ``os.walk`` gives names only and a ``stat`` per file would cost a
4,000-document walk some 30 ms.
"""
from __future__ import annotations

import os
import stat

# What a file that is not a regular file is, as a report names it.
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def not_a_file(entry: os.DirEntry) -> str | None:
    """What the entry is when it is neither a regular file nor a folder (a symbolic link
    followed); None for a regular file, and for a link that cannot be followed (a loop, a
    missing target): reading it names that problem."""
    try:
        if entry.is_file():
            return None
        mode = entry.stat().st_mode
    except OSError:
        return None
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def walk(top: str, unreadable: list[tuple[str, str]] | None = None):
    """``os.walk(top)`` top down: (folder, its sub-folders' names, its other entries as
    ``os.DirEntry``); the caller may prune the names in place; symbolic links to folders
    are listed but not entered.  A folder that cannot be read is left out, and named in
    ``unreadable`` as (folder, what it is) when a list is given: left out silently, its
    documents were lost from the report of a run that then said it found no problems."""
    try:
        listing = os.scandir(top)
    except OSError as exc:
        _note(unreadable, top, exc)
        return
    dirs, others = [], []
    with listing:
        while True:
            try:
                entry = next(listing)
            except StopIteration:
                break
            except OSError as exc:
                _note(unreadable, top, exc)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else others).append(entry.name if is_dir else entry)
    yield top, dirs, others
    for name in dirs:
        path = os.path.join(top, name)
        # os.path.islink, not the entry's answer: as os.walk, the caller may have replaced it
        if not os.path.islink(path):
            yield from walk(path, unreadable)


_UNREADABLE_FOLDER = "a folder that cannot be read"


def _note(unreadable: list[tuple[str, str]] | None, folder: str, exc: OSError) -> None:
    if unreadable is not None:
        unreadable.append((os.path.normpath(folder), f"{_UNREADABLE_FOLDER} ({exc.strerror or exc})"))


def skipped_message(kind: str) -> str:
    """The report's line for a file a walk found but did not read (``not_a_file``'s kind),
    or for a folder it could not read."""
    if kind.startswith(_UNREADABLE_FOLDER):
        return f"not checked: {kind}; the documents in it were not looked for"
    return f"not checked: {kind}, not a regular file"
