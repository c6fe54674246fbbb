"""What the numbering kinds share: a marker's written shape and how to write an ordinal in it."""
from __future__ import annotations


from checker.model.numerals import CN_NUMERAL_CHARS, format_cn_int
from checker.model.structure import Marker
from checker.core.skipping_re import compile_skipping

# The ordinal of a marker as written: Arabic digits or a Chinese numeral.
_ORDINAL = compile_skipping(rf"[0-9０-９]+|[{''.join(sorted(CN_NUMERAL_CHARS))}]+")
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


def missing(style: str, marker_shape: str, low: int, high: int) -> tuple[str, dict[str, str]]:
    """The message template naming the missing ordinals low..high and its arguments:
    ``missing`` with ``missing_first`` (三、), or ``missing_range`` with ``missing_first``
    and ``missing_last`` (28. … 48.)."""
    first = render(style, marker_shape, low)
    if low == high:
        return "missing", {"missing_first": first}
    return "missing_range", {"missing_first": first, "missing_last": render(style, marker_shape, high)}
