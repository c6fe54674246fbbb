"""Display width of text on a terminal: East Asian wide characters take two cells."""
from __future__ import annotations

import unicodedata

# Each character's width, found once: a report measures the same few thousand characters
# over and over (every shown line, character by character, for the underline).
_WIDTHS: dict[str, int] = {}


def char_width(ch: str) -> int:
    width = _WIDTHS.get(ch)
    if width is None:
        if unicodedata.combining(ch):
            width = 0
        else:
            width = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        _WIDTHS[ch] = width
    return width


def text_width(text: str) -> int:
    if text.isascii():              # no ASCII character is combining or wide
        return len(text)
    return sum(map(char_width, text))
