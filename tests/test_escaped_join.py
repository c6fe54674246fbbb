"""``checker.core.escaped.escaped_join``: what escaping each word and joining gives (issue 11)."""
from __future__ import annotations

import random
import re

from checker.core.escaped import _SPECIAL, escaped_join


def test_special_characters_are_those_re_escape_changes():
    # the shortcut is exact only while the class holds every character re.escape changes
    # and no other (checked over every character there is)
    changed = [c for c in map(chr, range(0x110000)) if re.escape(c) != c]
    held = [c for c in map(chr, range(128)) if _SPECIAL.fullmatch(c)]
    assert changed == held


def test_join_matches_escaping_each_word():
    rng = random.Random(11)
    alphabet = "增长百分点万元亿个()[]{}?*+-|^$\\.&~# \t\n\r\v\fabc0\x00"
    for _ in range(3000):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 6))]
        for sep in ("|", "", ","):
            want = sep.join(re.escape(w) for w in words)
            assert escaped_join(words, sep) == want
            assert escaped_join(tuple(words), sep) == want
            assert escaped_join(iter(words), sep) == want


def test_plain_words_are_joined_as_they_are():
    assert escaped_join(["增长", "下降"]) == "增长|下降"
    assert escaped_join(["百分点", "1.5"]) == "百分点|1\\.5"
    assert escaped_join([]) == ""
