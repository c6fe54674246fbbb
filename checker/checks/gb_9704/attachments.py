"""The 附件说明 and the attachments (GB/T 9704-2012 7.3.4 and 7.3.7).

``gb-attachment-note`` reads the 附件说明 — ``附件：`` and the attachment names, one per
line — and reports what 7.3.4 rules out: a name ending in a punctuation mark, several
attachments not numbered ``1.`` ``2.`` (``1、``, ``（1）``, ``一、``), numbers that skip or
repeat, and a single attachment given a number.

``gb-attachment-match`` compares the attachments at the end of the document (a line
``附件1`` and the title under it) with the 附件说明: each attachment's number must be
one the note lists, and its title the name given there (7.3.7).  Documents without an
attachment note or without attachment headings are not compared.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.model.numerals import parse_cn_int
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "fixed", "number", "expected", "name"})
_SPACE = " \t\u3000"


class Item:
    """One attachment an attachment note lists: its number and marker, its name
    (``number``: as written, None when unnumbered; ``marker``: "1." "1、" "（1）" "" …)."""

    # A plain class, not a dataclass: read and set by attribute only (never compared,
    # hashed or copied), and a dataclass is ~0.2 ms of a fresh process to make.
    __slots__ = ("number", "marker", "marker_span", "name", "name_span")

    def __init__(self, number: int | None, marker: str, marker_span: Span | None, name: str, name_span: Span) -> None:
        self.number = number
        self.marker = marker
        self.marker_span = marker_span
        self.name = name
        self.name_span = name_span


def note_items(doc, vocab) -> list[Item]:
    """The attachments the 附件说明 lists, in order (empty: no note)."""
    note = vocab.regex("attachment_note")
    item_re = vocab.regex("attachment_item")
    if note is None or item_re is None:
        return []
    text = doc.text
    items: list[Item] = []
    for para in doc.paragraphs:
        line = para.span.of(text)
        m = note.match(line)
        if m is None:
            continue
        start = para.span.start + m.end()
        items.append(_item(text, start, para.span.end, item_re))
        for nxt in doc.paragraphs[para.index + 1:]:
            body = nxt.span.of(text)
            if not body.strip():
                break
            im = item_re.match(body)
            indent = len(body) - len(body.lstrip(_SPACE))
            if im is None and indent == 0:
                break
            items.append(_item(text, nxt.span.start, nxt.span.end, item_re))
        break
    return [i for i in items if i.name]


def _item(text: str, start: int, end: int, item_re) -> Item:
    line = text[start:end]
    m = item_re.match(line)
    lead = len(line) - len(line.lstrip(_SPACE))
    if m is None:
        name_start = start + lead
        return Item(None, "", None, text[name_start:end].rstrip(_SPACE), Span(name_start, end))
    n = m.group("n") or m.group("pn")
    number = int(n) if n else parse_cn_int(m.group("cn") or "")
    marker = m.group("marker")
    marker_start = start + m.start("marker")
    name_start = start + m.end()
    name = text[name_start:end].rstrip(_SPACE)
    return Item(number, marker, Span(marker_start, marker_start + len(marker)), name,
                Span(name_start, name_start + len(name)))


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    if rule.kind == "gb-attachment-match":
        yield from _match(doc, vocab)
        return
    items = note_items(doc, vocab)
    if not items:
        return
    text = doc.text
    for item in items:
        if item.name and item.name[-1] in vocab.attachment_end_marks:
            end = item.name_span.start + len(item.name)
            yield Finding(Span(end - 1, end), args={"found": item.name, "fixed": item.name[:-1]}, fix="",
                          message="end-mark")
    numbered = [i for i in items if i.number is not None]
    if len(items) == 1 and numbered:
        only = numbered[0]
        yield Finding(only.marker_span, args={"found": only.marker, "name": only.name}, fix="", message="single")
        return
    if len(items) < 2:
        return
    for i, item in enumerate(items, 1):
        right = f"{i}."
        if item.number is None:
            yield Finding(item.name_span, args={"found": item.name, "fixed": right, "number": i},
                          message="unnumbered")
        elif item.number != i:
            yield Finding(item.marker_span, args={"found": item.marker, "fixed": right, "number": i},
                          fix=right, message="order")
        elif item.marker != right:
            yield Finding(item.marker_span, args={"found": item.marker, "fixed": right, "number": i}, fix=right)


def _clean(name: str) -> str:
    return re.sub(r"[\s\u3000《》〈〉“”\"'。；;，,.．、：:]", "", name)


def _match(doc, vocab) -> Iterator[Finding]:
    items = note_items(doc, vocab)
    heading = vocab.regex("attachment_heading")
    if not items or heading is None:
        return
    listed = {(i.number if i.number is not None else 1): i for i in items}
    text = doc.text
    paragraphs = doc.paragraphs
    for para in paragraphs:
        m = heading.match(para.span.of(text))
        if m is None:
            continue
        number = int(m.group("n")) if m.group("n") else 1
        title_para = next((p for p in paragraphs[para.index + 1:] if p.span.of(text).strip()), None)
        span = Span(para.span.start + len(para.span.of(text)) - len(para.span.of(text).lstrip(_SPACE)),
                    para.span.start + len(para.span.of(text).rstrip(_SPACE)))
        item = listed.get(number)
        if item is None:
            yield Finding(span, args={"found": para.span.of(text).strip(), "number": number,
                                      "expected": len(listed), "name": ""}, message="unlisted")
            continue
        if title_para is None:
            continue
        title = title_para.span.of(text).strip()
        if _clean(title) != _clean(item.name):
            yield Finding(title_para.span, args={"found": title, "number": number, "expected": item.name,
                                                 "name": item.name})
