"""Lines, paragraphs and sentences: the plain units of a document's text."""
from __future__ import annotations

from dataclasses import dataclass

from checker.model.span import Span


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: its number and its span."""

    number: int     # 1-based line number in the original file
    span: Span      # without the line end


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of text between blank lines or line ends (the genre puts one paragraph on a line)."""

    index: int
    span: Span      # leading/trailing blanks trimmed
    line: int       # 1-based line of its first character


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, split on 。！？； and line ends but never inside quotes or brackets."""

    index: int
    span: Span      # the sentence including its closing punctuation
    paragraph: int  # index into Document.paragraphs
