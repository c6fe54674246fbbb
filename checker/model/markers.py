"""Numbering markers at the start of a paragraph: ``一、`` ``（一）`` ``1.`` ``1、`` ``（1）`` ``①``.

Two steps, so that only a paragraph's start is read closely:

* ``CANDIDATE`` is one compiled regular expression, matched once at each paragraph
  start; it also enforces what makes a marker a marker and not a number — an Arabic
  marker is a short digit run followed by ``.``/``．``/``、`` and then a NON-digit, so
  ``1.5万``, ``2.0``, ``3·23``, ``5G+``, ``12月份``, ``2022年`` and ``3、4月`` never match;
* ``MARKER`` reads a matched candidate whole into its style, ordinal and width (results
  are cached: a document repeats ``1.`` … ``9.``).  It was a pyparsing grammar (blanks
  allowed between the pieces, tabs expanded); this regular expression reads the same
  texts the same way, and spares the start-up pyparsing's import.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.model.numerals import parse_cn_int
from checker.model.span import Span
from checker.model.structure import Marker
from checker.core.skipping_re import compile_skipping

_CN = "一二三四五六七八九十百零〇两"
_OPEN = "（("
_CLOSE = "）)"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))        # ① … ⑳
_PAREN_DIGITS = "".join(chr(c) for c in range(0x2474, 0x2488))   # ⑴ … ⒇
_DOT_DIGITS = "".join(chr(c) for c in range(0x2488, 0x249C))     # ⒈ … ⒛

# The characters of the CJK Unified Ideographs block a marker can open with (〇 lies
# outside the block). A caller looking at any other character of the block knows without
# a match that no marker starts there (the duplicate family's per-sentence gates).
HAN_FIRST, HAN_LAST = chr(0x4E00), chr(0x9FFF)
OPENING_HAN = frozenset(ch for ch in _CN if HAN_FIRST <= ch <= HAN_LAST)

# One alternation per style; an Arabic or Chinese ordinal is kept short (a heading
# never reaches 一百 or 1000) so that years and amounts cannot pass as ordinals.
CANDIDATE = compile_skipping(
    rf"(?:[{_CN}]{{1,3}}、(?![{_CN}]+(?:、|年级))"            # 一、  (not 一、二年级)
    rf"|[{_OPEN}][{_CN}]{{1,3}}[{_CLOSE}]"                   # （一） (一)
    rf"|[0-9０-９]{{1,3}}[.．](?![0-9０-９])"                # 1.  1．
    rf"|[0-9０-９]{{1,3}}、(?![0-9０-９])"                   # 1、
    rf"|[{_OPEN}][0-9０-９]{{1,3}}[{_CLOSE}]"                # （1） (1)
    rf"|[{_CIRCLED}{_PAREN_DIGITS}{_DOT_DIGITS}])"           # ① ⑴ ⒈
)


_BLANK = "[ \t\n\r]*"      # what the grammar skipped before each piece
_AR = "0123456789０１２３４５６７８９"


def _grammar() -> re.Pattern:
    cn, ar, b = f"(?P<cn>[{_CN}]+)", f"(?P<ar>[{_AR}]+)", _BLANK
    opener = f"(?P<open>[{_OPEN}])"
    close = f"[{_CLOSE}]"
    styles = [
        f"(?P<cn_dun>{cn}{b}(?P<sep>、))",
        f"(?P<cn_paren>{opener}{b}{cn.replace('<cn>', '<cn2>')}{b}{close})",
        f"(?P<ar_dot>{ar}{b}(?P<sep2>[.．]))",
        f"(?P<ar_dun>{ar.replace('<ar>', '<ar2>')}{b}、)",
        f"(?P<ar_paren>{opener.replace('<open>', '<open2>')}{b}{ar.replace('<ar>', '<ar3>')}{b}{close})",
        f"(?P<circled>[{_CIRCLED}])",
        f"(?P<paren_digit>[{_PAREN_DIGITS}])",
        f"(?P<dot_digit>[{_DOT_DIGITS}])",
    ]
    # The styles start with different characters, so the first that matches is the only
    # one that can: the alternation reads as the grammar's first-match did.
    return compile_skipping(f"{b}(?:{'|'.join(styles)}){b}\\Z")


def _read(match: re.Match) -> tuple[str, int | None, str]:
    g = match.groupdict()
    if g["cn_dun"] is not None:
        return "cn-dun", parse_cn_int(g["cn"]), "full"
    if g["cn_paren"] is not None:
        return "cn-paren", parse_cn_int(g["cn2"]), "full" if g["open"] == "（" else "half"
    if g["ar_dot"] is not None:        # int() reads full-width digits too
        return "ar-dot", int(g["ar"]), "half" if g["sep2"] == "." else "full"
    if g["ar_dun"] is not None:
        return "ar-dun", int(g["ar2"]), "full"
    if g["ar_paren"] is not None:
        return "ar-paren", int(g["ar3"]), "full" if g["open2"] == "（" else "half"
    if g["circled"] is not None:
        return "circled", _CIRCLED.index(g["circled"]) + 1, "full"
    if g["paren_digit"] is not None:
        return "ar-paren", _PAREN_DIGITS.index(g["paren_digit"]) + 1, "full"
    return "ar-dot", _DOT_DIGITS.index(g["dot_digit"]) + 1, "full"


MARKER = _grammar()


@lru_cache(maxsize=4096)
def read_marker_text(text: str) -> tuple[str, int, str] | None:
    """``(style, ordinal, width)`` of a candidate marker's text, or None."""
    match = MARKER.match(text.expandtabs() if "\t" in text else text)
    if match is None:
        return None
    style, ordinal, width = _read(match)
    if ordinal is None or ordinal < 1:
        return None
    return style, ordinal, width


def marker_end(text: str, start: int, end: int | None = None) -> int | None:
    """Where the marker ``marker_at`` reads at ``start`` ends (None: there is none),
    without making the ``Marker``: the count checks ask only where a paragraph's
    content starts, once per paragraph."""
    match = CANDIDATE.match(text, start, len(text) if end is None else end)
    if match is None or read_marker_text(match.group()) is None:
        return None
    return match.end()


def marker_at(text: str, start: int, end: int | None = None) -> Marker | None:
    """The numbering marker starting exactly at ``start`` of ``text`` (a paragraph start)."""
    match = CANDIDATE.match(text, start, len(text) if end is None else end)
    if match is None:
        return None
    read = read_marker_text(match.group())
    if read is None:
        return None
    style, ordinal, width = read
    return Marker(style=style, ordinal=ordinal, span=Span(start, match.end()), text=match.group(), width=width)
