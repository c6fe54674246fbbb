"""Numbering markers at the start of a paragraph: ``一、`` ``（一）`` ``1.`` ``1、`` ``（1）`` ``①``.

Two steps, so that pyparsing never scans running text:

* ``CANDIDATE`` is one compiled regular expression, matched once at each paragraph
  start; it also enforces what makes a marker a marker and not a number — an Arabic
  marker is a short digit run followed by ``.``/``．``/``、`` and then a NON-digit, so
  ``1.5万``, ``2.0``, ``3·23``, ``5G+``, ``12月份``, ``2022年`` and ``3、4月`` never match;
* ``MARKER`` is the pyparsing grammar that reads a matched candidate into its style,
  ordinal and width (parsed results are cached: a document repeats ``1.`` … ``9.``).
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyparsing as pp

from checker.model.numerals import parse_cn_int
from checker.model.span import Span
from checker.model.structure import Marker

_CN = "一二三四五六七八九十百零〇两"
_OPEN = "（("
_CLOSE = "）)"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))        # ① … ⑳
_PAREN_DIGITS = "".join(chr(c) for c in range(0x2474, 0x2488))   # ⑴ … ⒇
_DOT_DIGITS = "".join(chr(c) for c in range(0x2488, 0x249C))     # ⒈ … ⒛

# One alternation per style; an Arabic or Chinese ordinal is kept short (a heading
# never reaches 一百 or 1000) so that years and amounts cannot pass as ordinals.
CANDIDATE = re.compile(
    rf"(?:[{_CN}]{{1,3}}、(?![{_CN}]+(?:、|年级))"            # 一、  (not 一、二年级)
    rf"|[{_OPEN}][{_CN}]{{1,3}}[{_CLOSE}]"                   # （一） (一)
    rf"|[0-9０-９]{{1,3}}[.．](?![0-9０-９])"                # 1.  1．
    rf"|[0-9０-９]{{1,3}}、(?![0-9０-９])"                   # 1、
    rf"|[{_OPEN}][0-9０-９]{{1,3}}[{_CLOSE}]"                # （1） (1)
    rf"|[{_CIRCLED}{_PAREN_DIGITS}{_DOT_DIGITS}])"           # ① ⑴ ⒈
)


def _grammar() -> pp.ParserElement:
    cn = pp.Word(_CN)("cn")
    ar = pp.Word("0123456789０１２３４５６７８９")("ar")
    full_open, half_open = pp.Literal("（")("open"), pp.Literal("(")("open")
    close = pp.one_of(list(_CLOSE))("close")
    opener = full_open | half_open
    styles = [
        (cn + pp.Literal("、")("sep")).set_parse_action(lambda t: _result("cn-dun", t)),
        (opener + cn + close).set_parse_action(lambda t: _result("cn-paren", t)),
        (ar + pp.one_of([".", "．"])("sep")).set_parse_action(lambda t: _result("ar-dot", t)),
        (ar + pp.Literal("、")("sep")).set_parse_action(lambda t: _result("ar-dun", t)),
        (opener + ar + close).set_parse_action(lambda t: _result("ar-paren", t)),
        pp.one_of(list(_CIRCLED))("glyph").set_parse_action(lambda t: _glyph("circled", _CIRCLED, t)),
        pp.one_of(list(_PAREN_DIGITS))("glyph").set_parse_action(lambda t: _glyph("ar-paren", _PAREN_DIGITS, t)),
        pp.one_of(list(_DOT_DIGITS))("glyph").set_parse_action(lambda t: _glyph("ar-dot", _DOT_DIGITS, t)),
    ]
    return pp.MatchFirst(styles) + pp.StringEnd()


def _result(style: str, tokens: pp.ParseResults) -> list[tuple[str, int | None, str]]:
    if "cn" in tokens:
        ordinal = parse_cn_int(tokens["cn"])
    else:
        ordinal = int(tokens["ar"])       # int() reads full-width digits too
    if "open" in tokens:
        width = "full" if tokens["open"] == "（" else "half"
    elif tokens.get("sep") == ".":
        width = "half"
    else:
        width = "full"
    return [(style, ordinal, width)]


def _glyph(style: str, table: str, tokens: pp.ParseResults) -> list[tuple[str, int, str]]:
    return [(style, table.index(tokens["glyph"]) + 1, "full")]


MARKER = _grammar()


@lru_cache(maxsize=4096)
def read_marker_text(text: str) -> tuple[str, int, str] | None:
    """``(style, ordinal, width)`` of a candidate marker's text, or None."""
    try:
        style, ordinal, width = MARKER.parse_string(text, parse_all=True)[0]
    except pp.ParseException:
        return None
    if ordinal is None or ordinal < 1:
        return None
    return style, ordinal, width


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
