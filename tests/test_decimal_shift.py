"""``decimal_shift.shifted`` (magnitude-mix's amounts moved between magnitudes without
importing ``decimal``) against the ``decimal`` arithmetic it stands for."""
import random
import unicodedata
from decimal import Decimal, InvalidOperation

from checker.checks.units import magnitude_mix
from checker.checks.units.decimal_shift import shifted


def _by_decimal(text: str, multiplier, divisor) -> str | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return format((value * Decimal(multiplier) / Decimal(divisor)).normalize(), "f")


def _numbers(rng: random.Random):
    fixed = ["0", "-0", "0.0", "-0.00", "00", "007.50", "20439.1", "0.5", "1", "10", "100.000", "12000",
             "-3.25", "99999999999999999999", "12345678901234567890.5", "0.000001", "1e5", ".5", "5.", "1_000",
             "Infinity", "NaN", "−2", "1.2.3", "", "三十", " 1", "+1"]
    yield from fixed
    for _ in range(6000):
        whole = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 14)))
        fraction = "".join(rng.choice("0000123456789") for _ in range(rng.randint(0, 9)))
        text = rng.choice(["", "-"]) + whole + ("." + fraction if fraction else "")
        yield text


def test_shifted_is_the_decimal_arithmetic_for_powers_of_ten():
    rng = random.Random(7)
    factors = [1, 10, 100, 1000, 10_000, 100_000_000, 10**12, 10**16]
    moved = 0
    for text in _numbers(rng):
        multiplier, divisor = rng.choice(factors), rng.choice(factors)
        got = shifted(text, multiplier, divisor)
        if got is not None:
            moved += 1
            assert got == _by_decimal(text, multiplier, divisor), (text, multiplier, divisor)
    assert moved > 5000


def test_shifted_leaves_other_factors_and_texts_to_decimal():
    for text, multiplier, divisor in [("12", 12, 10), ("12", 10, 3), ("12", 0, 10), ("12", 10.0, 10),
                                      ("1e5", 10, 10), ("Infinity", 10, 10), ("1" * 21, 10, 10),
                                      ("12", True, 10), ("12", -10, 10)]:
        assert shifted(text, multiplier, divisor) is None


def test_magnitude_mix_converts_as_with_decimal():
    rng = random.Random(9)
    for text in list(_numbers(rng))[:2000] + ["１２,３４５.６", "20,439.1", "三十", "-2", "－2"]:
        for multiplier, expected in [(10_000, 100_000_000), (100_000_000, 10_000), (10_000, 12), (1000, 10_000)]:
            plain = unicodedata.normalize("NFKC", text).replace(",", "")
            assert magnitude_mix._convert(text, multiplier, expected) == _by_decimal(plain, multiplier, expected)
