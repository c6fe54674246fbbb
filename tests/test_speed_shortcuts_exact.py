"""Shortcuts taken for speed (issue 11) give what the plain definitions give: each is
compared here with the definition it replaces, on generated inputs."""
from __future__ import annotations

import random

from checker.checks.punctuation import halfwidth

_MARKS = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_QUOTES = {'"': ("“", "”")}


def _fixed_point(body: str, marks, quotes) -> list[int]:
    """``flagged_marks`` as defined: passes until one finds what the last found."""
    if not any(c in body for c in list(marks) + list(quotes or {})):
        return []
    skip = halfwidth._skipped(body)
    roles = halfwidth.quote_roles(body, quotes or {}, skip)
    out: set[int] = set()
    while True:
        found = halfwidth._flag_once(body, marks, skip, out, roles)
        if found == out:
            return sorted(out)
        out = found


def test_halfwidth_marks_without_the_confirming_pass_are_the_fixed_points():
    rng = random.Random(11)
    # marks next to marks (chains that need several passes), blanks, Han, Latin, digits,
    # quotes and a URL piece
    pieces = list(',;:()?!"') * 3 + ["年", "以来", "在", "a", "Hello", "1", "22", " ", "  ", "\t", "。",
                                     "）", "“", "http://x.cn/a", "b@c.org", "—"]
    seen_multi = 0
    for _ in range(20_000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        expected = _fixed_point(body, _MARKS, _QUOTES)
        assert halfwidth.flagged_marks(body, _MARKS, _QUOTES) == expected, body
        assert halfwidth.flagged_marks(body, _MARKS) == _fixed_point(body, _MARKS, None), body
        skip = halfwidth._skipped(body)
        roles = halfwidth.quote_roles(body, _QUOTES, skip)
        first = halfwidth._flag_once(body, _MARKS, skip, set(), roles)
        seen_multi += first != set(expected)
    assert seen_multi > 100          # the inputs do reach marks found only on a later pass


def test_list_marker_ends_searched_near_closers_are_a_whole_searchs():
    from checker.checks.punctuation.list_markers import list_marker, marker_ends

    rng = random.Random(12)
    pieces = list("1234ab十一二)）)）；;，,。：: \n(（") + ["x", "年", "中", "12", "abc", "a1"]
    for numerals in ("一二三四五六七八九十", "", "ⅰⅱ)", "-]\\"):
        marker = list_marker(numerals)
        for _ in range(8_000):
            body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
            assert marker_ends(numerals, body) == {m.end() - 1 for m in marker.finditer(body)}, (numerals, body)
