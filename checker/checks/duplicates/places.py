"""What the duplicate kinds share: the set phrases of the genre, headings, sections."""
from __future__ import annotations

import re

from checker.model.document import Document
from checker.model.similarity import compile_phrases

SET_PHRASES_KEY = "duplicate_set_phrases"


def set_phrases(doc_or_lexicon) -> re.Pattern | None:
    """The compiled set phrases of the data (``rules/duplicates/vocabulary.yaml``, extendable
    from ``.gwlint.yaml``); compiled once per distinct list."""
    lexicon = doc_or_lexicon
    raw = lexicon.get(SET_PHRASES_KEY) or []
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise ValueError(f"data '{SET_PHRASES_KEY}' must be a list of regular expressions")
    return compile_phrases(tuple(raw))


def heading_paragraphs(doc: Document) -> set[int]:
    """Paragraphs that are nothing but a numbered heading (``（一）加强党的建设``)."""
    starts = {}
    for block in doc.structure.iter_blocks():
        starts[block.head.start] = block
    out = set()
    for para in doc.paragraphs:
        block = starts.get(para.span.start)
        if block is None:
            continue
        body = doc.text[block.marker.span.end:para.span.end].strip().rstrip("。.；;")
        if body == block.title.strip().rstrip("。.；;"):
            out.add(para.index)
    return out


def same_section(doc: Document, a: int, b: int) -> bool:
    return doc.section_at(a) == doc.section_at(b)
