"""Split paragraphs into sentences on 。！？； without breaking quotes, brackets or 书名号."""
from __future__ import annotations

import re

from checker.model.span import Span, known_span
from checker.model.text_units import Paragraph, Sentence
from checker.model.unfrozen_twin import unfrozen_twin
from checker.core.skipping_re import compile_skipping

_ENDERS = frozenset("。！？；!?;")
_OPENERS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "〔": "〕", "「": "」", "『": "』"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
# Characters that stay with the sentence they close: 。” belongs to the quote's sentence.
_TRAILERS = frozenset("”’）)》】」』")
# The only characters _split_one acts on (every other one only moves it on): searched for,
# the loop skips the runs between them in one call instead of a step per character.
_ACTED_ON = compile_skipping("[" + re.escape("".join(sorted(_ENDERS | set(_OPENERS) | set(_CLOSERS)))) + "]")
# The sentence ends alone: ``_split_plain`` cuts at each of them and reads nothing else.
_ENDER = compile_skipping("[" + re.escape("".join(sorted(_ENDERS))) + "]")


def split_sentences(text: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for para in paragraphs:
        for span in _split_one(text, para.span):
            sentences.append(_sentence(len(sentences), span, para.index))
    return sentences


# ``Sentence(index, span, paragraph)`` made by plain stores into an unfrozen twin given
# the class Sentence (``unfrozen_twin``): the frozen constructor's three
# ``object.__setattr__`` calls were a third of the layer's time.
_new = object.__new__
_Unfrozen = unfrozen_twin(Sentence)


def _sentence(index: int, span: Span, paragraph: int) -> Sentence:
    sentence = _new(_Unfrozen)
    sentence.index = index
    sentence.span = span
    sentence.paragraph = paragraph
    sentence.__class__ = Sentence
    return sentence


def _split_one(text: str, span: Span):
    stack: list[str] = []
    start = span.start
    i = span.start
    end = span.end
    next_mark = _ACTED_ON.search
    while i < end:
        found = next_mark(text, i, end)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _OPENERS and not (ch in _CLOSERS):
            stack.append(_OPENERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in _CLOSERS and stack and _CLOSERS[ch] in _OPENERS and ch in stack:
            # A closer that skips an unclosed opener: unwind to it, so one stray mark
            # does not swallow the rest of the paragraph.
            while stack and stack.pop() != ch:
                pass
        elif ch in _ENDERS and not stack:
            j = i + 1
            while j < end and (text[j] in _ENDERS or text[j] in _TRAILERS):
                j += 1
            yield _trim(text, start, j)
            start = i = j
            continue
        i += 1
    if start < end:
        # An unbalanced opener may have suppressed every split; fall back to plain splitting.
        if stack and end - start > 200:
            yield from _split_plain(text, start, end)
        else:
            trimmed = _trim(text, start, end)
            if len(trimmed):
                yield trimmed


def _split_plain(text: str, start: int, end: int):
    """Cut ``text[start:end]`` after each sentence end, brackets and quotes ignored.  The
    ends are found by one expression of their characters (re skips the runs between
    them) instead of a test per character: the same cuts, in order."""
    for found in _ENDER.finditer(text, start, end):
        yield _trim(text, start, found.end())
        start = found.end()
    if start < end:
        trimmed = _trim(text, start, end)
        if len(trimmed):
            yield trimmed


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    # every caller passes 0 <= start <= end (a paragraph's offsets, a mark's), and the
    # loops above keep start <= end: a valid span, its check not needed
    return known_span(start, end)
