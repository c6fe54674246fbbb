"""Split normalised text into lines and paragraphs (one paragraph per non-blank line)."""
from __future__ import annotations

from checker.model.span import Span
from checker.model.text_units import Line, Paragraph

# Full-width and ideographic spaces indent paragraphs in the genre; they are not content.
_BLANKS = " \t\u3000\u00a0\ufeff"


def split_lines(text: str) -> list[Line]:
    lines, start = [], 0
    for number, chunk in enumerate(text.split("\n"), start=1):
        lines.append(Line(number, Span(start, start + len(chunk))))
        start += len(chunk) + 1
    return lines


def split_paragraphs(text: str, lines: list[Line]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for line in lines:
        chunk = line.span.of(text)
        stripped = chunk.strip(_BLANKS)
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip(_BLANKS))
        start = line.span.start + lead
        paragraphs.append(Paragraph(len(paragraphs), Span(start, start + len(stripped)), line.number))
    return paragraphs
