"""The required-literal pre-filter of user expressions (checker.core.patterns): an
expression is skipped only where it cannot match, so the results are those of running it."""
from __future__ import annotations

import random

import pytest
import regex

from checker.core.patterns import compile_user, required_literals


@pytest.mark.parametrize("pattern, flags, expected", [
    ("abc", 0, ("abc",)),
    ("ab|cd", 0, ("ab", "cd")),
    ("x(?:ab|cd)+y?", 0, ("ab", "cd")),
    ("abc?", 0, ("ab",)),
    ("ab|c?", 0, ()),                 # a branch needing nothing: no filter
    ("a*", 0, ()),
    ("(?i)abc", 0, ()),               # case-insensitive: the text may differ
    ("abc", regex.IGNORECASE, ()),
    ("^abc", regex.MULTILINE, ("abc",)),
    ("a{e<=1}bc", 0, ()),             # regex's fuzzy matching, which re reads as literals
    ("[[:alpha:]]xy", 0, ()),         # a POSIX class
    (r"\p{Han}+ab", 0, ()),           # syntax re does not know
    ("(?<=ab)cd", 0, ("cd",)),
    ("(?i:ab)cd", 0, ("cd",)),
])
def test_required_literals(pattern, flags, expected):
    assert required_literals(pattern, flags) == expected


def test_a_skipped_expression_finds_what_running_it_finds():
    rng = random.Random(11)
    alphabet = "abcd xy\n"
    patterns = ["ab", "a.c", "(?:ab|cd)x", "^ab$", "b(?=c)d?", "(ab)+", "x[ab]{2}y", "ab|c", r"a\sb",
                "(?m)^cd", "(?:a|b)(?:c|d)", "(?>ab)c", "a{2}", "a{e<=1}bc"]
    for pattern in patterns:
        bounded = compile_user(pattern, regex.MULTILINE)
        plain = regex.compile(pattern, regex.MULTILINE)
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text))
            assert [m.span() for m in bounded.finditer(text, pos, end)] == \
                [m.span() for m in plain.finditer(text, pos, end)], (pattern, text, pos, end)
            assert bool(bounded.search(text, pos, end)) == bool(plain.search(text, pos, end))
            assert bounded.sub("-", text) == plain.sub("-", text)
