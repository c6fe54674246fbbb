"""The phrase index's hash of any window of a text, from one pass over the text.

The index hashes a string ``c_0 … c_{n-1}`` (character codes) as the polynomial
``c_0·B^(n-1) + c_1·B^(n-2) + … + c_{n-1}`` modulo 2**64 (numpy's uint64 wraps, Python's
``& 0xFFFF…``), ``B`` the base.  The scan used to grow each window's hash a character at a
time, one round of numpy calls per indexed length (3 to 20), and hashed the stretches its
whole-phrase and common-pair tests look at in the same way.

Here every window's hash comes from prefix sums: with ``I`` the inverse of ``B`` modulo
2**64 (``B`` is odd, so it has one) and ``S[k] = Σ_{i<k} c_i·I^i``,

    hash(text[a:a+n]) = B^(a+n-1) · (S[a+n] − S[a])          (mod 2**64)

because ``B^(a+n-1)·c_i·I^i = c_i·B^(a+n-1-i)`` for each ``a ≤ i < a+n``: the same
polynomial, so the same 64-bit value the character-at-a-time hash gives (the ring of
integers modulo 2**64 is all either uses; tests/test_typo.py compares them).
"""
from __future__ import annotations

from checker.core.numeric import np

BASE = 1_000_003
_MODULUS = 1 << 64
INVERSE = pow(BASE, -1, _MODULUS)

# B^k and I^k for k below the longest text seen so far, kept between texts (grown by
# doubling): (B powers, I powers), uint64.  Swapped whole, so a thread reads one pair.
_KEPT: tuple = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def _powers(x: int, n: int) -> np.ndarray:
    """x**k modulo 2**64 for k < n (uint64: numpy's products wrap)."""
    out = np.full(n, x, dtype=np.uint64)
    out[0] = 1
    return np.cumprod(out, dtype=np.uint64)


def powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(B^k, I^k) modulo 2**64 for k < at least ``n``."""
    global _KEPT
    kept = _KEPT
    if len(kept[0]) < n:
        size = max(n, 2 * len(kept[0]), 4096)
        kept = _KEPT = (_powers(BASE, size), _powers(INVERSE, size))
    return kept


class WindowHashes:
    """Hashes of windows of one text (its codes, uint64), any start and length."""

    __slots__ = ("_sums", "_base_powers")

    def __init__(self, codes: np.ndarray) -> None:
        total = len(codes)
        base_powers, inverse_powers = powers(total + 1)
        sums = np.zeros(total + 1, dtype=np.uint64)
        np.cumsum(codes * inverse_powers[:total], dtype=np.uint64, out=sums[1:])
        self._sums = sums
        self._base_powers = base_powers

    def of(self, starts: np.ndarray, lengths) -> np.ndarray:
        """The hash of ``text[s:s+n]`` for each start ``s`` (int64) and length ``n`` (one
        length, or one per start, each at least 1 and within the text)."""
        ends = starts + lengths
        sums = self._sums
        return self._base_powers[ends - 1] * (sums[ends] - sums[starts])
