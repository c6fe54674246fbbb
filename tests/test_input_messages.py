"""The one-line messages of inputs that could not be read point at the right place."""
from __future__ import annotations

import pytest

from checker.sources.decode import decode_bytes
from checker.sources.errors import InputError


def test_an_undecodable_utf8_file_names_its_damaged_byte():
    # UTF-8 text with one stray byte: GB18030 fails near the start (offset 3 here), where
    # nothing is wrong; the message named only that offset
    good = "全市义务教育巩固率稳步提高。".encode("utf-8")
    data = good[:12] + b"\xff" + good[12:]
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "notes.txt")
    assert "offset 12 as UTF-8" in caught.value.reason
    assert caught.value.reason.startswith("is neither UTF-8 nor GB18030/GBK text (undecodable byte at offset ")
