"""jieba segmentation, imported on first use only (loading its dictionary costs ~0.5 s)."""
from __future__ import annotations

from functools import lru_cache

from checker.model.span import Span


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokenize(text: str) -> list[tuple[str, Span]]:
    jieba = _jieba()
    return [(word, Span(start, end)) for word, start, end in jieba.tokenize(text)]
