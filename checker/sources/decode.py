"""Turn the bytes of a text file into text, or refuse it: never read it wrongly.

Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE — Windows Notepad
saves "Unicode" as UTF-16 LE with a BOM); then UTF-8 (strict); then GB18030, a superset
of GBK and GB2312.  Every byte sequence of Big5 (and of several other double-byte
encodings) is also valid GB18030, so a GB18030 reading is accepted only when the text is
plausible Chinese prose: few characters from the private use area, kana, box drawing,
Cyrillic or Hangul, and few Han characters outside GB2312.  Improbable text goes to
charset-normalizer, a maintained detector; its answer is taken when it names another
encoding whose text is plausible, and otherwise the file is refused as undecodable.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.sources.errors import InputError

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
BOM_OF = {encoding: mark for mark, encoding in BOMS}

# Above this share of improbable characters among the non-ASCII ones, a GB18030 reading
# is not trusted.  Real documents stay near 0 (a rare name, a Greek letter); Big5 read as
# GB18030 is well above 0.3.
IMPROBABLE_SHARE = 0.1
_MIN_SAMPLE = 4            # fewer non-ASCII characters than this: too little to judge

# Blocks that Chinese prose almost never uses but a misreading produces in numbers.
_IMPROBABLE_BLOCKS = (
    (0x0370, 0x03FF),      # Greek
    (0x0400, 0x04FF),      # Cyrillic
    (0x2500, 0x259F),      # box drawing, block elements
    (0x3040, 0x30FF),      # hiragana, katakana
    (0x3100, 0x312F),      # bopomofo
    (0x3400, 0x4DBF),      # CJK extension A
    (0xAC00, 0xD7AF),      # Hangul syllables
    (0xE000, 0xF8FF),      # private use area
    (0xFFFD, 0xFFFD),      # replacement character
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's bytes as text: the text, the codec that read it, whether a BOM opened it."""

    text: str
    encoding: str   # a Python codec name: "utf-8", "gb18030", "utf-16-le", "big5", …
    bom: bool


def improbable_share(text: str, simplified: bool = True) -> float:
    """The share of improbable characters among the non-ASCII ones (0 when too few to judge).

    ``simplified``: a Han character outside GB2312 counts as improbable too (a GB18030
    file of simplified Chinese uses few); off for a traditional-Chinese reading.
    """
    seen = bad = 0
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            continue
        seen += 1
        if any(lo <= code <= hi for lo, hi in _IMPROBABLE_BLOCKS):
            bad += 1
        elif simplified and 0x4E00 <= code <= 0x9FFF:
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                bad += 1
    return bad / seen if seen >= _MIN_SAMPLE else 0.0


def decode_bytes(data: bytes, path: str) -> Decoded:
    for mark, encoding in BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data[len(mark):].decode(encoding), encoding, True)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {_label(encoding)} byte-order mark but is not valid "
                                       f"{_label(encoding)} (byte {exc.start + len(mark)})") from None
    if b"\x00" in data:
        # NUL bytes decode as valid UTF-8, so test for them before decoding: no text file has them.
        raise InputError(path, "is a binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        # Both offsets: a UTF-8 file with one damaged byte fails as GB18030 near its start,
        # so GB18030's offset alone sent the reader to a place with nothing wrong.
        raise InputError(path, f"is neither UTF-8 nor GB18030/GBK text (undecodable byte at offset "
                               f"{utf8_error} as UTF-8, at offset {exc.start} as GB18030)") from None
    # GB18030's BOM (84 31 95 33) decodes to U+FEFF: it is a mark, not a character of
    # line 1 (columns, messages); --fix writes it back.
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    if improbable_share(text) <= IMPROBABLE_SHARE:
        return Decoded(text, "gb18030", bom)
    return _detect(data, text, path)


def _detect(data: bytes, gb_text: str, path: str) -> Decoded:
    """A second opinion for bytes whose GB18030 reading is improbable: another encoding
    the detector names and that reads plausibly; else GB18030 after all when only the
    many Han characters outside GB2312 were odd (traditional Chinese saved as GB18030);
    else a refusal."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else None
    if encoding and encoding.replace("_", "").lower() not in ("gb18030", "gbk", "gb2312", "hz"):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and improbable_share(text, simplified=False) <= IMPROBABLE_SHARE:
            return Decoded(text, encoding, False)
    if improbable_share(gb_text, simplified=False) <= IMPROBABLE_SHARE:
        return Decoded(gb_text, "gb18030", False)
    raise InputError(path, "is not UTF-8, and read as GB18030 it gives improbable text (it may be Big5 or "
                           "another encoding); save it as UTF-8")


def _label(encoding: str) -> str:
    return encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
