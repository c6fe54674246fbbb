"""``punct-halfwidth``: half-width , ; : ( ) ? ! and " in Chinese text, one report per paragraph.

A mark counts when the nearest non-blank character on either side is Chinese (a Han
character or full-width punctuation): ``2022年以来,在`` but not ``1,000``, ``23:28`` or
``Hello, world``.  Parentheses count as a pair when they hold Chinese text
(``(试行)``), never around Latin letters or digits only (``(APP)``, ``(1)``); an unpaired
one counts when it touches Chinese.  Straight double quotes (``quotes``) pair up in
order within the paragraph; a pair counts when it holds Chinese text or has Chinese on
both sides (``附件"殡葬服务情况表"``, ``开展"Hello"活动``, not ``level="2"，``) and is fixed to “ ”; an unpaired one
counts when it touches Chinese (not right after a digit: 15" is inches).  URLs and e-mail addresses are skipped.

The report is one per paragraph, at its first such mark, with their count; its fix
rewrites the text from the first to the last mark with every counted mark made
full-width (and blanks right after a comma-like mark dropped, as full-width marks carry
their own space).  A document typed in half-width throughout (most of its punctuated
paragraphs, ``document_share``) gets one report for the whole text, under the
``document`` template, whose fix rewrites every paragraph.  The marks and their
replacements are the vocabulary's ``halfwidth_marks`` and ``straight_quotes``.
Paragraphs holding a scraping leftover (see ``skip_leftovers``) are skipped: the artifact
rules report them and they go as a whole.  A run of two or more ? that opens after a
blank or has a word going on right after it is characters lost to a failed decode, not
question marks: it is not reported.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.punctuation.skip_leftovers import garbled_spans, leftover_paragraphs
from checker.checks.punctuation.words import words
from checker.model.span import Span
from checker.core.patterns import LiteralScan, literal_scan
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"count", "marks", "first", "paragraphs"})
# The template of a document typed in half-width throughout (one report for the whole text).
MESSAGES = frozenset({"document"})

# Clause punctuation of either width: a paragraph holding some is one that could be typed
# in half-width.
# Two or more ? in a row where characters stood: a page decoded in the wrong code page
# turns each lost character into a ?.  A run right after a blank or at a line's start
# closes no sentence, and a run with a word going on right after it (??财政) sits inside
# text; neither is a question mark, and full-width ？ would be no fix.
_LOST_RUN = compile_skipping(r"\?{2,}")


def _lost_characters(body: str) -> set[int]:
    lost: set[int] = set()
    for m in _LOST_RUN.finditer(body):
        before = body[m.start() - 1] if m.start() else "\n"
        after = body[m.end()] if m.end() < len(body) else "\n"
        if before.isspace() or after.isalnum():     # str.isalnum: Han characters too
            lost.update(range(m.start(), m.end()))
    return lost


_CLAUSE_MARKS = frozenset("，,；;：:。、（）()")
_CLAUSE_MARK = compile_skipping("[" + re.escape("".join(sorted(_CLAUSE_MARKS))) + "]")

_SKIP = compile_skipping(r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
                   r"|www\.[A-Za-z0-9.\-/_%?=&#:]+"
                   r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_BLANKS = " \t\u00a0"


def is_chinese(ch: str) -> bool:
    """A Han character or full-width / CJK punctuation.  Curly quotes are neutral: they
    wrap English as often as Chinese."""
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E
            or 0xF900 <= o <= 0xFAFF or ch in "…—·")


_HAN = compile_skipping(r"[\u3400-\u9fff]")


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # A document whose paragraphs with punctuation mostly (this share, and at least this
    # many) use half-width marks was typed that way: one report for it, with one fix.
    document_share: float = Field(0.5, gt=0, le=1)
    # ...and at least this many such paragraphs for the one document-wide report (fewer: one per paragraph)
    document_min_paragraphs: int = Field(3, ge=2)


def _neighbour(body: str, i: int, step: int) -> int:
    """Offset of the nearest non-blank character before (step -1) or after (+1), or -1."""
    j = i + step
    while 0 <= j < len(body) and body[j] in _BLANKS:
        j += step
    return j if 0 <= j < len(body) else -1


def flagged_marks(body: str, marks: dict[str, str], quotes: dict[str, tuple[str, str]] | None = None) -> list[int]:
    """Offsets (into ``body``) of half-width marks standing in Chinese text.

    A mark next to one that is converted counts too (``(全省8所),140个``: once the
    parentheses are full-width the comma touches ``）``), so the result is computed to
    a fixed point and a second --fix finds nothing.  The pass that would only confirm
    the last one's result is not made when it could read nothing new (see the loop).
    """
    if _marks_in(tuple(marks) + tuple(quotes or {})).search(body) is None:
        return []           # no half-width mark or straight quote: nothing to flag
    skip = _skipped(body)
    roles = quote_roles(body, quotes or {}, skip)
    out: set[int] = set()
    while True:
        unmarked: set[int] = set()
        found = _flag_once(body, marks, skip, out, roles, unmarked)
        if found == out or unmarked.isdisjoint(found):
            # The pass again with ``found`` converted would read every position exactly
            # as this one did: a position it found Chinese stays so (``found`` holds
            # ``out``: each pass only adds), and one it found not Chinese (``unmarked``)
            # is not among the marks converted now.  So it would find ``found`` again.
            return sorted(found)
        out = found


@lru_cache(maxsize=16)
def _marks_in(chars: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``chars`` (single characters; a longer key never equals one character)."""
    singles = sorted({c for c in chars if len(c) == 1})
    return compile_skipping("[" + escaped_join(singles, "") + "]" if singles else "(?!)")


