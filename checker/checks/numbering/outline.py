"""What the numbering kinds share about lines outside the numbered outline."""
from __future__ import annotations

# Statement punctuation: a short line with none of it is a name (a title, a caption).
_STATEMENT_MARKS = frozenset("。，；！？,;!?")


def name_lines(doc, heads: set[int], max_length: int = 60) -> set[int]:
    """Indexes of unnumbered paragraphs (not in ``heads``) that are a name, not text:
    short, holding a Han character and no statement punctuation (a title line)."""
    out: set[int] = set()
    for para in doc.paragraphs:
        if para.index in heads:
            continue
        body = para.span.of(doc.text).strip()
        if (body and len(body) <= max_length and not any(ch in _STATEMENT_MARKS for ch in body)
                and any(0x4E00 <= ord(ch) <= 0x9FFF for ch in body)):
            out.add(para.index)
    return out
