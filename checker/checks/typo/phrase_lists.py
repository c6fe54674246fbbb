"""The phrase index's phrase lists (``phrases.json`` of an index folder), read fast.

``phrases.json`` holds the index's ~11,000 phrases, the source of each and the indexed
lengths.  Reading it with ``json`` makes every phrase through the JSON string scanner:
~19 M instructions, the largest single piece of typo-phrase's first document in a fresh
process.  The same lists are kept beside it as one sealed marshal file
(``checker.core.sealed_file``: length and CRC-32 checked) holding the phrases joined
by newlines, the sources as bytes and the lengths: reading them back is one unmarshal
and one ``list(bytes)``; the phrases stay joined (``joined_lines.JoinedLines``, with where
each begins kept too), a phrase made when a scan reads it (format 2: format 1 split all
~11,000 at every read, ~5 M instructions of a fresh process's first document).  Format 3
keeps the joined phrases as UTF-8 bytes: unmarshalled as a ``str`` they were decoded
whole, ~1.5 M instructions.

The kept file is made from ``phrases.json`` the first time a process reads it, and is
used only while ``phrases.json`` has the size and modification time (ns) it was made
from; a folder without a valid ``phrases.json`` reads as before (``json`` decides).
Lists that the layout cannot carry exactly (a phrase holding a newline, a source
outside 0-255) are simply not kept: the JSON is read each time, as before.
"""
from __future__ import annotations

import json
import os
from array import array
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.checks.typo.joined_lines import STARTS_TYPE, JoinedLines, joined_of, starts_of
from checker.core.sealed_file import read_sealed, write_sealed

KEPT = "phrases-lists-f3.marshal"
FORMAT = 3
_REPLACED = "phrases-lists-f2.marshal"


def read(folder: Path | str) -> dict:
    """``phrases.json`` of ``folder`` as a dict of its ``phrases``, ``sources`` and
    ``lengths``; raises what reading the JSON raises (OSError, ValueError) when it is
    missing or damaged and nothing valid is kept for it."""
    source = os.path.join(folder, "phrases.json")     # folder a str or a Path: no pathlib here
    st = os.stat(source)
    stamp = [st.st_size, st.st_mtime_ns]
    kept = read_sealed(os.path.join(folder, KEPT), FORMAT)
    if kept is not None and kept.get("stamp") == stamp:
        try:
            return _lists(kept)
        except (KeyError, TypeError, AttributeError, ValueError):
            pass                     # not what this code writes: read the JSON
    with open(source, encoding="utf-8") as fh:
        info = json.load(fh)
    _keep(os.path.join(folder, KEPT), info, stamp)
    return info


def _lists(kept: dict) -> dict:
    count = kept["count"]
    joined = kept["phrases"]
    starts = array(STARTS_TYPE)
    starts.frombytes(kept["starts"])          # ValueError when not whole items
    sources = list(kept["sources"])
    if not isinstance(joined, bytes) or len(starts) != count + 1 or starts[-1] != len(joined) \
            or len(sources) != count or (count and joined[-1:] != b"\n"):
        raise ValueError("kept phrase lists of the wrong length")
    return {"phrases": JoinedLines(joined, starts), "sources": sources, "lengths": list(kept["lengths"])}


def _keep(path: Path | str, info: dict, stamp: list[int]) -> None:
    """Keep ``info`` (as read from the JSON) at ``path`` when the layout holds it exactly."""
    try:
        phrases, sources, lengths = info["phrases"], info["sources"], info["lengths"]
        if not (isinstance(phrases, list) and isinstance(sources, list) and isinstance(lengths, list)):
            return
        if len(phrases) != len(sources) or not all(type(p) is str and "\n" not in p for p in phrases):
            return
        if not all(type(s) is int and 0 <= s < 256 for s in sources):
            return
        if not all(type(n) is int for n in lengths):
            return
    except (KeyError, TypeError):
        return
    try:
        os.unlink(os.path.join(os.path.dirname(path), _REPLACED))     # format 2's file, if any
    except OSError:
        pass
    write_sealed(path, {"format": FORMAT, "stamp": stamp, "count": len(phrases), "phrases": joined_of(phrases),
                        "starts": starts_of(phrases).tobytes(), "sources": bytes(sources), "lengths": lengths})