@lru_cache(maxsize=1)
def _skip_scan() -> LiteralScan:
    """``_SKIP`` searched as the checks' expressions are: not at all in a body lacking every
    text its matches need (``@``, ``://``, ``www.``, found from the expression itself), as
    most paragraphs do; the address branch opens with a letter or digit, which ``re``
    would try at every one of them."""
    return literal_scan(_SKIP)


def _skipped(body: str) -> set[int]:
    """The offsets inside URLs and the like (a set: most paragraphs hold none, and a list
    of a flag per character cost a paragraph's length each time)."""
    skip: set[int] = set()
    for m in _skip_scan().finditer(body):
        skip.update(range(m.start(), m.end()))
    return skip


def quote_roles(body: str, quotes: dict[str, tuple[str, str]], skip: set[int] | None = None) -> dict[int, int]:
    """Straight quotes of ``body`` (outside URLs) -> 0 (opening) or 1 (closing), paired in
    order; an unpaired last one opens when text follows it, else closes."""
    skip = skip if skip is not None else _skipped(body)
    roles: dict[int, int] = {}
    for q in quotes:
        if q not in body:
            continue
        where = [i for i, ch in enumerate(body) if ch == q and i not in skip]
        for n, i in enumerate(where):
            roles[i] = n % 2
        if len(where) % 2:
            last = where[-1]
            right = _neighbour(body, last, 1)
            roles[last] = 0 if right >= 0 and not _is_closing_context(body[right]) else 1
    return roles


def _is_closing_context(ch: str) -> bool:
    return ch in "，。；：？！、）》】,.;:?!)"


def _flag_once(body: str, marks: dict[str, str], skip: set[int], converted: set[int],
               roles: dict[int, int], unmarked: set[int] | None = None) -> set[int]:
    """The marks counted when those of ``converted`` are full-width already;
    ``unmarked`` receives each position read and found not Chinese."""
    def chinese_at(j: int) -> bool:
        if j in converted or is_chinese(body[j]):
            return True
        if unmarked is not None:
            unmarked.add(j)
        return False

    size = len(body)

    def touches_chinese(i: int) -> bool:
        # _neighbour's steps written out (asked for most marks of a document): the nearest
        # non-blank character before, then after, each read only when needed as before
        left = i - 1
        while left >= 0 and body[left] in _BLANKS:
            left -= 1
        if left >= 0 and chinese_at(left):
            return True
        right = i + 1
        while right < size and body[right] in _BLANKS:
            right += 1
        return right < size and chinese_at(right)

    def between_chinese(j: int, i: int) -> bool:
        # a pair holding no Chinese counts when Chinese stands on both sides ("Hello"活动)
        left, right = _neighbour(body, j, -1), _neighbour(body, i, 1)
        if left < 0 and right < 0:
            return False
        return (left < 0 or chinese_at(left)) and (right < 0 or chinese_at(right))

    out: set[int] = set()
    parens = "(" in marks and ")" in marks
    stack: list[int] = []
    for q in {body[k] for k in roles}:
        where = sorted(k for k in roles if body[k] == q)
        for j, i in zip(where[::2], where[1::2]):
            if has_han(body[j + 1:i]) or between_chinese(j, i):
                out.update((j, i))
        last = where[-1]
        # an unpaired one right after a digit is an inch or second mark (15"), not a quote
        if len(where) % 2 and touches_chinese(last) and not (last and body[last - 1].isdigit()):
            out.add(last)
    for m in _marks_in(tuple(marks)).finditer(body):     # the characters of marks only
        i, ch = m.start(), m.group()
        if i in roles or i in skip:
            continue
        if parens and ch == "(":
            stack.append(i)
        elif parens and ch == ")":
            if stack:
                j = stack.pop()
                if has_han(body[j + 1:i]):
                    out.update((j, i))
            elif touches_chinese(i):
                out.add(i)
        elif touches_chinese(i):
            out.add(i)
    out.update(j for j in stack if touches_chinese(j))
    return out



