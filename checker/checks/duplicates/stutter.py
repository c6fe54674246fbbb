"""Kind ``stutter``: a word or phrase written twice in a row (``的的``, ``进一步进一步``).

Chinese doubles characters on purpose (``常常``, ``天天``, ``人人``, ``一一``, ``看看``,
``家家户户``), so a single doubled character is reported only when it is a function
character from the data (``的``, ``了``, ``和``, ``在`` …), and only when both copies are
words of their own in jieba's segmentation (``目的的`` and ``为了了解`` are fine: the
first copy ends another word).  A doubled word of two or more characters is reported
when both copies are whole words (``开展一对一对接`` is fine).  Idioms and patterns that
double legitimately are allow-listed in the data.  The fix deletes the extra copies.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.duplicates.doubled_runs import doubled_starts
from checker.checks.finding import Finding
from checker.model.document import Document
from checker.model.span import Span
from checker.core.patterns import compile_alternation
from checker.model.markers import CANDIDATE as _MARKER

MESSAGE_ARGS = frozenset({"word", "times"})

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    max_word: int = Field(8, ge=1, le=8)     # longest repeated word looked for


@lru_cache(maxsize=16)
def _allow_words(patterns: tuple[str, ...]):
    return compile_alternation(patterns)     # user data: bounded


def _data(vocabulary):
    chars = vocabulary.get("stutter_function_chars") or ""
    if isinstance(chars, list):
        chars = "".join(chars)
    phrases = tuple(vocabulary.get("stutter_allow_phrases") or ())
    words = _allow_words(tuple(vocabulary.get("stutter_allow_words") or ()))
    links = tuple(vocabulary.get("stutter_emphatic_links") or ())
    return frozenset(chars), phrases, words, links


def _emphatic(text: str, end: int, word: str, links: tuple[str, ...]) -> bool:
    """``A A 再 A``: a word said twice and then a third time after a link (提高提高再提高)
    is a deliberate slogan, not a slip.  Only that shape: two copies, the link, the word."""
    for link in links:
        if text.startswith(link + word, end):
            return True
    return False


# A run-in heading: a page that lost the line break after a heading runs the heading's
# title into the first sentence below it, and that sentence often opens with the title's
# last words (（一）大力推进X + X是…).  Only a word of this many characters or more is read so:
# a short doubling (AB AB) right after a marker is still a slip.
_RUN_IN_MIN = 4
_RUN_IN_TITLE = 30          # the longest heading title looked back over
_BRACKETED = "(\uff08"     # （一） （1） may follow the heading before it directly
_SENTENCE_END = "\u3002\uff1b\uff1a\uff01\uff1f;:!?"   # 。；：！？: what a bare 二、 or 2. follows


_BODY_MIN = 8               # a body sentence runs on after the title's words
_BODY_END = re.compile("[\u3002\uff01\uff1f!?\n]")


def _body_follows(text: str, end: int) -> bool:
    """After the second copy a sentence runs on (…X是全镇增收的主导产业，…), not a short
    tail that ends the title (…振兴和教育振兴和教育资助工作。 is a doubled title)."""
    stop = _BODY_END.search(text, end)
    return (stop.start() if stop else len(text)) - end >= _BODY_MIN


def _run_in_heading(text: str, start: int, size: int) -> bool:
    """The first copy ends the title of a numbering marker that opens this stretch of
    characters inside a line: ``…。（一）…X`` with no punctuation between marker and ``X``,
    then ``X`` again as the body's first word.  A bare ``一、``/``1.`` marker counts only
    after punctuation (``统一、规范`` is no marker)."""
    if size < _RUN_IN_MIN:
        return False
    lo = max(0, start - _RUN_IN_TITLE)
    last = None
    for m in _MARKER.finditer(text, lo, start):
        last = m
    if last is None:
        return False
    title = text[last.end():start]
    if title and not _HAN_RUN.fullmatch(title):
        return False
    # nothing but Han characters between the marker and the first copy: a title
    # the marker stands inside a line: the page lost its line breaks around headings (a
    # heading on a line of its own ends at the line's end, and a doubling in it is a slip)
    line_start = text.rfind("\n", 0, last.start()) + 1
    if not text[line_start:last.start()].strip():
        return False
    first = last.group()[0]
    if first in _BRACKETED or "\u2460" <= first <= "\u249b":      # （一） ① ⑴ ⒈
        return True
    before = text[last.start() - 1]
    return before in _SENTENCE_END      # 。二、…: not 统一、 nor a marker after a marker


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc: Document, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    candidates = doubled_starts(text)       # places where a run of Han characters is doubled
    if not candidates:
        return
    function_chars, allow_phrases, allow_words, links = _data(rule.vocabulary)
    done = 0
    for start in candidates:
        if start < done:
            continue
        for size in range(1, params.max_word + 1):
            word = text[start:start + size]
            if len(word) < size or text[start + size:start + 2 * size] != word:
                continue
            if not _HAN_RUN.fullmatch(word):
                break
            if size == 1 and word not in function_chars:
                continue
            if allow_words and allow_words.fullmatch(word):
                continue
            times = 2
            while text[start + times * size:start + (times + 1) * size] == word:
                times += 1
            end = start + times * size
            if _allowed_phrase(text, start, end, allow_phrases):
                continue
            if times == 2 and size > 1 and _emphatic(text, end, word, links):
                done = end
                break
            if times == 2 and _run_in_heading(text, start, size) and _body_follows(text, end):
                done = end
                break
            # the words around this place only (Document.tokens_in segments just its block)
            boundaries = {b for _, span in doc.tokens_in(start, end) for b in (span.start, span.end)}
            if not all(start + k * size in boundaries for k in range(times + 1)):
                continue
            yield Finding(Span(start + size, end), args={"word": word, "times": times}, fix="")
            done = end
            break


def _allowed_phrase(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    for phrase in phrases:
        lo = max(0, start - len(phrase))
        k = text.find(phrase, lo, end + len(phrase))
        while k >= 0 and k < end:
            if k <= start and k + len(phrase) >= end:
                return True
            k = text.find(phrase, k + 1, end + len(phrase))
    return False
