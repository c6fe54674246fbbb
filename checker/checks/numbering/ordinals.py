"""What the numbering kinds share: a marker's written shape and how to write an ordinal in it."""
from __future__ import annotations

import re

from checker.model.numerals import format_cn_int
from checker.model.structure import Marker

_ORDINAL = re.compile(r"[0-9０-９]+|[一二三四五六七八九十百零〇两]+")
_CN_STYLES = ("cn-dun", "cn-paren", "cn-shi", "cn-di")
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_GLYPH_STYLES = {"circled": 0x2460, "ar-paren": 0x2474, "ar-dot": 0x2488}


def shape(marker: Marker) -> str:
    """The marker with its ordinal replaced by ``#``: ``（#）``, ``(#)``, ``#.``, ``#、``.

    Single-glyph markers (①, ⑴, ⒈) keep their style name as shape, and full-width digits
    are told apart from ASCII ones (``＃.``)."""
    if len(marker.text) == 1 and not _ORDINAL.fullmatch(marker.text):
        return f"<{marker.style}>"
    match = _ORDINAL.search(marker.text)
    if match is None:
        return marker.text
    token = "＃" if match.group()[0] in "０１２３４５６７８９" else "#"
    return marker.text[:match.start()] + token + marker.text[match.end():]


def render(style: str, marker_shape: str, ordinal: int) -> str:
    """``ordinal`` written in ``marker_shape``: render("cn-dun", "#、", 3) == "三、"."""
    if marker_shape.startswith("<"):
        base = _GLYPH_STYLES.get(style)
        return chr(base + ordinal - 1) if base and 1 <= ordinal <= 20 else str(ordinal)
    if style in _CN_STYLES:
        number = format_cn_int(ordinal)
    elif "＃" in marker_shape:
        number = str(ordinal).translate(_FULL_DIGITS)
    else:
        number = str(ordinal)
    return marker_shape.replace("＃", number).replace("#", number)


def skipped(style: str, marker_shape: str, low: int, high: int) -> str:
    """``“三、”`` or ``“28.”至“48.”`` for the missing ordinals low..high."""
    first = f"“{render(style, marker_shape, low)}”"
    if low == high:
        return first
    return f"{first}至“{render(style, marker_shape, high)}”"