def check(doc, rule) -> Iterator[Finding]:
    vocabulary = words(rule)
    marks, quotes = vocabulary.halfwidth_marks, vocabulary.straight_quotes
    text = doc.text
    params: Params = rule.params
    skipped = leftover_paragraphs(doc, rule)
    garbled = {i for span in garbled_spans(doc, rule) for i in range(span.start, span.end)}
    found: list[_Paragraph] = []
    punctuated = 0                  # paragraphs holding clause punctuation of either width
    for para in doc.paragraphs:
        if para.index in skipped:
            continue
        body = para.span.of(text)
        if _CLAUSE_MARK.search(body):
            punctuated += 1
        offsets = flagged_marks(body, marks, quotes)
        if garbled:     # a ? of mojibake is garbage (artifact-garble's), not a half-width mark
            offsets = [o for o in offsets if para.span.start + o not in garbled]
        if offsets and "?" in body:
            lost = _lost_characters(body)
            offsets = [o for o in offsets if o not in lost]
        if offsets:
            found.append(_paragraph(para.span.start, body, offsets, marks, quotes))
    if not found:
        return
    if len(found) >= params.document_min_paragraphs and len(found) >= params.document_share * punctuated:
        # typed in half-width throughout: one report for the document, one fix for all
        first, last = found[0], found[-1]
        pieces, at = [], first.start
        for part in found:
            pieces.append(text[at:part.start])
            pieces.append(part.fixed)
            at = part.end
        seen = _in_order(m for part in found for m in part.marks)
        yield Finding(Span(first.first_mark, first.first_mark + 1), message="document",
                      args={"count": sum(p.count for p in found), "marks": " ".join(seen),
                            "first": text[first.first_mark], "paragraphs": len(found)},
                      fix="".join(pieces), fix_span=Span(first.start, last.end))
        return
    for part in found:
        yield Finding(Span(part.first_mark, part.first_mark + 1),
                      args={"count": part.count, "marks": " ".join(part.marks), "first": text[part.first_mark],
                            "paragraphs": 1},
                      fix=part.fixed, fix_span=Span(part.start, part.end))


class _Paragraph:
    """The half-width marks of one paragraph and the fix of the text they span."""

    def __init__(self, start: int, end: int, first_mark: int, count: int, marks: list[str], fixed: str) -> None:
        self.start, self.end, self.first_mark = start, end, first_mark
        self.count, self.marks, self.fixed = count, marks, fixed


def _paragraph(base: int, body: str, offsets: list[int], marks: dict[str, str],
               quotes: dict[str, tuple[str, str]]) -> _Paragraph:
    roles = quote_roles(body, quotes)
    replacement = {k: quotes[body[k]][roles[k]] if k in roles else marks[body[k]] for k in offsets}
    first, last = offsets[0], offsets[-1]
    end = last + 1
    drop_after = set()
    for i in offsets:
        if body[i] in "(" or i in roles:
            continue
        k = i + 1
        while k < len(body) and body[k] in _BLANKS:
            k += 1
        if k > i + 1 and k < len(body) and is_chinese(body[k]):
            drop_after.update(range(i + 1, k))
            if i == last:
                end = k
    flagged = set(offsets)
    # the text from the first mark to the end, with each flagged mark replaced and the
    # blanks after a mark dropped; the rest copied a stretch at a time
    pieces, at = [], first
    for k in sorted(k for k in flagged | drop_after if first <= k < end):
        pieces.append(body[at:k])
        pieces.append(replacement[k] if k in flagged else "")
        at = k + 1
    pieces.append(body[at:end])
    fixed = "".join(pieces)
    return _Paragraph(base + first, base + end, base + first, len(offsets),
                      _in_order(body[i] for i in offsets), fixed)


def _in_order(marks) -> list[str]:
    seen: list[str] = []
    for mark in marks:
        if mark not in seen:
            seen.append(mark)
    return seen
