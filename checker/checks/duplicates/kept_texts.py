"""The normalised texts of the documents a cross-document comparison has compared, kept in
a temporary file and read back by byte range when a later sentence has one as a candidate.

The comparison reads an earlier document's texts only for the few sentences that share a
bucket with a later one, but held as strings they were the largest part of the parent's
memory on a large run (≈45 MiB of 205 at 4,000 generated documents, and growing with every
document).  In the file they take the page cache, which the kernel gives back under
pressure, not the process's resident memory.

Each document's texts are written as one block, with where each sentence's bytes end:
as UTF-16 when every character is one UTF-16 unit (the common case: Han text, encoded in
one call for the whole document, the ends twice the characters'), otherwise as UTF-8
sentence by sentence; a text holding a lone surrogate (a byte its source could not
decode) is written with ``surrogatepass``, which reads back the same code points.  When the file
cannot be made or written (no writable temporary folder, a full disk), the document keeps
its string in memory, as before: the answers are the same.

The texts read back are few and read again and again: the candidates of a sentence are
the earliest members of its buckets, so the copies of a popular sentence all read the same
few texts (4,000 generated documents read 110 texts a document, 15 of them distinct,
the rest read before).  The last texts read are kept (``RecentTexts``), a bounded number
of them.
"""
from __future__ import annotations

import os
from array import array
from itertools import accumulate, chain


class KeptTexts:
    """An append-only file of texts, private to the process (unlinked at once on POSIX)."""

    def __init__(self) -> None:
        self._file = None
        self._writable = False
        self._end = 0
        self.recent = RecentTexts()
        try:
            import tempfile     # only a comparison imports it

            self._file = tempfile.TemporaryFile(prefix="gwlint-texts-", buffering=0)
            self._fd = self._file.fileno()
            self._writable = True
        except OSError:
            pass

    def keep(self, norms: str, norm_ends, lines) -> "KeptDocument | InMemoryDocument":
        """A document's texts (joined; ``norm_ends``: where each sentence's text ends) and
        each sentence's line, as an object that answers ``norm(e)`` and ``line(e)``."""
        try:
            blob = norms.encode("utf-16-le")
        except UnicodeEncodeError:          # a lone surrogate
            blob = b""
        if len(blob) == 2 * len(norms):
            # Every character one UTF-16 unit (none beyond the BMP, no lone surrogate,
            # which the strict encoder refuses): sentence e's bytes are the joined text's
            # characters' at twice their places, so the document is encoded in one call,
            # not sentence by sentence (108 encodes a generated document: ~0.1 ms).
            kind, ends = _KeptUtf16, array("i", [2 * end for end in norm_ends])
        else:
            starts = chain((0,), norm_ends)
            texts = [norms[a:b] for a, b in zip(starts, norm_ends)]
            kind = KeptDocument
            try:
                pieces = [t.encode() for t in texts]
            except UnicodeEncodeError:
                pieces, kind = [t.encode("utf-8", "surrogatepass") for t in texts], _KeptWithSurrogates
            blob, ends = b"".join(pieces), array("i", accumulate(map(len, pieces)))
        offset = self._append(blob)
        if offset is None:
            return InMemoryDocument(norms, norm_ends, lines)
        return kind(self._fd, offset, ends, lines, self.recent)

    def _append(self, blob: bytes) -> int | None:
        """Where ``blob`` was written, or None when it could not be (then nothing more is
        written: the documents kept so far stay readable, the later ones stay in memory)."""
        if not self._writable:
            return None
        offset = self._end
        view = memoryview(blob)
        try:
            while view:
                written = os.pwrite(self._fd, view, offset + len(blob) - len(view))
                view = view[written:]
        except OSError:
            self._writable = False
            return None
        self._end = offset + len(blob)
        return offset

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writable = False
        self.recent.current.clear()         # the texts it kept are let go
        self.recent.older.clear()


GENERATION = 4096       # texts; two generations of ~50-character texts: about 1.9 MB


class RecentTexts:
    """The texts read last, named by where they are in the file (start << 32 | size), in
    two generations: a text is put in the current one; when that holds ``generation``
    texts it becomes the older one
    (the older one is let go) and a new one begins; a text found in the older one is put
    back in the current one.  So a text read again within a generation is never read from
    the file twice, the texts read often stay, and at most twice ``generation`` are held
    (clearing the whole table when full would forget the popular texts with the others).
    A text's place names it for good (the file is only appended to), so a kept text is
    always the one the file holds there."""

    __slots__ = ("current", "older", "generation")

    def __init__(self, generation: int = GENERATION) -> None:
        self.generation = generation
        self.current: dict[int, str] = {}
        self.older: dict[int, str] = {}

    def get(self, name: int) -> str | None:
        text = self.current.get(name)
        if text is None:
            text = self.older.get(name)
            if text is not None:
                self.put(name, text)
        return text

    def put(self, name: int, text: str) -> str:
        current = self.current
        current[name] = text
        if len(current) >= self.generation:
            self.older, self.current = current, {}
        return text


class KeptDocument:
    """A compared document's texts in a ``KeptTexts`` file (``ends``: where each sentence's
    bytes end in its block at ``offset``), and its sentences' lines."""

    __slots__ = ("fd", "offset", "ends", "lines", "recent")

    def __init__(self, fd: int, offset: int, ends, lines, recent: RecentTexts | None = None) -> None:
        self.fd, self.offset, self.ends, self.lines = fd, offset, ends, lines
        self.recent = RecentTexts() if recent is None else recent

    def norm(self, e: int) -> str:
        ends = self.ends
        start = self.offset + (ends[e - 1] if e else 0)
        size = self.offset + ends[e] - start
        name = start << 32 | size           # where and how long: an empty text has a name too
        # ``RecentTexts.get`` written out (a call saved on every text read, ~60 a document
        # at 4,000 generated documents): a text in the current generation is returned, one
        # in the older one or read from the file is put in the current one
        recent = self.recent
        text = recent.current.get(name)
        if text is None:
            text = recent.older.get(name)
            if text is None:
                text = self._read(start, size)
            recent.put(name, text)
        return text

    def _read(self, place: int, size: int) -> str:
        return os.pread(self.fd, size, place).decode()

    def line(self, e: int) -> int:
        return self.lines[e]


class _KeptUtf16(KeptDocument):
    """Texts of characters of the BMP alone (no surrogate), written as UTF-16 in one piece."""

    __slots__ = ()

    def _read(self, place: int, size: int) -> str:
        return os.pread(self.fd, size, place).decode("utf-16-le")


class _KeptWithSurrogates(KeptDocument):
    __slots__ = ()

    def _read(self, place: int, size: int) -> str:
        return os.pread(self.fd, size, place).decode("utf-8", "surrogatepass")


class InMemoryDocument:
    """The same, its texts held as a string (when the file cannot be written)."""

    __slots__ = ("norms", "norm_ends", "lines")

    def __init__(self, norms: str, norm_ends, lines) -> None:
        self.norms, self.norm_ends, self.lines = norms, norm_ends, lines

    def norm(self, e: int) -> str:
        return self.norms[self.norm_ends[e - 1] if e else 0:self.norm_ends[e]]

    def line(self, e: int) -> int:
        return self.lines[e]
