"""Which characters a long text holds: a table made once per text, so that the literal gates'
one-character questions (``ch in text``) are answered by one look-up each.

The gates of the user expressions (``patterns._holds_any``) ask of each document whether it
holds each character of their literals: some five hundred questions a generated document,
most about characters it lacks.  ``ch in text`` then reads the whole text (a UCS-2 text's
search for a character meets a false hit at every character sharing its low byte, frequent
in Han text): about 3 us for a document of eight thousand characters.  The table is a
byte per code point up to the text's largest (64 KB for a text of the Basic Multilingual
Plane), one where the text holds that code point: the answer is exact, never a guess.

Made with numpy (some 35 us, the price of a dozen searches), and only when numpy is loaded
already: importing it for this would cost more than all the searches it saves.
"""
from __future__ import annotations

import sys


class CharacterPresence:
    """The characters of one text (see the module's note)."""

    __slots__ = ("table",)

    def __init__(self, table: bytes) -> None:
        self.table = table

    def holds(self, ch: str) -> bool:
        """Whether the text holds the character ``ch`` (``ch in text``)."""
        code = ord(ch)
        table = self.table
        return code < len(table) and table[code] == 1


def character_presence(string: str) -> CharacterPresence | None:
    """The table of ``string``, or None when numpy is not loaded (or the text cannot be read
    as code points: a lone surrogate, which ``in`` still finds)."""
    if "numpy" not in sys.modules or not string:
        return None
    from checker.core.numeric import np

    try:
        raw = string.encode("utf-32-le")
    except UnicodeEncodeError:
        return None
    # (indices as intp: numpy's own conversion of uint32 indices doubled the time)
    codes = np.frombuffer(raw, dtype=np.uint32).astype(np.intp)
    table = np.zeros(max(0x10000, int(codes.max()) + 1), dtype=np.uint8)
    table[codes] = 1
    return CharacterPresence(table.tobytes())
