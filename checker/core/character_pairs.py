"""Which pairs of adjacent characters a long text holds: a table made once per text, so that
most literals the text lacks are known absent without a search.

A check asks whether a document holds one of an expression's literals (``patterns._holds_any``)
a few hundred times per document; most literals of two or more characters whose characters
all occur are absent as a whole, and ``literal in text`` then reads the whole text (some
thirty thousand instructions for a document of seven thousand characters).  A literal that
occurs has each pair of neighbours in it at some place of the text; so a literal with a
pair the text lacks cannot occur.  The table answers that:

``pairs`` has ``2**bits`` bytes; each pair of neighbours ``(a, b)`` of the text sets the byte
its hash picks.  A clear byte proves the pair absent; a set one proves nothing (another
pair may share it), and the caller then searches as before.  So the answer "absent" is
always right, and "maybe" costs what it cost without the table.

Made with numpy (about half a million instructions for a document of seven thousand
characters, the price of some sixteen searches), and only when numpy is loaded already:
importing it for this would cost more than all the searches it saves.
"""
from __future__ import annotations

import sys

# Fibonacci hashing of a pair's key ((a << 16) ^ b, mod 2**32): the top bits of the key times
# 2**32 / golden ratio (mod 2**32, as numpy's uint32 product wraps).
_GOLDEN = 0x9E3779B1
_MASK32 = 0xFFFFFFFF
_MIN_BITS, _MAX_BITS = 16, 22

# A literal's pair slots for a table size, kept across texts (the same rules ask about the
# same literals in every document); emptied when it grows past this many.
_SLOTS_KEPT = 8192
_SLOTS: dict[tuple[str, int], tuple[int, ...]] = {}


def table_bits(size: int) -> int:
    """log2 of the table's length for a text of ``size`` characters: about sixteen slots per
    pair of the text (few collisions), within 64 KB .. 4 MB."""
    return max(_MIN_BITS, min(_MAX_BITS, (size * 16).bit_length()))


def pair_slot(a: int, b: int, bits: int) -> int:
    """The slot of the pair of code points ``(a, b)`` in a table of ``2**bits`` bytes: the
    number ``_pair_slots`` computes with numpy's wrapping uint32 arithmetic (b < 2**21, so
    masking after the xor is masking the shifted ``a``)."""
    return ((((a << 16) ^ b) & _MASK32) * _GOLDEN & _MASK32) >> (32 - bits)


def _pair_slots(np, codes, bits: int):
    keys = (codes[:-1] << np.uint32(16)) ^ codes[1:]
    return ((keys * np.uint32(_GOLDEN)) >> np.uint32(32 - bits)).astype(np.intp)


class CharacterPairs:
    """The pair table of one text (see the module's note)."""

    __slots__ = ("pairs", "bits")

    def __init__(self, pairs: bytes, bits: int) -> None:
        self.pairs = pairs
        self.bits = bits

    def may_hold(self, literal: str) -> bool:
        """False when the text certainly lacks ``literal`` (a pair of neighbours of it is
        missing); True when it may hold it (search to know).  A literal of one character
        has no pair: True."""
        bits = self.bits
        slots = _SLOTS.get((literal, bits))
        if slots is None:
            if len(_SLOTS) >= _SLOTS_KEPT:
                _SLOTS.clear()
            codes = [ord(ch) for ch in literal]
            slots = _SLOTS[(literal, bits)] = tuple(pair_slot(a, b, bits) for a, b in zip(codes, codes[1:]))
        pairs = self.pairs
        for slot in slots:
            if not pairs[slot]:
                return False
        return True


def character_pairs(string: str) -> CharacterPairs | None:
    """The table of ``string``, or None when numpy is not loaded (or the text cannot be read
    as code points: a lone surrogate)."""
    if "numpy" not in sys.modules or len(string) < 2:
        return None
    from checker.core.numeric import np

    try:
        raw = string.encode("utf-32-le")
    except UnicodeEncodeError:
        return None
    codes = np.frombuffer(raw, dtype=np.uint32)
    bits = table_bits(len(string))
    pairs = np.zeros(1 << bits, dtype=np.uint8)
    pairs[_pair_slots(np, codes, bits)] = 1
    return CharacterPairs(pairs.tobytes(), bits)
