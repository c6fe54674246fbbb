"""A plain decimal figure times one power of ten over another, written out exactly.

``money-magnitude-mixed`` writes 20439.1万 in 亿 as 2.04391: the figure times the
magnitude it was written in over the magnitude it should have been, in exact decimal
arithmetic, trailing zeros dropped (``format(Decimal(...).normalize(), "f")``).  The
magnitudes are powers of ten, so the product is the figure's digits with the decimal point
moved; ``decimal`` costs its import (the ``_decimal`` extension, ~4.5 M instructions of a
fresh process) for what is a move of that point.  ``shifted`` moves it for a figure of
ASCII digits with at most one point, and gives None for anything else (a sign, an
exponent, other digits, a factor that is no power of ten, more digits than ``decimal``'s
default 28 places certainly keep exact): the caller then computes with ``decimal``.
"""
from __future__ import annotations

_MAX_DIGITS = 20          # well within decimal's 28 significant places: its result is exact
_MAX_POWER = 16


def _power(n: object) -> int | None:
    """k when ``n`` is the int 10**k (0 <= k <= _MAX_POWER), else None."""
    if type(n) is not int or n <= 0:
        return None
    text = str(n)
    if len(text) - 1 > _MAX_POWER or text.rstrip("0") != "1":
        return None
    return len(text) - 1


def shifted(text: str, multiplier: object, divisor: object) -> str | None:
    """``format((Decimal(text) * multiplier / divisor).normalize(), "f")`` for a plain
    figure (``12``, ``0.5``, ``.5``, ``12.``) and powers of ten; None when it cannot tell."""
    up, down = _power(multiplier), _power(divisor)
    if up is None or down is None:
        return None
    whole, point, fraction = text.partition(".")
    digits = whole + fraction
    if not digits or len(digits) > _MAX_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    at = len(whole) + up - down             # where the point falls among ``digits``
    if at < 0:
        digits, at = "0" * -at + digits, 0
    elif at > len(digits):
        digits += "0" * (at - len(digits))
    head = digits[:at].lstrip("0") or "0"
    tail = digits[at:].rstrip("0")
    return f"{head}.{tail}" if tail else head
