"""checker.core.decimal_shift against the decimal arithmetic it stands in for."""
from __future__ import annotations

import random
from decimal import Decimal, InvalidOperation

from checker.core.decimal_shift import shifted


def _decimal(text: str, multiplier: int, divisor: int) -> str | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return format((value * Decimal(multiplier) / Decimal(divisor)).normalize(), "f")


def test_plain_figures_match_decimal():
    rng = random.Random(11)
    powers = [10 ** k for k in range(0, 17)]
    texts = ["0", "00", "0.0", ".5", "5.", "12", "0012.500", "20439.1", "100", "0.0001", "99999999999999999999",
             "1000000", "3.14159", "000.000"]
    for _ in range(3000):
        whole = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 10)))
        fraction = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 9)))
        text = whole + ("." + fraction if rng.random() < 0.6 else "")
        texts.append(text if text.strip(".") else "7")
    for text in texts:
        for _ in range(4):
            multiplier, divisor = rng.choice(powers), rng.choice(powers)
            got = shifted(text, multiplier, divisor)
            assert got is not None, text
            assert got == _decimal(text, multiplier, divisor), (text, multiplier, divisor)


def test_anything_else_is_left_to_decimal():
    for text in ["", ".", "-5", "+5", "1e5", "1E5", "1_000", " 5", "5 ", "1.2.3", "١٢", "NaN", "inf",
                 "123456789012345678901"]:
        assert shifted(text, 10_000, 100_000_000) is None, text
    for factor in [0, -10, 20, 1000.0, True, 10 ** 17, "100"]:
        assert shifted("12.5", factor, 10) is None, factor
        assert shifted("12.5", 10, factor) is None, factor


def test_magnitude_mix_converts_as_before():
    from checker.checks.units.magnitude_mix import _convert

    assert _convert("20439.1", 10_000, 100_000_000) == "2.04391"
    assert _convert("0.5", 100_000_000, 10_000) == "5000"
    assert _convert("１２,５００", 10_000, 100_000_000) == "1.25"
    assert _convert("12.5e1", 10_000, 100_000_000) == _decimal("12.5e1", 10_000, 100_000_000)
    assert _convert("abc", 10_000, 100_000_000) is None
