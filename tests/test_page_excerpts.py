"""``places._page_excerpts`` searches the Han characters of the whole text once, from
where the text below each lead paragraph starts; it took the text below each one
through the filter again before.  The former reading is the reference here."""
from __future__ import annotations

import random

from checker.checks.duplicates import places
from checker.checks.duplicates.places import (_BLANKS, _EXCERPT_STRETCH, _EXCERPT_TAIL, _FINISHED,
                                              _LEAD_PARAGRAPHS, _compiled_marks, _han, _page_excerpts)
from checker.model.document import Document
from checker.model.markers import marker_at


def _reference(doc, marks):
    text = doc.text
    out: set[int] = set()
    seen = 0
    for para in doc.paragraphs:
        body = para.span.of(text).strip(_BLANKS)
        if not body:
            continue
        if marker_at(text, para.span.start) or seen >= _LEAD_PARAGRAPHS:
            break
        seen += 1
        han = _han(body)
        if len(han) < _EXCERPT_STRETCH * 2:
            continue
        below = _han(text[para.span.end:])
        middle = han[len(han) // 2 - _EXCERPT_STRETCH // 2:][:_EXCERPT_STRETCH]
        if middle not in below and han[:_EXCERPT_STRETCH] not in below:
            continue
        marked = marks is not None and marks.search(body) is not None
        cut = body[-1] not in _FINISHED and han[-_EXCERPT_TAIL:] in below
        if marked or cut:
            out.add(para.index)
    return frozenset(out)


def test_page_excerpts_are_those_of_the_former_reading():
    rng = random.Random(7)
    words = ["推进", "建设", "完善", "机制", "工作", "落实", "ab", "12", "，", "、", "“", "”"]
    marks = _compiled_marks(("摘要", "分享"))
    found = 0
    for _ in range(400):
        body = ["".join(rng.choice(words) for _ in range(rng.randint(8, 40))) + rng.choice("。；，")
                for _ in range(rng.randint(3, 12))]
        head = []
        for _ in range(rng.randint(0, 5)):
            source = rng.choice(body)
            piece = source[:rng.randint(10, len(source))] if rng.random() < 0.7 else source
            head.append(rng.choice(["", "【摘要】", "下面和大家分享", " "]) + piece)
        if rng.random() < 0.3:
            head.append("")
        text = "\n".join(head + ["一、总体要求"] * (rng.random() < 0.3) + body) + "\n"
        doc = Document.from_text(text)
        got = _page_excerpts(doc, marks)
        assert got == _reference(doc, marks), text
        found += bool(got)
    assert found > 40


def test_a_document_without_lead_paragraphs_is_read_without_the_whole_filter():
    doc = Document.from_text("一、总体要求\n推进建设。\n")
    assert places._page_excerpts(doc, None) == frozenset()


def test_finished_unmarked_lead_paragraphs_leave_the_whole_text_unfiltered(monkeypatch):
    # a lead paragraph that ends with a full stop and holds no mark is no excerpt whatever
    # it quotes: the Han filter of the whole text is not made for it
    filtered = []
    monkeypatch.setattr(places, "_han", lambda s: filtered.append(s) or _han(s))
    lead = "推进建设完善机制工作落实推进建设完善机制工作落实推进建设。"
    text = lead + "\n一、总体要求\n" + lead + "\n"
    doc = Document.from_text(text)
    marks = _compiled_marks(("摘要",))
    assert _page_excerpts(doc, marks) == _reference(doc, marks) == frozenset()
    assert text not in filtered
    # cut off (no full stop) it is asked, and found
    text = lead[:-1] + "\n一、总体要求\n" + lead + "\n"
    doc = Document.from_text(text)
    assert _page_excerpts(doc, marks) == _reference(doc, marks) == {0}
    assert text in filtered
