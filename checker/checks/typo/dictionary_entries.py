"""Jieba's full dictionary as the typo family asks it: is a word an entry, and of what class.

The full dictionary (5 MB, some 350,000 lines ``word frequency class``) is asked about a few
words a run.  Reading it, and the sorted list of its first words, cost a fresh process
8.5 MB of reads, and each class looked up a search of the 5 MB for the word's line
(several milliseconds each).  This module keeps, in the cache folder, one line per distinct
first word, ``word class`` (the class that word's first line in the dictionary gives, or
nothing), sorted by the word's bytes, and answers both questions with a binary search of
that file mapped into memory: a lookup touches some twenty pages of it.

The file is named by the dictionary's size and modification time, so a changed dictionary
(another jieba) is read afresh; it is written beside its final name and renamed over it,
so a reader sees a whole file or none, and it starts with a header giving its own length:
a file of another length (cut short, or written by another layout) is made again.
"""
from __future__ import annotations

import mmap
import os
import threading
from pathlib import Path

FORMAT = 1
_HEADER = b"gwlint dictionary entries %d %d\n"   # FORMAT, the length of the body after it

_LOCK = threading.Lock()
_OPEN: dict[tuple, bytes | mmap.mmap] = {}       # (path, size, mtime) -> the entries' bytes


def entries_body(data: bytes) -> bytes:
    """The entries kept for the dictionary ``data``: ``\\n`` then ``word class\\n`` per
    distinct first word (the bytes before a line's first blank; lines without a blank hold
    none), sorted by the word.  The class is what the dictionary's first line for that word
    holds after its second blank, read as ``str.split`` reads the line (the word's line as
    the search of the whole file found it: from the word to the next newline, or to the
    last byte but one when no newline follows)."""
    first: dict[bytes, int] = {}
    at = 0
    for line in data.split(b"\n"):
        if b" " in line:
            first.setdefault(line.split(b" ", 1)[0], at)
        at += len(line) + 1
    rows = []
    for word in sorted(first):
        start = first[word]
        fields = data[start:data.find(b"\n", start)].decode("utf-8").split()
        rows.append(word + b" " + (fields[2].encode("utf-8") if len(fields) > 2 else b""))
    return b"\n" + b"\n".join(rows) + b"\n"


def _store_name(source: Path, stat: os.stat_result) -> str:
    return f"typo-dictionary-entries-{stat.st_size}-{stat.st_mtime_ns}-f{FORMAT}.txt"


def _whole(blob) -> int | None:
    """Where the body starts when ``blob`` is a whole file of this layout; else None."""
    end = blob.find(b"\n")
    if end < 0:
        return None
    head = blob[:end + 1]
    try:
        fmt, length = (int(x) for x in bytes(head).split()[3:5])
    except ValueError:
        return None
    if head != _HEADER % (fmt, length) or fmt != FORMAT or len(blob) != end + 1 + length:
        return None
    return end + 1


def _mapped(path: Path) -> tuple | None:
    """The kept file's bytes (mapped) and where its body starts, if it is whole."""
    try:
        with open(path, "rb") as fh:
            blob = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):          # missing, unreadable, empty
        return None
    start = _whole(blob)
    if start is None:
        blob.close()
        return None
    return blob, start


def entries(source: Path) -> tuple:
    """The entries of the dictionary file ``source`` and where their body starts: the kept
    file mapped, else made from the dictionary (and kept)."""
    from checker.core.paths import cache_folders
    from checker.core.sealed_file import write_whole

    stat = source.stat()
    key = (str(source), stat.st_size, stat.st_mtime_ns)
    found = _OPEN.get(key)
    if found is not None:
        return found
    with _LOCK:
        found = _OPEN.get(key)
        if found is not None:
            return found
        name = _store_name(source, stat)
        for folder in cache_folders():
            found = _mapped(folder / name)
            if found is not None:
                break
        if found is None:
            body = entries_body(source.read_bytes())
            header = _HEADER % (FORMAT, len(body))
            for folder in cache_folders():
                if write_whole(folder / name, header + body):
                    break
            found = (body, 0)
        _OPEN[key] = found
        return found


def _line(blob, lo: int, hi: int, word: bytes) -> bytes | None:
    """The entry ``word class`` of ``word``, searched between the newlines at ``lo`` and
    ``hi`` of the sorted ``blob``; None when it holds no entry of ``word``."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        start = blob.rfind(b"\n", lo, mid + 1)      # the line around the middle ...
        end = blob.find(b"\n", start + 1)
        line = blob[start + 1:end]
        found = line[:line.find(b" ")]              # ... and its word
        if found == word:
            return line
        if found < word:
            lo = end
        else:
            hi = start
    return None


def lookup(source: Path, word: bytes) -> bytes | None:
    """``word class`` for ``word`` in the dictionary file ``source``, else None."""
    blob, start = entries(source)
    return _line(blob, start, len(blob) - 1, word)
