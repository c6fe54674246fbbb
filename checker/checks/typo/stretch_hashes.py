"""The hash of a window one character wider or narrower, from the window's own hash.

The phrase index hashes ``c_0 … c_{n-1}`` as ``c_0·B^(n-1) + … + c_{n-1}`` modulo 2**64.
The scan's anchor test asks whether the stretch one character wider (a character before
or after the window) or narrower (its first or last character left off) is a phrase; the
Python scan hashed that stretch again a character at a time.  Each of the four stretches
is one step of the polynomial from the window's hash ``h`` (all modulo 2**64):

    c_{-1} + window       c_{-1}·B^n + h
    window + c_n          h·B + c_n
    window[1:]            h − c_0·B^(n-1)
    window[:-1]           (h − c_{n-1})·I          (I the inverse of B: B is odd)

the same value the character-at-a-time hash gives (tests/test_typo_stretch_hashes.py).
Pure Python: the one-file run's scan does not import numpy.
"""
from __future__ import annotations

BASE = 1_000_003
MASK = (1 << 64) - 1
INVERSE = pow(BASE, -1, 1 << 64)

# B^k modulo 2**64 for the lengths a window can have (the index's longest is 20)
_POWERS = [pow(BASE, k, 1 << 64) for k in range(64)]


def powers(count: int) -> list[int]:
    """B^k modulo 2**64 for k < ``count``."""
    return _POWERS[:count] if count <= len(_POWERS) else [_power(k) for k in range(count)]


def _power(k: int) -> int:
    return _POWERS[k] if k < 64 else pow(BASE, k, 1 << 64)


def hash_of(codes: list[int], at: int, n: int) -> int:
    """The hash of ``codes[at:at + n]``, a character at a time (the definition)."""
    h = 0
    for c in codes[at:at + n]:
        h = (h * BASE + c) & MASK
    return h


def widened_before(h: int, n: int, before: int) -> int:
    """The hash of the ``n``-character window hashing to ``h`` with ``before`` put first."""
    return (before * _power(n) + h) & MASK


def widened_after(h: int, after: int) -> int:
    """... with ``after`` put last."""
    return (h * BASE + after) & MASK


def without_first(h: int, n: int, first: int) -> int:
    """... with its first character, ``first``, left off."""
    return (h - first * _power(n - 1)) & MASK


def without_last(h: int, last: int) -> int:
    """... with its last character, ``last``, left off."""
    return ((h - last) * INVERSE) & MASK
