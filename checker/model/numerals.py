"""Chinese numerals: ``三`` → 3, ``二十九`` → 29, ``一百零五`` → 105, ``二〇二三`` → 2023.

Used by the structure parser (ordinals of ``三、``/``（十二）``/``四是``) and by the
quantity layer (``五项工程``, ``两万余人``).
"""
from __future__ import annotations

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
# Units inside a section below 万: 十 百 千.
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Section units: 万 and 亿 multiply everything before them.
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_NUMERAL_CHARS = frozenset(DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)


def parse_cn_int(text: str) -> int | None:
    """The integer a Chinese numeral spells, or None if ``text`` is not one.

    Accepts positional forms (``十一``, ``二十九``, ``三百零五``, ``两千``, ``一万二千``,
    ``十二万``) and digit-by-digit forms (``二〇二三``, ``一九``). Malformed strings such
    as ``十十``, a bare ``百`` or ``万``, ``三五十`` or an empty string return None.
    """
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        if "两" in text:
            return None
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    return _positional(text)


def _positional(text: str) -> int | None:
    total = 0          # the part already multiplied by 亿
    wan = 0            # the part already multiplied by 万 (since the last 亿)
    section = 0        # value of the current section below 万
    digit: int | None = None
    last_big = 10 ** 12
    last_small = 10 ** 5   # units inside a section must decrease: 千 > 百 > 十
    for i, ch in enumerate(text):
        if ch in DIGITS:
            if digit is not None and digit != 0:
                return None            # two digits in a row: "三五十"
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                return None            # "十十", "十百"
            if digit is None:
                if unit != 10 or section or total:
                    # a bare 十 opens a number ("十二"); elsewhere 十 needs a digit,
                    # except after a zero ("一百零十" is not written) or a big unit.
                    if not (unit == 10 and i > 0 and text[i - 1] in BIG_UNITS):
                        return None
                digit = 1
            if digit == 0:
                return None
            section += digit * unit
            digit = None
            last_small = unit
        else:  # big unit
            unit = BIG_UNITS[ch]
            if unit >= last_big:
                return None
            if digit:
                section += digit
            digit = None
            if section == 0 and total == 0 and wan == 0:
                return None            # "万" alone
            if unit == 10_000:
                wan = section * unit
            else:
                total = (total + wan + section) * unit
                wan = 0
            section = 0
            last_big = unit
            last_small = 10 ** 5
    if digit:
        section += digit
    return total + wan + section


def is_cn_numeral(text: str) -> bool:
    return parse_cn_int(text) is not None


_CN_DIGIT_NAMES = "零一二三四五六七八九"


def format_cn_int(value: int) -> str:
    """The usual Chinese spelling of 0 ≤ value < 100000: 3 → 三, 12 → 十二, 105 → 一百零五."""
    if not 0 <= value < 100_000:
        raise ValueError(f"format_cn_int: {value} out of range")
    if value == 0:
        return "零"
    out: list[str] = []
    zero = False
    for unit, name in ((10_000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (unit == 10 and digit == 1 and not out):
            out.append(_CN_DIGIT_NAMES[digit])
        out.append(name)
    return "".join(out)
