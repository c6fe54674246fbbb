"""Turn the bytes of a text file into text, detecting UTF-8 (with or without BOM) or GB18030."""
from __future__ import annotations

from dataclasses import dataclass

from checker.sources.errors import InputError

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str   # "utf-8" or "gb18030"
    bom: bool


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode as UTF-8 first (strict), then GB18030, which is a superset of GBK and GB2312.

    UTF-8 is tried first because valid UTF-8 Chinese text almost never also decodes as
    meaningful GB18030, while the reverse order would mis-read UTF-8 files.
    """
    if data.startswith(_BOM):
        try:
            return Decoded(data[len(_BOM):].decode("utf-8"), "utf-8", True)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"starts with a UTF-8 BOM but is not valid UTF-8 (byte {exc.start})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "is UTF-16; save it as UTF-8 or GB18030")
    if b"\x00" in data:
        # NUL bytes decode as valid UTF-8, so test for them before decoding: no text file has them.
        raise InputError(path, "is a binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"is neither UTF-8 nor GB18030/GBK text (undecodable byte at offset {exc.start})") from None
    return Decoded(text, "gb18030", False)
