"""Word (.docx) input: everything a reader of the document sees, one line per paragraph.

Read, in this order:

* the body, in document order: paragraphs, the paragraphs of table cells (a table's cells
  take its place, row by row, left to right; a cell merged across columns or rows is read
  once), the paragraphs inside block-level content controls, and after each paragraph
  the paragraphs of the text boxes anchored in it;
* then the headers, the footers, the footnotes and the endnotes.

Inside a paragraph the visible text is read: runs, hyperlinks, tracked insertions
(``w:ins``, ``w:moveTo``), run-level content controls, simple fields (their shown
result), smart tags and custom XML.  Deleted text of tracked changes (``w:del``,
``w:moveFrom``) and field codes are not text a reader sees and are left out.  A text
box that Word stores twice (``mc:AlternateContent``: a DrawingML choice and a VML
fallback) is read once.

Each line is labelled for reports in Word's terms: ``段落 12`` counts the non-empty body
paragraphs as a reader sees them (text boxes, headers and notes do not shift it);
``表格 1 第2行第3列`` names a table cell (``… 第2段`` when the cell holds several
paragraphs); ``文本框 1``, ``页眉``, ``页脚 2``, ``脚注 3``, ``尾注 1`` name the other parts.
A line break inside a paragraph becomes a space, so every character of a line is exactly
one character of the runs listed for it — the docx report relies on that to anchor its
comments.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Iterator

from checker.sources.errors import InputError
from checker.sources.source import SourceText

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Paragraph content that holds visible runs, read through.
_RUN_CONTAINERS = {_w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir")}
# Paragraph content that holds text no reader sees.
_HIDDEN = {_w("del"), _w("moveFrom")}
# Block content read through (content controls and custom XML around paragraphs and tables).
_BLOCK_CONTAINERS = {_w("customXml")}
_TXBX = _w("txbxContent")
_FALLBACK = f"{{{MC}}}Fallback"


@dataclass
class DocxLine:
    element: object              # the <w:p> element
    paragraph: object            # docx.text.paragraph.Paragraph over it
    text: str                    # one character per character of its visible runs
    label: str | None            # None for an empty paragraph
    part: str = "body"           # body, header, footer, footnote, endnote
    runs: list = field(default_factory=list)
    in_control: bool = False     # inside a block-level content control

    @property
    def commentable(self) -> bool:
        """Whether a comment can be anchored in this paragraph.  Word anchors comments in
        the main document only (body, its tables, text boxes); LibreOffice (7.4) drops the
        text of a block-level content control's paragraph that carries one."""
        return self.part == "body" and not self.in_control

    def current_runs(self) -> list:
        """The visible runs now (after the docx report split some)."""
        return visible_runs(self.paragraph)


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


def visible_runs(paragraph) -> list:
    """The runs of a paragraph whose text a reader sees, in order (see the module's notes)."""
    from docx.text.run import Run

    out: list = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag == _w("r"):
                out.append(Run(child, paragraph))
            elif tag in _RUN_CONTAINERS:
                walk(child)
            elif tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    walk(content)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    walk(choice)
            # _HIDDEN and markup (pPr, bookmarks, proofing, comment ranges): no visible text

    walk(paragraph._p)
    return out


def paragraph_runs(paragraph) -> list:
    """The visible runs of a paragraph (kept for callers of the old name)."""
    return visible_runs(paragraph)


def _line_text(runs: list) -> str:
    return "".join(run.text for run in runs).replace("\r", " ").replace("\n", " ")


def paragraph_text(paragraph) -> str:
    return _line_text(visible_runs(paragraph))


def _text_boxes(p_element) -> list:
    """The outermost text-box contents anchored in a paragraph, each once (not the VML
    fallback copy of a DrawingML text box)."""
    boxes = []
    for box in p_element.iter(_TXBX):
        ancestor = box.getparent()
        inside_other = skip = False
        while ancestor is not None and ancestor is not p_element:
            if ancestor.tag == _TXBX:
                inside_other = True
            if ancestor.tag == _FALLBACK:
                skip = True
            ancestor = ancestor.getparent()
        if not inside_other and not skip:
            boxes.append(box)
    return boxes


