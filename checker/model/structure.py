"""The shape of a document: title, sections, numbered headings and items."""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.model.span import Span

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

    SectionKind = Literal["summary", "plan", "none"]

# Numbering styles of the genre, in their usual order of nesting.
#   cn-dun      一、        cn-paren   （一） / (一)
#   ar-dot      1.  1．     ar-dun     1、
#   ar-paren    （1） / (1) circled    ① ②
#   cn-shi      一是 / 二是 (inline enumerators inside a paragraph)
STYLE_ORDER = ("cn-dun", "cn-paren", "ar-dot", "ar-dun", "ar-paren", "circled")


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker such as ``三、`` or ``（2）`` or ``二是``."""

    style: str          # one of STYLE_ORDER or "cn-shi"
    ordinal: int        # 3 for 三、, 2 for （2）
    span: Span          # the marker's own characters
    text: str           # as written: "（2）"
    width: str = "full"  # "full" or "half": which brackets/dots were used (（ vs (, ． vs .)


@dataclass(slots=True)
class Block:
    """A numbered heading or list item and everything up to its next sibling.

    ``span`` covers the block's lines; ``head`` is its first line (the marker's line);
    ``title`` is the heading text after the marker up to the first 。 or line end.
    """

    marker: Marker
    level: int                  # 1 = outermost numbering level used in the document
    span: Span
    head: Span                  # the first line
    title: str
    paragraphs: list[int] = field(default_factory=list)  # indexes into Document.paragraphs
    children: list["Block"] = field(default_factory=list)
    parent: "Block | None" = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the document with one kind: a whole document or one half of a combined one."""

    span: Span
    kind: SectionKind
    year: int | None
    title: str


@dataclass(frozen=True, slots=True)
class InlineEnum:
    """An inline ``一是…二是…`` sequence inside one paragraph."""

    paragraph: int
    markers: tuple[Marker, ...]


@dataclass(slots=True)
class Structure:
    """A document's outline: title, year and kind, its sections and numbered blocks."""

    title: str
    title_span: Span | None
    year: int | None
    kind: SectionKind               # the document's own kind from its title
    sections: list[Section]
    blocks: list[Block]             # top-level blocks; walk .children for the tree
    inline_enums: list[InlineEnum]
    # The text opens in mid-text: no title, its first line (web leftovers aside) is
    # already body text and more lines follow — a later page of a paged article or a
    # copy cut at its top.  What that first stretch continues (an opening quote, the
    # items numbered before it) is on a page the text does not show.
    opens_mid_text: bool = False

    def iter_blocks(self):
        """Every block, depth first, in document order."""
        stack = list(reversed(self.blocks))
        while stack:
            block = stack.pop()
            yield block
            stack.extend(reversed(block.children))

    def section_at(self, offset: int) -> Section | None:
        for section in self.sections:
            if section.span.start <= offset < section.span.end:
                return section
        return None
