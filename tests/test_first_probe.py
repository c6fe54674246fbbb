"""A user expression needing no literal is not run over a long text holding none of the
characters its matches begin with (``UserPattern._holds_no_first``); otherwise it finds what
``regex`` finds."""
from __future__ import annotations

import random

import regex

from checker.core.patterns import UserPattern

_MARKS = "◈◆◇❖✿❀❁✾✽✻✼❃❋★☆●"     # enough that no literal is required (no literal gate)
_PATTERNS = [
    f"(?<![{_MARKS}])(?=[{_MARKS}]{{2}})[{_MARKS}]*[◈◇❖✿❀❁✾✽✻✼❃❋][{_MARKS}]*",
    r"[0-9a-c一二三第]{2,}(?=[。，])",
    r"(?<=[的是])[0-9a-c一二三第]+",
]


def test_finditer_matches_regex_with_and_without_first_characters():
    rng = random.Random(8)
    probed = 0
    for pattern in _PATTERNS:
        user = UserPattern(pattern)
        plain = regex.compile(pattern)
        for _ in range(60):
            alphabet = "的一是在了。，" + (_MARKS + "0123abc页第一二" if rng.random() < 0.5 else "")
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1_000, 3_000)))
            pos = rng.choice([0, rng.randint(0, 200)])
            got = [m.span() for m in user.finditer(text, pos)]
            assert got == [m.span() for m in plain.finditer(text, pos)], pattern
            probed += user._first_probe not in (None, False)
    assert probed > 100


def test_a_text_without_first_characters_does_not_run_the_expression(monkeypatch):
    import checker.core.patterns as patterns

    user = UserPattern(_PATTERNS[0])
    text = "的一是在了。，" * 300
    calls = []
    monkeypatch.setattr(patterns, "_run", lambda *args: calls.append(1) or args[0](*args[1:]))
    assert list(user.finditer(text)) == []
    assert calls == []
    assert list(user.finditer(text[:1_000] + "◈✿" + text[:1_000])) and calls
