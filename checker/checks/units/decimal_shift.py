"""A decimal number moved between magnitudes by shifting its point: 20439.1 万 -> 2.04391 亿.

``magnitude-mix`` writes an amount in another magnitude with exact decimal arithmetic,
``format((Decimal(text) * multiplier / expected).normalize(), "f")``.  Importing
``decimal`` (with ``numbers``) costs a fresh one-file run ~4.5 M instructions (~1.5 ms),
paid by every run that reports such an amount.  The magnitudes are powers of ten, and a
power of ten times a decimal number only moves its point: ``shifted`` gives that text for
a plain number (ASCII digits, an optional sign and decimal part, at most ``_DIGITS``
digits, so the ``decimal`` context's 28 digits never round) and two powers of ten; for
anything else it gives None and the caller keeps ``decimal``
(tests/test_decimal_shift.py compares the two).
"""
from __future__ import annotations

import re

_PLAIN = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")
_DIGITS = 20


def _power_of_ten(n: object) -> int | None:
    """k when ``n`` is the int 10**k (k >= 0), else None."""
    if type(n) is not int or n < 1:
        return None
    text = str(n)
    return len(text) - 1 if text[0] == "1" and text.count("0") == len(text) - 1 else None


def shifted(text: str, multiplier: int, divisor: int) -> str | None:
    """``format((Decimal(text) * multiplier / divisor).normalize(), "f")`` when ``text`` is
    a plain number and both factors are powers of ten; None otherwise."""
    up, down = _power_of_ten(multiplier), _power_of_ten(divisor)
    found = _PLAIN.fullmatch(text)
    if up is None or down is None or found is None:
        return None
    sign, whole, fraction = found.groups()
    digits = (whole + (fraction or "")).lstrip("0")
    if len(whole) + len(fraction or "") > _DIGITS:
        return None
    if not digits:
        return sign + "0"           # Decimal keeps the sign of a zero: -0
    # the value is int(digits) * 10**exponent; normalize() drops the trailing zeros
    exponent = up - down - len(fraction or "")
    stripped = digits.rstrip("0")
    exponent += len(digits) - len(stripped)
    if exponent >= 0:
        return sign + stripped + "0" * exponent
    padded = stripped.rjust(-exponent + 1, "0")
    return f"{sign}{padded[:exponent]}.{padded[exponent:]}"
