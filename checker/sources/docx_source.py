"""Word (.docx) input: every paragraph, and every paragraph of a table cell, becomes one line.

Order is document order; a table's cells take the table's place, row by row, left to
right (a cell merged across columns or rows is read once).  Each line is labelled for
reports: ``段落 12`` counts the non-empty body paragraphs as a reader sees them,
``表格 1 第2行第3列`` names a table cell (``… 第2段`` when the cell holds several
paragraphs).  A line break inside a paragraph becomes a space, so every character of
a line is exactly one character of the paragraph's runs — the docx report relies on
that to anchor its comments.  Headers, footers, footnotes and text boxes are not read.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Iterator

from checker.sources.errors import InputError
from checker.sources.source import SourceText


@dataclass
class DocxLine:
    paragraph: object            # docx.text.paragraph.Paragraph
    text: str                    # one character per character of the paragraph's runs
    label: str | None            # None for an empty paragraph


def open_docx(data: bytes, path: str):
    """A python-docx Document, or an InputError naming what is wrong with the file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError):
        raise InputError(path, "is not a Word .docx file (not a valid Office Open XML package)") from None
    except ValueError as exc:  # e.g. a .docm or template content type
        raise InputError(path, f"cannot be read as a .docx document: {exc}") from None
    except Exception as exc:  # broken XML inside the package
        raise InputError(path, f"cannot be read as a .docx document: {type(exc).__name__}: {exc}") from None


def paragraph_runs(paragraph) -> list:
    """The runs of a paragraph in order, including the runs inside hyperlinks."""
    from docx.text.run import Run

    runs = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Run):
            runs.append(item)
        else:
            runs.extend(item.runs)
    return runs


def paragraph_text(paragraph) -> str:
    text = "".join(run.text for run in paragraph_runs(paragraph))
    return text.replace("\r", " ").replace("\n", " ")


def iter_lines(document) -> Iterator[DocxLine]:
    """One DocxLine per line of the checked text, in document order."""
    counter = {"paragraph": 0, "table": 0}
    yield from _container_lines(document, counter, prefix=None)


def _container_lines(container, counter: dict, prefix: str | None) -> Iterator[DocxLine]:
    from docx.table import Table

    if prefix is None:
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                counter["table"] += 1
                yield from _table_lines(item, f"表格 {counter['table']}", counter)
            else:
                text = paragraph_text(item)
                label = None
                if text.strip():
                    counter["paragraph"] += 1
                    label = f"段落 {counter['paragraph']}"
                yield DocxLine(item, text, label)
        return
    # inside a cell: paragraphs and nested tables
    items = list(container.iter_inner_content())
    non_empty = [i for i in items if not isinstance(i, Table) and paragraph_text(i).strip()]
    nested = 0
    seen = 0
    for item in items:
        if isinstance(item, Table):
            nested += 1
            yield from _table_lines(item, f"{prefix} 内表 {nested}", counter)
            continue
        text = paragraph_text(item)
        label = None
        if text.strip():
            seen += 1
            label = prefix if len(non_empty) == 1 else f"{prefix} 第{seen}段"
        yield DocxLine(item, text, label)


def _table_lines(table, name: str, counter: dict) -> Iterator[DocxLine]:
    seen_cells: set = set()          # the <w:tc> elements already read
    for r, row in enumerate(table.rows, 1):
        for c, cell in enumerate(row.cells, 1):
            if cell._tc in seen_cells:  # a merged cell repeats in row.cells
                continue
            seen_cells.add(cell._tc)
            yield from _container_lines(cell, counter, prefix=f"{name} 第{r}行第{c}列")


def read_docx(data: bytes, path: str) -> SourceText:
    document = open_docx(data, path)
    lines = list(iter_lines(document))
    text = "\n".join(line.text for line in lines)
    labels = {i: line.label for i, line in enumerate(lines, 1) if line.label}
    source = SourceText.from_decoded(path, text, encoding="utf-8", bom=False, format="docx")
    source.line_labels = labels
    return source
