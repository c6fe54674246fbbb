"""The excerpt a report shows of a span: its first line, cut to a readable length."""
from __future__ import annotations

_EXCERPT_MAX = 80


def excerpt_of(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    piece = piece.split("\n", 1)[0]
    if len(piece) > _EXCERPT_MAX:
        piece = piece[:_EXCERPT_MAX - 1] + "…"
    return piece
