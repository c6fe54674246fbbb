"""Where a run of Han characters is written twice in a row: the stutter kind's candidates.

``REPEAT`` finds them: at each place of the text, a lazy group of one to eight Han
characters and a back-reference to it, so the expression engine tries eight lengths at
every character of the document (about half of the kind's time).  The same places are
found with array operations when numpy is already loaded in the process (a run of many
documents: the typo index and the cross-document keys load it); a one-file run, which
does not load numpy, keeps the expression (numpy's import costs more than it saves).

For a length s, a place i starts a doubled run when each of the s characters from i is a
Han character equal to the one s places further on: ``equal`` marks the places whose
character is Han and equal to the one s on, and a run of s marks from i (counted by a
running sum) is the doubling.  The union over s = 1…8 is the set of places where the
expression's look-ahead succeeds, in order (tests/test_doubled_runs.py).
"""
from __future__ import annotations

import re
import sys

# Positions where some run of CJK characters is immediately repeated.
REPEAT = re.compile(r"(?=([\u4e00-\u9fff]{1,8}?)\1)")
_LONGEST = 8            # the expression's {1,8}


def doubled_starts(text: str) -> list[int]:
    """The places where ``REPEAT`` matches, in order."""
    if "numpy" in sys.modules:
        return doubled_starts_array(text)
    return [m.start() for m in REPEAT.finditer(text)]


def doubled_starts_array(text: str) -> list[int]:
    """``doubled_starts`` by array operations (numpy imported here if it is not yet)."""
    from checker.core.numeric import np

    # code points (a lone surrogate, from bytes the source could not decode, passes as
    # itself: no Han character equals it)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(codes)
    if n < 2:
        return []
    han = (codes >= 0x4E00) & (codes <= 0x9FFF)
    found = np.zeros(n, dtype=bool)
    for size in range(1, _LONGEST + 1):
        if 2 * size > n:
            break
        # equal[i]: character i is Han and equals character i + size (i < n - size)
        equal = codes[:n - size] == codes[size:]
        equal &= han[:n - size]
        starts = n - 2 * size + 1               # places with room for two copies
        if size == 1:
            found[:starts] |= equal[:starts]
            continue
        # a run of ``size`` marks from i: the running sum grows by size between i and i + size
        total = np.zeros(n - size + 1, dtype=np.int32)
        np.cumsum(equal, dtype=np.int32, out=total[1:])
        found[:starts] |= (total[size:size + starts] - total[:starts]) == size
    return np.flatnonzero(found).tolist()
