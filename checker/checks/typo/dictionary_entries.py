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
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

FORMAT = 1
_HEADER = b"gwlint dictionary entries %d %d\n"   # FORMAT, the length of the body after it

_LOCK = threading.Lock()
_OPEN: dict[tuple, bytes | mmap.mmap] = {}       # (path, size, mtime) -> the entries' bytes


# The entries are sorted a piece of about this many lines at a time (see ``entries_body``).
PIECE = 40_000


def entries_body(data: bytes, piece: int = PIECE) -> bytes:
    """The entries kept for the dictionary ``data``: ``\\n`` then ``word class\\n`` per
    distinct first word (the bytes before a line's first blank; lines without a blank hold
    none), sorted by the word.  The class is what the dictionary's first line for that word
    holds after its second blank, read as ``str.split`` reads the line (the word's line as
    the search of the whole file found it: from the word to the next newline, or to the
    last byte but one when no newline follows).

    Made in bounded pieces: the lines are found with numpy (their starts and first blanks
    as arrays), put in order of their words' first two bytes, cut into pieces of about
    ``piece`` lines where those two bytes change, and each piece sorted by its words in
    Python.  A word's two first bytes order it before every word with greater ones (bytes
    compare from the first), so the pieces' entries follow one another in order; lines of
    one word fall in one piece, in the file's order, so its first line is the one kept.
    (Splitting the whole file into lines and a dict of every word held ~95 MB.)"""
    from checker.core.numeric import np

    codes = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(codes == 10)
    starts = np.concatenate(([0], newlines + 1))           # the lines of data.split(b"\n")
    ends = np.concatenate((newlines, [len(data)]))
    del newlines
    blanks = np.flatnonzero(codes == 32)
    if not len(blanks):
        return b"\n\n"
    at = np.searchsorted(blanks, starts)
    blank = blanks[np.minimum(at, len(blanks) - 1)]
    has = (at < len(blanks)) & (blank < ends)               # the line holds a blank
    del blanks, at, ends
    starts, word_ends = starts[has], blank[has]
    del blank, has
    # the word's first two bytes as one number that orders as they do (an empty word
    # first, a word of one byte before every longer word opening with that byte)
    size = word_ends - starts
    last = len(data) - 1
    first = codes[np.minimum(starts, last)].astype(np.int64) + 1
    second = codes[np.minimum(starts + 1, last)].astype(np.int64) + 1
    lead = np.where(size >= 1, first * 257 + np.where(size >= 2, second, 0), 0)
    del size, first, second
    order = np.argsort(lead, kind="stable")                 # equal leads keep the file's order
    lead = lead[order]
    cuts = sorted(set(np.searchsorted(lead, lead[::piece]).tolist()) | {len(order)})
    del lead
    out = [b"\n"]
    for a, b in zip(cuts, cuts[1:]):
        lines = order[a:b]
        # (word, line start): equal words by their lines' order, the first line first
        rows = sorted(zip(map(data.__getitem__, map(slice, starts[lines].tolist(), word_ends[lines].tolist())),
                          starts[lines].tolist()))
        done = None
        kept = []
        for word, start in rows:
            if word == done:
                continue
            done = word
            fields = data[start:data.find(b"\n", start)].decode("utf-8").split()
            kept.append(word + b" " + (fields[2].encode("utf-8") if len(fields) > 2 else b"") + b"\n")
        out.append(b"".join(kept))
    if len(out) == 1 or not any(out[1:]):
        return b"\n\n"
    return b"".join(out)


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
    from checker.core import built_apart
    from checker.core.paths import cache_dir, cache_folder_names, cache_folders
    from checker.core.whole_file import write_whole
    from checker.core.store_lock import store_lock

    stat = os.stat(source)         # source a Path or a str: the one-file run's is text
    key = (os.fspath(source), stat.st_size, stat.st_mtime_ns)
    found = _OPEN.get(key)
    if found is not None:
        return found
    with _LOCK:
        found = _OPEN.get(key)
        if found is not None:
            return found
        name = _store_name(source, stat)

        def kept():
            for folder in cache_folder_names():
                found = _mapped(os.path.join(folder, name))
                if found is not None:
                    return found
            return None

        def kept_or_built():
            """The kept entries, built and kept now unless another process kept them
            meanwhile (the built bytes themselves when no cache folder takes them)."""
            with store_lock(cache_dir() / name):
                found = kept()
                if found is not None:
                    return found
                with open(source, "rb") as fh:
                    body = entries_body(fh.read())
                header = _HEADER % (FORMAT, len(body))
                for folder in cache_folders():
                    if write_whole(folder / name, header + body):
                        break
                return body, 0

        found = kept()
        # built in a child (checker.core.built_apart) when it can be kept for this process to read
        if found is None and built_apart.in_child(lambda: kept_or_built() is not None and kept() is not None):
            found = kept()
        if found is None:
            found = kept_or_built()
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