def _blocks(container) -> Iterator:
    """The paragraphs and tables of a block container, through content controls."""
    for child in container:
        tag = child.tag
        if tag in (_w("p"), _w("tbl")):
            yield child
        elif tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        self.counters = {"paragraph": 0, "table": 0, "textbox": 0}
        self.lines: list[DocxLine] = []

    # -- paragraphs ---------------------------------------------------------------------
    def paragraph(self, p_element, parent, label_of, part: str) -> None:
        """One paragraph's line (labelled by ``label_of(text)``), then its text boxes."""
        from docx.text.paragraph import Paragraph

        paragraph = Paragraph(p_element, parent)
        runs = visible_runs(paragraph)
        text = _line_text(runs)
        label = label_of(text) if text.strip() else None
        self.lines.append(DocxLine(p_element, paragraph, text, label, part, runs, _in_block_control(p_element)))
        for box in _text_boxes(p_element):
            self.counters["textbox"] += 1
            self.container(box, parent, f"文本框 {self.counters['textbox']}", part)

    def body(self) -> None:
        body = self.document.element.body

        def body_label(_text: str) -> str:
            self.counters["paragraph"] += 1
            return f"段落 {self.counters['paragraph']}"

        for item in _blocks(body):
            if item.tag == _w("tbl"):
                self.counters["table"] += 1
                self.table(item, self.document._body, f"表格 {self.counters['table']}", "body")
            else:
                self.paragraph(item, self.document._body, body_label, "body")

    # -- containers: cells, text boxes, headers, notes ----------------------------------
    def container(self, element, parent, prefix: str, part: str) -> None:
        """Paragraphs and tables of a cell, text box, header or note: labelled ``prefix``,
        or ``prefix 第k段`` when it holds several non-empty paragraphs."""
        items = list(_blocks(element))
        non_empty = sum(1 for i in items if i.tag == _w("p") and _has_text(i, parent))
        seen = {"n": 0, "tables": 0}

        def label_of(_text: str) -> str:
            seen["n"] += 1
            return prefix if non_empty == 1 else f"{prefix} 第{seen['n']}段"

        for item in items:
            if item.tag == _w("tbl"):
                seen["tables"] += 1
                self.table(item, parent, f"{prefix} 内表 {seen['tables']}", part)
            else:
                self.paragraph(item, parent, label_of, part)

    def table(self, tbl_element, parent, name: str, part: str) -> None:
        from docx.table import Table

        table = Table(tbl_element, parent)
        seen_cells: set = set()          # the <w:tc> elements already read
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell._tc in seen_cells:  # a merged cell repeats in row.cells
                    continue
                seen_cells.add(cell._tc)
                self.container(cell._tc, cell, f"{name} 第{r}行第{c}列", part)

    def headers_and_footers(self) -> None:
        for kind, name in (("header", "页眉"), ("footer", "页脚")):
            parts = []
            for section in self.document.sections:
                for which in ("", "first_page_", "even_page_"):
                    hf = getattr(section, f"{which}{kind}")
                    if hf.is_linked_to_previous:
                        continue
                    if all(hf.part is not seen.part for seen in parts):
                        parts.append(hf)
            for i, hf in enumerate(parts, 1):
                prefix = name if len(parts) == 1 else f"{name} {i}"
                self.container(hf._element, hf, prefix, kind)

    def notes(self) -> None:
        from docx.oxml.parser import parse_xml

        for kind, name, tag in (("footnote", "脚注", "footnote"), ("endnote", "尾注", "endnote")):
            part = _related_part(self.document, f"{kind}s")
            if part is None:
                continue
            root = getattr(part, "element", None)
            if root is None:
                root = parse_xml(part.blob)
            number = 0
            for note in root.findall(_w(tag)):
                if note.get(_w("type")) not in (None, "normal"):
                    continue  # the separator lines Word draws above the notes
                number += 1
                self.container(note, self.document._body, f"{name} {number}", kind)


def _in_block_control(p_element) -> bool:
    ancestor = p_element.getparent()
    while ancestor is not None:
        if ancestor.tag == _w("sdt"):
            return True
        ancestor = ancestor.getparent()
    return False


def _has_text(p_element, parent) -> bool:
    from docx.text.paragraph import Paragraph

    return bool(paragraph_text(Paragraph(p_element, parent)).strip())


def _related_part(document, name: str):
    for rel in document.part.rels.values():
        if rel.reltype == _RELS + name and not rel.is_external:
            return rel.target_part
    return None


def iter_lines(document) -> Iterator[DocxLine]:
    """One DocxLine per line of the checked text, in reading order (see the module's notes)."""
    reader = _Reader(document)
    reader.body()
    reader.headers_and_footers()
    reader.notes()
    yield from reader.lines


def read_docx(data: bytes, path: str) -> SourceText:
    document = open_docx(data, path)
    lines = list(iter_lines(document))
    text = "\n".join(line.text for line in lines)
    labels = {i: line.label for i, line in enumerate(lines, 1) if line.label}
    source = SourceText.from_decoded(path, text, encoding="utf-8", bom=False, format="docx")
    source.line_labels = labels
    return source
