"""difflib's matching blocks and opcodes of two strings, found with ``str.find``.

``difflib.SequenceMatcher(None, a, b, autojunk=False)`` (no junk, no popular elements)
splits two texts at their longest common substring, then does the same on either side,
and its opcodes follow from the blocks found.  Its longest match is, per its contract,
the longest common substring of the two windows, the one starting earliest in ``a``
and, of those, earliest in ``b``.  difflib finds it with a Python loop over every pair
of equal characters; here the same block is found with C-speed substring searches,
about one ``find`` per position of ``a``, so a near copy costs a few microseconds where
difflib's matcher (its character table built for ``b``, then the loops) costs tens.

Why the same block: scanning ``i`` upwards while ``k`` is the longest length found
starting before ``i``, a longer match starting at ``i`` exists exactly when
``a[i:i+k+1]`` occurs in ``b``'s window; it is then grown as far as it goes, the
smallest ``j`` kept for each length (``find`` gives the first occurrence, and an
occurrence of a longer piece is one of its prefix, so no earlier ``j`` is missed).
A later ``i`` replaces the block only with a strictly longer one, so of the longest,
the one starting earliest in ``a`` is kept, and for it the earliest ``j``.
"""
from __future__ import annotations


def longest_match(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """``SequenceMatcher(None, a, b, autojunk=False).find_longest_match(alo, ahi, blo, bhi)``
    as a plain (i, j, size); (alo, blo, 0) when nothing matches."""
    best_i, best_j, k = alo, blo, 0
    find = b.find
    i = alo
    while i + k < ahi:
        j = find(a[i:i + k + 1], blo, bhi)
        if j < 0:
            i += 1
            continue
        # a match of k + 1 at (i, j): extend it in place, then look for a later j where
        # a longer one starts (each found is strictly longer, so this ends)
        while True:
            size = k + 1 + common_prefix(a, i + k + 1, b, j + k + 1, min(ahi - i, bhi - j) - k - 1)
            best_i, best_j, k = i, j, size
            if i + k >= ahi:
                break
            j = find(a[i:i + k + 1], j + 1, bhi)
            if j < 0:
                break
        i += 1
    return best_i, best_j, k


def common_prefix(a: str, i: int, b: str, j: int, limit: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share at their start, at most ``limit``:
    compared in slices that double, then halved at the first difference."""
    n, step = 0, 8
    while n < limit:
        m = min(step, limit - n)
        if a[i + n:i + n + m] == b[j + n:j + n + m]:
            n += m
            step *= 2
            continue
        lo, hi = 0, m                   # lo characters of this slice match, hi do not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[i + n + lo:i + n + mid] == b[j + n + lo:j + n + mid]:
                lo = mid
            else:
                hi = mid
        return n + lo
    return n


def matching_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """``get_matching_blocks()`` of difflib's matcher without junk: the blocks in order,
    adjacent ones joined, ending with (len(a), len(b), 0)."""
    found = []
    queue = [(0, len(a), 0, len(b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = longest_match(a, b, alo, ahi, blo, bhi)
        if k:
            found.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    found.sort()
    blocks = []
    i1 = j1 = k1 = 0
    for i2, j2, k2 in found:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                blocks.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        blocks.append((i1, j1, k1))
    blocks.append((len(a), len(b), 0))
    return blocks


def opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``."""
    answer = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b):
        if i < ai:
            answer.append(("replace" if j < bj else "delete", i, ai, j, bj))
        elif j < bj:
            answer.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            answer.append(("equal", ai, i, bj, j))
    return answer
