"""A decoded input with its original form kept, so positions and fixes map back exactly."""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass, field

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class SourceText:
    """One input document.

    ``text`` is what checks read: line ends normalised to ``\\n`` and, for formats such
    as Markdown, non-prose regions (code, front matter) blanked with spaces of the same
    length so that every offset still means the same line and column.
    ``original`` is the decoded file exactly as it was (line ends untouched).
    Line and column of an offset in ``text`` equal those of the original file, since only
    line ends (which are not counted in columns) differ.
    """

    path: str
    original: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"               # the file's dominant line end
    format: str = "text"              # "text", "markdown", "docx"
    # For docx: paragraph labels ("段落 12", "表格 1 单元格 2,3") by 1-based line number.
    line_labels: dict[int, str] | None = None
    # sha-256 of the bytes read (empty for text that did not come from a file): --fix
    # writes only over these very bytes.
    digest: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _original_starts: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # each line starts one past the end of the line before: the lengths of the pieces
        # between the \n, summed as they go (a loop over the characters took 1.5 ms on a
        # 20 KB document, outside every check's time)
        self._line_starts = [0, *accumulate(len(line) + 1 for line in self.text.split("\n")[:-1])]

    @classmethod
    def from_decoded(cls, path: str, original: str, *, encoding: str = "utf-8", bom: bool = False,
                     format: str = "text") -> "SourceText":
        return cls(path=path, original=original, text=normalise_line_ends(original), encoding=encoding,
                   bom=bom, newline=dominant_newline(original), format=format)

    @property
    def line_starts(self) -> list[int]:
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into ``text``, counting code points."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_place(self, line: int) -> str:
        return line_place(self.line_labels, line)

    def column_place(self, column: int) -> str:
        return column_place(self.line_labels, column)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end]

    def original_line_text(self, line: int) -> str:
        """A 1-based line as the file has it (before Markdown or directive masking)."""
        start = self.original_offset(self._line_starts[line - 1])
        m = _LINE_END.search(self.original, start)
        return self.original[start:m.start() if m else len(self.original)]

    def original_offset(self, offset: int) -> int:
        """Map an offset of ``text`` to the same character of ``original`` (for fixes)."""
        if self.original is self.text or len(self.original) == len(self.text):
            return offset
        line, col = self.position(offset)
        if self._original_starts is None:  # computed once: fixes and reports ask many times
            self._original_starts = [0] + [m.end() for m in _LINE_END.finditer(self.original)]
        starts = self._original_starts
        return (starts[line - 1] if line - 1 < len(starts) else len(self.original)) + col - 1


def line_place(labels: dict[int, str] | None, line: int) -> str:
    """A line as its reader names it: the Word label (段落 4, 表格 1 第2行第3列, 页眉 …)
    where the source has labels, else 第N行."""
    if labels:
        label = labels.get(line)
        if label:
            return label
    return f"第{line}行"


def column_place(labels: dict[int, str] | None, column: int) -> str:
    """A column as its reader names it: 第N列 in a text file, 第N字 in a Word paragraph
    (which has characters, not columns)."""
    return f"第{column}字" if labels is not None else f"第{column}列"


def normalise_line_ends(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"
