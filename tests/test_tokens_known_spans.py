"""``tokens.tokenize`` makes its spans without the constructor's check (``known_span``):
they must be the constructor's spans — of class Span, equal, hashing alike, frozen — and
cover the text word after word."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from checker.model.span import Span
from checker.model.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]


def test_token_spans_are_the_constructors():
    texts = [p.read_text(encoding="utf-8")[:3000] for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += ["", "a", "一二三", "2023年增长5.6%，达到1,200亿元。", "\n\n  第一条 为了\t规范"]
    seen = 0
    for text in texts:
        at = 0
        for word, span in tokenize(text):
            assert type(span) is Span
            made = Span(span.start, span.end)
            assert span == made and hash(span) == hash(made) and repr(span) == repr(made)
            assert span.start == at and text[span.start:span.end] == word
            at = span.end
            seen += 1
        assert at == len(text)
    assert seen > 1_000
    with pytest.raises(dataclasses.FrozenInstanceError):
        tokenize("测试")[0][1].start = 5
