"""``gb-addressee``: a 主送机关 line that does not end in a full-width colon (GB/T 9704-2012
7.3.2): ``各县（市、区）教育局，局属各学校`` with nothing, or a comma, after the last organ.

Only the first lines after the title are read (a 发文字号 or date line between them is
passed over), and a line counts as the 主送 only when it names organs for a group
(``addressee_starts``: 各…, 全市…) or several organs separated by 、 or ，, and ends in an
organ word (``addressee_endings``): a single organ under the title is the author's
byline, not an addressee.  A line with a full stop or a figure in it is a sentence of
the text, never the 主送.  A half-width colon is punct-halfwidth's to report.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "colon"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    lines_after_title: int = Field(default=4, ge=1)   # non-empty lines after the title searched for the 主送


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocab = vocabulary(rule)
    colon = vocab.addressee_colon
    if not colon or not vocab.addressee_endings:
        return
    structure = doc.structure
    if structure.title_span is None:
        return
    text = doc.text
    skip = [r for r in (vocab.regex("doc_number"), vocab.regex("date_line")) if r is not None]
    headings = {b.head.start for b in structure.iter_blocks()}
    seen = 0
    for para in doc.paragraphs:
        if para.span.start < structure.title_span.end:
            continue
        line = para.span.of(text).strip()
        if not line:
            continue
        if any(r.fullmatch(line) for r in skip):
            continue
        seen += 1
        if seen > params.lines_after_title:
            return
        if para.span.start in headings:
            return   # the text has begun: 一、总体要求
        if _is_addressee(line, vocab) and not line.endswith((colon, ":")):
            stripped = para.span.of(text).rstrip()
            end = para.span.start + len(stripped)
            last = stripped[-1]
            if last in vocab.addressee_separators:
                yield Finding(Span(end - 1, end), args={"found": line, "colon": colon}, fix=colon)
            else:
                yield Finding(Span(end - 1, end), args={"found": line, "colon": colon}, fix=last + colon)
            return


def _is_addressee(line: str, vocab) -> bool:
    """Organs named for a group or several organs, and nothing else: no sentence (a full
    stop), no figures, no numbering marker in front."""
    body = line.rstrip("".join(vocab.addressee_separators))
    if len(body) > vocab.addressee_max_length or not body:
        return False
    if any(mark in body for mark in "。！？!?") or any(ch.isdigit() for ch in body):
        return False
    if not any(body.endswith(w) for w in vocab.addressee_endings):
        return False
    group = any(body.startswith(w) for w in vocab.addressee_starts)
    several = any(sep in body for sep in vocab.addressee_separators)
    return group or several
