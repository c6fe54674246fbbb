"""The phrase index's start table read at every position of a text, with no Python step per position.

The Python scan (``PhraseIndex._scan_python``) hashed the three characters at every start
of every Han run, ``(c_0·B + c_1)·B + c_2``, and read the start table's slot for it (the
hash's low bits): a dozen operations on multi-digit integers per position, ~19 M
instructions of a 7,000-character document whose starts hit the table only one time in
three.  The same values come from whole-text operations that run in C:

* the code points as 64-bit fields of one integer ``t`` (``c_i`` at bit ``64·i``); then
  ``t·B² + (t >> 64)·B + (t >> 128)`` holds ``c_i·B² + c_{i+1}·B + c_{i+2}`` in field
  ``i``: a code point is below 2**21 and B below 2**20, so each field's value is below
  2**62 and no field carries into the next — field ``i`` is exactly the three characters'
  hash (below 2**64, as the scan's was);
* its fields masked to the slot's bits, gathered from the table by ``operator.itemgetter``;
* a byte per position that is 0xFF where the three characters are all Han (the window's
  bytes of UTF-32: a Han code point is ``0x4E00``-``0x9FFF``, i.e. its third byte is 0
  and its second ``0x4E``-``0x9F``), ANDed over the reach bytes as integers.

The text is encoded as ``"utf-32"`` (its byte-order mark cut off), not ``"utf-32-le"``:
``str.encode`` has its own path for the former, the latter imports a codec module at
its first use.  That is the machine's order: on a big-endian machine the plain reading
is used.

``start_reaches_plain`` is the definition, a step per position (tests compare the two).
"""
from __future__ import annotations

import sys
from array import array
from operator import itemgetter

# per byte value: 0xFF when it is the second byte of a Han code point, or a zero byte
_HAN_SECOND = bytes(0xFF if 0x4E <= k <= 0x9F else 0 for k in range(256))
_ZERO_BYTE = bytes(0xFF if k == 0 else 0 for k in range(256))
_FIELDS_FIT = array("I").itemsize == 4 and array("Q").itemsize == 8 and sys.byteorder == "little"


def code_points(text: str) -> list[int]:
    """``[ord(c) for c in text]``, made in C (the comprehension was ~3 M instructions of a
    7,000-character document)."""
    if array("I").itemsize != 4:
        return [ord(c) for c in text]
    return _unsigned(_utf32(text), "I").tolist()


def _utf32(text: str) -> bytes:
    """The text's code points, four bytes each in this machine's order.  A lone surrogate
    (the language server and the library take any ``str``) is its own code point, as
    ``ord`` gives it."""
    return text.encode("utf-32", "surrogatepass")[4:]        # the byte-order mark cut off


def _unsigned(data: bytes, code: str) -> array:
    """The fields of ``data``, in this machine's order, as an array."""
    out = array(code)
    out.frombytes(data)
    return out


def start_reaches(text: str, table, base: int, slot_mask: int) -> tuple[bytes, object]:
    """(``reach``, ``heads``) for ``text``: ``reach[i]`` the start table's value for the
    three characters at ``i`` (``table[head & slot_mask]``), 0 where they are not all Han
    or the text ends first; ``heads[i]`` their hash ``(c_i·base + c_{i+1})·base + c_{i+2}``
    (read only where ``reach[i]`` is not 0).  ``base`` must be below 2**20."""
    n = len(text)
    if n < 3 or not _FIELDS_FIT or base >= 1 << 20:
        return start_reaches_plain(text, table, base, slot_mask)
    data = _utf32(text)
    han = (int.from_bytes(data[1::4].translate(_HAN_SECOND), "little")
           & int.from_bytes(data[2::4].translate(_ZERO_BYTE), "little"))
    three = han & (han >> 8) & (han >> 16)          # byte i: characters i, i+1, i+2 all Han
    wide = bytearray(8 * n)                         # each code point in a 64-bit field
    wide[0::8], wide[1::8], wide[2::8] = data[0::4], data[1::4], data[2::4]
    t = int.from_bytes(wide, "little")
    heads = t * (base * base) + (t >> 64) * base + (t >> 128)
    slots = heads & int.from_bytes(slot_mask.to_bytes(8, "little") * n, "little")
    found = bytes(itemgetter(*_unsigned(slots.to_bytes(8 * n, "little"), "Q"))(table))
    reach = (int.from_bytes(found, "little") & three).to_bytes(n, "little")
    return reach, _unsigned(heads.to_bytes(8 * n, "little"), "Q")


def start_reaches_plain(text: str, table, base: int, slot_mask: int) -> tuple[bytes, list[int]]:
    """``start_reaches`` a position at a time."""
    codes = [ord(c) for c in text]
    han = [0x4E00 <= c <= 0x9FFF for c in codes]
    reach = bytearray(len(codes))
    heads = [0] * len(codes)
    for i in range(len(codes) - 2):
        if han[i] and han[i + 1] and han[i + 2]:
            heads[i] = (codes[i] * base + codes[i + 1]) * base + codes[i + 2]
            reach[i] = table[heads[i] & slot_mask]
    return bytes(reach), heads
