"""FNV-1a (32 bits) of many texts at once, the same keys as a byte loop per text.

``similarity.exact_key`` hashes a text's UTF-8 bytes one at a time in Python: three int
operations per byte, a document's hundred sentences some 15,000 bytes.  The state of one
text cannot skip ahead (each byte is mixed into the product of all before it), but the
texts do not depend on each other, so here they are hashed side by side, each in a lane
of 64 bits of one Python integer: per byte position, one XOR, one multiplication and one
AND act on every text's state together, in C, over the integer's digits.

Why the lanes stay apart: a state is below 2**32 and a byte XORed into it changes its low
8 bits only; times the prime (below 2**25) it stays below 2**57, inside its 64 bits, so
no carry reaches the next lane; the AND then keeps each lane's low 32 bits (the state mod
2**32, as the loop's mask).  Texts are taken longest first, so the texts still running at
a position are the first lanes: a text that ends leaves by cutting the integer shorter
(its state read first), and when only a few long ones are left they finish in the byte
loop (a position costs the integer operations whatever the number of lanes).
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence

OFFSET = 0x811C9DC5
PRIME = 0x01000193
_MASK = 0xFFFFFFFF

# texts hashed together (lanes of one integer), and how few lanes are left to the loop
_LANES = 64
_FEW = 6
# Texts longer than this (UTF-8 bytes) are hashed by the loop: the lanes' byte table is
# lanes x the longest text, which one very long sentence (a document of one line) would
# make megabytes; at most 64 x 4 KB = 256 KB this way.
_LONGEST_IN_LANES = 4096
# one lane's bytes: the state's 32 bits in the low half (little-endian), and its low byte
_LANE_STATE = b"\xff\xff\xff\xff\x00\x00\x00\x00"
_LANE_BYTE = b"\xff\x00\x00\x00\x00\x00\x00\x00"


def fnv1a(data: bytes, h: int = OFFSET) -> int:
    """FNV-1a of ``data`` from the state ``h``, a byte at a time."""
    for byte in data:
        h = ((h ^ byte) * PRIME) & _MASK
    return h


def fnv1a_many(texts: Sequence[str]) -> list[int]:
    """``fnv1a(text.encode("utf-8"))`` of each text."""
    blobs = [t.encode("utf-8") for t in texts]
    out = [OFFSET] * len(blobs)
    order = sorted(range(len(blobs)), key=lambda i: len(blobs[i]), reverse=True)
    while order and len(blobs[order[0]]) > _LONGEST_IN_LANES:
        out[order[0]] = fnv1a(blobs[order[0]])
        del order[0]
    for at in range(0, len(order), _LANES):
        where = order[at:at + _LANES]
        _hash_lanes([blobs[i] for i in where], where, out)
    return out


def _hash_lanes(blobs: list[bytes], where: list[int], out: list[int]) -> None:
    """Hash ``blobs`` (longest first) side by side into ``out`` at ``where``."""
    lanes = len(blobs)
    if lanes <= _FEW:
        for blob, i in zip(blobs, where):
            out[i] = fnv1a(blob)
        return
    # The bytes in blocks of 8 positions: block g of lane t holds the text's bytes 8g to
    # 8g + 7 (zeros past its end), so one integer made of a block row gives 8 positions'
    # bytes of every lane, each position's taken out by a shift and an AND.
    groups = (len(blobs[0]) + 7) // 8
    width = 8 * lanes
    table = bytearray(width * groups)
    cells = memoryview(table).cast("Q")
    for t, blob in enumerate(blobs):
        padded = blob + bytes(-len(blob) % 8)
        cells[t:t + lanes * (len(padded) // 8):lanes] = memoryview(padded).cast("Q")
    lengths = [len(b) for b in blobs]
    from_bytes = int.from_bytes
    state = from_bytes(OFFSET.to_bytes(8, "little") * lanes, "little")
    keep = from_bytes(_LANE_STATE * lanes, "little")
    low = from_bytes(_LANE_BYTE * lanes, "little")
    active = lanes
    for g in range(groups):
        row = from_bytes(table[width * g:width * g + 8 * active], "little")
        for j in range(8):
            position = 8 * g + j
            if lengths[active - 1] <= position:
                # the lanes whose text has ended: their states read, the integer cut
                ended = active
                while active and lengths[active - 1] <= position:
                    active -= 1
                states = array("Q", (state >> (64 * active)).to_bytes(8 * (ended - active), "little"))
                for t, value in zip(range(active, ended), states):
                    out[where[t]] = value
                state &= (1 << (64 * active)) - 1
                if active <= _FEW:
                    left = array("Q", state.to_bytes(8 * active, "little")) if active else ()
                    for t, value in zip(range(active), left):
                        out[where[t]] = fnv1a(blobs[t][position:], value)
                    return
                row &= (1 << (64 * active)) - 1
                keep = from_bytes(_LANE_STATE * active, "little")
                low = from_bytes(_LANE_BYTE * active, "little")
            state = ((state ^ ((row >> (8 * j)) & low)) * PRIME) & keep
    # the texts that end with the last block
    for t, value in zip(range(active), array("Q", state.to_bytes(8 * active, "little"))):
        out[where[t]] = value
